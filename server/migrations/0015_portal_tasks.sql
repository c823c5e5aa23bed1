-- The newcomer's portal (klantenportaal), issue 6 §3–§4: the participation catalogue, tasks a case
-- worker gives the newcomer with the files they upload, and requests to move an appointment.
-- Files are kept as bytea in the database rather than in a file store, so PGlite and PostgreSQL
-- behave alike and a backup of the database holds them (the size limit keeps rows small).

create table participation_activities (
  id uuid primary key,
  tenant_id uuid not null,
  name text not null,
  organisation text not null,
  hours numeric(6,2) not null check (hours > 0),
  place text,
  language text,
  active boolean not null default true,
  created_by uuid references users(id),
  created_at timestamptz not null default now()
);
create index participation_activities_active_idx on participation_activities (tenant_id, active, name);
comment on table participation_activities is 'Aanbod participatie- en netwerktraject (ENT-27): initiatives a newcomer can choose, with their organiser, hours and place. Filled by staff; nothing is seeded.';
comment on column participation_activities.language is 'Language spoken in the activity (ISO 639), the language icon of the offer.';

create table portal_tasks (
  id uuid primary key,
  tenant_id uuid not null,
  person_id uuid not null references persons(id),
  dossier_id uuid not null references dossiers(id),
  kind text not null check (kind in ('register-employment-service', 'upload-participation-proof', 'choose-participation-activity', 'other')),
  title text,
  due_on date,
  status text not null default 'open' check (status in ('open', 'submitted', 'accepted', 'rejected')),
  activity_id uuid references participation_activities(id),
  note text,
  submitted_at timestamptz,
  rejection_reason text,
  hours numeric(6,2) check (hours > 0),
  reviewed_by uuid references users(id),
  reviewed_at timestamptz,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  check (status <> 'rejected' or rejection_reason is not null)
);
create index portal_tasks_person_idx on portal_tasks (tenant_id, person_id, created_at);
create index portal_tasks_dossier_idx on portal_tasks (tenant_id, dossier_id, created_at);
comment on table portal_tasks is 'Taken in het klantenportaal: what the case worker asks the newcomer to do (register with VDAB, upload a proof of participation, choose an activity). The newcomer submits; the case worker accepts or rejects with a reason.';
comment on column portal_tasks.hours is 'Hours accepted from a proof of participation (bewijs van deelname); recorded in the dossier by the trajectory''s own command.';
comment on column portal_tasks.rejection_reason is 'The last reason given for a rejection; kept when the newcomer submits again.';

create table portal_files (
  id uuid primary key,
  tenant_id uuid not null,
  task_id uuid not null references portal_tasks(id),
  person_id uuid not null references persons(id),
  name text not null,
  content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png', 'image/heic', 'image/heif', 'image/webp')),
  size integer not null check (size > 0),
  sha256 text not null,
  bytes bytea not null,
  scanned boolean not null,
  uploaded_at timestamptz not null default now()
);
create index portal_files_task_idx on portal_files (tenant_id, task_id, uploaded_at);
comment on table portal_files is 'Files a newcomer uploaded for a task (photo or PDF). content_type is judged from the bytes, never from the name or the declared type.';
comment on column portal_files.scanned is 'A virus scanner (ClamAV) found the file clean; false when no scanner was configured at upload.';

create table appointment_change_requests (
  id uuid primary key,
  tenant_id uuid not null,
  person_id uuid not null references persons(id),
  appointment_kind text not null check (appointment_kind in ('intake', 'course-session', 'test', 'nt2-conversation', 'nt2-start')),
  appointment_id uuid not null,
  appointment_title text not null,
  appointment_starts_at timestamptz not null,
  reason text not null,
  preferred_moments text not null default '',
  status text not null default 'pending' check (status in ('pending', 'handled')),
  requested_at timestamptz not null,
  handled_by uuid references users(id),
  handled_at timestamptz,
  note text,
  check ((status = 'handled') = (handled_at is not null))
);
create unique index appointment_change_requests_one_pending on appointment_change_requests (person_id, appointment_kind, appointment_id) where status = 'pending';
create index appointment_change_requests_status_idx on appointment_change_requests (tenant_id, status, requested_at);
comment on table appointment_change_requests is 'A newcomer''s request to move an appointment (course session, test, NT2 conversation or start), for the planner. The appointment''s title and time are copied, as they were when asked.';

do $$
declare t text;
begin
  foreach t in array array['participation_activities', 'portal_tasks', 'portal_files', 'appointment_change_requests'] loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy tenant_isolation on %I using (tenant_id = app_tenant()) with check (tenant_id = app_tenant())', t);
  end loop;
end $$;

grant select, insert, update on participation_activities, portal_tasks, appointment_change_requests to kruispunt_app;
grant select, insert on portal_files to kruispunt_app;
