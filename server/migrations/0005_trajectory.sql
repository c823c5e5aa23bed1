-- The civic-integration trajectory: dossiers, issued certificates and their numbering,
-- notifications between agencies (dossier transfers).

create table dossiers (
  id uuid primary key,
  tenant_id uuid not null,
  person_id uuid not null references persons(id),
  area text not null check (area in ('flanders', 'brussels')),
  status text not null check (status in ('signed-up', 'intake-done', 'running', 'suspended', 'closed', 'transferred')),
  state jsonb not null,
  case_worker_id uuid,
  signed_up_on date not null,
  contract_signed_on date,
  target_group text,
  closed_on date,
  closure_reason text,
  version integer not null default 1,
  -- Derived by the rules on computed_on (the daily follow-up job and every command): never edited.
  pillars jsonb,
  follow_up jsonb not null default '[]',
  next_due_on date,
  urgency smallint not null default 3,
  computed_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index dossiers_one_open_per_person on dossiers (person_id) where status not in ('closed', 'transferred');
create index dossiers_person_idx on dossiers (tenant_id, person_id);
create index dossiers_caseload_idx on dossiers (tenant_id, case_worker_id, urgency, next_due_on) where status not in ('closed', 'transferred');
create index dossiers_open_idx on dossiers (tenant_id, id) where status not in ('closed', 'transferred');
comment on table dossiers is 'Begeleidingsdossiers: one trajectory of one person. state holds the recorded facts (JSON, see trajectory/dossier/state.ts); the journal holds how they came about.';
comment on column dossiers.follow_up is 'Opvolgingslijst items derived on computed_on: reason, next action, due date, severity, rule.';
comment on column dossiers.urgency is '0 overdue, 1 due soon, 2 upcoming, 3 nothing due: sorts the caseload.';

create table certificates (
  id uuid primary key,
  tenant_id uuid not null,
  dossier_id uuid not null references dossiers(id),
  person_id uuid not null references persons(id),
  kind text not null,
  number text not null,
  issued_on date not null,
  rule_set_id text not null,
  document jsonb not null,
  created_at timestamptz not null default now(),
  unique (number)
);
create index certificates_dossier_idx on certificates (tenant_id, dossier_id);
comment on table certificates is 'Issued attests (inburgeringsattest, attest van vrijstelling, opschorting, uitstel, bewijs van regelmatige deelname, verklaring van geleverde inspanning), numbered per agency and year. document holds what the PDF prints.';

create table certificate_counters (
  tenant_id uuid not null,
  year integer not null,
  last_number integer not null default 0,
  primary key (tenant_id, year)
);
comment on table certificate_counters is 'Last certificate number per agency and year; incremented in the issuing transaction, so a refused or failed issue leaves no gap.';

create table notifications (
  id uuid primary key,
  tenant_id uuid not null,
  kind text not null,
  dossier_id uuid,
  payload jsonb not null default '{}',
  created_at timestamptz not null default now(),
  read_at timestamptz,
  read_by uuid
);
create index notifications_unread_idx on notifications (tenant_id, created_at desc) where read_at is null;
comment on table notifications is 'Notices to an agency, such as a dossier transferred to it from another agency.';

create table dossier_transfers (
  id uuid primary key,
  tenant_id uuid not null,
  dossier_id uuid not null,
  from_tenant_id uuid not null,
  to_tenant_id uuid not null,
  transferred_on date not null,
  reason text not null,
  created_at timestamptz not null default now(),
  created_by uuid
);
comment on table dossier_transfers is 'Record, kept by the sending agency, that a dossier moved to another agency (no personal data).';

do $$
declare t text;
begin
  foreach t in array array['dossiers', 'certificates', 'certificate_counters', 'notifications', 'dossier_transfers'] loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy tenant_isolation on %I using (tenant_id = app_tenant()) with check (tenant_id = app_tenant())', t);
  end loop;
end $$;

grant select, insert, update on dossiers, certificate_counters, notifications to kruispunt_app;
grant select, insert on certificates, dossier_transfers to kruispunt_app;
