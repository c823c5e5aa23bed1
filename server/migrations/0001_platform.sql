-- Platform foundation: the least-privileged application role, extensions, tenant helpers and the
-- append-only guard shared by the journal and the audit log.

-- Roles are cluster-wide: several databases (and parallel test databases) may race to create it.
-- A DBA may create it beforehand; then the schema owner needs no CREATEROLE.
do $$
begin
  if not exists (select from pg_roles where rolname = 'kruispunt_app') then
    create role kruispunt_app nologin;
  end if;
exception when duplicate_object or unique_violation then null;
end $$;

-- The schema owner switches to the application role in every request transaction (SET LOCAL ROLE),
-- which needs membership when the owner is not a superuser.
-- A failure here must stop the migration: without membership every request would fail later.
do $$
begin
  if not pg_has_role(current_user, 'kruispunt_app', 'member') then
    execute format('grant kruispunt_app to %I', current_user);
  end if;
end $$;

grant usage on schema public to kruispunt_app;

-- The tenant of the running transaction, set by withTenant(); null outside a request.
create or replace function app_tenant() returns uuid
  language sql stable
  as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$;
comment on function app_tenant() is 'The agency (tenant) of the current request transaction; row-level security policies compare against it.';

create or replace function forbid_change() returns trigger
  language plpgsql
  as $$ begin raise exception 'table % is append-only', tg_table_name using errcode = '42501'; end $$;
comment on function forbid_change() is 'Guards append-only tables (journal, audit log) against UPDATE, DELETE and TRUNCATE, even by the owner.';
