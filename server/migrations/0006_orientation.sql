-- Social orientation (maatschappelijke oriëntatie, MO): courses with their sessions, enrolments and
-- attendance; test centres with slots and bookings. The waiting list is not a table: it is every
-- running contract whose MO pillar is still open and who has no running enrolment (orientation.queries.ts).

create table mo_courses (
  id uuid primary key,
  tenant_id uuid not null,
  code text not null,
  language text not null,
  teacher_language text not null,
  with_interpreter boolean not null default false,
  format text not null check (format in ('classroom', 'digital', 'hybrid', 'blended', 'self-study')),
  region text not null,
  location text not null,
  teacher_name text,
  teacher_user_id uuid,
  mo_profile text check (mo_profile in ('higher-education', 'working', 'not-working', 'illiterate')),
  hours numeric(6,2) not null check (hours > 0),
  capacity integer not null check (capacity > 0),
  starts_on date not null,
  ends_on date not null check (ends_on >= starts_on),
  series_id uuid,
  status text not null default 'planned' check (status in ('planned', 'running', 'completed', 'cancelled')),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  unique (tenant_id, code)
);
create index mo_courses_language_idx on mo_courses (tenant_id, language, region, starts_on);
comment on table mo_courses is 'MO courses (cursussen MO): language, format, place, hours by profile, teacher, capacity, dates. A series shares series_id.';
comment on column mo_courses.teacher_language is 'Language the teacher speaks in class; differs from language when an interpreter (met tolk) is used.';

create table mo_sessions (
  id uuid primary key,
  tenant_id uuid not null,
  course_id uuid not null references mo_courses(id),
  starts_at timestamptz not null,
  ends_at timestamptz not null check (ends_at > starts_at),
  location text
);
create index mo_sessions_course_idx on mo_sessions (tenant_id, course_id, starts_at);
comment on table mo_sessions is 'Lesmomenten of an MO course; day, evening or weekend follows from the time.';

create table mo_enrolments (
  id uuid primary key,
  tenant_id uuid not null,
  course_id uuid not null references mo_courses(id),
  person_id uuid not null references persons(id),
  dossier_id uuid not null references dossiers(id),
  status text not null default 'enrolled' check (status in ('enrolled', 'completed', 'dropped-out')),
  enrolled_on date not null,
  ended_on date,
  waiting_since date not null,
  exception_reason text,
  process_evaluation jsonb,
  created_at timestamptz not null default now()
);
create unique index mo_enrolments_one_running on mo_enrolments (person_id) where status = 'enrolled';
create index mo_enrolments_course_idx on mo_enrolments (tenant_id, course_id);
comment on table mo_enrolments is 'Inschrijvingen MO. waiting_since keeps the original waiting date, so a drop-out returns to the list in place. exception_reason is set when someone was taken before people who waited longer.';

create table mo_attendance (
  tenant_id uuid not null,
  session_id uuid not null references mo_sessions(id),
  enrolment_id uuid not null references mo_enrolments(id),
  present boolean not null,
  recorded_at timestamptz not null default now(),
  primary key (session_id, enrolment_id)
);
comment on table mo_attendance is 'Aanwezigheden per lesmoment.';

create table test_centres (
  id uuid primary key,
  tenant_id uuid not null,
  name text not null,
  region text not null,
  address text not null,
  languages text[] not null,
  created_at timestamptz not null default now(),
  unique (tenant_id, name)
);
comment on table test_centres is 'Testcentra for the MO test and exemption test, with the test languages offered; other languages need a video interpreter.';

create table test_slots (
  id uuid primary key,
  tenant_id uuid not null,
  centre_id uuid not null references test_centres(id),
  starts_at timestamptz not null,
  capacity integer not null check (capacity > 0),
  booked integer not null default 0,
  check (booked >= 0 and booked <= capacity)
);
create index test_slots_centre_idx on test_slots (tenant_id, centre_id, starts_at);
comment on table test_slots is 'Test moments with seats; booked is raised in the booking transaction only while below capacity, so the last seat cannot be sold twice.';

create table test_bookings (
  id uuid primary key,
  tenant_id uuid not null,
  slot_id uuid not null references test_slots(id),
  person_id uuid not null references persons(id),
  dossier_id uuid not null references dossiers(id),
  kind text not null check (kind in ('test', 'exemption-test')),
  language text not null,
  video_interpreter boolean not null,
  audio_support boolean not null default false,
  status text not null default 'booked' check (status in ('booked', 'taken', 'cancelled', 'no-show')),
  result jsonb,
  created_at timestamptz not null default now()
);
create unique index test_bookings_one_per_slot on test_bookings (slot_id, person_id) where status in ('booked', 'taken');
create unique index test_bookings_one_open on test_bookings (person_id) where status = 'booked';
comment on table test_bookings is 'Bookings of the MO test or exemption test; result holds the core and practical scores once taken.';

do $$
declare t text;
begin
  foreach t in array array['mo_courses', 'mo_sessions', 'mo_enrolments', 'mo_attendance', 'test_centres', 'test_slots', 'test_bookings'] loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy tenant_isolation on %I using (tenant_id = app_tenant()) with check (tenant_id = app_tenant())', t);
  end loop;
end $$;

grant select, insert, update on mo_courses, mo_sessions, mo_enrolments, mo_attendance, test_centres, test_slots, test_bookings to kruispunt_app;
grant delete on mo_sessions, mo_attendance to kruispunt_app;
