/**
 * The published STV figures (figure 49 of the annual figures report, issue 5 §6) and the
 * bottleneck languages (PAIN-11, knelpunttalen).
 *
 * A request counts in the year (and month) it was made, Belgian time: a request of December still
 * open in January counts as in progress in December's year, as the published table does. Its row
 * comes from `tableRow` (an assigned request not yet completed is in progress); not-completed is
 * split by the cancellation's timing, not-answered by its reason. The identities of the published
 * table are asserted on every cell before anything is returned.
 */
import { sql } from 'drizzle-orm';
import type { ActorContext } from '../../platform/context';
import { queryRows, withTenant, type Tx } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { requirePermission, scopeOf } from '../access';
import type { InterpretingDeps } from './interpreting.service';
import { CHANNELS, LANGUAGE_STATUSES, tableRow, type LanguageStatus } from './rules/stv';

export interface TableCounts {
  requests: number;
  answered: number;
  completed: number;
  notCompleted: number;
  cancelledOnTime: number;
  cancelledLate: number;
  notAnswered: number;
  interpreterOrLanguageUnavailable: number;
  otherReason: number;
  inProgress: number;
}

export const emptyCounts = (): TableCounts => ({
  requests: 0,
  answered: 0,
  completed: 0,
  notCompleted: 0,
  cancelledOnTime: 0,
  cancelledLate: 0,
  notAnswered: 0,
  interpreterOrLanguageUnavailable: 0,
  otherReason: 0,
  inProgress: 0,
});

export class FiguresIdentityError extends Error {}

/**
 * The identities of the published table (WF-16): requests = answered + not answered + in progress;
 * answered = completed + not completed; not completed = cancelled on time + late; not answered =
 * interpreter/language unavailable + other reason. Throws when a cell breaks one.
 */
export function assertIdentities(c: TableCounts, where: string): void {
  const broken: string[] = [];
  if (c.requests !== c.answered + c.notAnswered + c.inProgress) broken.push('requests = answered + notAnswered + inProgress');
  if (c.answered !== c.completed + c.notCompleted) broken.push('answered = completed + notCompleted');
  if (c.notCompleted !== c.cancelledOnTime + c.cancelledLate) broken.push('notCompleted = cancelledOnTime + cancelledLate');
  if (c.notAnswered !== c.interpreterOrLanguageUnavailable + c.otherReason) broken.push('notAnswered = unavailable + otherReason');
  if (broken.length) throw new FiguresIdentityError(`figures ${where}: ${broken.join('; ')} (${JSON.stringify(c)})`);
}

/** Adds `n` requests with this status and outcome to the counts. */
export function addRequests(c: TableCounts, request: { status: string; outcome: string | null }, n = 1): void {
  c.requests += n;
  switch (tableRow(request)) {
    case 'completed':
      c.answered += n;
      c.completed += n;
      break;
    case 'not-completed':
      c.answered += n;
      c.notCompleted += n;
      if (request.outcome === 'cancelled-late') c.cancelledLate += n;
      else if (request.outcome === 'cancelled-on-time') c.cancelledOnTime += n;
      break;
    case 'not-answered-unavailable':
      c.notAnswered += n;
      c.interpreterOrLanguageUnavailable += n;
      break;
    case 'not-answered-other':
      c.notAnswered += n;
      c.otherReason += n;
      break;
    case 'in-progress':
      c.inProgress += n;
      break;
  }
}

function plus(a: TableCounts, b: TableCounts): TableCounts {
  const out = emptyCounts();
  for (const key of Object.keys(out) as Array<keyof TableCounts>) out[key] = a[key] + b[key];
  return out;
}

export interface PublishedTable {
  year: number;
  /** Figure 49: one column per channel and the total. */
  byChannel: Record<(typeof CHANNELS)[number] | 'total', TableCounts>;
  byLanguage: Array<{ language: string; counts: TableCounts }>;
  bySector: Array<{ sector: string; counts: TableCounts }>;
  /** Per month, with the month's requests per channel (the dashboard's month × channel grid). */
  byMonth: Array<{ month: string; counts: TableCounts; requestsByChannel: Record<(typeof CHANNELS)[number], number> }>;
}

type GroupRow = { channel: string; language: string; sector: string; month: string; status: string; outcome: string | null; n: number };

export function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new AppError('validation', { fields: [{ field: 'year', code: 'invalid' }] });
}

const noRequests = () => Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<(typeof CHANNELS)[number], number>;

/** Builds the table from grouped counts: pure, and checked against the identities. */
export function buildTable(year: number, rows: readonly GroupRow[]): PublishedTable {
  const byChannel = Object.fromEntries([...CHANNELS, 'total'].map((c) => [c, emptyCounts()])) as PublishedTable['byChannel'];
  const languages = new Map<string, TableCounts>();
  const sectors = new Map<string, TableCounts>();
  const months = new Map<string, TableCounts>(Array.from({ length: 12 }, (_, i) => [`${year}-${String(i + 1).padStart(2, '0')}`, emptyCounts()]));
  const monthChannels = new Map<string, Record<(typeof CHANNELS)[number], number>>();
  const cell = (map: Map<string, TableCounts>, key: string) => {
    let c = map.get(key);
    if (!c) map.set(key, (c = emptyCounts()));
    return c;
  };
  for (const row of rows) {
    const channel = byChannel[row.channel as (typeof CHANNELS)[number]];
    if (!channel) throw new Error(`figures: unknown channel ${row.channel}`);
    for (const c of [channel, byChannel.total, cell(languages, row.language), cell(sectors, row.sector), cell(months, row.month)]) addRequests(c, row, row.n);
    const perChannel = monthChannels.get(row.month) ?? noRequests();
    perChannel[row.channel as (typeof CHANNELS)[number]] += row.n;
    monthChannels.set(row.month, perChannel);
  }
  const table: PublishedTable = {
    year,
    byChannel,
    byLanguage: [...languages].map(([language, counts]) => ({ language, counts })).sort((a, b) => b.counts.requests - a.counts.requests || a.language.localeCompare(b.language)),
    bySector: [...sectors].map(([sector, counts]) => ({ sector, counts })).sort((a, b) => b.counts.requests - a.counts.requests || a.sector.localeCompare(b.sector)),
    byMonth: [...months].map(([month, counts]) => ({ month, counts, requestsByChannel: monthChannels.get(month) ?? noRequests() })).sort((a, b) => a.month.localeCompare(b.month)),
  };
  // Every cell, and every breakdown adds up to the total.
  for (const [key, c] of Object.entries(table.byChannel)) assertIdentities(c, `channel ${key}`);
  const total = table.byChannel.total;
  const channelsSum = CHANNELS.reduce((s, c) => plus(s, table.byChannel[c]), emptyCounts());
  for (const [name, list] of [
    ['channels', [channelsSum]],
    ['languages', table.byLanguage.map((x) => x.counts)],
    ['sectors', table.bySector.map((x) => x.counts)],
    ['months', table.byMonth.map((x) => x.counts)],
  ] as const) {
    list.forEach((c) => assertIdentities(c, name));
    const sum = list.reduce(plus, emptyCounts());
    if (JSON.stringify(sum) !== JSON.stringify(total)) throw new FiguresIdentityError(`figures: the ${name} do not add up to the total`);
  }
  return table;
}

/** Requests (alias r) made in the Belgian calendar year. */
const yearBounds = (year: number) => sql`r.created_at >= make_timestamptz(${year}, 1, 1, 0, 0, 0, 'Europe/Brussels') and r.created_at < make_timestamptz(${year + 1}, 1, 1, 0, 0, 0, 'Europe/Brussels')`;

/** Figure 49 for a year from the caller's transaction (the management reports run it on the replica). */
export async function publishedTableIn(tx: Tx, year: number): Promise<PublishedTable> {
  const rows = await queryRows<GroupRow>(
    tx,
    sql`select r.channel, r.language, r.sector, to_char(r.created_at at time zone 'Europe/Brussels', 'YYYY-MM') as month, r.status, r.outcome, count(*)::int as n
      from interpreting_requests r where ${yearBounds(year)}
      group by 1, 2, 3, 4, 5, 6`,
  );
  return buildTable(year, rows);
}

/** Figure 49 for a year, by channel, language, sector and month. Permission `interpreting.figures.read`. */
export async function publishedTable(deps: InterpretingDeps, ctx: ActorContext, year: number): Promise<PublishedTable> {
  requirePermission(ctx, 'interpreting.figures.read');
  checkYear(year);
  return withTenant(deps.db, scopeOf(ctx), (tx) => publishedTableIn(tx, year));
}

export interface BottleneckLanguage {
  language: string;
  requests: number;
  notAnswered: number;
  /** Not answered because no interpreter or no one for the language was available. */
  unavailable: number;
  /** Share of the language's requests not answered for lack of an interpreter (0..1). */
  unavailableShare: number;
  /** Active interpreters registered for the language, by status (an interpreter counts once per status). */
  interpreters: Record<LanguageStatus, number> & { total: number };
  /** Unanswered-for-lack requests per active interpreter (all statuses); null when there is nobody. */
  unavailablePerInterpreter: number | null;
}

/**
 * Bottleneck languages (PAIN-11): per language, the requests of the year left unanswered for lack
 * of an interpreter, against the active interpreters in the register by status. Ordered by the
 * unanswered count, then the share; languages with no unanswered request are left out.
 */
export async function bottleneckLanguages(deps: InterpretingDeps, ctx: ActorContext, year: number): Promise<{ year: number; items: BottleneckLanguage[] }> {
  requirePermission(ctx, 'interpreting.figures.read');
  checkYear(year);
  return { year, items: await withTenant(deps.db, scopeOf(ctx), (tx) => bottleneckLanguagesIn(tx, year)) };
}

/** The bottleneck languages of a year from the caller's transaction (the management dashboard reads them on the replica). */
export async function bottleneckLanguagesIn(tx: Tx, year: number): Promise<BottleneckLanguage[]> {
  const requests = await queryRows<{ language: string; status: string; outcome: string | null; n: number }>(
    tx,
    sql`select r.language, r.status, r.outcome, count(*)::int as n from interpreting_requests r where ${yearBounds(year)} group by 1, 2, 3`,
  );
  const register = await queryRows<{ language: string; status: LanguageStatus; n: number; any_status: number }>(
    tx,
    sql`select l.language, l.status, count(distinct l.interpreter_id)::int as n,
        (select count(distinct l2.interpreter_id)::int from interpreter_languages l2 join interpreters i2 on i2.id = l2.interpreter_id where i2.active and l2.language = l.language) as any_status
      from interpreter_languages l join interpreters i on i.id = l.interpreter_id where i.active group by 1, 2`,
  );
  const counts = new Map<string, TableCounts>();
  for (const r of requests) {
    let c = counts.get(r.language);
    if (!c) counts.set(r.language, (c = emptyCounts()));
    addRequests(c, r, r.n);
  }
  const items: BottleneckLanguage[] = [];
  for (const [language, c] of counts) {
    assertIdentities(c, `language ${language}`);
    if (!c.notAnswered) continue;
    const interpreters = { ...(Object.fromEntries(LANGUAGE_STATUSES.map((s) => [s, 0])) as Record<LanguageStatus, number>), total: 0 };
    for (const row of register.filter((x) => x.language === language)) {
      interpreters[row.status] = row.n;
      interpreters.total = row.any_status;
    }
    items.push({
      language,
      requests: c.requests,
      notAnswered: c.notAnswered,
      unavailable: c.interpreterOrLanguageUnavailable,
      unavailableShare: c.requests ? Math.round((c.interpreterOrLanguageUnavailable / c.requests) * 1000) / 1000 : 0,
      interpreters,
      unavailablePerInterpreter: interpreters.total ? Math.round((c.interpreterOrLanguageUnavailable / interpreters.total) * 100) / 100 : null,
    });
  }
  items.sort((a, b) => b.unavailable - a.unavailable || b.unavailableShare - a.unavailableShare || a.language.localeCompare(b.language));
  return items;
}
