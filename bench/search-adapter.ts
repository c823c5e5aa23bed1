/**
 * The person search as the persons service runs it, for the bench's seeding, diagnostics and bare
 * search route. The search implementation of the persons module has changed shape (a trigram
 * `searchByText` on persons.search_text, later `searchByTermPrefixes` on person_search_terms), so the
 * exports are looked up at run time and whichever is present is used, mirroring searchPersons().
 */
import * as queries from '../server/src/modules/persons/persons.queries';
import * as names from '../server/src/modules/persons/rules/names';
import * as personRecord from '../server/src/modules/persons/rules/person-record';
import type { PersonRecord } from '../server/src/modules/persons/rules/person-record';
import type { Executor } from '../server/src/platform/db/database';

type Row = { id: string; given_names: string; family_name: string; birth_date: string | null };

interface TermPrefixApi {
  searchByTermPrefixes(ex: Executor, tenantId: string, prefixes: string[], limit: number): Promise<Row[]>;
  replaceSearchTerms(ex: Executor, tenantId: string, personId: string, terms: readonly string[]): Promise<void>;
}
interface TrigramApi {
  searchByText(ex: Executor, normalized: string, limit: number): Promise<Row[]>;
  searchBySimilarity?(ex: Executor, normalized: string, limit: number): Promise<Row[]>;
}

const q = queries as unknown as Partial<TermPrefixApi & TrigramApi>;
const termsOf = (personRecord as unknown as { searchTermsOf?: (r: PersonRecord) => string[] }).searchTermsOf;
const skeletonTerm = (names as unknown as { skeletonTerm?: (token: string) => string }).skeletonTerm;

export type SearchImplementation = 'term-prefixes' | 'trigram';

export const searchImplementation: SearchImplementation = (() => {
  if (q.searchByTermPrefixes) return 'term-prefixes';
  if (q.searchByText) return 'trigram';
  throw new Error('bench: persons.queries exports neither searchByTermPrefixes nor searchByText; update bench/search-adapter.ts');
})();

export const searchImplementationLabel =
  searchImplementation === 'term-prefixes'
    ? 'searchByTermPrefixes (btree prefix ranges on person_search_terms; skeleton terms when nothing is found)'
    : 'searchByText (LIKE on persons.search_text with a trigram index; searchBySimilarity when nothing is found)';

/** Writes what createPerson writes besides the person row: its search terms, when the module has them. */
export async function writeSearchTerms(ex: Executor, tenantId: string, personId: string, record: PersonRecord): Promise<void> {
  if (q.replaceSearchTerms && termsOf) await q.replaceSearchTerms(ex, tenantId, personId, termsOf(record));
}

/** A name search (already normalised with normalizeForSearch), as searchPersons() does it. */
export async function nameSearch(ex: Executor, tenantId: string, normalized: string, limit: number): Promise<Row[]> {
  if (!normalized) return [];
  if (q.searchByTermPrefixes) {
    const tokens = normalized.split(' ');
    const rows = await q.searchByTermPrefixes(ex, tenantId, tokens, limit);
    if (rows.length || !skeletonTerm) return rows;
    return q.searchByTermPrefixes(ex, tenantId, tokens.map(skeletonTerm), limit);
  }
  const rows = await q.searchByText!(ex, normalized, limit);
  if (rows.length || !q.searchBySimilarity) return rows;
  return q.searchBySimilarity(ex, normalized, limit);
}
