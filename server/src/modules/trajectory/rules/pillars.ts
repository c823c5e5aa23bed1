/**
 * Pijlers — status of each of the four parts of the trajectory: maatschappelijke oriëntatie
 * (MO), Nederlands tweede taal (NT2), werk (inschrijving VDAB/Actiris) and het participatie- en
 * netwerktraject (PNT).
 *
 * Pure: every function takes recorded facts and a rule set and returns a status plus `missing`,
 * machine codes for what is still needed, which a UI translates. The caller picks the rule set
 * (normally that of the contract date, R-03); MO test results are always judged by the rule set
 * of the TEST date, looked up through `ruleSetForDate`.
 */
import { addDays } from './dates';
import { reachesPassMark, ruleSetOn, type CefrLevel, type MoProfile, type Nt2Skill, type RuleSet } from './rule-sets';

/** Status of a pillar. 'failed' is only used for MO (R-12: failing means a new course). */
export const PILLAR_STATUSES = ['not-required', 'optional', 'not-started', 'in-progress', 'failed', 'overdue', 'completed', 'exempted'] as const;
export type PillarStatus = (typeof PILLAR_STATUSES)[number];

/** What still has to happen; translated by the UI. */
export type PillarCode =
  | 'mo.enrol-course'
  | 'mo.attend-course'
  | 'mo.take-test'
  | 'mo.process-evaluation'
  | 'mo.redo-course'
  | 'nt2.enrol'
  | 'nt2.reach-a2'
  | 'nt2.reach-a2-oral'
  | 'nt2.standardised-test'
  | 'work.register'
  | 'participation.hours';

export interface PillarResult {
  status: PillarStatus;
  missing: PillarCode[];
}

/** Score on one part of a test. */
export interface Score {
  correct: number;
  total: number;
}

/** A taken MO test or exemption test: kernvragen (core values) and praktische vragen. */
export interface MoTestResult {
  date: string;
  core: Score;
  practical: Score;
}

export interface MoFacts {
  /** Clientprofiel for the course length; absent = standard length. */
  profile?: MoProfile;
  /** Vrijstellingstests taken. */
  exemptionTests?: readonly MoTestResult[];
  course?: {
    enrolledOn?: string;
    attendedHours: number;
    /** The teacher's finding of regelmatige deelname, where hours are not the measure. */
    regularParticipation?: boolean;
    completedOn?: string;
  };
  /** Tests after the course (FL-MO-02). */
  tests?: readonly MoTestResult[];
  /** Procesevaluatie by the MO teacher, as a score. */
  processEvaluation?: Score;
}

/** Resolves the rule set in force on a date (defaults to ruleSetOn in the rule set's area). */
export type RuleSetForDate = (date: string) => RuleSet;

function defaultResolver(ruleSet: RuleSet): RuleSetForDate {
  return (date) => ruleSetOn(date, ruleSet.area);
}

/** Required MO course hours for a profile. */
export function moRequiredHours(profile: MoProfile | undefined, ruleSet: RuleSet): number {
  return profile ? ruleSet.mo.courseHours[profile] : ruleSet.mo.standardCourseHours;
}

/** Whether an exemption test passed under the rule set of its own date (R-10; R-09 before 2023-03-01). */
export function moExemptionTestPassed(result: MoTestResult, ruleSetForDate: RuleSetForDate): boolean {
  const marks = ruleSetForDate(result.date).mo.exemptionTest;
  if (!marks) return false;
  return (
    reachesPassMark(result.core.correct, result.core.total, marks.core) &&
    reachesPassMark(result.practical.correct, result.practical.total, marks.practical)
  );
}

/**
 * Weighted MO score in percent: test share × test ratio + process-evaluation share ×
 * process ratio, where the test ratio is over all questions. Null when the rule set has no
 * weighting or the process evaluation is missing.
 */
export function moWeightedScore(test: MoTestResult, processEvaluation: Score | undefined, ruleSet: RuleSet): number | null {
  const weights = ruleSet.mo.assessmentWeights;
  if (!weights || !processEvaluation || processEvaluation.total <= 0) return null;
  const testTotal = test.core.total + test.practical.total;
  if (testTotal <= 0) return null;
  const testRatio = (test.core.correct + test.practical.correct) / testTotal;
  const processRatio = processEvaluation.correct / processEvaluation.total;
  return weights.testPercent * testRatio + weights.processEvaluationPercent * processRatio;
}

type TestOutcome = 'passed' | 'failed' | 'needs-process-evaluation' | 'not-a-standard-test';

/** Outcome of one MO test under the rule set of its date. */
export function moTestOutcome(result: MoTestResult, processEvaluation: Score | undefined, ruleSetForDate: RuleSetForDate): TestOutcome {
  const atTest = ruleSetForDate(result.date);
  const marks = atTest.mo.test;
  // A "test" dated before the standard MO test existed cannot be one; it is not counted.
  if (!marks) return 'not-a-standard-test';
  const cutOffs =
    reachesPassMark(result.core.correct, result.core.total, marks.core) &&
    reachesPassMark(result.practical.correct, result.practical.total, marks.practical);
  if (!cutOffs) return 'failed';
  if (atTest.mo.assessmentWeights) {
    if (!processEvaluation) return 'needs-process-evaluation';
    const weighted = moWeightedScore(result, processEvaluation, atTest);
    if (atTest.mo.weightedPassPercent !== null && (weighted ?? 0) < atTest.mo.weightedPassPercent) return 'failed';
  }
  return 'passed';
}

/** Pijler MO (WF-05). */
export function moStatus(facts: MoFacts, ruleSet: RuleSet, ruleSetForDate: RuleSetForDate = defaultResolver(ruleSet)): PillarResult {
  if ((facts.exemptionTests ?? []).some((result) => moExemptionTestPassed(result, ruleSetForDate))) {
    return { status: 'exempted', missing: [] };
  }
  const tests = [...(facts.tests ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  const outcomes = tests.map((test) => ({ test, outcome: moTestOutcome(test, facts.processEvaluation, ruleSetForDate) }));
  if (outcomes.some(({ outcome }) => outcome === 'passed')) return { status: 'completed', missing: [] };

  const course = facts.course;
  const requiredHours = moRequiredHours(facts.profile, ruleSet);
  const courseFollowed = course !== undefined && (course.attendedHours >= requiredHours || course.regularParticipation === true);

  // Before 1 Mar 2022 regular participation in the course sufficed.
  if (ruleSet.mo.completion === 'regular-participation') {
    if (courseFollowed) return { status: 'completed', missing: [] };
    if (!course) return { status: 'not-started', missing: ['mo.enrol-course', 'mo.attend-course'] };
    return { status: 'in-progress', missing: ['mo.attend-course'] };
  }

  const counted = outcomes.filter(({ outcome }) => outcome !== 'not-a-standard-test');
  const last = counted.at(-1);
  if (last?.outcome === 'needs-process-evaluation') return { status: 'in-progress', missing: ['mo.process-evaluation'] };
  if (last?.outcome === 'failed') {
    // after a failed test a new course is needed; a course completed after the test counts.
    const redone = course?.completedOn !== undefined && course.completedOn > last.test.date;
    if (!redone) return { status: 'failed', missing: ['mo.redo-course', 'mo.take-test'] };
    return { status: 'in-progress', missing: ['mo.take-test'] };
  }
  if (!course) return { status: 'not-started', missing: ['mo.enrol-course', 'mo.attend-course', 'mo.take-test'] };
  const missing: PillarCode[] = [];
  if (!courseFollowed) missing.push('mo.attend-course');
  missing.push('mo.take-test');
  return { status: 'in-progress', missing };
}

/** Result of the NT2 course by the education centre (CVO/CBE/UTC), per competence. */
export interface Nt2CourseResult {
  date: string;
  oral: CefrLevel | null;
  written: CefrLevel | null;
}

export interface Nt2Facts {
  /** Analfabeet / niet-gealfabetiseerd (FL-NT-01, R-04). */
  illiterate?: boolean;
  /** Vrijgesteld van NT2 (e.g. through a certifying test, FL-NT-05). */
  exempted?: boolean;
  enrolledOn?: string;
  courseResults?: readonly Nt2CourseResult[];
  /** Gestandaardiseerde NT2-tests with the skills passed at A2. */
  standardisedTests?: ReadonlyArray<{ date: string; passedSkills: readonly Nt2Skill[] }>;
}

const CEFR_ORDER: readonly CefrLevel[] = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];

/** Whether `level` is at least `target`. */
export function reachesLevel(level: CefrLevel | null | undefined, target: CefrLevel): boolean {
  if (!level) return false;
  return CEFR_ORDER.indexOf(level) >= CEFR_ORDER.indexOf(target);
}

const ORAL_SKILLS: readonly Nt2Skill[] = ['listening', 'speaking'];

/**
 * Skills the standardised test must cover for this client (R-13, FL-NT-03). For an illiterate
 * client under the oral-only exception only the oral skills count — an interpretation: the
 * sources do not say how the exception meets the standardised test (open question).
 */
export function requiredStandardisedSkills(illiterate: boolean, ruleSet: RuleSet): Nt2Skill[] {
  const skills = ruleSet.nt2.standardisedTestSkills;
  if (!illiterate) return [...skills];
  if (ruleSet.nt2.illiterateException === 'exempt') return [];
  return skills.filter((skill) => ORAL_SKILLS.includes(skill));
}

/** Pijler NT2 (WF-06). */
export function nt2Status(facts: Nt2Facts, ruleSet: RuleSet): PillarResult {
  if (facts.exempted) return { status: 'exempted', missing: [] };
  const illiterate = facts.illiterate === true;
  // R-04 (seed wording): no A2 requirement for illiterate clients under the 'exempt' variant.
  if (illiterate && ruleSet.nt2.illiterateException === 'exempt') return { status: 'exempted', missing: [] };

  const target = ruleSet.nt2.targetLevel;
  const results = facts.courseResults ?? [];
  const oralOnly = illiterate; // FL-NT-01: alfa clients need A2 oral only.
  const courseOk = results.some(
    (result) => reachesLevel(result.oral, target) && (oralOnly || reachesLevel(result.written, target)),
  );
  const missing: PillarCode[] = [];
  if (!courseOk) missing.push(oralOnly ? 'nt2.reach-a2-oral' : 'nt2.reach-a2');

  const needed = requiredStandardisedSkills(illiterate, ruleSet);
  const passed = new Set((facts.standardisedTests ?? []).flatMap((test) => test.passedSkills));
  if (needed.some((skill) => !passed.has(skill))) missing.push('nt2.standardised-test');

  if (missing.length === 0) return { status: 'completed', missing };
  const started = facts.enrolledOn !== undefined || results.length > 0 || (facts.standardisedTests ?? []).length > 0;
  if (!started) return { status: 'not-started', missing: ['nt2.enrol', ...missing] };
  return { status: 'in-progress', missing };
}

export interface WorkFacts {
  /** Evaluation date (today, or the date a report is drawn up for). */
  asOf: string;
  contractSignedOn?: string;
  /** Allowed to work and of working age (FL-DL-07). */
  allowedToWork: boolean;
  registeredOn?: string;
}

/** Deadline for registering with VDAB/Actiris (R-07, FL-DL-05), or null when not computable. */
export function workRegistrationDeadline(contractSignedOn: string | undefined, ruleSet: RuleSet): string | null {
  const days = ruleSet.work.registrationDeadlineDays;
  if (!contractSignedOn || days === null) return null;
  return addDays(contractSignedOn, days);
}

/**
 * Pijler werk (WF-07). A late registration still completes the pillar: the certificate needs
 * the registration (FL-AT-02); lateness is a sanctionable matter (FL-DL-04), reported separately.
 */
export function workStatus(facts: WorkFacts, ruleSet: RuleSet): PillarResult {
  if (!ruleSet.work.registrationRequired || !facts.allowedToWork) return { status: 'not-required', missing: [] };
  if (facts.registeredOn && facts.registeredOn <= facts.asOf) return { status: 'completed', missing: [] };
  const deadline = workRegistrationDeadline(facts.contractSignedOn, ruleSet);
  if (deadline !== null && facts.asOf > deadline) return { status: 'overdue', missing: ['work.register'] };
  return { status: facts.contractSignedOn ? 'in-progress' : 'not-started', missing: ['work.register'] };
}

/** Whether a registration was late (FL-DL-05: within 60 days). */
export function workRegisteredLate(facts: WorkFacts, ruleSet: RuleSet): boolean {
  const deadline = workRegistrationDeadline(facts.contractSignedOn, ruleSet);
  return deadline !== null && facts.registeredOn !== undefined && facts.registeredOn > deadline;
}

export interface ParticipationFacts {
  obligated: boolean;
  working: boolean;
  studying: boolean;
  /** Bewijs van deelname: hours per initiative. */
  activities?: ReadonlyArray<{ date: string; hours: number }>;
}

/** Whether the participation track is mandatory (FL-DL-10: obligated and neither working nor studying). */
export function participationRequired(facts: ParticipationFacts, ruleSet: RuleSet): boolean {
  return ruleSet.participation.inForce && facts.obligated && !facts.working && !facts.studying;
}

/** Pijler participatie- en netwerktraject (WF-08). */
export function participationStatus(facts: ParticipationFacts, ruleSet: RuleSet): PillarResult {
  if (!ruleSet.participation.inForce) return { status: 'not-required', missing: [] };
  const hours = (facts.activities ?? []).reduce((sum, activity) => sum + activity.hours, 0);
  if (hours >= ruleSet.participation.minHours) return { status: 'completed', missing: [] };
  if (!participationRequired(facts, ruleSet)) return { status: 'optional', missing: [] };
  return { status: hours > 0 ? 'in-progress' : 'not-started', missing: ['participation.hours'] };
}
