/**
 * The AgII figures published for 2022 and 2023 (requirements.md §4.5, annual report 2023): what
 * the demo population is calibrated to and what its calibration table is compared with. Numbers
 * are copied as published; a dash is 0. Brussels has no row in the NT2 and enforcement tables.
 */

export const DEMO_REGIONS = ['PA', 'BR', 'LI', 'OV', 'VB', 'WV'] as const;
export type DemoRegion = (typeof DEMO_REGIONS)[number];
export type ByRegion = Readonly<Record<DemoRegion, number>>;

const regions = (PA: number, BR: number, LI: number, OV: number, VB: number, WV: number): ByRegion => ({ PA, BR, LI, OV, VB, WV });

export const total = (figures: ByRegion): number => DEMO_REGIONS.reduce((sum, r) => sum + figures[r], 0);

/** A value per region. */
export function perRegion<T>(value: (region: DemoRegion) => T): Record<DemoRegion, T> {
  const result = {} as Record<DemoRegion, T>;
  for (const region of DEMO_REGIONS) result[region] = value(region);
  return result;
}

export interface PublishedYear {
  /** Fig. 8: sign-ups (aanmeldingen), temporary protection included. */
  signUps: ByRegion;
  /** Fig. 12: first signed contracts. */
  firstContracts: ByRegion;
  /** Fig. 38: civic-integration certificates. */
  certificates: ByRegion;
  /** Fig. 11: exemption certificates. */
  exemptionCertificates: ByRegion;
  /** Fig. 37: suspension certificates. */
  suspensionCertificates: ByRegion;
  /** Fig. 39: proofs of regular participation. */
  regularParticipation: ByRegion;
  /** Fig. 40: infringements handed to the enforcement officer (no Brussels row). */
  handedOver: ByRegion;
  /** Fig. 36: diploma-recognition guidance. */
  diplomaRecognition: ByRegion;
  /** Fig. 22: MO courses started. */
  moCourses: ByRegion;
  /** Fig. 25: persons starting an MO course for the first time. */
  moStarters: ByRegion;
  /** Fig. 17: MO exemption tests taken, by requesting region. */
  exemptionTests: ByRegion;
  /** Fig. 19 / text: share of the exemption tests passed. */
  exemptionTestPassRate: number;
  /** Fig. 20: standard MO tests taken. */
  moTests: ByRegion;
  /** Fig. 21: share of the standard MO tests passed. */
  moTestPassRate: number;
  /** Fig. 41: unique persons with an NT2 conversation, temporary protection included (no Brussels row). */
  nt2Persons: ByRegion;
  /** Fig. 41 (2nd): the same without temporary protection. */
  nt2PersonsWithoutTemporaryProtection: ByRegion;
  /** Fig. 43 total: NT2 advices. */
  nt2Advices: number;
  /** Fig. 49: interpreter and translation requests. */
  interpreterRequests: number;
}

export const PUBLISHED: Readonly<Record<2022 | 2023, PublishedYear>> = {
  2022: {
    signUps: regions(2785, 2354, 2447, 2725, 3098, 3471),
    firstContracts: regions(2371, 1915, 2223, 2284, 2616, 3118),
    certificates: regions(2092, 1427, 1709, 2082, 2071, 2450),
    exemptionCertificates: regions(84, 0, 56, 99, 52, 92),
    suspensionCertificates: regions(358, 11, 385, 425, 252, 465),
    regularParticipation: regions(53, 0, 15, 55, 25, 31),
    handedOver: regions(198, 0, 89, 100, 168, 78),
    diplomaRecognition: regions(561, 459, 334, 540, 587, 558),
    moCourses: regions(136, 150, 136, 173, 149, 173),
    moStarters: regions(1949, 1866, 2002, 2307, 2035, 2577),
    exemptionTests: regions(612, 953, 424, 546, 1154, 444),
    exemptionTestPassRate: 0.91,
    moTests: regions(678, 476, 543, 679, 495, 926),
    moTestPassRate: 3602 / 3797,
    nt2Persons: regions(7690, 0, 8205, 10371, 11498, 9872),
    nt2PersonsWithoutTemporaryProtection: regions(5867, 0, 6670, 8494, 9670, 7542),
    nt2Advices: 41967,
    interpreterRequests: Math.round(78272 / 1.19),
  },
  2023: {
    signUps: regions(4172, 3130, 2831, 3435, 3510, 4028),
    firstContracts: regions(2999, 2471, 2397, 2910, 2749, 3552),
    certificates: regions(1953, 1227, 1485, 1772, 1928, 2209),
    exemptionCertificates: regions(112, 0, 56, 75, 53, 124),
    suspensionCertificates: regions(356, 16, 403, 614, 344, 699),
    regularParticipation: regions(48, 1, 14, 19, 10, 28),
    handedOver: regions(144, 0, 117, 102, 181, 110),
    diplomaRecognition: regions(634, 488, 342, 630, 724, 639),
    moCourses: regions(148, 141, 139, 151, 138, 163),
    moStarters: regions(1964, 1977, 1947, 2014, 1844, 2460),
    exemptionTests: regions(537, 714, 339, 572, 1088, 585),
    exemptionTestPassRate: 3137 / 3835,
    moTests: regions(2241, 1732, 1694, 2046, 1964, 2613),
    moTestPassRate: 11051 / 12290,
    nt2Persons: regions(7599, 0, 7378, 10593, 11757, 9894),
    nt2PersonsWithoutTemporaryProtection: regions(6421, 0, 6561, 9408, 10584, 8601),
    nt2Advices: 40080,
    interpreterRequests: 78272,
  },
};

/** Fig. 15: running contracts on 21 February 2024 by target group (the unknown column left out). */
export const RUNNING_CONTRACTS_2024_02_21 = {
  rechthebbend: regions(1483, 3217, 1320, 1759, 1880, 1629),
  verplicht: regions(3497, 605, 2192, 4330, 3159, 4915),
} as const;

/** Fig. 14 and Fig. 10: the obligated share of the 2023 first contracts and first sign-ups (overall, lowest BR, highest WV). */
export const OBLIGATED_SHARE_2023 = { firstContracts: 0.51, signUps: 0.45 } as const;

/** Fig. 43: NT2 advices by type, 2023 (Flanders without Brussels). */
export const NT2_ADVICES_2023 = {
  CBE: 919,
  'CBE alfa': 2445,
  'CBE NT2': 4754,
  'CVO standaard': 17698,
  'CVO verkort of UTC': 8535,
  'CVO verlengd': 5537,
  Andere: 14,
  'Zonder vervolg': 178,
} as const;

/** Fig. 46: Dutch tests by type, 2023. */
export const DUTCH_TESTS_2023 = { covaar: 16987, 'cbe-entry': 748, 'cvo-entry': 13925, certifying: 1673, 'latin-script': 4505 } as const;

/** Fig. 42: conversations held in 2023, temporary protection included: NT2-gesprek and niveautest. */
export const NT2_CONVERSATIONS_2023 = { 'nt2-gesprek': 66517, niveautest: 1140 } as const;

/** Fig. 49: interpreter and translation requests 2023 by channel and outcome. */
export const STV_2023 = {
  'on-site': { requests: 26083, answered: 17360, completed: 11578, notAnswered: 8693, otherReason: 62 },
  phone: { requests: 37469, answered: 33131, completed: 29703, notAnswered: 4338, otherReason: 542 },
  video: { requests: 13072, answered: 10930, completed: 7451, notAnswered: 2138, otherReason: 585 },
  translation: { requests: 1648, answered: 1574, completed: 1563, notAnswered: 36, otherReason: 7 },
} as const;

/**
 * Fig. 26: MO course starters per course language and region, 2023 (ISO 639 codes; Marokkaans
 * 'ary', Tamazight 'zgh', Bosnisch-Kroatisch-Servisch 'hbs'). The demo's course languages, and
 * with them the persons' languages, follow these shares per region.
 */
export const MO_STARTERS_BY_LANGUAGE_2023: Readonly<Record<string, ByRegion>> = {
  ar: regions(359, 443, 311, 460, 459, 537),
  en: regions(312, 599, 492, 183, 192, 502),
  fr: regions(99, 410, 51, 137, 146, 158),
  tr: regions(0, 106, 294, 137, 178, 0),
  ru: regions(127, 130, 125, 151, 0, 168),
  ps: regions(66, 94, 63, 193, 40, 210),
  ti: regions(231, 0, 28, 50, 29, 233),
  es: regions(66, 52, 73, 10, 145, 155),
  ro: regions(45, 5, 0, 275, 95, 37),
  prs: regions(106, 6, 35, 73, 90, 45),
  pt: regions(118, 0, 0, 4, 93, 97),
  pl: regions(60, 0, 45, 135, 0, 0),
  sq: regions(99, 19, 30, 10, 0, 82),
  fa: regions(0, 25, 0, 89, 25, 77),
  nl: regions(16, 0, 29, 37, 42, 49),
  so: regions(19, 0, 22, 0, 56, 17),
  ary: regions(39, 0, 10, 0, 59, 0),
  hi: regions(17, 0, 0, 0, 49, 41),
  th: regions(8, 0, 82, 6, 0, 0),
  bg: regions(0, 0, 21, 6, 66, 0),
  hbs: regions(0, 0, 75, 8, 0, 0),
  uk: regions(0, 70, 0, 0, 0, 0),
  zgh: regions(25, 5, 6, 27, 3, 0),
  ku: regions(13, 0, 7, 9, 37, 0),
  zh: regions(55, 0, 0, 0, 0, 0),
  ne: regions(0, 0, 0, 0, 16, 37),
  hy: regions(0, 0, 52, 0, 0, 0),
  tl: regions(0, 0, 51, 0, 0, 0),
  ur: regions(32, 0, 0, 0, 18, 0),
  tw: regions(27, 0, 0, 0, 6, 0),
  pa: regions(0, 0, 21, 0, 0, 0),
  vi: regions(0, 0, 17, 0, 0, 0),
  it: regions(0, 0, 0, 0, 0, 15),
  ta: regions(13, 0, 0, 0, 0, 0),
  bo: regions(0, 13, 0, 0, 0, 0),
  hu: regions(12, 0, 0, 0, 0, 0),
  rom: regions(0, 0, 0, 11, 0, 0),
  ff: regions(0, 0, 7, 3, 0, 0),
};
