-- Dutch as a second language (NT2): conversations with the Dutch-learning consultant, the tests
-- taken there, the one binding advice, the providers' offer (modules and start moments), and
-- placements, waiting lists, enrolments and results at the providers (WF-06, ENT-18 to ENT-22).

create table nt2_conversations (
  id uuid primary key,
  tenant_id uuid not null,
  person_id uuid not null references persons(id),
  kind text not null check (kind in ('nt2-gesprek', 'niveautest')),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  location text,
  region text,
  consultant_id uuid,
  temporary_protection boolean not null default false,
  learning_aptitude text check (learning_aptitude in ('slow', 'average', 'fast')),
  note text,
  created_at timestamptz not null default now(),
  created_by uuid,
  check (ends_at > starts_at)
);
create index nt2_conversations_person_idx on nt2_conversations (tenant_id, person_id, starts_at);
comment on table nt2_conversations is 'NT2-gesprekken and niveautests (ENT-18): an appointment of a person with the Dutch-learning consultant (consulent Nederlands leren), also for people outside a trajectory.';
comment on column nt2_conversations.learning_aptitude is 'Taal-leervermogen found in the learning-need detection (leervraagdetectie, ENT-19).';
comment on column nt2_conversations.temporary_protection is 'The person has temporary protection (Ukraine): counted apart in the published figures.';

create table nt2_tests (
  id uuid primary key,
  tenant_id uuid not null,
  conversation_id uuid not null references nt2_conversations(id),
  person_id uuid not null references persons(id),
  kind text not null,
  taken_on date not null,
  location text,
  remote boolean not null default false,
  passed boolean,
  level text check (level in ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
  learning_aptitude text check (learning_aptitude in ('slow', 'average', 'fast')),
  result text,
  certificate_issued boolean not null default false,
  created_at timestamptz not null default now(),
  created_by uuid
);
create index nt2_tests_conversation_idx on nt2_tests (tenant_id, conversation_id);
comment on table nt2_tests is 'Testen Nederlands taken in a conversation (ENT-22): covaartest, CBE- and CVO-instaptest, test Latijns schrift, certificerende taaltesten.';

create table nt2_advices (
  id uuid primary key,
  tenant_id uuid not null,
  conversation_id uuid not null unique references nt2_conversations(id),
  person_id uuid not null references persons(id),
  advice_type text not null,
  length_amount integer,
  length_unit text check (length_unit in ('lesson-periods', 'hours')),
  advised_on date not null,
  region text,
  note text,
  created_at timestamptz not null default now(),
  created_by uuid
);
create index nt2_advices_person_idx on nt2_advices (tenant_id, person_id, advised_on desc);
comment on table nt2_advices is 'Advies NT2 (ENT-20): one binding advice per conversation (R-15); the person''s latest advice binds the provider. The length is copied from the advice table in force when advised.';

create table nt2_modules (
  id uuid primary key,
  tenant_id uuid not null,
  provider_id uuid not null references organisations(id),
  provider_kind text not null check (provider_kind in ('CBE', 'CVO', 'UTC', 'other')),
  name text not null,
  advice_types text[] not null check (cardinality(advice_types) > 0),
  level text not null,
  location text not null,
  region text,
  created_at timestamptz not null default now(),
  created_by uuid
);
create index nt2_modules_provider_idx on nt2_modules (tenant_id, provider_id);
comment on table nt2_modules is 'A module of a Dutch-course provider (onderwijsverstrekker: CBE, CVO, UTC, ...) with the advice types it serves.';

create table nt2_start_moments (
  id uuid primary key,
  tenant_id uuid not null,
  module_id uuid not null references nt2_modules(id),
  provider_id uuid not null references organisations(id),
  starts_on date not null,
  ends_on date,
  capacity integer not null check (capacity > 0),
  location text,
  created_at timestamptz not null default now(),
  created_by uuid,
  check (ends_on is null or ends_on >= starts_on)
);
create index nt2_start_moments_module_idx on nt2_start_moments (tenant_id, module_id, starts_on);
create index nt2_start_moments_date_idx on nt2_start_moments (tenant_id, starts_on);
comment on table nt2_start_moments is 'Startmomenten of a module (4 to 5 a year) with their capacity. A placement locks the row (select for update) so that the last seat is given once.';

create table nt2_placements (
  id uuid primary key,
  tenant_id uuid not null,
  person_id uuid not null references persons(id),
  advice_id uuid not null references nt2_advices(id),
  advice_type text not null,
  provider_id uuid not null references organisations(id),
  module_id uuid references nt2_modules(id),
  start_moment_id uuid references nt2_start_moments(id),
  status text not null check (status in ('waiting', 'placed', 'enrolled', 'closed')),
  region text,
  placed_at timestamptz not null default now(),
  placed_by uuid,
  enrolled_on date,
  regular_participation boolean,
  dossier_id uuid,
  updated_at timestamptz not null default now(),
  check ((status = 'waiting') = (start_moment_id is null) or status = 'closed')
);
create unique index nt2_placements_once_per_start_moment on nt2_placements (start_moment_id, person_id) where status in ('placed', 'enrolled');
create unique index nt2_placements_once_per_waiting_list on nt2_placements (provider_id, person_id) where status = 'waiting';
create index nt2_placements_provider_idx on nt2_placements (tenant_id, provider_id, status, placed_at);
create index nt2_placements_person_idx on nt2_placements (tenant_id, person_id);
create index nt2_placements_start_moment_idx on nt2_placements (tenant_id, start_moment_id) where status in ('placed', 'enrolled');
comment on table nt2_placements is 'NT2-plaatsing (ENT-21): a person placed in a start moment of a provider under the binding advice, or waiting on that provider''s waiting list (start_moment_id null). closed: a waiting entry that ended in a placement.';

create table nt2_results (
  id uuid primary key,
  tenant_id uuid not null,
  placement_id uuid not null references nt2_placements(id),
  person_id uuid not null references persons(id),
  kind text not null check (kind in ('level', 'standardised-test')),
  result_on date not null,
  oral text check (oral in ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
  written text check (written in ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
  passed_skills text[],
  dossier_id uuid,
  created_at timestamptz not null default now(),
  created_by uuid
);
create index nt2_results_placement_idx on nt2_results (tenant_id, placement_id);
comment on table nt2_results is 'Results reported by the provider: the level reached (oral, written) or the standardised NT2 test at A2 with the skills passed (R-13, FL-NT-03).';

do $$
declare t text;
begin
  foreach t in array array['nt2_conversations', 'nt2_tests', 'nt2_advices', 'nt2_modules', 'nt2_start_moments', 'nt2_placements', 'nt2_results'] loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy tenant_isolation on %I using (tenant_id = app_tenant()) with check (tenant_id = app_tenant())', t);
  end loop;
end $$;

grant select, insert on nt2_tests, nt2_advices, nt2_results to kruispunt_app;
grant select, insert, update on nt2_conversations, nt2_modules, nt2_start_moments, nt2_placements to kruispunt_app;
