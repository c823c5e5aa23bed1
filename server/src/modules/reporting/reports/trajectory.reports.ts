/**
 * The trajectory tables of the AgII figures report 2023 [001] (sign-ups, contracts, certificates,
 * suspension, diploma recognition, enforcement) and the Atlas 2022 ones [000] that count the same
 * facts. Every figure counts journal entries the trajectory service writes (trajectory.service.ts):
 * the entry type says what happened, its date (or the date in its payload) the year it counts in.
 */
import { sql, type SQL } from 'drizzle-orm';
import { agencyRow, codedAxis, regionRows, flemishRegionRows, targetGroupColumns, yearAxis } from '../dimensions';
import type { Measure, ReportDefinition, ReportScope } from '../report-types';
import {
  belgianDay,
  effectiveWithin,
  ownEntry,
  regionAt,
  runningContractsOn,
  scopeDays,
  signUpOf,
  targetColumn,
  targetGroupAt,
  temporaryProtectionAt,
} from '../reporting.queries';

const effectiveDay = belgianDay(sql`j.effective_at`);

/**
 * Entries of `type` this agency recorded in the scope, one fact each, dated by `day`, counted in the
 * person's region on that day. `where` narrows the entries (the kind of certificate).
 */
const journalFacts = (type: string, opts: { day?: SQL; where?: SQL; detail: SQL }) => (scope: ReportScope) => {
  const day = opts.day ?? effectiveDay;
  const { from, to } = scopeDays(scope);
  return sql`select j.id::text as fact_id, j.dossier_id::text as subject_id, j.dossier_id, s.person_id, ${day} as day,
      ${regionAt(sql`s.person_id`, day)} as region, ${temporaryProtectionAt(scope, sql`j.dossier_id`, day)} as temporary_protection,
      1 as value, ${opts.detail} as detail
    from journal_entries j ${signUpOf('j')}
    where j.entry_type = ${type} and ${ownEntry('j')} and ${effectiveWithin('j', scope.from, scope.to)} and ${day} between ${from} and ${to}
      ${opts.where ? sql`and ${opts.where}` : sql``}`;
};

/**
 * The first time a person did something (signed up, signed a contract): over all time, the
 * milestone that comes first for the person by its date (copies from other agencies included, so a
 * person who signed up at Atlas first is not a first sign-up at AgII), counted only where this
 * agency recorded it. `milestone` names the dossier_milestones columns of the fact.
 */
const firstFacts = (milestone: { day: string; entry: string; own: string }, extra: (scope: ReportScope) => SQL) => (scope: ReportScope) => {
  const { from, to } = scopeDays(scope);
  const [day, entry, own] = [milestone.day, milestone.entry, milestone.own].map((c) => sql.raw(`m.${c}`));
  return sql`select f.fact_id, f.subject_id, f.dossier_id, f.person_id, f.day, ${regionAt(sql`f.person_id`, sql`f.day`)} as region,
      ${temporaryProtectionAt(scope, sql`f.dossier_id`, sql`f.day`)} as temporary_protection, 1 as value, f.detail, ${extra(scope)}
    from (
      select ${entry}::text as fact_id, m.dossier_id::text as subject_id, m.dossier_id, m.person_id, ${day} as day, m.contract_obligated,
        ${own} as own, to_char(${day}, 'YYYY-MM-DD') as detail,
        row_number() over (partition by m.person_id order by ${day}, ${entry}) as nth
      from dossier_milestones m
      where ${entry} is not null and m.sign_up_entry_id is not null
    ) f
    where f.own and f.nth = 1 and f.day between ${from} and ${to}`;
};

/** First sign-ups (eerste aanmeldingen): dated by the sign-up date; target group as decided by the end of the period. */
const firstSignUps: Measure = {
  subject: 'dossier',
  facts: firstFacts({ day: 'signed_up_on', entry: 'sign_up_entry_id', own: 'began_here' }, (scope) => sql`${targetColumn(targetGroupAt(sql`f.dossier_id`, sql`${scope.to}::date`))} as target`),
};

/** First contracts (eerste inburgeringscontracten): dated by the signature date; target group as signed. */
const firstContracts: Measure = {
  subject: 'dossier',
  facts: firstFacts({ day: 'contract_signed_on', entry: 'contract_entry_id', own: 'contract_own' }, () => sql`case when f.contract_obligated then 'plicht' else 'recht' end as target`),
};

/** Contracts running on the reference date (lopende contracten op peildatum), by the target group on that date. */
const runningContracts: Measure = {
  subject: 'dossier',
  facts: (scope) => {
    const day = sql`${scope.referenceDate ?? scope.to}::date`;
    return sql`select m.dossier_id::text as fact_id, m.dossier_id::text as subject_id, m.dossier_id, m.person_id, ${day} as day,
        ${regionAt(sql`m.person_id`, day)} as region, ${temporaryProtectionAt(scope, sql`m.dossier_id`, day)} as temporary_protection,
        ${targetColumn(targetGroupAt(sql`m.dossier_id`, day))} as target, 1 as value, to_char(m.contract_signed_on, 'YYYY-MM-DD') as detail
      ${runningContractsOn(scope.tenantId, day)}`;
  },
};

/** Persons with a diploma-recognition request in the year (guidance, figure 36): each person once a year. */
const diplomaRecognition: Measure = {
  subject: 'dossier',
  facts: (scope) => {
    const { from, to } = scopeDays(scope);
    return sql`select f.fact_id, f.subject_id, f.dossier_id, f.person_id, f.day, ${regionAt(sql`f.person_id`, sql`f.day`)} as region,
        ${temporaryProtectionAt(scope, sql`f.dossier_id`, sql`f.day`)} as temporary_protection, 1 as value, null as detail
      from (
        select j.id::text as fact_id, j.dossier_id::text as subject_id, j.dossier_id, s.person_id, ${effectiveDay} as day,
          row_number() over (partition by s.person_id, extract(year from ${effectiveDay}) order by j.effective_at, j.id) as nth
        from journal_entries j ${signUpOf('j')}
        where j.entry_type = 'dossier.diploma-recognition-requested' and ${ownEntry('j')} and ${effectiveWithin('j', scope.from, scope.to)}
      ) f
      where f.nth = 1 and f.day between ${from} and ${to}`;
  },
};

const certificateNumber = sql`j.payload->>'certificateNumber'`;
const measure = (facts: Measure['facts']): Measure => ({ subject: 'dossier', facts });

const exemptionCertificates = measure(journalFacts('dossier.exemption-granted', { detail: certificateNumber }));
const suspensionCertificates = measure(journalFacts('dossier.suspension-started', { where: sql`j.payload #>> '{command,kind}' = 'suspension'`, detail: certificateNumber }));
const certificatesOf = (kind: string) => measure(journalFacts('dossier.certificate-issued', { where: sql`j.payload #>> '{command,kind}' = ${kind}`, detail: certificateNumber }));
const handOvers = measure(journalFacts('dossier.handed-over-to-enforcement', { detail: sql`j.payload #>> '{command,infringementId}'` }));

const byRegionAndYear = {
  group: 'trajectory',
  parameter: 'year',
  rows: regionRows(),
  columns: yearAxis,
  totals: { rows: false, columns: true },
  drillDownPermission: 'dossier.read',
} as const satisfies Partial<ReportDefinition>;

/** Atlas publishes one agency-wide figure per year over four or five years. */
const atlasByYear = {
  group: 'trajectory',
  parameter: 'year',
  rows: agencyRow,
  columns: yearAxis,
  totals: { rows: false, columns: false },
  drillDownPermission: 'dossier.read',
} as const satisfies Partial<ReportDefinition>;

export const TRAJECTORY_REPORTS: readonly ReportDefinition[] = [
  { id: 'B08', source: 'RPT-B08', figure: 'Fig. 8', ...byRegionAndYear, measure: firstSignUps, ukraine: { default: 'include' } },
  {
    id: 'B10',
    source: 'RPT-B08',
    figure: 'Fig. 10',
    ...byRegionAndYear,
    parameter: 'period',
    columns: targetGroupColumns,
    computed: [{ key: 'plicht-share', kind: 'share', of: ['plicht'], over: ['recht', 'plicht', 'onbekend'] }],
    totals: { rows: true, columns: true },
    measure: firstSignUps,
    ukraine: { default: 'include' },
  },
  { id: 'B11', source: 'RPT-B11', figure: 'Fig. 11', ...byRegionAndYear, measure: exemptionCertificates },
  { id: 'B12', source: 'RPT-B12', figure: 'Fig. 12', ...byRegionAndYear, measure: firstContracts, ukraine: { default: 'include' } },
  {
    id: 'B14',
    source: 'RPT-B12',
    figure: 'Fig. 14',
    ...byRegionAndYear,
    parameter: 'period',
    columns: codedAxis('target-group', 'target', 'report.target', ['recht', 'plicht']),
    computed: [{ key: 'plicht-share', kind: 'share', of: ['plicht'], over: ['recht', 'plicht'] }],
    totals: { rows: true, columns: true },
    measure: firstContracts,
    ukraine: { default: 'include' },
  },
  {
    id: 'B15',
    source: 'RPT-B15',
    figure: 'Fig. 15',
    ...byRegionAndYear,
    parameter: 'reference-date',
    columns: targetGroupColumns,
    computed: [{ key: 'plicht-share', kind: 'share', of: ['plicht'], over: ['recht', 'plicht', 'onbekend'] }],
    totals: { rows: true, columns: true },
    measure: runningContracts,
    ukraine: { default: 'include' },
  },
  { id: 'B36', source: 'RPT-B36', figure: 'Fig. 36', ...byRegionAndYear, measure: diplomaRecognition },
  { id: 'B37', source: 'RPT-B37', figure: 'Fig. 37', ...byRegionAndYear, measure: suspensionCertificates },
  { id: 'B38', source: 'RPT-B38', figure: 'Fig. 38', ...byRegionAndYear, measure: certificatesOf('civic-integration') },
  { id: 'B39', source: 'RPT-B39', figure: 'Fig. 39', ...byRegionAndYear, measure: certificatesOf('regular-participation') },
  { id: 'B40', source: 'RPT-B40', figure: 'Fig. 40', ...byRegionAndYear, rows: flemishRegionRows, measure: handOvers },
  {
    id: 'A03',
    source: 'RPT-A03',
    figure: null,
    ...atlasByYear,
    rows: yearAxis,
    columns: targetGroupColumns,
    totals: { rows: true, columns: true },
    yearSpan: 5,
    measure: firstSignUps,
    ukraine: { default: 'include' },
  },
  { id: 'A04', source: 'RPT-A04', figure: null, ...atlasByYear, yearSpan: 4, measure: firstContracts, ukraine: { default: 'include' } },
  { id: 'A06', source: 'RPT-A06', figure: null, ...atlasByYear, yearSpan: 4, measure: certificatesOf('civic-integration') },
];

/** Measures the dashboards and KPIs reuse. */
export const TRAJECTORY_MEASURES = { firstSignUps, firstContracts, runningContracts, civicIntegrationCertificates: certificatesOf('civic-integration') };
