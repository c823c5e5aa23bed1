/**
 * Monthly billing of social interpreting (issue 5 §4, PAIN-09, STV-05..STV-11): one invoice per
 * customer organisation and one statement per interpreter, from the charges stored on completed
 * and late-cancelled assignments (`interpreting_assignments.ranking->'charge'`, computed by the
 * rules of the date when the assignment was completed or cancelled). The month is the Belgian
 * calendar month of the assignment's start (of the closing, for a translation without a start).
 *
 * Ukrainian-crisis funded assignments keep their lines with the tariff value (`grossCents`) but
 * are charged at zero (`cents` 0, `funded` true): the funding is shown, the customer pays nothing.
 * The stored negative `ukraine-funded` line becomes the invoice's `fundedCents`.
 *
 * Numbers are derived (F-YYYY-MM-<organisation code>, A-YYYY-MM-<first 8 of the interpreter id>);
 * there is no persisted invoice sequence yet.
 */
import { sql } from 'drizzle-orm';
import type { ActorContext } from '../../platform/context';
import { csvDecimal as decimal, csvDocument, csvField as field } from '../../platform/csv';
import { queryRows, withTenant } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { requirePermission, scopeOf } from '../access';
import type { InterpretingDeps } from './interpreting.service';
import type { Charge } from './rules/stv';

export type ChargeLineCode = Charge['lines'][number]['code'];

/** What an invoice line and a statement line share: the assignment the charge belongs to. */
interface ChargedAssignment {
  assignmentId: string;
  requestId: string;
  /** Belgian date of the assignment (YYYY-MM-DD). */
  date: string;
  channel: string;
  language: string;
  kind: 'completed' | 'late-cancellation';
}

export interface InvoiceLine extends ChargedAssignment {
  code: Exclude<ChargeLineCode, 'ukraine-funded'>;
  quantity: number;
  /** The tariff value of the line. */
  grossCents: number;
  /** What the customer is charged: the gross value, or 0 for a Ukrainian-crisis funded assignment. */
  cents: number;
  funded: boolean;
  ruleSetId: string;
}

export interface Invoice {
  number: string;
  month: string;
  organisation: { id: string; code: string; name: string };
  lines: InvoiceLine[];
  assignments: number;
  grossCents: number;
  fundedCents: number;
  totalCents: number;
  ruleSetIds: string[];
}

export interface StatementLine extends ChargedAssignment {
  /** Minutes worked including waiting time (0 for a late cancellation). */
  minutes: number;
  travelKm: number;
  cents: number;
  ruleSetId: string;
}

export interface Statement {
  number: string;
  month: string;
  interpreter: { id: string; name: string };
  lines: StatementLine[];
  totalCents: number;
  ruleSetIds: string[];
}

export interface MonthlyBilling {
  month: string;
  invoices: Invoice[];
  statements: Statement[];
}

interface ChargeRow {
  assignment_id: string;
  request_id: string;
  interpreter_id: string;
  interpreter_name: string;
  status: 'completed' | 'cancelled';
  day: string;
  actual_minutes: number | null;
  waiting_minutes: number | null;
  travel_km: number | null;
  charge: Charge;
  organisation_id: string;
  organisation_code: string;
  organisation_name: string;
  channel: string;
  language: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function checkMonth(month: string): void {
  if (!MONTH.test(month)) throw new AppError('validation', { fields: [{ field: 'month', code: 'invalid' }] });
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

const sumOf = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);

/** Builds the invoices and statements from charge rows: pure, so the totals can be checked without a database. */
export function buildBilling(month: string, rows: readonly ChargeRow[]): MonthlyBilling {
  const invoices = new Map<string, Invoice>();
  const statements = new Map<string, Statement>();
  for (const row of rows) {
    const kind = row.status === 'completed' ? 'completed' : 'late-cancellation';
    const charge = row.charge;
    const funded = charge.lines.some((l) => l.code === 'ukraine-funded');
    const assignment: ChargedAssignment = { assignmentId: row.assignment_id, requestId: row.request_id, date: row.day, channel: row.channel, language: row.language, kind };
    let invoice = invoices.get(row.organisation_id);
    if (!invoice) {
      invoice = {
        number: `F-${month}-${row.organisation_code}`,
        month,
        organisation: { id: row.organisation_id, code: row.organisation_code, name: row.organisation_name },
        lines: [],
        assignments: 0,
        grossCents: 0,
        fundedCents: 0,
        totalCents: 0,
        ruleSetIds: [],
      };
      invoices.set(row.organisation_id, invoice);
    }
    invoice.assignments += 1;
    const lines: InvoiceLine[] = [];
    for (const l of charge.lines) {
      if (l.code === 'ukraine-funded') continue;
      lines.push({
        ...assignment,
        code: l.code,
        quantity: l.quantity,
        grossCents: l.cents,
        cents: funded ? 0 : l.cents,
        funded,
        ruleSetId: charge.ruleSetId,
      });
    }
    // The lines charged must add up to what the rules charged the customer.
    if (sumOf(lines.map((l) => l.cents)) !== charge.customerCents) {
      throw new Error(`billing: lines of assignment ${row.assignment_id} do not add up to the stored charge`);
    }
    invoice.lines.push(...lines);
    invoice.grossCents += sumOf(lines.map((l) => l.grossCents));
    invoice.fundedCents += funded ? sumOf(lines.map((l) => l.grossCents)) : 0;
    invoice.totalCents += charge.customerCents;
    if (!invoice.ruleSetIds.includes(charge.ruleSetId)) invoice.ruleSetIds.push(charge.ruleSetId);

    let statement = statements.get(row.interpreter_id);
    if (!statement) {
      statement = { number: `A-${month}-${row.interpreter_id.slice(0, 8)}`, month, interpreter: { id: row.interpreter_id, name: row.interpreter_name }, lines: [], totalCents: 0, ruleSetIds: [] };
      statements.set(row.interpreter_id, statement);
    }
    statement.lines.push({
      ...assignment,
      minutes: kind === 'completed' ? (row.actual_minutes ?? 0) + (row.waiting_minutes ?? 0) : 0,
      travelKm: Number(row.travel_km ?? 0),
      cents: charge.interpreterCents,
      ruleSetId: charge.ruleSetId,
    });
    statement.totalCents += charge.interpreterCents;
    if (!statement.ruleSetIds.includes(charge.ruleSetId)) statement.ruleSetIds.push(charge.ruleSetId);
  }
  return {
    month,
    invoices: [...invoices.values()].sort((a, b) => a.organisation.name.localeCompare(b.organisation.name) || a.number.localeCompare(b.number)),
    statements: [...statements.values()].sort((a, b) => a.interpreter.name.localeCompare(b.interpreter.name) || a.number.localeCompare(b.number)),
  };
}

/** The invoices and statements of a month (YYYY-MM, Belgian time). Permission `interpreting.desk`. */
export async function monthlyBilling(deps: InterpretingDeps, ctx: ActorContext, month: string): Promise<MonthlyBilling> {
  requirePermission(ctx, 'interpreting.desk');
  checkMonth(month);
  const from = `${month}-01`;
  const to = `${nextMonth(month)}-01`;
  const rows = await withTenant(deps.db, scopeOf(ctx), (tx) =>
    queryRows<ChargeRow>(
      tx,
      sql`select * from (
          select s.id as assignment_id, s.request_id, s.interpreter_id, i.name as interpreter_name, s.status,
            to_char(coalesce(s.starts_at, r.closed_at) at time zone 'Europe/Brussels', 'YYYY-MM-DD') as day,
            s.actual_minutes, s.waiting_minutes, s.travel_km::float8 as travel_km, s.ranking->'charge' as charge,
            r.customer_organisation_id as organisation_id, o.code as organisation_code, o.name as organisation_name, r.channel, r.language
          from interpreting_assignments s
            join interpreting_requests r on r.id = s.request_id
            join interpreters i on i.id = s.interpreter_id
            join organisations o on o.id = r.customer_organisation_id
          where s.status in ('completed', 'cancelled') and jsonb_typeof(s.ranking->'charge') = 'object'
            and coalesce(s.starts_at, r.closed_at) >= (${from}::date - 1) and coalesce(s.starts_at, r.closed_at) < (${to}::date + 1)
        ) c
        where c.day >= ${from} and c.day < ${to}
        order by c.day, c.assignment_id`,
    ),
  );
  return buildBilling(month, rows);
}

// ---------------------------------------------------------------------------------------------
// CSV for accounting

/** Euro with a decimal comma and no thousands separator, as Belgian accounting imports expect: 1234,50 / -8,00. */
export function euro(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

export const CSV_HEADER = ['document', 'number', 'month', 'party_code', 'party_name', 'date', 'assignment', 'request', 'channel', 'language', 'kind', 'line', 'quantity', 'gross_eur', 'amount_eur', 'funding', 'rule_set'];

/**
 * The accounting export: semicolon-separated, one line per invoice line (customer) and one per
 * statement line (interpreter), amounts in euro with a decimal comma, UTF-8 with a byte-order mark
 * and CRLF line ends (what Excel and the Belgian accounting packages read without a wizard).
 */
export function billingCsv(billing: MonthlyBilling): string {
  const lines: string[][] = [CSV_HEADER];
  for (const inv of billing.invoices) {
    for (const l of inv.lines) {
      lines.push(
        [
          field('invoice'), field(inv.number), field(inv.month), field(inv.organisation.code), field(inv.organisation.name), field(l.date), field(l.assignmentId), field(l.requestId),
          field(l.channel), field(l.language), field(l.kind), field(l.code), field(decimal(l.quantity), false), field(euro(l.grossCents), false), field(euro(l.cents), false),
          field(l.funded ? 'ukraine-crisis' : ''), field(l.ruleSetId),
        ],
      );
    }
  }
  for (const st of billing.statements) {
    for (const l of st.lines) {
      lines.push(
        [
          field('statement'), field(st.number), field(st.month), field(st.interpreter.id.slice(0, 8)), field(st.interpreter.name), field(l.date), field(l.assignmentId), field(l.requestId),
          field(l.channel), field(l.language), field(l.kind), field('interpreter-fee'), field(decimal(l.minutes), false), field(euro(l.cents), false), field(euro(l.cents), false),
          field(''), field(l.ruleSetId),
        ],
      );
    }
  }
  return csvDocument(lines);
}
