-- The MO language of a dossier as a plain column (derived from the recorded state), so the MO
-- waiting list and its figures need not read every dossier's JSON (bench/RESULTS.md, planning).

alter table dossiers add column mo_language text
  generated always as (coalesce(state #>> '{decision,moLanguage}', state #>> '{intake,language}')) stored;
create index dossiers_mo_waiting_idx on dossiers (tenant_id, mo_language, contract_signed_on, id)
  where status in ('running', 'suspended') and contract_signed_on is not null;
comment on column dossiers.mo_language is 'MO-taal: chosen at the intake decision, else the intake language. Generated from state.';
