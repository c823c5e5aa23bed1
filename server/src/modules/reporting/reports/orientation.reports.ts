/**
 * The MO tables of the AgII figures report 2023 [001]: tests and their results, courses started,
 * courses with an interpreter, first-time starters, starters per language and region, average
 * participants per course, persons with an MO decision. Tests come from the dossier journal (the
 * result the trajectory recorded); whether a test passed is decided by the trajectory's own pure
 * rules under the cut-offs in force on the test date (R-09, R-10), never re-implemented in SQL.
 * Courses and enrolments come from the orientation module's tables, read only.
 */
import { sql, type SQL } from 'drizzle-orm';
import { translate } from '../../../platform/i18n/i18n';
import { moExemptionTestPassed, moTestOutcome, type MoTestResult, type Score } from '../../trajectory/rules/pillars';
import { FLANDERS_RULE_SETS, ruleSetOn, type PassMark, type RuleArea } from '../../trajectory/rules/rule-sets';
import { sixMonthMark } from '../../orientation/rules/planning';
import { codedAxis, languageAxis, regionRows, resultByYearColumns, resultColumns, yearAxis } from '../dimensions';
import type { DimensionSpec, FactRow, Measure, ReportDefinition, ReportScope } from '../report-types';
import { belgianDay, effectiveWithin, ownEntry, regionAt, runningContractsOn, scopeDays, signUpOf, temporaryProtectionAt } from '../reporting.queries';

type TestKind = 'test' | 'exemption-test';
const resolver = (area: RuleArea) => (date: string) => ruleSetOn(date, area);
const areaOf = (fact: FactRow): RuleArea => (fact.area === 'brussels' ? 'brussels' : 'flanders');
const testOf = (fact: FactRow): MoTestResult => ({ date: fact.day, core: fact.core as Score, practical: fact.practical as Score });

/** The MO language of a dossier on `day`: chosen at the intake decision, else the language of the intake (as dossiers.mo_language). */
const moLanguageAt = (dossier: SQL, day: SQL) => sql`coalesce(
    (select g.payload #>> '{command,moLanguage}' from journal_entries g where g.dossier_id = ${dossier} and g.entry_type = 'dossier.intake-decided'
      and ${belgianDay(sql`g.effective_at`)} <= ${day} order by g.effective_at desc, g.id desc limit 1),
    (select g.payload #>> '{command,language}' from journal_entries g where g.dossier_id = ${dossier} and g.entry_type = 'dossier.intake-recorded'
      and ${belgianDay(sql`g.effective_at`)} <= ${day} order by g.effective_at desc, g.id desc limit 1))`;

/**
 * MO tests of `kind` recorded in the period (dossier.mo-test-recorded), dated by the test date and
 * counted in the region of the person on that day: the requesting region (aanvrager), wherever
 * the test centre was. `processEvaluation` brings the teacher's evaluation as recorded by the end
 * of the period, for the MO decision; `language` the dossier's MO language that day (two journal
 * probes per test, so only where a view splits by language).
 */
const testFacts = (kind: TestKind, opts: { processEvaluation?: boolean; language?: boolean } = {}) => (scope: ReportScope) => {
  const day = sql`(j.payload #>> '{command,date}')::date`;
  const { from, to } = scopeDays(scope);
  return sql`select j.id::text as fact_id, j.dossier_id::text as subject_id, j.dossier_id, s.person_id, ${day} as day,
      ${regionAt(sql`s.person_id`, day)} as region, ${temporaryProtectionAt(scope, sql`j.dossier_id`, day)} as temporary_protection, 1 as value,
      s.area, ${opts.language ? moLanguageAt(sql`j.dossier_id`, day) : sql`null::text`} as language, j.payload #> '{command,core}' as core, j.payload #> '{command,practical}' as practical,
      concat(j.payload #>> '{command,core,correct}', '/', j.payload #>> '{command,core,total}', ' · ',
        j.payload #>> '{command,practical,correct}', '/', j.payload #>> '{command,practical,total}') as detail
      ${opts.processEvaluation
        ? sql`, (select e.payload #> '{command,score}' from journal_entries e where e.dossier_id = j.dossier_id
              and e.entry_type = 'dossier.mo-process-evaluation-recorded' and ${belgianDay(sql`e.effective_at`)} <= ${to}
              order by e.effective_at desc, e.id desc limit 1) as process_evaluation`
        : sql``}
    from journal_entries j ${signUpOf('j')}
    where j.entry_type = 'dossier.mo-test-recorded' and ${ownEntry('j')} and j.payload #>> '{command,kind}' = ${kind}
      and ${effectiveWithin('j', scope.from, scope.to)} and ${day} between ${from} and ${to}`;
};

const sameMarks = (a: { core: PassMark; practical: PassMark } | null, b: typeof a) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The exemption-test cut-off regime of a test date: the first day from which the cut-offs in force
 * that day applied (fig. 19 mixes the old cut-offs of January–February 2023 with the new ones).
 */
export function exemptionRegimeOn(date: string, area: RuleArea): string {
  const marks = ruleSetOn(date, area).mo.exemptionTest;
  const versions = FLANDERS_RULE_SETS.filter((v) => v.effectiveFrom <= date);
  let start = versions.at(-1)!.effectiveFrom;
  for (let i = versions.length - 1; i >= 0 && sameMarks(versions[i]!.mo.exemptionTest, marks); i--) start = versions[i]!.effectiveFrom;
  return start;
}

const markText = (m: PassMark) => `${m.numerator}/${m.denominator}`;

/** Rows of the cut-off regimes found in the data, labelled with their start and cut-offs. */
const regimeRows: DimensionSpec = {
  name: 'cut-off-regime',
  attribute: 'regime',
  values: () => [],
  order: 'label',
  label: (key, locale) => {
    const marks = ruleSetOn(key).mo.exemptionTest;
    return translate(locale, 'report.regime', { from: key, core: marks ? markText(marks.core) : '–', practical: marks ? markText(marks.practical) : '–' });
  },
};

/** Exemption tests (vrijstellingstests), each judged under the cut-offs of its own date (R-10). */
const exemptionTests: Measure = {
  subject: 'dossier',
  facts: testFacts('exemption-test'),
  refine: (facts) =>
    facts.map((f) => ({
      ...f,
      result: moExemptionTestPassed(testOf(f), resolver(areaOf(f))) ? 'passed' : 'failed',
      regime: exemptionRegimeOn(f.day, areaOf(f)),
    })),
};

/**
 * Standard MO tests: passed when they reach the test's cut-offs of their date (R-09). From 1 March
 * 2023 the MO decision also weighs the process evaluation (R-06); that is the MO decision of fig. 28,
 * not the test result.
 */
const standardTests: Measure = {
  subject: 'dossier',
  facts: testFacts('test'),
  refine: (facts) =>
    facts.flatMap((f) => {
      const outcome = moTestOutcome(testOf(f), undefined, resolver(areaOf(f)));
      // The trajectory refuses a standard test before 1 March 2022, so every recorded one has cut-offs.
      return outcome === 'not-a-standard-test' ? [] : [{ ...f, result: outcome === 'failed' ? 'failed' : 'passed' }];
    }),
};

/** The same tests with the MO language of each dossier on the test day (the MO dashboard's pass rates per language). */
const standardTestsByLanguage: Measure = { ...standardTests, facts: testFacts('test', { language: true }) };

/**
 * Persons with an MO decision (besluit MO) in a year: each person's last decided standard test of
 * the year, judged with the process evaluation recorded by the end of the period; a test waiting
 * for its process evaluation is no decision yet.
 */
const moDecisions: Measure = {
  subject: 'dossier',
  facts: testFacts('test', { processEvaluation: true }),
  refine: (facts) => {
    const last = new Map<string, FactRow>();
    const sorted = [...facts].sort((a, b) => a.day.localeCompare(b.day) || a.fact_id.localeCompare(b.fact_id, 'en', { numeric: true }));
    for (const f of sorted) {
      const outcome = moTestOutcome(testOf(f), (f.process_evaluation as Score | null) ?? undefined, resolver(areaOf(f)));
      if (outcome === 'passed' || outcome === 'failed') last.set(`${f.person_id}|${f.year}`, { ...f, result: outcome });
    }
    return [...last.values()];
  },
};

/** MO courses that started in the period (start date passed, not cancelled), in the course's region. */
const courseFacts = (opts: { withInterpreter?: boolean; participants?: boolean }) => (scope: ReportScope) => {
  const { from, to } = scopeDays(scope);
  return sql`select c.id::text as fact_id, c.id::text as subject_id, null::uuid as dossier_id, null::uuid as person_id, c.starts_on as day,
      c.region, false as temporary_protection, c.language, c.code as detail,
      ${opts.participants ? sql`(select count(*)::int from mo_enrolments e where e.course_id = c.id and ${startedCourse})` : sql`1`} as value
    from mo_courses c
    where c.status <> 'cancelled' and c.starts_on between ${from} and ${to} and c.starts_on <= ${scope.today}::date
      ${opts.withInterpreter ? sql`and c.with_interpreter` : sql``}`;
};

/** An enrolment whose person started the course: not dropped out before its first day. */
const startedCourse = sql`not (e.status = 'dropped-out' and e.ended_on < c.starts_on)`;

/**
 * Course starters: enrolments of persons who started a course that started in the period, in the
 * course's region (the waiting list fills a course from its own region). `first`: only the first
 * course a person ever started (eerste lesmoment MO), over all time.
 */
const starterFacts = (opts: { withInterpreter?: boolean; first?: boolean }) => (scope: ReportScope) => {
  const { from, to } = scopeDays(scope);
  return sql`select f.* from (
      select e.id::text as fact_id, e.dossier_id::text as subject_id, e.dossier_id, e.person_id, c.starts_on as day, c.region, c.language,
        ${temporaryProtectionAt(scope, sql`e.dossier_id`, sql`c.starts_on`)} as temporary_protection, 1 as value, c.code as detail,
        row_number() over (partition by e.person_id order by c.starts_on, e.id) as nth
      from mo_enrolments e join mo_courses c on c.id = e.course_id
      where c.status <> 'cancelled' and c.starts_on <= ${scope.today}::date and ${startedCourse}
        ${opts.withInterpreter ? sql`and c.with_interpreter` : sql``}
    ) f
    where f.day between ${from} and ${to} ${opts.first ? sql`and f.nth = 1` : sql``}`;
};

const coursesStarted: Measure = { subject: 'mo-course', facts: courseFacts({}) };
const interpreterCourses: Measure = { subject: 'mo-course', facts: courseFacts({ withInterpreter: true }) };
const interpreterCourseStarters: Measure = { subject: 'dossier', facts: starterFacts({ withInterpreter: true }) };
const firstStarters: Measure = { subject: 'dossier', facts: starterFacts({ first: true }) };
const participantsPerCourse: Measure = { subject: 'mo-course', facts: courseFacts({ participants: true }), aggregate: 'average' };

/** The shortest MO start target of any rule set (R-20): a contract signed more recently cannot be past its target yet. */
const SHORTEST_START_TARGET_MONTHS = Math.min(...FLANDERS_RULE_SETS.map((r) => r.followUp.moStartTargetMonths));

/**
 * Waiting for MO on the reference date (RPT-K01): a contract running that day whose person has not
 * started an MO course by then, dated by the contract (the wait counts from it, R-20). Enrolled:
 * in a course that starts later. The MO tests recorded by then come along for `refine`.
 * `pastShortestTarget` leaves out contracts too recent to be past any rule set's target (a superset
 * of those past their own, which `refine` decides); `breakdowns: false` leaves out the region,
 * language, temporary protection and enrolment (four look-ups per fact) for a count of the agency
 * as a whole, such as a KPI trend that takes the stock at every month end.
 */
const waitingFacts = (opts: { pastShortestTarget?: boolean; breakdowns?: boolean } = {}) => (scope: ReportScope) => {
  const day = sql`${scope.referenceDate ?? scope.to}::date`;
  const breakdowns = opts.breakdowns ?? true;
  return sql`select m.dossier_id::text as fact_id, m.dossier_id::text as subject_id, m.dossier_id, m.person_id,
      m.contract_signed_on as day, ${breakdowns ? regionAt(sql`m.person_id`, day) : sql`'unknown'`} as region,
      ${breakdowns ? temporaryProtectionAt(scope, sql`m.dossier_id`, day) : sql`false`} as temporary_protection, 1 as value, m.area,
      ${breakdowns ? moLanguageAt(sql`m.dossier_id`, day) : sql`null::text`} as language,
      ${breakdowns
        ? sql`case when exists (select 1 from mo_enrolments e join mo_courses c on c.id = e.course_id
            where e.dossier_id = m.dossier_id and e.enrolled_on <= ${day} and c.starts_on > ${day} and c.status <> 'cancelled'
              and not (e.status = 'dropped-out' and e.ended_on <= ${day}))
          then 'enrolled' else 'not-enrolled' end`
        : sql`null::text`} as enrolment,
      (select coalesce(jsonb_agg(t.payload->'command'), '[]'::jsonb) from journal_entries t where t.dossier_id = m.dossier_id
          and t.entry_type = 'dossier.mo-test-recorded' and (t.payload #>> '{command,date}')::date <= ${day}) as tests,
      to_char(m.contract_signed_on, 'YYYY-MM-DD') as detail
    ${runningContractsOn(scope.tenantId, day)}
      ${opts.pastShortestTarget ? sql`and m.contract_signed_on + make_interval(months => ${SHORTEST_START_TARGET_MONTHS}) < ${day}` : sql``}
      and not exists (select 1 from mo_enrolments e join mo_courses c on c.id = e.course_id
        where e.person_id = m.person_id and c.starts_on <= ${day} and c.status <> 'cancelled' and ${startedCourse})`;
};

/** Whether a recorded MO test (exemption or standard) took away the need for a course. */
const testDoneWithMo = (area: RuleArea) => (t: { date: string; kind: string; core: Score; practical: Score }) =>
  t.kind === 'exemption-test' ? moExemptionTestPassed(t, resolver(area)) : moTestOutcome(t, undefined, resolver(area)) !== 'failed';

/**
 * Persons waiting for their first MO course on the reference date, and whether they are past six
 * months after the contract (the rule set's target, R-20; as the planners' waiting list counts it).
 * A passed exemption test or MO test ends the wait.
 */
const moWaiting: Measure = {
  subject: 'dossier',
  facts: waitingFacts(),
  refine: (facts, scope) =>
    facts
      .filter((f) => !(f.tests as Array<{ date: string; kind: string; core: Score; practical: Score }>).some(testDoneWithMo(areaOf(f))))
      .map((f) => ({ ...f, over_six_months: sixMonthMark({ waitingSince: f.day, area: areaOf(f) }) < (scope.referenceDate ?? scope.to) ? 'yes' : 'no' })),
};

/** RPT-K01: waiting more than six months after the contract for the start of MO. */
const moWaitingOverSixMonths: Measure = {
  ...moWaiting,
  facts: waitingFacts({ pastShortestTarget: true }),
  refine: (facts, scope) => moWaiting.refine!(facts, scope).filter((f) => f.over_six_months === 'yes'),
};

/** K01 for the agency as a whole, without the breakdowns (the KPI trend takes it at every month end). */
const moWaitingOverSixMonthsInAll: Measure = { ...moWaitingOverSixMonths, facts: waitingFacts({ pastShortestTarget: true, breakdowns: false }) };

const mo = { group: 'orientation', drillDownPermission: 'dossier.read' } as const satisfies Partial<ReportDefinition>;
const byRegionAndYear = { ...mo, parameter: 'year', rows: regionRows(), columns: yearAxis, totals: { rows: false, columns: true } } as const satisfies Partial<ReportDefinition>;
const withResultShare = [
  { key: 'total', kind: 'sum', of: ['passed', 'failed'] },
  { key: 'passed-share', kind: 'share', of: ['passed'], over: ['passed', 'failed'] },
] as const;

export const ORIENTATION_REPORTS: readonly ReportDefinition[] = [
  { id: 'B17', source: 'RPT-B17', figure: 'Fig. 17', ...byRegionAndYear, measure: exemptionTests },
  { id: 'B19', source: 'RPT-B19', figure: 'Fig. 19', ...mo, parameter: 'period', rows: regionRows(), columns: resultColumns, computed: withResultShare, totals: { rows: false, columns: true }, measure: exemptionTests },
  { id: 'B19R', source: 'RPT-B19', figure: 'Fig. 19', ...mo, parameter: 'period', rows: regimeRows, columns: resultColumns, computed: withResultShare, totals: { rows: false, columns: true }, measure: exemptionTests },
  { id: 'B20', source: 'RPT-B20', figure: 'Fig. 20', ...byRegionAndYear, measure: standardTests },
  {
    id: 'B21',
    source: 'RPT-B21',
    figure: 'Fig. 21',
    ...byRegionAndYear,
    columns: resultByYearColumns,
    // The published "Totaal 2022 / 2023" columns, and the pass rate of each year.
    computed: (scope) => [
      ...scope.years.map((y) => ({ key: `total:${y}`, kind: 'sum' as const, of: [`passed:${y}`, `failed:${y}`] })),
      ...scope.years.map((y) => ({ key: `passed-share:${y}`, kind: 'share' as const, of: [`passed:${y}`], over: [`passed:${y}`, `failed:${y}`] })),
    ],
    measure: standardTests,
  },
  { id: 'B22', source: 'RPT-B22', figure: 'Fig. 22', ...byRegionAndYear, measure: coursesStarted },
  { id: 'B23', source: 'RPT-B23', figure: 'Fig. 23', ...byRegionAndYear, rows: languageAxis('label'), measure: interpreterCourses },
  { id: 'B24', source: 'RPT-B24', figure: 'Fig. 24', ...byRegionAndYear, rows: languageAxis('label'), measure: interpreterCourseStarters },
  { id: 'B25', source: 'RPT-B25', figure: 'Fig. 25', ...byRegionAndYear, measure: firstStarters },
  { id: 'B26', source: 'RPT-B26', figure: 'Fig. 26', ...mo, parameter: 'period', rows: languageAxis('total-desc'), columns: regionRows(), totals: { rows: true, columns: true }, measure: firstStarters },
  { id: 'B27', source: 'RPT-B27', figure: 'Fig. 27', ...mo, parameter: 'period', rows: languageAxis('label'), columns: regionRows(), totals: { rows: false, columns: true }, measure: participantsPerCourse },
  { id: 'B28', source: 'RPT-B28', figure: 'Fig. 28', ...mo, parameter: 'year', rows: yearAxis, columns: resultColumns, computed: withResultShare, totals: { rows: false, columns: false }, measure: moDecisions },
  {
    id: 'K01',
    source: 'RPT-K01',
    figure: null,
    ...mo,
    parameter: 'reference-date',
    rows: regionRows(),
    columns: codedAxis('mo-enrolment', 'enrolment', 'report.enrolment', ['enrolled', 'not-enrolled']),
    totals: { rows: true, columns: true },
    measure: moWaitingOverSixMonths,
    ukraine: { default: 'include' },
  },
];

/** Measures the dashboards and KPIs reuse. */
export const ORIENTATION_MEASURES = { firstStarters, standardTestsByLanguage, moWaiting, moWaitingOverSixMonthsInAll };
