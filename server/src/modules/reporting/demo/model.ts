/**
 * The assumptions of the demo population: yearly volumes, shares and probabilities. Where a figure
 * is published (published.ts) it is used as is; the rest is chosen so that what the trajectory
 * rules make of these inputs lands near the published 2022 and 2023 outputs (certificates, tests,
 * running contracts). Every outcome itself comes from the domain's rules, never from here.
 */
import { MO_STARTERS_BY_LANGUAGE_2023, PUBLISHED, perRegion, type ByRegion, type DemoRegion } from './published';

/** Scale 1 is the AgII area as published (about 450,000 persons in ten years and a bit). */
export const SCALES = { small: 0.02, flanders: 1 } as const;
export type ScaleName = keyof typeof SCALES;

/**
 * Sign-ups of a year relative to 2023, for the years without published figures: the inflow
 * series of [000] (2019–2022) and the 2015–2016 asylum wave of [002], carried forward gently.
 */
const YEAR_INDEX: Readonly<Record<number, number>> = {
  2014: 0.8, 2015: 0.86, 2016: 1.0, 2017: 0.93, 2018: 0.88, 2019: 0.92, 2020: 0.68, 2021: 0.76, 2024: 1.02, 2025: 0.98, 2026: 0.96,
};
const yearIndex = (year: number) => YEAR_INDEX[year] ?? 0.9;

/** Published regional figures for 2022 and 2023; other years scale the 2023 ones by the year index. */
export function regionalFigure(year: number, pick: (published: (typeof PUBLISHED)[2023]) => ByRegion, region: DemoRegion): number {
  if (year === 2022 || year === 2023) return pick(PUBLISHED[year])[region];
  return pick(PUBLISHED[2023])[region] * yearIndex(year);
}

/**
 * Sign-ups of temporary-protection holders (Ukraine) per year: part of the published sign-ups,
 * from March 2022 (ACT-18). Spread over the regions with Provincie Antwerpen heaviest (its +50 %
 * in 2023).
 */
const TEMPORARY_PROTECTION_SIGN_UPS: Readonly<Record<number, number>> = { 2022: 2000, 2023: 2600, 2024: 1800, 2025: 1200, 2026: 1000 };
const TEMPORARY_PROTECTION_REGIONS: ByRegion = { PA: 0.3, BR: 0.1, LI: 0.12, OV: 0.15, VB: 0.15, WV: 0.18 };
export const temporaryProtectionSignUps = (year: number, region: DemoRegion) =>
  (TEMPORARY_PROTECTION_SIGN_UPS[year] ?? 0) * TEMPORARY_PROTECTION_REGIONS[region];

/** Temporary-protection holders with an NT2 conversation but no dossier (Fig. 41: incl. minus excl. temporary protection). */
const TEMPORARY_PROTECTION_NT2_ONLY: Readonly<Record<number, number>> = { 2022: 7500, 2023: 3400, 2024: 2600, 2025: 2000, 2026: 1700 };
export const temporaryProtectionNt2Only = (year: number, region: DemoRegion) =>
  region === 'BR' ? 0 : ((TEMPORARY_PROTECTION_NT2_ONLY[year] ?? 0) * TEMPORARY_PROTECTION_REGIONS[region]) / (1 - TEMPORARY_PROTECTION_REGIONS.BR);

/**
 * Anderstaligen without a trajectory who come for an NT2 conversation (ACT-19): the unique NT2
 * persons of Fig. 41 (without temporary protection), less the trajectory's own and those who come back.
 */
export const nt2OnlyArrivals = (year: number, region: DemoRegion) =>
  region === 'BR' ? 0 : regionalFigure(year, (p) => p.nt2PersonsWithoutTemporaryProtection, region) * 0.56;

/** Months weigh differently: fewer sign-ups in December and August, more in spring and autumn. */
export const MONTH_WEIGHTS = [9, 8.5, 9, 8.5, 9, 8.5, 7.5, 7, 9, 9.5, 8.5, 6.5] as const;

/**
 * Aim of the target group at sign-up, without temporary protection. Fig. 10 gives 45 % obligated
 * (lowest BR 13 %, highest WV 60 %) and Fig. 14 51 % of the first contracts; the aims are a little
 * higher because the rules make some of them entitled (Brussels before June 2022, EU citizens).
 */
export const OBLIGATED_AT_SIGN_UP: ByRegion = { PA: 0.57, BR: 0.16, LI: 0.55, OV: 0.62, VB: 0.48, WV: 0.7 };
export const UNDETERMINED_AT_SIGN_UP = 0.02;
/** Outside the target group after all (short stay, asylum seekers from 1 March 2022). */
export const OUTSIDE_TARGET_GROUP = 0.01;

/**
 * Course languages per region (Fig. 26); a person's language is drawn from them. A small
 * population keeps only the languages that still bring a few people a year, or its MO groups
 * would be a person or two; at full scale every published language stays.
 */
export function languagesByRegion(scale: number): Record<DemoRegion, ReadonlyArray<readonly [string, number]>> {
  return perRegion((region) => {
    const all = Object.entries(MO_STARTERS_BY_LANGUAGE_2023)
      .map(([language, byRegion]) => [language, byRegion[region]] as const)
      .filter(([, n]) => n > 0);
    const kept = all.filter(([, n]) => n * scale >= 2.5);
    return kept.length ? kept : all.slice(0, 1);
  });
}

/** Mother tongues behind the lingua francas used as course language. */
export const MOTHER_TONGUES_BEHIND: Readonly<Record<string, ReadonlyArray<readonly [string, number]>>> = {
  en: [['en', 20], ['hi', 12], ['ur', 10], ['tl', 8], ['yo', 8], ['ig', 6], ['bn', 8], ['am', 10], ['sw', 6], ['ne', 6], ['ta', 6]],
  fr: [['fr', 35], ['ln', 20], ['wo', 12], ['ff', 10], ['rw', 10], ['ar', 13]],
};

/** Nationalities by mother tongue; EU ones make a person entitled rather than obligated (FL-EX-01). */
export const NATIONALITIES: Readonly<Record<string, readonly string[]>> = {
  ar: ['SY', 'SY', 'IQ', 'PS', 'SD', 'EG', 'LB', 'TN', 'DZ', 'MA'],
  ary: ['MA'], zgh: ['MA'], ps: ['AF'], prs: ['AF'], fa: ['IR', 'AF'], tr: ['TR'], ru: ['RU', 'BY', 'KZ', 'GE'], uk: ['UA'],
  ti: ['ER'], am: ['ET'], so: ['SO'], es: ['VE', 'CO', 'ES', 'ES'], pt: ['BR', 'BR', 'PT', 'AO'], ro: ['RO'], pl: ['PL'], sq: ['AL'],
  bg: ['BG'], hbs: ['RS', 'BA', 'HR'], en: ['IN', 'NG', 'GH', 'PK', 'PH', 'GB'], fr: ['CD', 'CM', 'GN', 'SN', 'CI', 'FR'], nl: ['NL', 'SR'],
  hi: ['IN'], th: ['TH'], ku: ['IQ', 'SY', 'TR'], zh: ['CN'], ne: ['NP'], hy: ['AM'], tl: ['PH'], ur: ['PK'], tw: ['GH'], pa: ['IN'],
  vi: ['VN'], it: ['IT'], ta: ['LK', 'IN'], bo: ['CN', 'IN'], hu: ['HU'], rom: ['RO', 'SK'], ff: ['GN', 'SN'], yo: ['NG'], ig: ['NG'],
  bn: ['BD'], sw: ['KE', 'TZ'], ln: ['CD'], wo: ['SN'], rw: ['RW'],
};
export const EU_COUNTRIES: ReadonlySet<string> = new Set(['ES', 'PT', 'RO', 'PL', 'BG', 'HR', 'IT', 'HU', 'SK', 'NL', 'FR']);

/** Who gets which intake facts (shares among trajectory clients). */
export const INTAKE = {
  /**
   * Education: obligated newcomers (a first residence title from outside the EU: refugees, family
   * reunification) have had less schooling than entitled ones (EU citizens, later titles, labour
   * migrants), so they need the longer Dutch courses more often.
   */
  education: {
    obligated: [['none', 12], ['primary', 30], ['secondary', 38], ['higher', 20]],
    other: [['none', 4], ['primary', 15], ['secondary', 45], ['higher', 36]],
  } as const,
  /** Literacy given the education level. */
  illiterateWithoutSchooling: 0.6,
  lowLiterateWithPrimary: 0.5,
  working: 0.22,
  studying: 0.05,
  notAllowedToWork: 0.02,
  /** Diploma obtained abroad, for secondary and higher education (R-16: recognition guidance). */
  diplomaAbroad: { secondary: 0.3, higher: 0.9 },
  mode: [['physical', 70], ['digital', 20], ['group', 10]] as const,
} as const;

/** The trajectory after the intake decision (shares per client unless said otherwise). */
export const TRAJECTORY = {
  /** Never comes to the intake; the dossier is closed after a few months. */
  noIntake: 0.03,
  /** Sign a contract: obligated, entitled, temporary protection. */
  contract: { verplicht: 0.98, rechthebbend: 0.9, 'tijdelijke-bescherming': 0.14 },
  /** Brussels obligated who choose the French-language track at a BAPA. */
  brusselsFrenchTrack: 0.15,
  /** Entitled persons with the participation addendum (contracts from 2023). */
  participationAddendum: 0.35,
  /** Work registration within the 60 days, late, or never. */
  workRegistration: { onTime: 0.86, late: 0.1 },
  /** Requests diploma recognition when the diploma was obtained abroad. */
  diplomaRecognition: 0.95,
  /** Takes the MO exemption test first (Fig. 17: about a fifth of the contracts), more so when highly educated. */
  exemptionTest: { higher: 0.45, other: 0.12 },
  /** Drops out of the trajectory (entitled only, no sanction since 2022), moves away, exempted (obligated). */
  stops: 0.25,
  moves: 0.03,
  exemption: 0.065,
  /** Suspension during the contract (Fig. 37), far fewer in Brussels. */
  suspension: { flanders: 0.3, brussels: 0.01 },
  /** Obligated persons with an infringement (most often a late VDAB registration or irregular attendance). */
  infringement: 0.22,
  /** After a notice of default: complies, or is handed over; the rest is annulled by a change of circumstances. */
  afterNotice: { complies: 0.42, handedOver: 0.48 },
  /** Proof of regular participation instead of the certificate (Fig. 39), for obligated who attended but stall in NT2. */
  regularParticipation: 0.3,
  /** An NT2 conversation for the trajectory client (Flanders; Brussels clients learn Dutch at HvN Brussel). */
  nt2Conversation: 0.97,
} as const;

/** MO courses: when a waiting group becomes a course, and how the course goes. */
export const MO = {
  capacity: 18,
  /** A common language forms a course at this many waiting people; a rare one waits longer for a smaller group. */
  formAt: 15,
  formAfterWeeks: [[14, 8], [26, 4], [40, 2]] as const,
  /** New courses a region can start a week at full scale: teachers and rooms (Fig. 22: 880 started in 2023 over six regions). */
  coursesPerRegionWeek: 4,
  sessionHours: 3,
  /** Some courses of the bigger non-European languages run with an interpreter (Fig. 23–24). */
  withInterpreter: { languages: ['prs', 'fa', 'hi', 'ar'], share: 0.025 },
  formats: [['classroom', 56], ['blended', 20], ['hybrid', 9], ['digital', 12], ['self-study', 3]] as const,
  /** Chance to be present at a session, drop out of a course. */
  presence: [0.82, 0.99] as const,
  dropOut: 0.04,
  noShow: 0.03,
} as const;

/** NT2: conversations, tests, advices and courses (Fig. 41–46). */
export const NT2 = {
  niveautest: 0.017,
  /** A second conversation soon after the first (a test result to discuss, the advice itself). */
  followUpConversation: 0.45,
  /** After a course, back for the next level (people without a trajectory). */
  nextLevel: 0.15,
  /** Tests taken in a conversation (Fig. 46 over the conversations). */
  tests: { covaar: 0.25, 'cvo-entry': 0.21, 'latin-script': 0.067, 'cbe-entry': 0.011, certifying: 0.025 },
  /**
   * A conversation ends in an advice (Fig. 43 over Fig. 42: 60 % overall): nearly always for a
   * trajectory client, who must learn Dutch; less often for someone who only came to ask.
   */
  advice: { trajectory: 0.95, other: 0.6 },
  placed: { trajectory: 0.97, other: 0.85 },
  enrolled: { trajectory: 0.97, other: 0.9 },
  /** A2 reached at the end of the course, by learning aptitude. */
  reachesA2: { fast: 0.85, average: 0.72, slow: 0.55 },
  standardisedTestPasses: 0.78,
  startMonths: [1, 3, 5, 9, 11] as const,
} as const;

/** Towns where the agency teaches, tests and holds conversations, per region. */
export const REGION_TOWNS: Readonly<Record<DemoRegion, readonly string[]>> = {
  PA: ['Mechelen', 'Turnhout', 'Lier', 'Geel'],
  BR: ['Brussel'],
  LI: ['Hasselt', 'Genk', 'Sint-Truiden'],
  OV: ['Aalst', 'Sint-Niklaas', 'Dendermonde'],
  VB: ['Leuven', 'Vilvoorde', 'Halle'],
  WV: ['Brugge', 'Kortrijk', 'Oostende', 'Roeselare'],
};

/** The 27 languages the MO test is offered in; other languages need a video interpreter. */
export const MO_TEST_LANGUAGES = ['nl', 'en', 'fr', 'ar', 'tr', 'ru', 'uk', 'ps', 'prs', 'fa', 'ti', 'so', 'es', 'pt', 'ro', 'pl', 'sq', 'bg', 'hbs', 'am', 'ku', 'ur', 'hi', 'zh', 'th', 'tl', 'ne'] as const;
