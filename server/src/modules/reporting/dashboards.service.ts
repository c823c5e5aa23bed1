/**
 * Dashboards (RPT-D01 MO, RPT-D03 regional, the STV figures): the same measures as the published
 * tables, laid out for following the work during the year. Read like the reports (replica,
 * read-only, tenant-scoped, `reports.read`), audited once per view.
 */
import { sql } from 'drizzle-orm';
import type { ActorContext } from '../../platform/context';
import { queryRows } from '../../platform/db/database';
import { requirePermission } from '../access';
import { bottleneckLanguagesIn, publishedTableIn, type TableCounts } from '../interpreting';
import { belgianDate } from '../trajectory';
import { agencyRow, regionRows } from './dimensions';
import { countCells, loadFacts } from './engine';
import { resolveScope } from './parameters';
import { auditFigures, readFigures, type ReportingDeps } from './read-database';
import type { FactRow, Measure, ReportScope } from './report-types';
import { DUTCH_MEASURES } from './reports/dutch.reports';
import { INTERPRETING_MEASURES } from './reports/interpreting.reports';
import { ORIENTATION_MEASURES } from './reports/orientation.reports';
import { TRAJECTORY_MEASURES } from './reports/trajectory.reports';

/** The facts grouped by `key` (in place: a Flanders-scale waiting list has tens of thousands of facts). */
const groupBy = <K extends string>(facts: readonly FactRow[], key: (f: FactRow) => K) => {
  const out = new Map<K, FactRow[]>();
  for (const f of facts) {
    const k = key(f);
    const group = out.get(k);
    if (group) group.push(f);
    else out.set(k, [f]);
  }
  return out;
};
const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10000) / 10000 : 0);

/**
 * The MO dashboard: who waits today by language and region (and how many past six months), the
 * courses starting per month of the period (planned ones included) with their participants, and
 * the standard MO test pass rate per month and MO language.
 */
export async function moDashboard(deps: ReportingDeps, ctx: ActorContext, query: { from: string; to: string }) {
  requirePermission(ctx, 'reports.read');
  const today = belgianDate(deps.clock());
  const period = resolveScope('period', query, { today, tenantId: ctx.actor.tenantId }).scope;
  const now = resolveScope('reference-date', {}, { today, tenantId: ctx.actor.tenantId }).scope;
  const { value, database } = await readFigures(deps, ctx, async (tx) => ({
    waiting: await loadFacts(tx, ORIENTATION_MEASURES.moWaiting, now),
    courses: await queryRows<{ month: string; courses: number; participants: number }>(
      tx,
      sql`select to_char(c.starts_on, 'YYYY-MM') as month, count(*)::int as courses,
          coalesce(sum((select count(*) from mo_enrolments e where e.course_id = c.id and not (e.status = 'dropped-out' and e.ended_on < c.starts_on))), 0)::int as participants
        from mo_courses c where c.status <> 'cancelled' and c.starts_on between ${query.from}::date and ${query.to}::date group by 1 order by 1`,
    ),
    tests: await loadFacts(tx, ORIENTATION_MEASURES.standardTestsByLanguage, period),
  }));
  await auditFigures(deps, ctx, 'read', `dashboard mo from=${query.from} to=${query.to}`);
  const waiting = [...groupBy(value.waiting, (f) => `${f.language ?? 'unknown'}|${f.region}`)].map(([key, facts]) => {
    const [language = '', region = ''] = key.split('|');
    return { language, region, waiting: facts.length, overSixMonths: facts.filter((f) => f.over_six_months === 'yes').length };
  });
  waiting.sort((a, b) => b.overSixMonths - a.overSixMonths || b.waiting - a.waiting || a.language.localeCompare(b.language) || a.region.localeCompare(b.region));
  const testPassRates = [...groupBy(value.tests, (f) => `${f.month}|${f.language ?? 'unknown'}`)]
    .map(([key, facts]) => {
      const [month = '', language = ''] = key.split('|');
      const passed = facts.filter((f) => f.result === 'passed').length;
      return { month, language, taken: facts.length, passed, rate: rate(passed, facts.length) };
    })
    .sort((a, b) => a.month.localeCompare(b.month) || a.language.localeCompare(b.language));
  return {
    asOf: today,
    waiting,
    waitingTotal: value.waiting.length,
    overSixMonthsTotal: value.waiting.filter((f) => f.over_six_months === 'yes').length,
    enrolledOverSixMonths: value.waiting.filter((f) => f.over_six_months === 'yes' && f.enrolment === 'enrolled').length,
    coursesStarting: value.courses,
    testPassRates,
    database,
  };
}

const REGION_FIGURES = {
  signUps: TRAJECTORY_MEASURES.firstSignUps,
  firstContracts: TRAJECTORY_MEASURES.firstContracts,
  runningContracts: TRAJECTORY_MEASURES.runningContracts,
  moStarters: ORIENTATION_MEASURES.firstStarters,
  certificates: TRAJECTORY_MEASURES.civicIntegrationCertificates,
  nt2Persons: DUTCH_MEASURES.nt2Persons,
  interpreterRequests: INTERPRETING_MEASURES.requests,
} as const satisfies Record<string, Measure>;
type RegionFigure = keyof typeof REGION_FIGURES;

/** The regional dashboard: the year's key figures per region; running contracts on the year's last day (or today). */
export async function regionsDashboard(deps: ReportingDeps, ctx: ActorContext, year: number) {
  requirePermission(ctx, 'reports.read');
  const { scope } = resolveScope('period', { year }, { today: belgianDate(deps.clock()), tenantId: ctx.actor.tenantId });
  const withDate: ReportScope = { ...scope, referenceDate: scope.to };
  const { value, database } = await readFigures(deps, ctx, async (tx) => {
    const figures = new Map<string, Record<RegionFigure, number>>();
    const rows = regionRows();
    for (const region of rows.values(withDate).filter((v) => !v.optional)) figures.set(region.key, zeros());
    for (const [name, measure] of Object.entries(REGION_FIGURES) as Array<[RegionFigure, Measure]>) {
      for (const cell of await countCells(tx, { measure, rows, columns: agencyRow }, withDate)) {
        const entry = figures.get(cell.row) ?? zeros();
        entry[name] += cell.sum;
        figures.set(cell.row, entry);
      }
    }
    return figures;
  });
  await auditFigures(deps, ctx, 'read', `dashboard regions year=${year}`);
  return { year, regions: [...value].map(([region, figures]) => ({ region, ...figures })), database };
}

const zeros = (): Record<RegionFigure, number> => ({ signUps: 0, firstContracts: 0, runningContracts: 0, moStarters: 0, certificates: 0, nt2Persons: 0, interpreterRequests: 0 });

const answeredRate = (c: TableCounts) => rate(c.answered, c.requests);

/** The interpreting dashboard: figure 49 by channel and by month, the answered rate, the bottleneck languages. */
export async function interpretingDashboard(deps: ReportingDeps, ctx: ActorContext, year: number) {
  requirePermission(ctx, 'reports.read');
  resolveScope('year', { year }, { today: belgianDate(deps.clock()), tenantId: ctx.actor.tenantId });
  const { value, database } = await readFigures(deps, ctx, async (tx) => ({ table: await publishedTableIn(tx, year), bottlenecks: await bottleneckLanguagesIn(tx, year) }));
  await auditFigures(deps, ctx, 'read', `dashboard interpreting year=${year}`);
  return {
    year,
    byChannel: Object.entries(value.table.byChannel).map(([channel, counts]) => ({ channel, ...counts, answeredRate: answeredRate(counts) })),
    byMonth: value.table.byMonth.map(({ month, counts, requestsByChannel }) => ({ month, ...counts, answeredRate: answeredRate(counts), requestsByChannel })),
    answeredRate: answeredRate(value.table.byChannel.total),
    bottleneckLanguages: value.bottlenecks,
    database,
  };
}
