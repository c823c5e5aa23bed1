-- Management figures (issue 7) ask, for every counted journal entry, for its dossier's sign-up (the
-- person, the area, whether the dossier began in this agency), for the first sign-up and the first
-- contract of each person over all time, and for the contracts running on a day. At the scale of
-- Flanders (8 million entries, 200,000 dossiers) each of those walked the dossiers' whole journals:
-- one table of first sign-ups took 50 s, the running contracts 4 s (bench/reports.ts, ADR 0017).
-- And every fact is counted in the person's region on its day, read from the person's journal: at
-- 0.05 ms a wide journal row, 40,000 facts a table spent 2 s on regions alone.

-- The entries of one type in one dossier, in time order: one probe instead of the dossier's journal.
create index journal_entries_dossier_type_idx on journal_entries (tenant_id, dossier_id, entry_type, effective_at);

-- The milestones of each dossier as this agency's journal holds them: a narrow row per (agency,
-- dossier) kept by a trigger on the append-only journal, so that a year of facts joins it by hash
-- instead of reading 200,000 wide journal rows. The journal stays the record; this is derived.
--   sign-up:   the first 'dossier.signed-up' entry (a dossier that comes back after a transfer brings
--              a second, copied one: the first stays), its person, area and date, and whether it began
--              here (not a copy brought by a transfer);
--   contract:  the first 'dossier.contract-signed' entry, its signature date, whether it binds
--              (obligated) and whether it was recorded here;
--   ended_on:  the first Belgian day of an entry that ends the trajectory (closure, exemption,
--              closing certificate);
--   transferred: whether the dossier ever moved between agencies (then who held it on a day is
--              read from its transfers).
create table dossier_milestones (
  tenant_id uuid not null,
  dossier_id uuid not null,
  person_id uuid,
  area text,
  began_here boolean,
  signed_up_on date,
  sign_up_entry_id bigint,
  contract_signed_on date,
  contract_obligated boolean,
  contract_own boolean,
  contract_entry_id bigint,
  ended_on date,
  transferred boolean not null default false,
  primary key (tenant_id, dossier_id)
);
comment on table dossier_milestones is 'Per agency and dossier, from its journal: the first sign-up (person, area, date, began here), the first contract (date, obligated, recorded here), the first day the trajectory ended, and whether it was ever transferred. Kept by trigger; rebuilt with dossier_milestones_rebuild().';

create function dossier_milestones_apply(e journal_entries) returns void language plpgsql as $$
begin
  if e.entry_type = 'dossier.signed-up' then
    insert into dossier_milestones as m (tenant_id, dossier_id, person_id, area, began_here, signed_up_on, sign_up_entry_id)
      values (e.tenant_id, e.dossier_id, (e.payload->>'personId')::uuid, e.payload #>> '{command,area}', e.payload->'copiedFromAgency' is null,
        (e.payload #>> '{command,date}')::date, e.id)
      on conflict (tenant_id, dossier_id) do update set person_id = excluded.person_id, area = excluded.area, began_here = excluded.began_here,
        signed_up_on = excluded.signed_up_on, sign_up_entry_id = excluded.sign_up_entry_id
        where m.sign_up_entry_id is null or m.sign_up_entry_id > excluded.sign_up_entry_id;
  elsif e.entry_type = 'dossier.contract-signed' then
    insert into dossier_milestones as m (tenant_id, dossier_id, contract_signed_on, contract_obligated, contract_own, contract_entry_id)
      values (e.tenant_id, e.dossier_id, (e.payload #>> '{command,signedOn}')::date, (e.payload->>'obligated')::boolean, e.payload->'copiedFromAgency' is null, e.id)
      on conflict (tenant_id, dossier_id) do update set contract_signed_on = excluded.contract_signed_on, contract_obligated = excluded.contract_obligated,
        contract_own = excluded.contract_own, contract_entry_id = excluded.contract_entry_id
        where m.contract_entry_id is null or m.contract_entry_id > excluded.contract_entry_id;
  elsif e.entry_type in ('dossier.closed', 'dossier.exemption-granted', 'dossier.certificate-issued') then
    insert into dossier_milestones as m (tenant_id, dossier_id, ended_on)
      values (e.tenant_id, e.dossier_id, (e.effective_at at time zone 'Europe/Brussels')::date)
      on conflict (tenant_id, dossier_id) do update set ended_on = least(m.ended_on, excluded.ended_on);
  elsif e.entry_type = 'dossier.transferred' then
    insert into dossier_milestones as m (tenant_id, dossier_id, transferred) values (e.tenant_id, e.dossier_id, true)
      on conflict (tenant_id, dossier_id) do update set transferred = true;
  end if;
end $$;

create function dossier_milestones_track() returns trigger language plpgsql as $$
begin
  perform dossier_milestones_apply(new);
  return new;
end $$;

create trigger dossier_milestones_track after insert on journal_entries
  for each row when (new.entry_type in ('dossier.signed-up', 'dossier.contract-signed', 'dossier.closed', 'dossier.exemption-granted',
    'dossier.certificate-issued', 'dossier.transferred'))
  execute function dossier_milestones_track();

-- For entries written around the trigger (a bulk load with triggers disabled) and for a check by hand.
create function dossier_milestones_rebuild() returns void language plpgsql as $$
declare e journal_entries;
begin
  delete from dossier_milestones;
  for e in select * from journal_entries where entry_type in ('dossier.signed-up', 'dossier.contract-signed', 'dossier.closed',
      'dossier.exemption-granted', 'dossier.certificate-issued', 'dossier.transferred') order by id loop
    perform dossier_milestones_apply(e);
  end loop;
end $$;

select dossier_milestones_rebuild();

create index dossier_milestones_contract_idx on dossier_milestones (tenant_id, contract_signed_on) where contract_signed_on is not null;

alter table dossier_milestones enable row level security;
create policy tenant_isolation on dossier_milestones using (tenant_id = app_tenant()) with check (tenant_id = app_tenant());
grant select, insert, update on dossier_milestones to kruispunt_app;

-- The person's region (werkingsgebied) over time, as the person's journal records it: one narrow row
-- per registration or address change that says a region (null: no address, or one outside the
-- areas), kept by a trigger, so the region on a day is a probe into a small, cached table.
create table person_regions (
  tenant_id uuid not null,
  person_id uuid not null,
  entry_id bigint not null,
  effective_at timestamptz not null,
  valid_from date not null,
  region text,
  primary key (tenant_id, person_id, entry_id)
);
comment on table person_regions is 'Per agency and person, each registration or address change that sets the region: from which Belgian day, and the region (null: none). Derived from journal_entries by trigger; rebuilt with person_regions_rebuild().';

create function person_regions_track() returns trigger language plpgsql as $$
begin
  insert into person_regions (tenant_id, person_id, entry_id, effective_at, valid_from, region)
    values (new.tenant_id, new.dossier_id, new.id, new.effective_at, (new.effective_at at time zone 'Europe/Brussels')::date, new.payload #>> '{new,region}')
    on conflict do nothing;
  return new;
end $$;

create trigger person_regions_track after insert on journal_entries
  for each row when (new.entry_type in ('person.registered', 'person.changed') and (new.payload->'new') ? 'region')
  execute function person_regions_track();

create function person_regions_rebuild() returns void language sql as $$
  delete from person_regions;
  insert into person_regions (tenant_id, person_id, entry_id, effective_at, valid_from, region)
    select tenant_id, dossier_id, id, effective_at, (effective_at at time zone 'Europe/Brussels')::date, payload #>> '{new,region}'
    from journal_entries where entry_type in ('person.registered', 'person.changed') and (payload->'new') ? 'region';
$$;

select person_regions_rebuild();

alter table person_regions enable row level security;
create policy tenant_isolation on person_regions using (tenant_id = app_tenant()) with check (tenant_id = app_tenant());
grant select, insert on person_regions to kruispunt_app;
