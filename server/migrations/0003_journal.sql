-- The dossier journal: every change to a dossier, written in the same transaction as the change.

create table journal_entries (
  id bigint generated always as identity primary key,
  tenant_id uuid not null,
  dossier_id uuid not null,
  entry_type text not null,
  schema_version integer not null default 1,
  payload jsonb not null,
  actor_user_id uuid,
  actor_token_id uuid,
  purpose text not null,
  effective_at timestamptz not null,
  recorded_at timestamptz not null default now(),
  request_id text
);
create index journal_entries_dossier_idx on journal_entries (tenant_id, dossier_id, id);
create index journal_entries_type_idx on journal_entries (tenant_id, entry_type, effective_at);
comment on table journal_entries is 'Dossier journal (dossierlogboek): immutable entries; effective_at is business time, recorded_at when it was written. Reports count from it.';
comment on column journal_entries.payload is 'For changes: { old, new } of the changed fields.';
create trigger journal_entries_append_only before update or delete on journal_entries for each row execute function forbid_change();
create trigger journal_entries_no_truncate before truncate on journal_entries for each statement execute function forbid_change();

alter table journal_entries enable row level security;
create policy tenant_isolation on journal_entries using (tenant_id = app_tenant()) with check (tenant_id = app_tenant());
grant select, insert on journal_entries to kruispunt_app;
