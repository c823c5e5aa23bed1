-- The newcomer's portal (klantenportaal), issue 6: who may sign in and how. A newcomer is not a
-- staff user: their accounts and sessions live apart from `users` and `sessions`, so no role,
-- permission or staff route can ever be reached with a portal session (ADR 0013).

create table portal_accounts (
  id uuid primary key,
  tenant_id uuid not null,
  person_id uuid not null references persons(id),
  email text not null,
  locale text not null default 'nl' check (locale in ('nl', 'en', 'fr', 'ar', 'prs', 'ps', 'ti', 'uk', 'ru', 'so', 'tr', 'es')),
  oidc_subject text,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  last_sign_in_at timestamptz,
  disabled_at timestamptz,
  version integer not null default 1
);
create unique index portal_accounts_person_key on portal_accounts (person_id) where disabled_at is null;
create unique index portal_accounts_email_key on portal_accounts (lower(email)) where disabled_at is null;
create unique index portal_accounts_oidc_key on portal_accounts (oidc_subject) where oidc_subject is not null and disabled_at is null;
comment on table portal_accounts is 'Portal accounts of newcomers (klantenportaal), linked to one person by staff. The e-mail receives one-time sign-in codes; an OpenID Connect sign-in (eID, itsme) matches the person by INSZ.';
comment on column portal_accounts.oidc_subject is 'Issuer and subject of the first OpenID Connect sign-in, so a later sign-in is recognised even if the INSZ claim is absent.';

create table portal_sessions (
  id uuid primary key,
  tenant_id uuid not null,
  account_id uuid not null references portal_accounts(id),
  token_hash text not null unique,
  csrf_token_hash text not null,
  method text not null check (method in ('oidc', 'email-code')),
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  user_agent text,
  ip text
);
create index portal_sessions_account_idx on portal_sessions (account_id);
comment on table portal_sessions is 'Signed-in portal sessions; only a SHA-256 of the token is kept. They end after 30 minutes without use or 8 hours in all.';

create table portal_login_codes (
  id uuid primary key,
  tenant_id uuid not null,
  account_id uuid not null references portal_accounts(id),
  code_hash text not null,
  attempts integer not null default 0,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index portal_login_codes_account_idx on portal_login_codes (account_id, created_at desc);
comment on table portal_login_codes is 'One-time sign-in codes sent by e-mail: valid 10 minutes, once, five tries.';

create table portal_oidc_logins (
  state_hash text primary key,
  nonce text not null,
  code_verifier text not null,
  locale text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
comment on table portal_oidc_logins is 'OpenID Connect sign-ins under way: state (hashed), nonce and PKCE verifier, for 10 minutes, used once. Not tenant data: nobody is known yet.';

do $$
declare t text;
begin
  foreach t in array array['portal_accounts', 'portal_sessions', 'portal_login_codes'] loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy tenant_isolation on %I using (tenant_id = app_tenant()) with check (tenant_id = app_tenant())', t);
  end loop;
end $$;

grant select, insert, update on portal_accounts, portal_sessions, portal_login_codes to kruispunt_app;
