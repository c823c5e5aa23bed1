-- Platform foundation: the least-privileged application role, extensions, tenant helpers and the
-- append-only guard shared by the journal and the audit log.

-- Roles are cluster-wide: several databases (and parallel test databases) may race to create it.
do $$
begin
  create role kruispunt_app nologin;
exception when duplicate_object or unique_violation then null;
end $$;

-- The schema owner switches to the application role in every request transaction (SET LOCAL ROLE),
-- which needs membership when the owner is not a superuser.
do $$
begin
  execute format('grant kruispunt_app to %I', current_user);
exception when others then null;
end $$;

create extension if not exists pg_trgm;

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
