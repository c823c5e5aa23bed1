/**
 * The NT2 tables of the AgII figures report 2023 [001]: unique persons with an NT2 conversation,
 * conversations held, binding advices and the CBE share, enrolments by provider type, Dutch tests.
 * They count the dutch module's own records (conversations, tests, advices, placements), read only:
 * NT2 serves people outside a trajectory too, so not every fact has a dossier.
 */
import { sql, type SQL } from 'drizzle-orm';
import { ADVICE_TYPES, CONVERSATION_KINDS, PROVIDER_KINDS, TEST_KINDS, type AdviceType } from '../../dutch';
import { codedAxis, flemishRegionRows, yearAxis } from '../dimensions';
import type { ComputedColumn, Measure, ReportDefinition, ReportScope } from '../report-types';
import { belgianDay, dayStart, regionAt, scopeDays } from '../reporting.queries';

type TestKind = (typeof TEST_KINDS)[number];

/**
 * Figure 43's columns for the ENT-20 advice types. The published table has a "CBE" column the
 * report does not explain (4.7 no. 8): here it holds the CBE advices that are neither alfa nor NT2
 * (Latin script at a CBE); Latin script at a CVO counts under "Andere".
 */
export const ADVICE_COLUMN = {
  'latin-script-cbe': 'cbe',
  'cbe-alfa-long': 'cbe-alfa',
  'cbe-alfa-short': 'cbe-alfa',
  'cbe-nt2': 'cbe-nt2',
  'cvo-standard': 'cvo-standard',
  'cvo-utc-shortened': 'cvo-utc-shortened',
  'cvo-extended': 'cvo-extended',
  'latin-script-cvo': 'other',
  'other': 'other',
  'no-follow-up': 'no-follow-up',
} as const satisfies Record<AdviceType, string>;
const ADVICE_COLUMNS = ['cbe', 'cbe-alfa', 'cbe-nt2', 'cvo-standard', 'cvo-utc-shortened', 'cvo-extended', 'other', 'no-follow-up'];

/** Figure 46's test types; the certifying tests (CT A1-2, B1-2, pre-screening, home language) form one column. */
export const TEST_COLUMN = {
  'covaar': 'covaar',
  'cbe-entry': 'cbe-entry',
  'cvo-entry': 'cvo-entry',
  'certifying-pre-screening': 'certifying',
  'certifying-a1-a2': 'certifying',
  'certifying-b1-b2': 'certifying',
  'home-language-dutch': 'certifying',
  'latin-script': 'latin-script',
} as const satisfies Record<TestKind, string>;
const TEST_COLUMNS = ['covaar', 'cbe-entry', 'cvo-entry', 'certifying', 'latin-script'];
const CERTIFYING: readonly TestKind[] = ['certifying-a1-a2', 'certifying-b1-b2', 'certifying-pre-screening', 'home-language-dutch'];

/** `case <expr> when k then v … end` from a code map: the mapping lives in one place, in TypeScript. */
const caseOf = (expr: SQL, map: Readonly<Record<string, string>>) =>
  sql`case ${expr} ${sql.join(Object.entries(map).map(([k, v]) => sql`when ${k} then ${v}`), sql` `)} end`;

/** A CBE advice (fig. 44): an advice type that only a CBE serves. */
const cbeFamily = Object.fromEntries(
  Object.entries(ADVICE_TYPES).map(([type, d]) => [type, d.providers.length > 0 && d.providers.every((p) => p === 'CBE') ? 'cbe' : 'other']),
);

/** Conversations held in the period: started on or before today (an appointment still to come is not held). */
const heldWithin = (scope: ReportScope) =>
  sql`c.starts_at >= ${dayStart(scope.from)} and c.starts_at < (${dayStart(scope.to)} + interval '1 day') and ${belgianDay(sql`c.starts_at`)} <= ${scope.today}::date`;

/** The conversation's region (werkingsgebied, defaulting to the person's when planned), else the person's on the day. */
const conversationRegion = sql`coalesce(c.region, ${regionAt(sql`c.person_id`, belgianDay(sql`c.starts_at`))})`;

/**
 * Unique persons with an NT2 conversation in a year: each person once per year, in the region of
 * their first conversation that year, so the regions add up to the total (fig. 41 does not, 4.7
 * no. 4). A person is counted as temporary protection when any conversation that year was.
 */
const nt2Persons: Measure = {
  subject: 'person',
  facts: (scope) => sql`select f.* from (
      select c.id::text as fact_id, c.person_id::text as subject_id, null::uuid as dossier_id, c.person_id, ${belgianDay(sql`c.starts_at`)} as day,
        ${conversationRegion} as region, 1 as value, c.kind as detail,
        bool_or(c.temporary_protection) over (partition by c.person_id, extract(year from ${belgianDay(sql`c.starts_at`)})) as temporary_protection,
        row_number() over (partition by c.person_id, extract(year from ${belgianDay(sql`c.starts_at`)}) order by c.starts_at, c.id) as nth
      from nt2_conversations c where ${heldWithin(scope)}
    ) f where f.nth = 1`,
};

/** NT2 conversations and level tests held (NT2-gesprekken, niveautests), each counted once. */
const conversations: Measure = {
  subject: 'person',
  facts: (scope) => sql`select c.id::text as fact_id, c.person_id::text as subject_id, null::uuid as dossier_id, c.person_id,
      ${belgianDay(sql`c.starts_at`)} as day, ${conversationRegion} as region, c.temporary_protection, 1 as value, c.kind, c.kind as detail
    from nt2_conversations c where ${heldWithin(scope)}`,
};

/** Binding advices (R-15) given in the period, dated by the advice, in the region of its conversation. */
const advices: Measure = {
  subject: 'person',
  facts: (scope) => {
    const { from, to } = scopeDays(scope);
    return sql`select a.id::text as fact_id, a.person_id::text as subject_id, null::uuid as dossier_id, a.person_id, a.advised_on as day,
        coalesce(a.region, ${conversationRegion}) as region, c.temporary_protection, 1 as value, a.advice_type as detail,
        ${caseOf(sql`a.advice_type`, ADVICE_COLUMN)} as advice_column, ${caseOf(sql`a.advice_type`, cbeFamily)} as advice_family
      from nt2_advices a join nt2_conversations c on c.id = a.conversation_id
      where a.advised_on between ${from} and ${to}`;
  },
};

/** Enrolments confirmed by a provider in the period, by the kind of provider of the module (CBE, CVO, ...). */
const enrolments: Measure = {
  subject: 'person',
  facts: (scope) => {
    const { from, to } = scopeDays(scope);
    return sql`select p.id::text as fact_id, p.person_id::text as subject_id, p.dossier_id, p.person_id, p.enrolled_on as day,
        coalesce(p.region, ${regionAt(sql`p.person_id`, sql`p.enrolled_on`)}) as region, false as temporary_protection, 1 as value,
        coalesce(m.provider_kind, 'other') as provider_kind, p.advice_type as detail
      from nt2_placements p left join nt2_modules m on m.id = p.module_id
      where p.enrolled_on between ${from} and ${to}`;
  },
};

/** Dutch tests taken in the period (ENT-22), in the region of the conversation they were taken in. */
const tests: Measure = {
  subject: 'person',
  facts: (scope) => {
    const { from, to } = scopeDays(scope);
    return sql`select t.id::text as fact_id, t.person_id::text as subject_id, null::uuid as dossier_id, t.person_id, t.taken_on as day,
        ${conversationRegion} as region, c.temporary_protection, 1 as value, t.kind, t.kind as detail, ${caseOf(sql`t.kind`, TEST_COLUMN)} as test_column
      from nt2_tests t join nt2_conversations c on c.id = t.conversation_id
      where t.taken_on between ${from} and ${to} and t.taken_on <= ${scope.today}::date`;
  },
};

const nt2 = { group: 'dutch', drillDownPermission: 'dossier.read' } as const satisfies Partial<ReportDefinition>;
const everyColumn = (columns: readonly string[]): ComputedColumn => ({ key: 'total', kind: 'sum', of: columns });

export const DUTCH_REPORTS: readonly ReportDefinition[] = [
  { id: 'B41', source: 'RPT-B41', figure: 'Fig. 41', ...nt2, parameter: 'year', rows: flemishRegionRows, columns: yearAxis, totals: { rows: false, columns: true }, measure: nt2Persons, ukraine: { default: 'include' } },
  {
    id: 'B42',
    source: 'RPT-B42',
    figure: 'Fig. 42',
    ...nt2,
    parameter: 'period',
    rows: flemishRegionRows,
    columns: codedAxis('conversation-kind', 'kind', 'report.conversation', CONVERSATION_KINDS),
    // Totaal = NT2-gesprek + niveautest, as published; the platform records no wooncode conversations.
    computed: [everyColumn(CONVERSATION_KINDS)],
    totals: { rows: false, columns: true },
    measure: conversations,
    ukraine: { default: 'include' },
  },
  {
    id: 'B43',
    source: 'RPT-B43',
    figure: 'Fig. 43',
    ...nt2,
    parameter: 'period',
    rows: flemishRegionRows,
    columns: codedAxis('advice-type', 'advice_column', 'report.advice', ADVICE_COLUMNS),
    totals: { rows: true, columns: true },
    measure: advices,
    ukraine: { default: 'include' },
  },
  {
    id: 'B44',
    source: 'RPT-B44',
    figure: 'Fig. 44',
    ...nt2,
    parameter: 'period',
    rows: flemishRegionRows,
    columns: codedAxis('advice-family', 'advice_family', 'report.advice-family', ['cbe', 'other']),
    computed: [everyColumn(['cbe', 'other']), { key: 'cbe-share', kind: 'share', of: ['cbe'], over: ['cbe', 'other'] }],
    totals: { rows: false, columns: true },
    measure: advices,
    ukraine: { default: 'include' },
  },
  {
    id: 'B45',
    source: 'RPT-B45',
    figure: 'Fig. 45',
    ...nt2,
    parameter: 'year',
    rows: codedAxis('provider-kind', 'provider_kind', 'report.provider', ['CBE', 'CVO'], PROVIDER_KINDS.filter((k) => k !== 'CBE' && k !== 'CVO')),
    columns: yearAxis,
    totals: { rows: false, columns: true },
    measure: enrolments,
  },
  {
    id: 'B46',
    source: 'RPT-B46',
    figure: 'Fig. 46',
    ...nt2,
    parameter: 'period',
    rows: flemishRegionRows,
    columns: codedAxis('test-type', 'test_column', 'report.test', TEST_COLUMNS),
    totals: { rows: true, columns: true },
    measure: tests,
  },
  {
    id: 'B47',
    source: 'RPT-B47',
    figure: 'Fig. 47',
    ...nt2,
    parameter: 'period',
    rows: flemishRegionRows,
    columns: codedAxis('test-type', 'test_column', 'report.test', TEST_COLUMNS),
    // The shares are computed from the same counts as fig. 46, so they cannot disagree with it (4.7 no. 2).
    computed: TEST_COLUMNS.map((c) => ({ key: `${c}-share`, kind: 'share' as const, of: [c], over: TEST_COLUMNS })),
    totals: { rows: true, columns: true },
    measure: tests,
  },
  {
    id: 'B48',
    source: 'RPT-B48',
    figure: 'Fig. 48',
    ...nt2,
    parameter: 'year',
    rows: codedAxis('test-type', 'kind', 'report.test', CERTIFYING),
    columns: yearAxis,
    totals: { rows: false, columns: true },
    measure: { ...tests, facts: (scope) => sql`select * from (${tests.facts(scope)}) t where t.test_column = 'certifying'` },
  },
];

/** Measures the dashboards and KPIs reuse. */
export const DUTCH_MEASURES = { nt2Persons };
