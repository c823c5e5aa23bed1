-- Opleidings- en certificeringstraject sociaal tolk (WF-17, ENT-42; STV-12, STV-13, R-27, R-28): the
-- candidate, the tracked languages, entry-test attempts, the basic-training modules with remediation,
-- the certification exams, the feedback talks with their binding advice, and the certificates that
-- bring a language into the register (interpreter_languages, migration 0009).

create table interpreter_candidates (
  id uuid primary key,
  tenant_id uuid not null,
  interpreter_id uuid references interpreters(id),
  name text not null,
  email text not null,
  phone text,
  info_session_on date,
  dutch_proof text check (dutch_proof in ('b2-certificate', 'dutch-test')),
  admitted_on date,
  created_at timestamptz not null default now(),
  version integer not null default 1,
  check ((info_session_on is null) = (dutch_proof is null))
);
create index interpreter_candidates_name_idx on interpreter_candidates (tenant_id, lower(name));
create index interpreter_candidates_interpreter_idx on interpreter_candidates (interpreter_id) where interpreter_id is not null;
comment on table interpreter_candidates is 'Kandidaat sociaal tolk. Info session with the B2 Dutch proof or the Dutch test (STV-12); admitted_on: admission to the basic training, only after a passed entry test (R-27).';

create table interpreter_candidate_languages (
  tenant_id uuid not null,
  candidate_id uuid not null references interpreter_candidates(id),
  language text not null,
  variant text not null default '',
  added_on date not null,
  primary key (candidate_id, language, variant)
);
comment on table interpreter_candidate_languages is 'The languages (with variant) a candidate follows the track for; entry test, exam and certificate are per language.';

create table interpreter_entry_tests (
  id uuid primary key,
  tenant_id uuid not null,
  candidate_id uuid not null,
  language text not null,
  variant text not null default '',
  attempt integer not null check (attempt >= 1),
  taken_on date not null,
  language_part text not null check (language_part in ('passed', 'failed')),
  skills_part text not null check (skills_part in ('passed', 'failed')),
  passed boolean not null,
  created_at timestamptz not null default now(),
  foreign key (candidate_id, language, variant) references interpreter_candidate_languages (candidate_id, language, variant),
  unique (candidate_id, language, variant, attempt),
  check (passed = (language_part = 'passed' and skills_part = 'passed'))
);
comment on table interpreter_entry_tests is 'Instaptoets attempts (language knowledge + basic skills). The number of attempts is limited by the rule set of the attempt date (STV-12: at most three retakes).';

create table interpreter_certification_exams (
  id uuid primary key,
  tenant_id uuid not null,
  candidate_id uuid not null,
  language text not null,
  variant text not null default '',
  held_on date not null,
  jury jsonb not null,
  status text not null default 'planned' check (status in ('planned', 'passed', 'failed', 'cancelled')),
  role_play_1 text check (role_play_1 in ('passed', 'failed')),
  role_play_2 text check (role_play_2 in ('passed', 'failed')),
  decided_on date,
  created_at timestamptz not null default now(),
  foreign key (candidate_id, language, variant) references interpreter_candidate_languages (candidate_id, language, variant),
  check ((status in ('passed', 'failed')) = (role_play_1 is not null and role_play_2 is not null)),
  check (status <> 'passed' or (role_play_1 = 'passed' and role_play_2 = 'passed')),
  check (status <> 'failed' or role_play_1 = 'failed' or role_play_2 = 'failed'),
  check ((status = 'planned') = (decided_on is null))
);
create unique index interpreter_exams_one_planned on interpreter_certification_exams (candidate_id, language, variant) where status = 'planned';
create index interpreter_exams_candidate_idx on interpreter_certification_exams (candidate_id, held_on);
comment on table interpreter_certification_exams is 'Certificeringsproef: intro + two role plays, each pass/fail; passing needs both (STV-13). Jury: chair, master-programme representative, one or two foreign-language assessors.';

create table interpreter_training_modules (
  id uuid primary key,
  tenant_id uuid not null,
  candidate_id uuid not null references interpreter_candidates(id),
  kind text not null check (kind in ('module-1', 'module-2', 'continuous', 'remediation')),
  name text,
  starts_on date not null,
  required_hours numeric(6,1) not null check (required_hours > 0),
  attended_hours numeric(6,1) not null default 0 check (attended_hours >= 0),
  result text check (result in ('passed', 'failed')),
  decided_on date,
  remediation_of_module uuid references interpreter_training_modules(id),
  remediation_of_exam uuid references interpreter_certification_exams(id),
  created_at timestamptz not null default now(),
  check ((kind = 'remediation') = (remediation_of_module is not null or remediation_of_exam is not null)),
  check (remediation_of_module is null or remediation_of_exam is null),
  check ((result is null) = (decided_on is null))
);
create index interpreter_modules_candidate_idx on interpreter_training_modules (candidate_id, starts_on);
comment on table interpreter_training_modules is 'Basic training: module I (46 h) and module II (93 h) or the continuous course, with their attended hours; a remediation module makes up a failed module or follows a feedback-talk advice (STV-12, WF-17).';

create table interpreter_feedback_talks (
  id uuid primary key,
  tenant_id uuid not null,
  candidate_id uuid not null references interpreter_candidates(id),
  exam_id uuid not null unique references interpreter_certification_exams(id),
  held_on date not null,
  advice text not null check (advice in ('retake-exam', 'follow-remediation', 'stop')),
  note text,
  created_at timestamptz not null default now()
);
comment on table interpreter_feedback_talks is 'Feedbackgesprek after a failed exam, mandatory before a retake; its advice is binding (R-28).';

create table interpreter_certificates (
  id uuid primary key,
  tenant_id uuid not null,
  candidate_id uuid not null,
  exam_id uuid not null unique references interpreter_certification_exams(id),
  interpreter_id uuid not null references interpreters(id),
  language text not null,
  variant text not null default '',
  issued_on date not null,
  channels text[] not null,
  created_at timestamptz not null default now(),
  foreign key (candidate_id, language, variant) references interpreter_candidate_languages (candidate_id, language, variant),
  unique (candidate_id, language, variant)
);
comment on table interpreter_certificates is 'Certificate per language after a passed exam; issuing it enters the language as certified in the register (interpreter_languages).';

do $$
declare t text;
begin
  foreach t in array array['interpreter_candidates', 'interpreter_candidate_languages', 'interpreter_entry_tests', 'interpreter_certification_exams',
    'interpreter_training_modules', 'interpreter_feedback_talks', 'interpreter_certificates'] loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy tenant_isolation on %I using (tenant_id = app_tenant()) with check (tenant_id = app_tenant())', t);
  end loop;
end $$;

grant select, insert, update on interpreter_candidates, interpreter_candidate_languages, interpreter_entry_tests, interpreter_certification_exams,
  interpreter_training_modules, interpreter_feedback_talks, interpreter_certificates to kruispunt_app;
