/**
 * Fictitious persons of the demo population: made-up names in the script of their mother tongue
 * (the shared synthetic-person generator), a valid-format INSZ or BIS number for most, an address
 * in a municipality of their region (so the registry derives the same region and agency as for
 * anybody), languages and nationality that go together. Records go through preparePersonRecord,
 * the same validation the persons service applies.
 */
import type { CertificateDocument } from '../../../platform/pdf/certificate-pdf';
import type { Rng } from '../../../platform/rng';
import { formatInsz } from '../../persons/rules/insz';
import { MUNICIPALITIES } from '../../persons/rules/municipalities';
import { preparePersonRecord, type PersonRecord } from '../../persons/rules/person-record';
import { regionForMunicipality } from '../../persons/rules/regions';
import { makeInsz, namePools, type NamePools, type NameScript } from '../../persons/synthetic';
import { EU_COUNTRIES, languagesByRegion, MOTHER_TONGUES_BEHIND, NATIONALITIES } from './model';
import { perRegion, type DemoRegion } from './published';

export interface DemoPerson {
  id: string;
  region: DemoRegion;
  /** The language the person follows courses and intakes in (MO-taal). */
  language: string;
  motherTongue: string;
  nationality: string;
  eu: boolean;
  record: PersonRecord;
  /** What a certificate prints of the person. */
  printed: CertificateDocument['person'];
}

export interface PersonWish {
  region: DemoRegion;
  /** First contact: the person is registered then; born long enough before to be of the wanted age. */
  on: string;
  /** A fixed course language (temporary protection: Ukrainian or Russian). */
  language?: string;
  /** Needs a nationality outside the EU (an obligated person). */
  nonEu?: boolean;
  /** Age at `on`: 65 or older (an entitled reason), else 18–64. */
  senior?: boolean;
}

const ARABIC_SCRIPT = new Set(['ar', 'ary', 'ps', 'prs', 'fa', 'ur', 'ku']);
const CYRILLIC_SCRIPT = new Set(['ru', 'uk', 'bg', 'hbs']);
const GEEZ_SCRIPT = new Set(['ti', 'am']);
const scriptOf = (motherTongue: string): NameScript =>
  ARABIC_SCRIPT.has(motherTongue) ? 'arabic' : CYRILLIC_SCRIPT.has(motherTongue) ? 'cyrillic' : GEEZ_SCRIPT.has(motherTongue) ? 'geez' : 'latin';

const STREETS = ['Kerkstraat', 'Stationsstraat', 'Molenstraat', 'Dorpsstraat', 'Nieuwstraat', 'Schoolstraat', 'Kapelstraat', 'Beukenlaan', 'Lindelaan', 'Veldstraat', 'Markt', 'Hoogstraat'];
/** Age at first contact, in years: most newcomers are young adults. */
const AGES: ReadonlyArray<readonly [readonly [number, number], number]> = [[[18, 24], 18], [[25, 34], 38], [[35, 44], 26], [[45, 54], 12], [[55, 64], 6]];

/** Municipalities of each region; the cities of Antwerp and Ghent have their own agency and are left out. */
const MUNICIPALITIES_BY_REGION = perRegion((region) => MUNICIPALITIES.filter((m) => regionForMunicipality(m.nis).region === region));

const hasNonEuNationality = (language: string) => (NATIONALITIES[language] ?? []).some((c) => !EU_COUNTRIES.has(c));

export class PeopleFactory {
  private readonly pools: NamePools;
  private readonly usedInsz = new Set<string>();
  private readonly languages: ReturnType<typeof languagesByRegion>;

  constructor(
    private readonly rng: Rng,
    private readonly newId: () => string,
    seed: number,
    scale: number,
  ) {
    this.pools = namePools(seed, 1500, 250);
    this.languages = languagesByRegion(scale);
  }

  make(wish: PersonWish): DemoPerson {
    const rng = this.rng;
    const language = wish.language ?? this.pickLanguage(wish.region, wish.nonEu === true);
    const motherTongue = MOTHER_TONGUES_BEHIND[language] ? rng.weighted(MOTHER_TONGUES_BEHIND[language]) : language;
    const options = (NATIONALITIES[motherTongue] ?? NATIONALITIES[language] ?? ['ZZ']).filter((c) => !wish.nonEu || !EU_COUNTRIES.has(c));
    const nationality = rng.pick(options.length ? options : ['ZZ']);
    const script = scriptOf(motherTongue);
    const sex = rng.weighted([['female', 497], ['male', 497], ['x', 6]] as const);
    const birthDate = this.birthDate(wish.on, wish.senior === true);
    const inszKind = rng.weighted([['national-register', 72], ['bis-sex-known', 16], ['none', 12]] as const);
    const insz = inszKind === 'none' ? null : makeInsz(rng, birthDate, sex, sex === 'x' ? 'bis-sex-unknown' : inszKind, this.usedInsz);
    const municipality = rng.pick(MUNICIPALITIES_BY_REGION[wish.region]);
    const givenNames = this.pools.given[script][rng.skewedIndex(this.pools.given[script].length)]!;
    const familyName = this.pools.family[script][rng.skewedIndex(this.pools.family[script].length)]!;
    const prepared = preparePersonRecord(
      {
        givenNames,
        familyName,
        insz,
        birthDate,
        sex,
        motherTongue,
        contactLanguages: [...new Set([language, rng.chance(0.3) ? 'nl' : rng.pick(['en', 'fr', language])])],
        nationality,
        address: { street: rng.pick(STREETS), houseNumber: String(rng.int(1, 180)), box: rng.chance(0.12) ? `b${rng.int(1, 12)}` : null, postalCode: municipality.postalCodes[0]!, municipalityNis: municipality.nis },
        phone: rng.chance(0.7) ? `+32 4${rng.int(70, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)}` : null,
        email: rng.chance(0.45) ? `demo.${rng.int(100000, 999999)}@example.org` : null,
      },
      wish.on,
    );
    if (!prepared.ok) throw new Error(`demo person refused by the registry's rules: ${JSON.stringify(prepared.problems)}`);
    const record = prepared.record;
    return {
      id: this.newId(),
      region: wish.region,
      language,
      motherTongue,
      nationality,
      eu: EU_COUNTRIES.has(nationality),
      record,
      printed: {
        givenNames: record.givenNames,
        familyName: record.familyName,
        givenNamesLatin: record.givenNamesLatin,
        familyNameLatin: record.familyNameLatin,
        birthDate: record.birthDate,
        inszFormatted: record.insz ? formatInsz(record.insz) : null,
      },
    };
  }

  /** A course language of the region (Fig. 26); an obligated person needs one spoken outside the EU. */
  private pickLanguage(region: DemoRegion, nonEu: boolean): string {
    for (;;) {
      const language = this.rng.weighted(this.languages[region]);
      if (!nonEu || hasNonEuNationality(MOTHER_TONGUES_BEHIND[language] ? 'en' : language)) return language;
    }
  }

  private birthDate(on: string, senior: boolean): string {
    const [min, max] = senior ? ([65, 72] as const) : this.rng.weighted(AGES);
    const age = this.rng.int(min, max);
    const month = this.rng.int(1, 12);
    const day = this.rng.int(1, 28);
    const birthday = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    // Born `age` years before `on`, one more when this year's birthday is still to come.
    const year = Number(on.slice(0, 4)) - age - (birthday > on.slice(5) ? 1 : 0);
    return `${year}-${birthday}`;
  }
}
