/**
 * Regelset — the civic-integration (inburgering) trajectory rules as versioned DATA.
 *
 * Each version is a full record with the date it takes effect. Versions are written as a spread
 * of the previous one plus the changed fields, so adding a version is adding one entry to
 * FLANDERS_RULE_SETS or BRUSSELS_OVERLAYS: no function below knows any date.
 *
 * Which date selects the version is decided by the caller, and differs per rule (see
 * rules-public-sources.md part D): the date of first inscription in the National Register for
 * the target group and the content of the obligation (FL-OB-06), the contract date for the
 * certificate conditions and fees (R-03, FL-FE-01), the test date for MO test cut-offs.
 *
 * Confidence labels in the comments are those of rules-public-sources.md: C (confirmed on an
 * official page), C-news (press only), S (seed documents only), R (recalled, unconfirmed).
 */

/** Werkingsgebied of the rule set: the Flemish Region, or the bilingual Brussels-Capital Region. */
export type RuleArea = 'flanders' | 'brussels';

/** Clientprofiel for the MO course length. */
export type MoProfile = 'higher-education' | 'working' | 'not-working' | 'illiterate';

/** ERK/CEFR level. */
export type CefrLevel = 'A1' | 'A2' | 'B1' | 'B2' | 'C1' | 'C2';

/** Vaardigheid tested by the standardised NT2 test. */
export type Nt2Skill = 'reading' | 'writing' | 'listening' | 'speaking';

/** A pass mark as a fraction (correct / total ≥ numerator / denominator), kept exact. */
export interface PassMark {
  numerator: number;
  denominator: number;
}

export interface MoRules {
  /**
   * How the MO pillar is completed. 'regular-participation': attending the course sufficed
   * (R-35, S; FL-AT-03, C old municipal page). 'test': the MO test must be passed
   * (FL-MO-02, FL-AT-02, C).
   */
  completion: 'regular-participation' | 'test';
  /** Cursusduur per profile in hours (R-05 / S-01, S only; the profile split is not public). */
  courseHours: Readonly<Record<MoProfile, number>>;
  /** Standard course length when no profile is known: 60 h (R-05, S; matches older public info). */
  standardCourseHours: number;
  /**
   * Cut-offs of the test after the course, or null when no standard test exists.
   * Practical: 16/30 (FL-MO-04, C-news). Core ("fundamentele normen en waarden"): 50 % until
   * 28 Feb 2023, 80 % from 1 Mar 2023 (R-09, S). The press gives 6/11 and 9/11 (FL-MO-05,
   * C-news); with 11 core questions the two sources agree, so the fraction is stored.
   */
  test: { core: PassMark; practical: PassMark } | null;
  /**
   * Cut-offs of the vrijstellingstest (exemption test). From 1 Mar 2023 80 % on core AND
   * practical (R-10, S). Before: the seeds say only "different cut-off" (S-03) — UNCERTAIN,
   * the regular test cut-offs are used as a stand-in.
   */
  exemptionTest: { core: PassMark; practical: PassMark } | null;
  /**
   * Weging of the assessment: test 60 % + procesevaluatie 40 % from 1 Mar 2023 (R-06, S-02,
   * S only), or null before. How the weighted score combines with the test cut-offs is not
   * in any source (open question); see weightedPassPercent.
   */
  assessmentWeights: { testPercent: number; processEvaluationPercent: number } | null;
  /** Minimum weighted score in percent; null = not in the sources, so not applied (R). */
  weightedPassPercent: number | null;
}

export interface Nt2Rules {
  /** Target level A2 (FL-NT-01, C). */
  targetLevel: CefrLevel;
  /**
   * Exception for illiterate (alfa) learners. 'oral-only': A2 oral only (FL-NT-01, FL-DL-05, C,
   * obligation from 1 Mar 2022). 'exempt': no A2 requirement for the certificate (R-04, S; the
   * seeds' wording for the pre-2022 contracts).
   */
  illiterateException: 'oral-only' | 'exempt';
  /**
   * Skills the gestandaardiseerde NT2-test must cover; empty = no standardised test required.
   * Reading + writing from 1 Sep 2023 (R-13, S; FL-NT-03, C-news); listening + speaking added
   * from 1 Sep 2024 (FL-NT-03, C-news).
   */
  standardisedTestSkills: readonly Nt2Skill[];
}

export interface WorkRules {
  /** Registration with the employment service is a certificate condition (FL-AT-02, C; from 1 Mar 2022). */
  registrationRequired: boolean;
  /**
   * Deadline after contract signature in days: "within 60 days" (FL-DL-05, C); "2 months"
   * (R-07, S; FL-DL-08, C-news). 60 days is kept; the anchor (trajectory start vs contract
   * signature) differs between seed passages — UNCERTAIN.
   */
  registrationDeadlineDays: number | null;
  /** VDAB in Flanders, Actiris in Brussels (FL-DL-07, C). */
  employmentService: 'VDAB' | 'Actiris';
}

export interface ParticipationRules {
  /** Participatie- en netwerktraject exists (FL-DL-09, C; from 1 Jan 2023). */
  inForce: boolean;
  /** Minimum hours: 40 (FL-DL-09, C; R-08, S). */
  minHours: number;
}

export interface ObligationRules {
  /** Inburgeringsplicht in force in this area (Flanders: long before 2022; Brussels: from 1 Jun 2022, BX-TG-01, C). */
  inForce: boolean;
  /** Minimum age (FL-OB-01, C; BX-TG-01, C). */
  minAge: number;
  /** From this age exempt (FL-EX-01, C: 65 or older; BX-TG-01, C: "under 65"). */
  exemptFromAge: number;
  /** Register within 3 months (FL-DL-01, C) / 6 months of the attest tot verplichting in Brussels (BX-DL-02, C). */
  registrationDeadlineMonths: number;
  /** Brussels: complete within 18 months after registration (BX-DL-03, C); Flanders: not found. */
  completionDeadlineMonths: number | null;
  /** Deadline to sign the contract after registration: not found in any source. */
  contractDeadlineMonths: number | null;
  /** Belgian born abroad: obligated if first inscribed for ≤ 12 consecutive months (FL-OB-02, C). */
  belgianMaxMonthsInscribed: number | null;
  /** Brussels: legal stay in Belgium must be < 3 years at first inscription (BX-TG-01, C). */
  maxPriorLegalStayYears: number | null;
  /** Movers from Brussels/Wallonia first inscribed there in the last 5 years (FL-OB-05, C; in-force date UNCERTAIN). */
  moverWindowYears: number | null;
  /** B1 oral within 24 months after the attest (FL-DL-05, C; obligation from 1 Mar 2022; R-10 exception unclear). */
  b1OralWithinMonthsAfterAttest: number | null;
  /** Verklaring van geleverde inspanning instead of the attest for limited learning capacity (FL-DL-06, FL-AT-04, C; obligation from 1 Mar 2022). */
  declarationOfEffort: boolean;
}

export interface TargetGroupRules {
  /** Asylum seekers may not sign a contract (FL-TG-04, C; from 1 Mar 2022, keyed on the contract date). */
  asylumSeekersExcluded: boolean;
  /** Sanctions for rechthebbende inburgeraars (abolished from 1 Mar 2022, R-02, S). */
  sanctionsForEntitled: boolean;
}

export interface FeeRules {
  /** Retributie / inschrijvingsgeld for contracts signed from 1 Sep 2023 in a Flemish municipality (FL-FE-01, C). */
  inForce: boolean;
  /** €90 per course and per test (FL-FE-03, C-news). */
  perItemEur: number;
  /** Max €180 per pillar MO and NT2 (FL-FE-02, C). */
  capPerPillarEur: number;
}

/**
 * Follow-up targets: terms the agencies work to that are not (or not clearly) in the decree. All
 * are placeholders until the agencies confirm them (docs/rules.md, open questions).
 */
export interface FollowUpRules {
  /** R-20 (S): MO lessons or enrolment should start within 6 months of the contract. */
  moStartTargetMonths: number;
  /** no legal term found to sign the contract after sign-up; agency target (R, placeholder). */
  contractTargetMonthsAfterSignUp: number;
  /** How many days ahead an open deadline shows as due soon on the follow-up list (R, agency practice). */
  dueSoonDays: number;
}

/** Handhaving (WF-11). */
export interface EnforcementRules {
  /** Who can be sanctioned: FL-EN-05 / R-02 — entitled persons only before 1 Mar 2022 (see targetGroup.sanctionsForEntitled). */
  inForce: boolean;
  /**
   * Term to comply after the ingebrekestelling, in days. Flanders: not in the sources (R,
   * placeholder 30); Brussels: 2 months (BX-EN-01, C): noticeTermMonths, with 61 days as the day count.
   */
  noticeTermDays: number;
  /** When set, the term is this many calendar months instead (BX-EN-01: "2 months"; 61 days is wrong for most dates). */
  noticeTermMonths?: number;
}

/** Decree-defined reasons for opschorting / uitstel (S-06, FL-SU-02..04; Brussels BX-SU-01..04). */
export const SUSPENSION_REASONS = [
  'sick-leave',
  'maternity-leave',
  'family-care',
  'psychosocial',
  'no-childcare',
  'work-or-training-schedule',
  'pregnancy',
  'birth',
  'flexible-trajectory',
] as const;
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];

/** Reasons for an attest van vrijstelling: a trajectory permanently impossible (R-18, FL-EX-01). */
export const EXEMPTION_REASONS = ['serious-illness', 'disability'] as const;
export type ExemptionReason = (typeof EXEMPTION_REASONS)[number];

export interface RuleSet {
  /** Stable id, e.g. 'fl-2023-03'; Brussels sets are '<flemish id>+<overlay id>'. */
  id: string;
  area: RuleArea;
  /** First day (YYYY-MM-DD) the version is in force. */
  effectiveFrom: string;
  mo: MoRules;
  nt2: Nt2Rules;
  work: WorkRules;
  participation: ParticipationRules;
  obligation: ObligationRules;
  targetGroup: TargetGroupRules;
  fees: FeeRules;
  /** Diploma recognition support up to 3 years after contract signature (R-16, S). */
  diplomaRecognitionWindowYears: number;
  /** Reasons accepted for a suspension or postponement in this version. */
  suspensionReasons: readonly SuspensionReason[];
  followUp: FollowUpRules;
  enforcement: EnforcementRules;
}

const HALF: PassMark = { numerator: 1, denominator: 2 };
const EIGHTY_PERCENT: PassMark = { numerator: 4, denominator: 5 };
const PRACTICAL_16_OF_30: PassMark = { numerator: 16, denominator: 30 };

/** Decree of 7 June 2013; the in-force date of its first version is not in the sources. */
const FL_2013: RuleSet = {
  id: 'fl-2013',
  area: 'flanders',
  effectiveFrom: '2013-06-07',
  mo: {
    completion: 'regular-participation',
    courseHours: { 'higher-education': 36, working: 42, 'not-working': 60, illiterate: 84 },
    standardCourseHours: 60,
    test: null,
    exemptionTest: { core: HALF, practical: PRACTICAL_16_OF_30 },
    assessmentWeights: null,
    weightedPassPercent: null,
  },
  nt2: { targetLevel: 'A2', illiterateException: 'exempt', standardisedTestSkills: [] },
  work: { registrationRequired: false, registrationDeadlineDays: null, employmentService: 'VDAB' },
  participation: { inForce: false, minHours: 40 },
  obligation: {
    inForce: true,
    minAge: 18,
    exemptFromAge: 65,
    registrationDeadlineMonths: 3,
    completionDeadlineMonths: null,
    contractDeadlineMonths: null,
    belgianMaxMonthsInscribed: 12,
    maxPriorLegalStayYears: null,
    moverWindowYears: 5,
    b1OralWithinMonthsAfterAttest: null,
    declarationOfEffort: false,
  },
  targetGroup: { asylumSeekersExcluded: false, sanctionsForEntitled: true },
  fees: { inForce: false, perItemEur: 90, capPerPillarEur: 180 },
  diplomaRecognitionWindowYears: 3,
  // S-06 (seeds): the Flemish list; 'flexible-trajectory' only postpones the sign-up (FL-SU-02).
  suspensionReasons: ['sick-leave', 'maternity-leave', 'family-care', 'psychosocial', 'no-childcare', 'flexible-trajectory'],
  followUp: { moStartTargetMonths: 6, contractTargetMonthsAfterSignUp: 3, dueSoonDays: 14 },
  enforcement: { inForce: true, noticeTermDays: 30 },
};

/** Decree amendment of 9 July 2021 in force (FL key date 1 Mar 2022, C). */
const FL_2022_03: RuleSet = {
  ...FL_2013,
  id: 'fl-2022-03',
  effectiveFrom: '2022-03-01',
  mo: { ...FL_2013.mo, completion: 'test', test: { core: HALF, practical: PRACTICAL_16_OF_30 } },
  nt2: { ...FL_2013.nt2, illiterateException: 'oral-only' },
  work: { ...FL_2013.work, registrationRequired: true, registrationDeadlineDays: 60 },
  obligation: { ...FL_2013.obligation, b1OralWithinMonthsAfterAttest: 24, declarationOfEffort: true },
  targetGroup: { asylumSeekersExcluded: true, sanctionsForEntitled: false },
};

/** Participation and network track, 4th pillar (FL-DL-09, C). */
const FL_2023_01: RuleSet = {
  ...FL_2022_03,
  id: 'fl-2023-01',
  effectiveFrom: '2023-01-01',
  participation: { inForce: true, minHours: 40 },
};

/** Stricter MO cut-offs and process evaluation. */
const FL_2023_03: RuleSet = {
  ...FL_2023_01,
  id: 'fl-2023-03',
  effectiveFrom: '2023-03-01',
  mo: {
    ...FL_2023_01.mo,
    test: { core: EIGHTY_PERCENT, practical: PRACTICAL_16_OF_30 },
    exemptionTest: { core: EIGHTY_PERCENT, practical: EIGHTY_PERCENT },
    assessmentWeights: { testPercent: 60, processEvaluationPercent: 40 },
  },
};

/** Fees and the standardised NT2 test, reading + writing (FL-FE-01, C; R-13, S). */
const FL_2023_09: RuleSet = {
  ...FL_2023_03,
  id: 'fl-2023-09',
  effectiveFrom: '2023-09-01',
  nt2: { ...FL_2023_03.nt2, standardisedTestSkills: ['reading', 'writing'] },
  fees: { ...FL_2023_03.fees, inForce: true },
};

/** Standardised NT2 test extended to listening and speaking (FL-NT-03, C-news only). */
const FL_2024_09: RuleSet = {
  ...FL_2023_09,
  id: 'fl-2024-09',
  effectiveFrom: '2024-09-01',
  nt2: { ...FL_2023_09.nt2, standardisedTestSkills: ['reading', 'writing', 'listening', 'speaking'] },
};

/** Flemish versions, oldest first. */
export const FLANDERS_RULE_SETS: readonly RuleSet[] = [FL_2013, FL_2022_03, FL_2023_01, FL_2023_03, FL_2023_09, FL_2024_09];

/**
 * Brussels overlay: what differs for a client living in the Brussels-Capital Region, on top of
 * the Flemish trajectory that Bon offers there. Top-level sections given here replace the
 * Flemish ones whole.
 */
export interface BrusselsOverlay {
  id: string;
  effectiveFrom: string;
  obligation: ObligationRules;
  /** BX-SU-01..04 (C): work/training schedule, illness, pregnancy, birth. */
  suspensionReasons: readonly SuspensionReason[];
  /** Before the obligation there is nothing to enforce; after, BX-EN-01 (2 months to comply). */
  enforcement: EnforcementRules;
  /** Employment service is Actiris (FL-DL-07, C). */
  employmentService: 'Actiris';
}

const BX_OBLIGATION_NONE: ObligationRules = {
  inForce: false,
  minAge: 18,
  exemptFromAge: 65,
  registrationDeadlineMonths: 6,
  completionDeadlineMonths: 18,
  contractDeadlineMonths: null,
  belgianMaxMonthsInscribed: null,
  maxPriorLegalStayYears: 3,
  moverWindowYears: null,
  b1OralWithinMonthsAfterAttest: null,
  declarationOfEffort: false,
};

const BX_SUSPENSION_REASONS: readonly SuspensionReason[] = ['work-or-training-schedule', 'sick-leave', 'pregnancy', 'birth'];
const BX_ENFORCEMENT: EnforcementRules = { inForce: true, noticeTermDays: 61, noticeTermMonths: 2 };

/** Brussels versions, oldest first. */
export const BRUSSELS_OVERLAYS: readonly BrusselsOverlay[] = [
  {
    id: 'bx-voluntary',
    effectiveFrom: '2013-06-07',
    obligation: BX_OBLIGATION_NONE,
    suspensionReasons: BX_SUSPENSION_REASONS,
    enforcement: { ...BX_ENFORCEMENT, inForce: false },
    employmentService: 'Actiris',
  },
  /** Ordinance of 11 May 2017 in force (BX-TG-01, BX-DL-02, BX-DL-03, C; R-32, S). */
  {
    id: 'bx-2022-06',
    effectiveFrom: '2022-06-01',
    obligation: { ...BX_OBLIGATION_NONE, inForce: true },
    suspensionReasons: BX_SUSPENSION_REASONS,
    enforcement: BX_ENFORCEMENT,
    employmentService: 'Actiris',
  },
  /** Ordinance of 20 July 2023, retroactive 1 Jan 2024: same parameters as far as the sources go (BX-TG-01, C). */
  {
    id: 'bx-2024-01',
    effectiveFrom: '2024-01-01',
    obligation: { ...BX_OBLIGATION_NONE, inForce: true },
    suspensionReasons: BX_SUSPENSION_REASONS,
    enforcement: BX_ENFORCEMENT,
    employmentService: 'Actiris',
  },
];

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The last version whose effectiveFrom is on or before `date`; undefined if none. */
export function versionOn<T extends { effectiveFrom: string }>(versions: readonly T[], date: string): T | undefined {
  // ISO dates compare correctly as strings, so no Date parsing (and no time-zone shift).
  let found: T | undefined;
  for (const version of versions) if (version.effectiveFrom <= date) found = version;
  return found;
}

/**
 * The rule set in force on `date` (YYYY-MM-DD) in `area`. Brussels: the Flemish set of that
 * date with the Brussels overlay of that date, fees off (FL-FE-07, BX-FE-01, C).
 * Throws a RangeError for a malformed date or a date before the first version.
 */
export function ruleSetOn(date: string, area: RuleArea = 'flanders'): RuleSet {
  if (!ISO_DATE.test(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const flemish = versionOn(FLANDERS_RULE_SETS, date);
  if (!flemish) throw new RangeError(`no rule set before ${FLANDERS_RULE_SETS[0]?.effectiveFrom}: ${date}`);
  if (area === 'flanders') return flemish;
  const overlay = versionOn(BRUSSELS_OVERLAYS, date);
  if (!overlay) throw new RangeError(`no Brussels rule set on ${date}`);
  return {
    ...flemish,
    id: `${flemish.id}+${overlay.id}`,
    area: 'brussels',
    effectiveFrom: overlay.effectiveFrom > flemish.effectiveFrom ? overlay.effectiveFrom : flemish.effectiveFrom,
    obligation: overlay.obligation,
    suspensionReasons: overlay.suspensionReasons,
    enforcement: overlay.enforcement,
    work: { ...flemish.work, employmentService: overlay.employmentService },
    fees: { ...flemish.fees, inForce: false },
  };
}

/** Whether `correct` out of `total` reaches `mark`, in integer arithmetic. */
export function reachesPassMark(correct: number, total: number, mark: PassMark): boolean {
  if (total <= 0) return false;
  return correct * mark.denominator >= mark.numerator * total;
}

/** Every effective date across both tables, sorted: the boundaries the tests must cover. */
export function ruleSetBoundaries(): string[] {
  const dates = new Set([...FLANDERS_RULE_SETS, ...BRUSSELS_OVERLAYS].map((version) => version.effectiveFrom));
  return [...dates].sort();
}
