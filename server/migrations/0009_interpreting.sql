-- Sociaal tolken en vertalen (STV): the interpreter register, requests from customer organisations,
-- offers and assignments, and the outbox of messages that survives a mail-server outage.

create table interpreters (
  id uuid primary key,
  tenant_id uuid not null,
  user_id uuid references users(id),
  name text not null,
  email text not null,
  phone text,
  region text,
  latitude double precision,
  longitude double precision,
  max_travel_km integer not null default 60 check (max_travel_km between 0 and 500),
  active boolean not null default true,
  calendar_token_hash text,
  created_at timestamptz not null default now(),
  version integer not null default 1
);
create unique index interpreters_user_key on interpreters (user_id) where user_id is not null;
comment on table interpreters is 'Tolken en vertalers (freelancers) in the register. calendar_token_hash guards their iCalendar feed.';

create table interpreter_languages (
  tenant_id uuid not null,
  interpreter_id uuid not null references interpreters(id),
  language text not null,
  variant text not null default '',
  status text not null check (status in ('certified', 'sworn', 'in-training', 'crisis', 'language-helper')),
  channels text[] not null,
  primary key (interpreter_id, language, variant)
);
create index interpreter_languages_lookup on interpreter_languages (tenant_id, language, variant);
comment on table interpreter_languages is 'Working languages (with variant, e.g. Levantine Arabic) and the status per language (R-26).';

create table interpreter_availability (
  tenant_id uuid not null,
  interpreter_id uuid not null references interpreters(id),
  weekday smallint not null check (weekday between 1 and 7),
  starts time not null,
  ends time not null check (ends > starts),
  primary key (interpreter_id, weekday, starts)
);
comment on table interpreter_availability is 'Weekly availability windows (ISO weekday 1 = Monday), Belgian time.';

create table interpreter_absences (
  id uuid primary key,
  tenant_id uuid not null,
  interpreter_id uuid not null references interpreters(id),
  starts_at timestamptz not null,
  ends_at timestamptz not null check (ends_at > starts_at),
  reason text
);
create index interpreter_absences_idx on interpreter_absences (interpreter_id, starts_at);

create table interpreting_requests (
  id uuid primary key,
  tenant_id uuid not null,
  customer_organisation_id uuid not null references organisations(id),
  requested_by uuid references users(id),
  channel text not null check (channel in ('on-site', 'phone', 'video', 'translation')),
  language text not null,
  variant text not null default '',
  starts_at timestamptz,
  expected_minutes integer,
  deadline date,
  document text,
  words integer,
  address jsonb,
  latitude double precision,
  longitude double precision,
  region text,
  sector text not null,
  subject text not null,
  sensitive boolean not null,
  ukraine_crisis boolean not null default false,
  status text not null default 'open' check (status in ('open', 'assigned', 'completed', 'not-completed', 'not-answered')),
  outcome text check (outcome in ('cancelled-on-time', 'cancelled-late', 'interpreter-unavailable', 'language-unavailable', 'other')),
  cancelled_by text check (cancelled_by in ('customer', 'interpreter', 'desk')),
  closed_at timestamptz,
  created_at timestamptz not null default now(),
  version integer not null default 1,
  check ((channel = 'translation') = (deadline is not null)),
  check (channel = 'translation' or (starts_at is not null and expected_minutes is not null))
);
create index interpreting_requests_status_idx on interpreting_requests (tenant_id, status, starts_at);
create index interpreting_requests_customer_idx on interpreting_requests (tenant_id, customer_organisation_id, created_at desc);
comment on table interpreting_requests is 'Aanvragen tolken/vertalen. status and outcome follow the published table: answered (assigned, completed, not-completed with the cancellation), not answered (interpreter or language unavailable, other), in progress (open).';

create table interpreting_assignments (
  id uuid primary key,
  tenant_id uuid not null,
  request_id uuid not null references interpreting_requests(id),
  interpreter_id uuid not null references interpreters(id),
  status text not null check (status in ('offered', 'accepted', 'declined', 'withdrawn', 'cancelled', 'completed')),
  starts_at timestamptz,
  ends_at timestamptz,
  offered_at timestamptz not null default now(),
  responded_at timestamptz,
  actual_minutes integer,
  travel_km numeric(6,1),
  waiting_minutes integer,
  ranking jsonb,
  created_at timestamptz not null default now()
);
create index interpreting_assignments_interpreter_idx on interpreting_assignments (interpreter_id, starts_at) where status in ('offered', 'accepted', 'completed');
create index interpreting_assignments_request_idx on interpreting_assignments (request_id);
create unique index interpreting_assignments_one_live on interpreting_assignments (request_id) where status in ('offered', 'accepted', 'completed');
comment on table interpreting_assignments is 'Offers and assignments. One live offer or assignment per request; an interpreter''s live assignments never overlap (checked under a lock on the interpreter row).';

create table outbox_messages (
  id uuid primary key,
  tenant_id uuid not null,
  recipient text not null,
  subject text not null,
  body text not null,
  calendar text,
  attempts integer not null default 0,
  last_error text,
  next_attempt_at timestamptz not null default now(),
  sent_at timestamptz,
  created_at timestamptz not null default now()
);
create index outbox_pending_idx on outbox_messages (next_attempt_at) where sent_at is null;
comment on table outbox_messages is 'E-mails to send. Written in the transaction of the change; a job sends and retries, so a mail-server outage delays messages and blocks nothing.';

do $$
declare t text;
begin
  foreach t in array array['interpreters', 'interpreter_languages', 'interpreter_availability', 'interpreter_absences', 'interpreting_requests', 'interpreting_assignments', 'outbox_messages'] loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy tenant_isolation on %I using (tenant_id = app_tenant()) with check (tenant_id = app_tenant())', t);
  end loop;
end $$;

grant select, insert, update on interpreters, interpreter_languages, interpreter_availability, interpreter_absences, interpreting_requests,
  interpreting_assignments, outbox_messages to kruispunt_app;
grant delete on interpreter_languages, interpreter_availability to kruispunt_app;
