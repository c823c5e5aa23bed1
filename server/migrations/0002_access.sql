-- Access: organisations and tenants, users, sessions, API tokens, the audit log and idempotency keys.

create table organisations (
  id uuid primary key,
  tenant_id uuid not null,
  kind text not null check (kind in ('agency', 'partner')),
  partner_type text check (partner_type in ('employment-service', 'social-services', 'dutch-course-provider',
    'local-government', 'interpreter-customer', 'other')),
  code text not null unique,
  name text not null,
  requires_mfa boolean not null default false,
  created_at timestamptz not null default now(),
  check ((kind = 'agency') = (partner_type is null)),
  check (kind <> 'agency' or tenant_id = id)
);
comment on table organisations is 'Organisations (organisaties). Agencies (agentschappen) are the tenants and are their own tenant; partners belong to the agency they work with.';
comment on column organisations.requires_mfa is 'Users of this organisation must sign in with a TOTP second factor (tweede factor).';

insert into organisations (id, tenant_id, kind, code, name, requires_mfa) values
  ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', 'agency', 'agii', 'Agentschap Integratie en Inburgering', false),
  ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000002', 'agency', 'atlas', 'Atlas, integratie & inburgering Antwerpen', false),
  ('00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000003', 'agency', 'in-gent', 'IN-Gent', false),
  ('00000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000004', 'agency', 'bon', 'Brusselwerking Bon', false);

create table users (
  id uuid primary key,
  tenant_id uuid not null,
  organisation_id uuid not null references organisations(id),
  email text not null,
  display_name text not null,
  password_hash text,
  roles text[] not null default '{}',
  locale text not null default 'nl' check (locale in ('nl', 'en')),
  totp_secret text,
  mfa_enabled boolean not null default false,
  failed_attempts integer not null default 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_email_key on users (lower(email));
create index users_tenant_idx on users (tenant_id);
comment on table users is 'Staff and partner users (medewerkers). Roles are the closed list of access/roles.ts.';
comment on column users.failed_attempts is 'Consecutive wrong passwords; five lock the account until locked_until.';

create table sessions (
  id uuid primary key,
  tenant_id uuid not null,
  user_id uuid not null references users(id),
  token_hash text not null unique,
  csrf_token_hash text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now(),
  revoked_at timestamptz,
  mfa_pending boolean not null default false,
  user_agent text,
  ip text
);
create index sessions_user_idx on sessions (user_id);
comment on table sessions is 'Signed-in sessions (sessies); only a SHA-256 of the token is kept.';
comment on column sessions.mfa_pending is 'The organisation requires a second factor that the user has not set up yet: the session may only set it up.';

create table api_tokens (
  id uuid primary key,
  tenant_id uuid not null,
  organisation_id uuid not null references organisations(id),
  name text not null,
  purpose text not null,
  roles text[] not null,
  token_hash text not null unique,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz
);
comment on table api_tokens is 'Long-lived bearer tokens for partner systems, bound to an organisation and a purpose (doelbinding).';

create table setup_tokens (
  token_hash text primary key,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
comment on table setup_tokens is 'One-time set-up links printed on first start when no administrator is configured.';

create table audit_events (
  id bigint generated always as identity primary key,
  tenant_id uuid not null,
  occurred_at timestamptz not null default now(),
  actor_user_id uuid,
  actor_token_id uuid,
  actor_organisation_id uuid,
  actor_roles text[] not null default '{}',
  purpose text not null,
  action text not null,
  subject_type text not null,
  subject_id uuid,
  summary text not null,
  request_id text,
  ip text
);
create index audit_events_subject_idx on audit_events (tenant_id, subject_type, subject_id, occurred_at desc);
create index audit_events_time_idx on audit_events (tenant_id, occurred_at);
comment on table audit_events is 'Audit log (toegangslog): every read and change of personal data, who, organisation, role, purpose (doel), when, what. Append-only.';
create trigger audit_events_append_only before update or delete on audit_events for each row execute function forbid_change();
create trigger audit_events_no_truncate before truncate on audit_events for each statement execute function forbid_change();

create table idempotency_keys (
  tenant_id uuid not null,
  actor text not null,
  key text not null,
  method text not null,
  path text not null,
  request_hash text not null,
  status_code integer not null,
  response_body jsonb,
  response_headers jsonb not null default '{}',
  created_at timestamptz not null default now(),
  primary key (tenant_id, actor, key)
);
comment on table idempotency_keys is 'Responses of writes sent with an Idempotency-Key, replayed when the same request is retried.';

-- Row-level security: the application role sees only its own tenant.
do $$
declare t text;
begin
  foreach t in array array['organisations', 'users', 'sessions', 'api_tokens', 'audit_events', 'idempotency_keys'] loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy tenant_isolation on %I using (tenant_id = app_tenant()) with check (tenant_id = app_tenant())', t);
  end loop;
end $$;

grant select, insert, update on organisations, users, sessions, api_tokens, idempotency_keys to kruispunt_app;
grant select, insert on audit_events to kruispunt_app;
