/**
 * Synthetic, obviously fictitious persons for the benchmarks and the demo population: names are
 * built from made-up syllables in four scripts (Latin, Arabic, Cyrillic, Ge'ez), e-mail addresses
 * are on example.org, phone numbers are random. Everything comes from a seeded generator, so a run
 * is repeatable. Not used by the platform itself.
 */
import { Rng } from '../../platform/rng';
import { composeInsz } from './rules/insz';
import { MUNICIPALITIES } from './rules/municipalities';
import { normalizeForSearch } from './rules/names';
import type { PersonFacts } from './rules/person-record';

export type NameScript = 'latin' | 'arabic' | 'cyrillic' | 'geez';

const combine = (onsets: readonly string[], nuclei: readonly string[], codas: readonly string[] = ['']) =>
  onsets.flatMap((o) => nuclei.flatMap((n) => codas.map((c) => `${o}${n}${c}`)));

/** Ge'ez (Ethiopic) is a syllabary: each consonant series has seven vowel orders in consecutive code points. */
const GEEZ_SERIES = [0x1200, 0x1208, 0x1218, 0x1228, 0x1230, 0x1238, 0x1240, 0x1260, 0x1270, 0x1278, 0x1290, 0x12a0, 0x12a8, 0x12c8, 0x12d8, 0x12e8, 0x12f0, 0x1300, 0x1308, 0x1320, 0x1328, 0x1338, 0x1348, 0x1350];

/**
 * Made-up syllables per script. The inventories are large (150–400 syllables) so that a three-letter
 * fragment is about as selective as in real name data (one to a few per cent of the persons), not a
 * syllable that half the population shares.
 */
const SYLLABLES: Record<NameScript, readonly string[]> = {
  latin: combine(
    ['b', 'br', 'd', 'dr', 'f', 'g', 'gr', 'h', 'j', 'k', 'kr', 'l', 'm', 'n', 'p', 'pr', 'r', 's', 'st', 't', 'tr', 'v', 'w', 'z', 'ch', 'sh'],
    ['a', 'e', 'i', 'o', 'u', 'é', 'ö', 'ay'],
    ['', '', 'n', 'r', 'l', 's'],
  ),
  arabic: combine(
    ['ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ', 'ف', 'ق', 'ك', 'ل', 'م', 'ن', 'ه', 'و', 'ي'],
    ['', 'ا', 'و', 'ي'],
  ),
  cyrillic: combine(
    ['б', 'в', 'г', 'д', 'ж', 'з', 'к', 'л', 'м', 'н', 'п', 'р', 'с', 'т', 'ф', 'х', 'ц', 'ч', 'ш', 'щ'],
    ['а', 'е', 'и', 'о', 'у', 'ы', 'я', 'ю', 'ё'],
    ['', '', 'н', 'р', 'в'],
  ),
  geez: GEEZ_SERIES.flatMap((base) => Array.from({ length: 7 }, (_, order) => String.fromCodePoint(base + order))),
};

/** Share of each script in the population. */
export const SCRIPT_MIX: readonly (readonly [NameScript, number])[] = [
  ['latin', 45],
  ['arabic', 25],
  ['cyrillic', 15],
  ['geez', 15],
];

const MOTHER_TONGUES: Record<NameScript, readonly string[]> = {
  latin: ['nl', 'fr', 'es', 'pt', 'ro', 'pl', 'tr', 'so', 'en'],
  arabic: ['ar', 'ps', 'fa', 'ku'],
  cyrillic: ['ru', 'uk', 'bg', 'sr'],
  geez: ['ti', 'am'],
};

const NATIONALITIES: Record<NameScript, readonly string[]> = {
  latin: ['ES', 'PT', 'RO', 'PL', 'TR', 'SO', 'BR', 'CO', 'ZZ'],
  arabic: ['SY', 'MA', 'IQ', 'AF', 'PS', 'SD'],
  cyrillic: ['UA', 'RU', 'BG', 'BY'],
  geez: ['ER', 'ET'],
};

const STREETS = ['Kerkstraat', 'Stationsstraat', 'Molenstraat', 'Dorpsstraat', 'Nieuwstraat', 'Schoolstraat', 'Kapelstraat', 'Beukenlaan', 'Lindelaan', 'Veldstraat'];

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function word(rng: Rng, script: NameScript, minSyllables: number, maxSyllables: number): string {
  const n = rng.int(minSyllables, maxSyllables);
  let w = '';
  for (let i = 0; i < n; i++) w += rng.pick(SYLLABLES[script]);
  return capitalise(w);
}

/** A made-up family name: Ge'ez syllables are single glyphs, so those names get more of them. */
export function fictitiousFamilyName(rng: Rng, script: NameScript): string {
  const [min, max] = script === 'geez' || script === 'arabic' ? [3, 4] : [2, 3];
  if (script === 'arabic' && rng.chance(0.2)) return `ال${word(rng, script, min, max)}`;
  if (script === 'latin' && rng.chance(0.08)) return `${word(rng, script, 2, 2)}-${word(rng, script, 2, 2)}`;
  return word(rng, script, min, max);
}

export function fictitiousGivenNames(rng: Rng, script: NameScript): string {
  const [min, max] = script === 'geez' || script === 'arabic' ? [2, 3] : [2, 2];
  const first = word(rng, script, min, max);
  return rng.chance(0.2) ? `${first} ${word(rng, script, min, max)}` : first;
}

export interface NamePools {
  family: Record<NameScript, string[]>;
  given: Record<NameScript, string[]>;
}

/** Fixed pools of family and given names per script, picked with a skew (some names are common). */
export function namePools(seed: number, familyPerScript = 3000, givenPerScript = 300): NamePools {
  const rng = new Rng(seed ^ 0x5eed);
  const family = {} as Record<NameScript, string[]>;
  const given = {} as Record<NameScript, string[]>;
  for (const [script] of SCRIPT_MIX) {
    const f = new Set<string>();
    for (let i = 0; f.size < familyPerScript && i < familyPerScript * 20; i++) f.add(fictitiousFamilyName(rng, script));
    const g = new Set<string>();
    for (let i = 0; g.size < givenPerScript && i < givenPerScript * 20; i++) g.add(fictitiousGivenNames(rng, script));
    family[script] = [...f];
    given[script] = [...g];
  }
  return { family, given };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Birth dates of adult newcomers, mostly born 1970–2000, some from 2000 on. */
export function birthDate(rng: Rng): string {
  const year = rng.weighted<[number, number]>([
    [[1950, 1969], 10],
    [[1970, 1989], 40],
    [[1990, 1999], 35],
    [[2000, 2008], 15],
  ]);
  const y = rng.int(year[0], year[1]);
  const m = rng.int(1, 12);
  const d = rng.int(1, daysInMonth(y, m));
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

export type InszKind = 'national-register' | 'bis-sex-known' | 'bis-sex-unknown';

/**
 * A valid INSZ for the birth date: YYMMDD + sequence (odd for men, even for women) + check digits
 * 97 − (n mod 97), where n is the first nine digits, prefixed with 2 for births from 2000 on.
 * BIS numbers add 20 (sex unknown) or 40 (sex known) to the month. Null when no free sequence
 * number was found (the INSZ is unique).
 */
export function makeInsz(rng: Rng, date: string, sex: 'female' | 'male' | 'x', kind: InszKind, used: Set<string>): string | null {
  const offset = kind === 'bis-sex-unknown' ? 20 : kind === 'bis-sex-known' ? 40 : 0;
  for (let attempt = 0; attempt < 8; attempt++) {
    let seq = rng.int(1, 998);
    if (kind !== 'bis-sex-unknown') {
      const wantOdd = sex === 'male';
      if ((seq % 2 === 1) !== wantOdd) seq = seq === 998 ? 997 : seq + 1;
    }
    const insz = composeInsz(date, seq, offset);
    if (used.has(insz)) continue;
    used.add(insz);
    return insz;
  }
  return null;
}

export interface GeneratedPerson {
  script: NameScript;
  facts: PersonFacts;
}

export interface PersonOptions {
  /** Draw names from the pools (seeding) or make fresh ones (create load, so names are new). */
  pools: NamePools | null;
  /** INSZ kinds and their weights; 'none' for persons without an INSZ. */
  insz: readonly (readonly [InszKind | 'none', number])[];
  usedInsz: Set<string>;
}

export const SEED_INSZ_MIX: PersonOptions['insz'] = [
  ['national-register', 40],
  ['bis-sex-known', 10],
  ['none', 50],
];

/** Created persons only get BIS numbers with unknown sex (month + 20), which seeding never uses. */
export const CREATE_INSZ_MIX: PersonOptions['insz'] = [
  ['bis-sex-unknown', 30],
  ['none', 70],
];

export function generatePerson(rng: Rng, options: PersonOptions): GeneratedPerson {
  const script = rng.weighted(SCRIPT_MIX);
  const familyName = options.pools ? options.pools.family[script][rng.skewedIndex(options.pools.family[script].length)]! : fictitiousFamilyName(rng, script);
  const givenNames = options.pools ? options.pools.given[script][rng.skewedIndex(options.pools.given[script].length)]! : fictitiousGivenNames(rng, script);
  const sex = rng.weighted<'female' | 'male' | 'x'>([
    ['female', 49],
    ['male', 49],
    ['x', 2],
  ]);
  const born = birthDate(rng);
  let kind = rng.weighted(options.insz);
  if (sex === 'x' && kind !== 'bis-sex-unknown') kind = 'none';
  const insz = kind === 'none' ? null : makeInsz(rng, born, sex, kind, options.usedInsz);
  const motherTongue = rng.pick(MOTHER_TONGUES[script]);
  const municipality = rng.pick(MUNICIPALITIES);
  const latin = normalizeForSearch(`${givenNames} ${familyName}`).replace(/ /g, '.');
  const facts: PersonFacts = {
    givenNames,
    familyName,
    insz,
    birthDate: born,
    sex,
    motherTongue,
    contactLanguages: [...new Set([rng.pick(['nl', 'nl', 'fr', 'en']), motherTongue])],
    nationality: rng.pick(NATIONALITIES[script]),
    address: rng.chance(0.7)
      ? {
          street: rng.pick(STREETS),
          houseNumber: String(rng.int(1, 250)),
          box: rng.chance(0.1) ? `b${rng.int(1, 20)}` : null,
          postalCode: municipality.postalCodes[0]!,
          municipalityNis: municipality.nis,
        }
      : null,
    phone: rng.chance(0.5) ? `+32 4${rng.int(70, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)}` : null,
    email: rng.chance(0.3) ? `${latin || 'person'}${rng.int(1, 999)}@example.org` : null,
  };
  return { script, facts };
}

