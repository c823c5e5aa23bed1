/**
 * KPI trends: any key figure over months or years. A flow (sign-ups, first contracts, MO starters,
 * certificates, NT2 persons, interpreter requests) counts its facts per month or year in one run; a
 * stock (running contracts, MO waiting over six months) is taken on the last day of each period; a
 * rate (answered) divides its parts per period. The measures are those of the published tables.
 */
import type { ActorContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { translate } from '../../platform/i18n/i18n';
import { requirePermission } from '../access';
import { belgianDate } from '../trajectory';
import { agencyRow, monthAxis, yearAxis } from './dimensions';
import { countCells } from './engine';
import { monthEnd, monthRange } from './parameters';
import { auditFigures, readFigures, type ReportingDeps } from './read-database';
import type { DimensionSpec, Measure, ReportScope } from './report-types';
import { DUTCH_MEASURES } from './reports/dutch.reports';
import { answeredGroup, INTERPRETING_MEASURES, statusOutcomeAxis } from './reports/interpreting.reports';
import { ORIENTATION_MEASURES } from './reports/orientation.reports';
import { TRAJECTORY_MEASURES } from './reports/trajectory.reports';

type Kpi = { id: string; source: string | null; unit: 'count' | 'rate'; target?: number; kind: 'flow' | 'stock' | 'rate'; measure: Measure };

export const KPIS: readonly Kpi[] = [
  { id: 'sign-ups', source: 'RPT-B08', unit: 'count', kind: 'flow', measure: TRAJECTORY_MEASURES.firstSignUps },
  { id: 'first-contracts', source: 'RPT-B12', unit: 'count', kind: 'flow', measure: TRAJECTORY_MEASURES.firstContracts },
  { id: 'running-contracts', source: 'RPT-B15', unit: 'count', kind: 'stock', measure: TRAJECTORY_MEASURES.runningContracts },
  // "De symbolische drempel": fewer than 1,000 people waiting more than six months [001].
  { id: 'mo-waiting-over-six-months', source: 'RPT-K01', unit: 'count', target: 1000, kind: 'stock', measure: ORIENTATION_MEASURES.moWaitingOverSixMonthsInAll },
  { id: 'mo-starters', source: 'RPT-B25', unit: 'count', kind: 'flow', measure: ORIENTATION_MEASURES.firstStarters },
  { id: 'certificates', source: 'RPT-B38', unit: 'count', kind: 'flow', measure: TRAJECTORY_MEASURES.civicIntegrationCertificates },
  { id: 'nt2-persons', source: 'RPT-B41', unit: 'count', kind: 'flow', measure: DUTCH_MEASURES.nt2Persons },
  { id: 'interpreter-requests', source: 'RPT-B49', unit: 'count', kind: 'flow', measure: INTERPRETING_MEASURES.requests },
  { id: 'answered-rate', source: 'RPT-B49', unit: 'rate', kind: 'rate', measure: INTERPRETING_MEASURES.requests },
];

export function listKpis(ctx: ActorContext) {
  requirePermission(ctx, 'reports.read');
  return KPIS.map((k) => ({ id: k.id, source: k.source, title: translate(ctx.locale, `kpi.${k.id}.title`), unit: k.unit, target: k.target ?? null }));
}

const lastDay = (period: string) => (period.length === 4 ? `${period}-12-31` : monthEnd(period));

/** The KPI per month or year from `from` to `to` (YYYY-MM), up to today. */
export async function kpiTrend(deps: ReportingDeps, ctx: ActorContext, id: string, query: { from: string; to: string; grain: 'month' | 'year' }) {
  requirePermission(ctx, 'reports.read');
  const kpi = KPIS.find((k) => k.id === id);
  if (!kpi) throw notFound('kpi');
  const today = belgianDate(deps.clock());
  const months = monthRange(query.from, query.to, today);
  const periods = query.grain === 'month' ? months : [...new Set(months.map((m) => m.slice(0, 4)))];
  const axis: DimensionSpec = query.grain === 'month' ? monthAxis(periods) : yearAxis;
  const flowScope: ReportScope = {
    tenantId: ctx.actor.tenantId,
    from: `${months[0]}-01`,
    to: lastDay(months.at(-1)!) < today ? lastDay(months.at(-1)!) : today,
    referenceDate: null,
    years: query.grain === 'year' ? periods : [],
    ukraine: 'include',
    today,
  };
  const { value, database } = await readFigures(deps, ctx, async (tx) => {
    const values = new Map<string, number>(periods.map((p) => [p, 0]));
    if (kpi.kind === 'stock') {
      for (const period of periods) {
        const day = lastDay(period) < today ? lastDay(period) : today;
        const cells = await countCells(tx, { measure: kpi.measure, rows: agencyRow, columns: agencyRow }, { ...flowScope, from: day, to: day, referenceDate: day });
        values.set(period, cells.reduce((s, c) => s + c.sum, 0));
      }
    } else if (kpi.kind === 'rate') {
      // The only rate is the answered share of interpreter requests: groups of status and outcome, classified by the module's rule.
      const cells = await countCells(tx, { measure: kpi.measure, rows: axis, columns: statusOutcomeAxis }, flowScope);
      for (const period of periods) {
        const yes = cells.filter((c) => c.row === period && answeredGroup(c.column)).reduce((s, c) => s + c.sum, 0);
        const all = cells.filter((c) => c.row === period).reduce((s, c) => s + c.sum, 0);
        values.set(period, all ? Math.round((yes / all) * 10000) / 10000 : 0);
      }
    } else {
      for (const c of await countCells(tx, { measure: kpi.measure, rows: axis, columns: agencyRow }, flowScope)) values.set(c.row, (values.get(c.row) ?? 0) + c.sum);
    }
    return values;
  });
  await auditFigures(deps, ctx, 'read', `kpi ${kpi.id} from=${query.from} to=${query.to} grain=${query.grain}`);
  return {
    id: kpi.id,
    title: translate(ctx.locale, `kpi.${kpi.id}.title`),
    unit: kpi.unit,
    target: kpi.target ?? null,
    grain: query.grain,
    points: periods.map((period) => ({ period, value: value.get(period) ?? 0 })),
    database,
  };
}
