import { sql, type SQL } from 'drizzle-orm';
import { queryRows, textArray, type Executor } from '../../platform/db/database';
import type { PersonRecord } from './rules/person-record';

export interface PersonRow {
  id: string;
  tenant_id: string;
  insz: string | null;
  given_names: string;
  family_name: string;
  given_names_latin: string;
  family_name_latin: string;
  name_script: string;
  search_text: string;
  birth_date: string | null;
  sex: 'female' | 'male' | 'x' | null;
  mother_tongue: string | null;
  contact_languages: string[];
  nationality: string | null;
  street: string | null;
  house_number: string | null;
  box: string | null;
  postal_code: string | null;
  municipality_nis: string | null;
  municipality_name: string | null;
  region: string | null;
  responsible_agency: string | null;
  phone: string | null;
  email: string | null;
  merged_into_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

// birth_date as text: a date has no time zone and must not shift through a JS Date.
const PERSON_COLUMNS = sql`id, tenant_id, insz, given_names, family_name, given_names_latin, family_name_latin, name_script,
  search_text, to_char(birth_date, 'YYYY-MM-DD') as birth_date, sex, mother_tongue, contact_languages, nationality, street,
  house_number, box, postal_code, municipality_nis, municipality_name, region, responsible_agency, phone, email,
  merged_into_id, version, created_at, updated_at`;

/** What a search result shows: a search answers with many rows, so it reads no more than this. */
export type PersonSummaryRow = Pick<
  PersonRow,
  'id' | 'given_names' | 'family_name' | 'given_names_latin' | 'family_name_latin' | 'birth_date' | 'insz' | 'municipality_name' | 'region'
>;

const SUMMARY_COLUMNS = sql`persons.id, given_names, family_name, given_names_latin, family_name_latin,
  to_char(birth_date, 'YYYY-MM-DD') as birth_date, insz, municipality_name, region`;

/** Record fields (camelCase) to their columns, for inserts and updates in one place. */
const COLUMN_OF = {
  insz: 'insz',
  givenNames: 'given_names',
  familyName: 'family_name',
  givenNamesLatin: 'given_names_latin',
  familyNameLatin: 'family_name_latin',
  nameScript: 'name_script',
  searchText: 'search_text',
  birthDate: 'birth_date',
  sex: 'sex',
  motherTongue: 'mother_tongue',
  contactLanguages: 'contact_languages',
  nationality: 'nationality',
  street: 'street',
  houseNumber: 'house_number',
  box: 'box',
  postalCode: 'postal_code',
  municipalityNis: 'municipality_nis',
  municipalityName: 'municipality_name',
  region: 'region',
  responsibleAgency: 'responsible_agency',
  phone: 'phone',
  email: 'email',
} as const satisfies Record<keyof PersonRecord, string>;

function valueSql(field: keyof PersonRecord, value: unknown): SQL {
  if (field === 'contactLanguages') return textArray(value as string[]);
  if (field === 'birthDate') return sql`${value}::date`;
  return sql`${value}`;
}

export async function insertPerson(ex: Executor, id: string, tenantId: string, createdBy: string | null, r: PersonRecord) {
  const fields = Object.keys(COLUMN_OF) as (keyof PersonRecord)[];
  await ex.execute(sql`insert into persons (id, tenant_id, created_by, ${sql.raw(fields.map((f) => COLUMN_OF[f]).join(', '))})
    values (${id}, ${tenantId}, ${createdBy}, ${sql.join(fields.map((f) => valueSql(f, r[f])), sql`, `)})`);
}

/** Writes the changed fields and bumps the version, only if the version is still the expected one. */
export async function updatePersonFields(ex: Executor, id: string, expectedVersion: number, change: Partial<PersonRecord> & { mergedIntoId?: string | null }) {
  const sets = (Object.keys(change) as (keyof typeof change)[]).map((f) =>
    f === 'mergedIntoId' ? sql`merged_into_id = ${change.mergedIntoId}` : sql`${sql.raw(COLUMN_OF[f])} = ${valueSql(f, change[f])}`,
  );
  const rows = await queryRows<{ id: string }>(
    ex,
    sql`update persons set ${sql.join([...sets, sql`version = version + 1`, sql`updated_at = now()`], sql`, `)}
      where id = ${id} and version = ${expectedVersion} returning id`,
  );
  return rows.length === 1;
}

export async function findPerson(ex: Executor, id: string): Promise<PersonRow | undefined> {
  const rows = await queryRows<PersonRow>(ex, sql`select ${PERSON_COLUMNS} from persons where id = ${id}`);
  return rows[0];
}

export async function findPersonsByInsz(ex: Executor, insz: string): Promise<PersonRow[]> {
  return queryRows<PersonRow>(ex, sql`select ${PERSON_COLUMNS} from persons where insz = ${insz} and merged_into_id is null`);
}

export async function findPersonsBornOn(ex: Executor, birthDate: string, limit = 500): Promise<PersonRow[]> {
  return queryRows<PersonRow>(
    ex,
    sql`select ${PERSON_COLUMNS} from persons where birth_date = ${birthDate}::date and merged_into_id is null limit ${limit}`,
  );
}

/** Stores the search terms of a new person. */
export async function insertSearchTerms(ex: Executor, tenantId: string, personId: string, terms: readonly string[]) {
  if (!terms.length) return;
  await ex.execute(sql`insert into person_search_terms (tenant_id, term, person_id)
    select ${tenantId}, term, ${personId} from unnest(${textArray(terms)}) as term on conflict do nothing`);
}

/** Replaces a person's search terms (none for a merged person). */
export async function replaceSearchTerms(ex: Executor, tenantId: string, personId: string, terms: readonly string[]) {
  await ex.execute(sql`delete from person_search_terms where person_id = ${personId}`);
  await insertSearchTerms(ex, tenantId, personId, terms);
}

// In the "C" collation every term that starts with a prefix sorts below prefix + U+007F.
const prefixRange = (column: SQL, prefix: string) => sql`${column} >= ${prefix} and ${column} < ${`${prefix}\u007f`}`;

/** More terms than one person ever has under one prefix: the slice read per wanted result. */
const TERMS_PER_PERSON_BOUND = 8;

/** Counting stops here: past it a prefix is simply "common", and only the order of prefixes matters. */
const PREFIX_COUNT_CAP = 1000;

/**
 * The prefixes, rarest first, counted in one capped index-only statement: the rarest one should drive
 * the search. Term statistics are too coarse to tell two rare prefixes apart, so the planner cannot.
 */
async function rarestFirst(ex: Executor, tenantId: string, prefixes: string[]): Promise<string[]> {
  if (prefixes.length < 2) return prefixes;
  const counts = sql.join(
    prefixes.map(
      (prefix, i) => sql`select ${i}::int as i, (select count(*) from (select 1 from person_search_terms
        where tenant_id = ${tenantId} and ${prefixRange(sql`term`, prefix)} limit ${PREFIX_COUNT_CAP}) capped)::int as n`,
    ),
    sql` union all `,
  );
  const rows = await queryRows<{ i: number; n: number }>(ex, counts);
  return rows.sort((a, b) => a.n - b.n).map((r) => prefixes[r.i]!);
}

/**
 * Persons with a term starting with every given prefix, best (alphabetically first) match first.
 * The rarest prefix drives an index range scan; the others are checked per person.
 */
export async function searchByTermPrefixes(ex: Executor, tenantId: string, prefixes: string[], limit: number): Promise<PersonSummaryRow[]> {
  const [driver, ...others] = await rarestFirst(ex, tenantId, [...new Set(prefixes)]);
  if (!driver) return [];
  const checks = others.map(
    (prefix) => sql`and exists (select 1 from person_search_terms o
      where o.person_id = t.person_id and ${prefixRange(sql`o.term`, prefix)})`,
  );
  // Terms come out of the index in order, so the first rows hold the best matches: reading a bounded
  // slice (a person has at most a few terms per prefix) replaces grouping the whole prefix range.
  return queryRows<PersonSummaryRow>(
    ex,
    sql`with slice as (
        select t.person_id, t.term from person_search_terms t
        where t.tenant_id = ${tenantId} and ${prefixRange(sql`t.term`, driver)} ${sql.join(checks, sql` `)}
        order by t.term, t.person_id limit ${limit * TERMS_PER_PERSON_BOUND}
      ), hits as (
        select person_id, min(term) as best from slice group by person_id order by best, person_id limit ${limit}
      )
      select ${SUMMARY_COLUMNS} from hits join persons on persons.id = hits.person_id
      order by hits.best, family_name_latin, given_names_latin`,
  );
}

export async function searchByBirthDate(ex: Executor, birthDate: string, limit: number): Promise<PersonSummaryRow[]> {
  return queryRows<PersonSummaryRow>(
    ex,
    sql`select ${SUMMARY_COLUMNS} from persons where birth_date = ${birthDate}::date and merged_into_id is null
      order by family_name_latin, given_names_latin limit ${limit}`,
  );
}

export interface MergeRow {
  id: string;
  survivor_id: string;
  merged_id: string;
  filled_fields: Record<string, string>;
}

export async function insertMerge(
  ex: Executor,
  m: { id: string; tenantId: string; survivorId: string; mergedId: string; filled: Record<string, unknown>; reason: string; by: string | null },
) {
  await ex.execute(sql`insert into person_merges (id, tenant_id, survivor_id, merged_id, filled_fields, reason, merged_by)
    values (${m.id}, ${m.tenantId}, ${m.survivorId}, ${m.mergedId}, ${JSON.stringify(m.filled)}::jsonb, ${m.reason}, ${m.by})`);
}

export async function findActiveMerge(ex: Executor, mergedId: string): Promise<MergeRow | undefined> {
  const rows = await queryRows<MergeRow>(
    ex,
    sql`select id, survivor_id, merged_id, filled_fields from person_merges where merged_id = ${mergedId} and undone_at is null`,
  );
  return rows[0];
}

export async function markMergeUndone(ex: Executor, id: string, by: string | null) {
  await ex.execute(sql`update person_merges set undone_at = now(), undone_by = ${by} where id = ${id}`);
}

export async function insertLinks(ex: Executor, tenantId: string, personId: string, otherIds: string[], kind: string, by: string | null) {
  for (const other of otherIds) {
    await ex.execute(sql`insert into person_links (id, tenant_id, person_id, other_person_id, kind, created_by)
      values (gen_random_uuid(), ${tenantId}, ${personId}, ${other}, ${kind}, ${by}) on conflict do nothing`);
  }
}
