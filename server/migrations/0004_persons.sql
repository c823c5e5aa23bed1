-- The person registry (personenregister).

create table persons (
  id uuid primary key,
  tenant_id uuid not null,
  insz text,
  given_names text not null,
  family_name text not null,
  given_names_latin text not null,
  family_name_latin text not null,
  name_script text not null,
  search_text text not null,
  birth_date date,
  sex text check (sex in ('female', 'male', 'x')),
  mother_tongue text,
  contact_languages text[] not null default '{}',
  nationality text,
  street text,
  house_number text,
  box text,
  postal_code text,
  municipality_nis text,
  municipality_name text,
  region text,
  responsible_agency text,
  phone text,
  email text,
  merged_into_id uuid references persons(id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid
);
-- One person, one INSZ, across all agencies: a second dossier for the same number is a duplicate.
create unique index persons_insz_key on persons (insz) where insz is not null;
create index persons_tenant_idx on persons (tenant_id);
create index persons_birth_date_idx on persons (tenant_id, birth_date);
comment on table persons is 'Persons (personen, inburgeraars, anderstaligen): one record per person, with the name in its original script and a Latin transliteration.';
comment on column persons.insz is 'National register or BIS number (rijksregisternummer / INSZ), 11 digits, validated; optional.';
comment on column persons.search_text is 'Normalised original and transliterated names and INSZ; the source of person_search_terms.';
comment on column persons.region is 'Operating region (werkingsgebied) derived from the municipality.';
comment on column persons.responsible_agency is 'Agency code that the municipality belongs to (agii, atlas, in-gent, bon).';
comment on column persons.merged_into_id is 'Set when this record was merged into another (samengevoegd); the merge is reversible.';

create table person_merges (
  id uuid primary key,
  tenant_id uuid not null,
  survivor_id uuid not null references persons(id),
  merged_id uuid not null references persons(id),
  filled_fields jsonb not null default '{}',
  reason text not null,
  merged_at timestamptz not null default now(),
  merged_by uuid,
  undone_at timestamptz,
  undone_by uuid
);
create index person_merges_merged_idx on person_merges (merged_id);
comment on table person_merges is 'Merges of duplicate persons (samenvoegingen). filled_fields keeps what the survivor took over, so an undo restores it.';

create table person_links (
  id uuid primary key,
  tenant_id uuid not null,
  person_id uuid not null references persons(id),
  other_person_id uuid not null references persons(id),
  kind text not null check (kind in ('possible-duplicate', 'not-duplicate', 'family')),
  note text,
  created_at timestamptz not null default now(),
  created_by uuid,
  unique (person_id, other_person_id, kind)
);
comment on table person_links is 'Links between persons: flagged possible duplicates, confirmed distinct persons, family.';

-- Search terms rather than a trigram index on persons: under row-level security PostgreSQL may use
-- an index only with leakproof operators, and LIKE and the trigram operators are not; the btree
-- range comparisons used here are. A prefix range scan also returns the best-ordered rows first.
create table person_search_terms (
  tenant_id uuid not null,
  term text collate "C" not null,
  person_id uuid not null references persons(id),
  primary key (tenant_id, term, person_id)
);
create index person_search_terms_person_idx on person_search_terms (person_id, term);
comment on table person_search_terms is 'Zoektermen: each normalised name token of a person, and its consonant skeleton marked with #, for prefix search in any script. Merged persons have none.';

do $$
declare t text;
begin
  foreach t in array array['persons', 'person_merges', 'person_links', 'person_search_terms'] loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy tenant_isolation on %I using (tenant_id = app_tenant()) with check (tenant_id = app_tenant())', t);
  end loop;
end $$;

grant select, insert, update on persons, person_merges, person_links to kruispunt_app;
grant select, insert, delete on person_search_terms to kruispunt_app;
