import type { FieldProblem } from '../../../platform/errors';
import { parseInsz } from './insz';
import { isCountryCode, isLanguageCode } from './languages';
import { detectScript, normalizeForSearch, searchTerms, transliterate } from './names';
import { findMunicipality, regionForMunicipality } from './regions';

/** The facts a clerk enters about a person (all optional on update). */
export interface PersonFacts {
  givenNames: string;
  familyName: string;
  givenNamesLatin?: string | undefined;
  familyNameLatin?: string | undefined;
  insz?: string | null | undefined;
  birthDate?: string | null | undefined;
  sex?: 'female' | 'male' | 'x' | null | undefined;
  motherTongue?: string | null | undefined;
  contactLanguages?: string[] | undefined;
  nationality?: string | null | undefined;
  address?: { street: string; houseNumber: string; box?: string | null | undefined; postalCode: string; municipalityNis: string } | null | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
}

/** The stored shape of a person record (column names in camelCase). */
export interface PersonRecord {
  insz: string | null;
  givenNames: string;
  familyName: string;
  givenNamesLatin: string;
  familyNameLatin: string;
  nameScript: string;
  searchText: string;
  birthDate: string | null;
  sex: 'female' | 'male' | 'x' | null;
  motherTongue: string | null;
  contactLanguages: string[];
  nationality: string | null;
  street: string | null;
  houseNumber: string | null;
  box: string | null;
  postalCode: string | null;
  municipalityNis: string | null;
  municipalityName: string | null;
  region: string | null;
  responsibleAgency: string | null;
  phone: string | null;
  email: string | null;
}

/** Oldest birth date accepted: older dates are typing errors, not newcomers. */
export const EARLIEST_BIRTH_DATE = '1900-01-01';

export function searchTextOf(r: Pick<PersonRecord, 'givenNames' | 'familyName' | 'givenNamesLatin' | 'familyNameLatin' | 'insz'>): string {
  const parts = [`${r.givenNames} ${r.familyName}`, `${r.givenNamesLatin} ${r.familyNameLatin}`].map(normalizeForSearch);
  return [...new Set(parts), r.insz ?? ''].join(' ').trim();
}

/** The terms a person is found by: the names in both spellings (the INSZ has its own index). */
export function searchTermsOf(r: Pick<PersonRecord, 'givenNames' | 'familyName' | 'givenNamesLatin' | 'familyNameLatin'>): string[] {
  return searchTerms(`${r.givenNames} ${r.familyName} ${r.givenNamesLatin} ${r.familyNameLatin}`);
}

/**
 * Validates and completes a person's facts into a record (pure): INSZ checked against the birth date,
 * a Latin transliteration when none is given, codes checked, and the operating region and agency
 * derived from the municipality. Returns every problem at once so a form can show them together.
 */
export function preparePersonRecord(
  facts: PersonFacts,
  today: string,
): { ok: true; record: PersonRecord } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const birthDate = facts.birthDate ?? null;
  if (birthDate && (birthDate > today || birthDate < EARLIEST_BIRTH_DATE)) {
    problems.push({ field: 'birthDate', code: 'birth-date-out-of-range', values: { earliest: EARLIEST_BIRTH_DATE } });
  }
  let insz: string | null = null;
  if (facts.insz) {
    const parsed = parseInsz(facts.insz, { ...(birthDate ? { birthDate } : {}), today });
    if (parsed.ok) insz = parsed.value.normalized;
    else problems.push({ field: 'insz', code: `insz-${parsed.reason}` });
  }
  if (facts.motherTongue && !isLanguageCode(facts.motherTongue)) problems.push({ field: 'motherTongue', code: 'unknown-language' });
  (facts.contactLanguages ?? []).forEach((code, i) => {
    if (!isLanguageCode(code)) problems.push({ field: `contactLanguages.${i}`, code: 'unknown-language' });
  });
  if (facts.nationality && !isCountryCode(facts.nationality)) problems.push({ field: 'nationality', code: 'unknown-country' });
  let municipalityName: string | null = null;
  let region: string | null = null;
  let responsibleAgency: string | null = null;
  if (facts.address) {
    const municipality = findMunicipality(facts.address.municipalityNis);
    if (!municipality) problems.push({ field: 'address.municipalityNis', code: 'unknown-municipality' });
    else {
      municipalityName = municipality.name;
      const area = regionForMunicipality(facts.address.municipalityNis);
      region = area.region;
      responsibleAgency = area.agency;
    }
  }
  if (problems.length) return { ok: false, problems };
  const givenNamesLatin = facts.givenNamesLatin?.trim() || transliterate(facts.givenNames);
  const familyNameLatin = facts.familyNameLatin?.trim() || transliterate(facts.familyName);
  const names = { givenNames: facts.givenNames.trim(), familyName: facts.familyName.trim(), givenNamesLatin, familyNameLatin };
  return {
    ok: true,
    record: {
      ...names,
      insz,
      nameScript: detectScript(`${names.givenNames} ${names.familyName}`),
      searchText: searchTextOf({ ...names, insz }),
      birthDate,
      sex: facts.sex ?? null,
      motherTongue: facts.motherTongue?.toLowerCase() ?? null,
      contactLanguages: [...new Set((facts.contactLanguages ?? []).map((c) => c.toLowerCase()))],
      nationality: facts.nationality?.toUpperCase() ?? null,
      street: facts.address?.street ?? null,
      houseNumber: facts.address?.houseNumber ?? null,
      box: facts.address?.box ?? null,
      postalCode: facts.address?.postalCode ?? null,
      municipalityNis: facts.address?.municipalityNis ?? null,
      municipalityName,
      region,
      responsibleAgency,
      phone: facts.phone ?? null,
      email: facts.email?.toLowerCase() ?? null,
    },
  };
}

/** Fields a merge may fill on the surviving record when it lacks them (samenvoegen). */
export const MERGE_FILLABLE_FIELDS = ['insz', 'birthDate', 'sex', 'motherTongue', 'nationality', 'phone', 'email'] as const;
export type MergeFillableField = (typeof MERGE_FILLABLE_FIELDS)[number];

/** What a merge copies from the merged record into the survivor: only gaps, never overwrites. */
export function mergeFill(
  survivor: Pick<PersonRecord, MergeFillableField>,
  merged: Pick<PersonRecord, MergeFillableField>,
): Partial<Pick<PersonRecord, MergeFillableField>> {
  const gaps = MERGE_FILLABLE_FIELDS.filter((field) => survivor[field] === null && merged[field] !== null);
  return Object.fromEntries(gaps.map((field) => [field, merged[field]]));
}
