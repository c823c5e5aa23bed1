/**
 * The pure STV rules: who may interpret what, working days and cancellation (STV-04,
 * STV-08), what a completed or cancelled assignment costs the customer and pays the interpreter
 * (STV-05, STV-06, STV-09), and the place of a request in the published table (figure 49).
 */
import { stvRulesOn, type StvRules } from './stv-rules';

export const CHANNELS = ['on-site', 'phone', 'video', 'translation'] as const;
export type Channel = (typeof CHANNELS)[number];
export const LANGUAGE_STATUSES = ['certified', 'sworn', 'in-training', 'crisis', 'language-helper'] as const;
export type LanguageStatus = (typeof LANGUAGE_STATUSES)[number];

/** certified (or sworn) interpreters for sensitive conversations; crisis interpreters and language helpers for routine ones. */
export function allowedStatuses(sensitive: boolean): LanguageStatus[] {
  return sensitive ? ['certified', 'sworn'] : ['certified', 'sworn', 'crisis', 'language-helper'];
}

const TZ = 'Europe/Brussels';

/** Date (YYYY-MM-DD) and hour of an instant in Belgian time. */
export function belgianDateHour(at: Date): { date: string; hour: number; weekday: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23', weekday: 'short' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday!) + 1;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour), weekday };
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

/** The working day before `date` (weekends skipped; public holidays are not known yet). */
export function previousWorkingDay(date: string): string {
  let day = addDays(date, -1);
  while (isWeekend(day)) day = addDays(day, -1);
  return day;
}

/** How many working days before `to` the day `from` is: Thursday is two working days before Monday. */
export function workingDaysBefore(from: string, to: string): number {
  let count = 0;
  for (let day = from; day < to; day = addDays(day, 1)) if (!isWeekend(day)) count += 1;
  return count;
}

/** STV-04: was the request made with less than the lead time? Accepted, but flagged for the desk. */
export function isShortNotice(requestedAt: Date, startsAt: Date, rules: StvRules = stvRulesOn(belgianDateHour(startsAt).date)): boolean {
  return workingDaysBefore(belgianDateHour(requestedAt).date, belgianDateHour(startsAt).date) < rules.leadTimeWorkingDays;
}

/** STV-08: free until 10:00 on the working day before the execution date, late after that. */
export function cancellationTiming(startsAt: Date, cancelledAt: Date, rules: StvRules = stvRulesOn(belgianDateHour(startsAt).date)): 'on-time' | 'late' {
  const deadlineDay = previousWorkingDay(belgianDateHour(startsAt).date);
  const at = belgianDateHour(cancelledAt);
  if (at.date < deadlineDay) return 'on-time';
  if (at.date === deadlineDay && at.hour < rules.freeCancellationUntilHour) return 'on-time';
  return 'late';
}

export interface Charge {
  /** Customer price in euro cents. */
  customerCents: number;
  /** What the interpreter is paid, in euro cents. */
  interpreterCents: number;
  lines: Array<{ code: 'first-hour' | 'quarters' | 'transport' | 'late-cancellation' | 'ukraine-funded'; cents: number; quantity: number }>;
  ruleSetId: string;
}

/**
 * STV-05, STV-09: the customer pays the first hour flat and every started quarter after it, with a
 * one-hour minimum, plus transport for on-site work (capped); Ukrainian-crisis requests in the
 * funded period cost the customer nothing. The interpreter is paid per hour of billed time.
 */
export function completedCharge(input: { date: string; channel: Channel; actualMinutes: number; travelKm: number; ukraineCrisis: boolean }): Charge {
  const rules = stvRulesOn(input.date);
  const minutes = Math.max(rules.minimumMinutes, input.actualMinutes);
  const quarters = Math.max(0, Math.ceil((minutes - 60) / 15));
  const km = input.channel === 'on-site' ? Math.min(rules.maxBilledKm, Math.max(0, input.travelKm)) : 0;
  const lines: Charge['lines'] = [
    { code: 'first-hour', cents: rules.firstHourCents, quantity: 1 },
    ...(quarters ? [{ code: 'quarters' as const, cents: quarters * rules.perStartedQuarterCents, quantity: quarters }] : []),
    ...(km ? [{ code: 'transport' as const, cents: Math.round(km * rules.perKmCents), quantity: km }] : []),
  ];
  let customerCents = lines.reduce((sum, l) => sum + l.cents, 0);
  if (ukraineFunded(input.date, input.ukraineCrisis, rules)) {
    lines.push({ code: 'ukraine-funded', cents: -customerCents, quantity: 1 });
    customerCents = 0;
  }
  const interpreterCents = Math.round((minutes / 60) * rules.interpreterHourCents) + (km ? Math.round(km * rules.perKmCents) : 0);
  return { customerCents, interpreterCents, lines, ruleSetId: rules.id };
}

/** STV-08, STV-10: a late cancellation costs the fee, plus transport if the interpreter was already en route. */
export function lateCancellationCharge(input: { date: string; travelKm: number; ukraineCrisis: boolean }): Charge {
  const rules = stvRulesOn(input.date);
  const km = Math.min(rules.maxBilledKm, Math.max(0, input.travelKm));
  const lines: Charge['lines'] = [
    { code: 'late-cancellation', cents: rules.lateCancellationCents, quantity: 1 },
    ...(km ? [{ code: 'transport' as const, cents: Math.round(km * rules.perKmCents), quantity: km }] : []),
  ];
  let customerCents = lines.reduce((sum, l) => sum + l.cents, 0);
  if (ukraineFunded(input.date, input.ukraineCrisis, rules)) {
    lines.push({ code: 'ukraine-funded', cents: -customerCents, quantity: 1 });
    customerCents = 0;
  }
  // The interpreter keeps the fee for a late cancellation (STV-10 compensates like it).
  return { customerCents, interpreterCents: rules.lateCancellationCents + (km ? Math.round(km * rules.perKmCents) : 0), lines, ruleSetId: rules.id };
}

function ukraineFunded(date: string, crisis: boolean, rules: StvRules): boolean {
  return crisis && rules.ukraineFreeFrom !== null && date >= rules.ukraineFreeFrom && (rules.ukraineFreeUntil === null || date <= rules.ukraineFreeUntil);
}

/** The row of the published table (figure 49) a request counts in. */
export type TableRow = 'completed' | 'not-completed' | 'not-answered-unavailable' | 'not-answered-other' | 'in-progress';

export function tableRow(request: { status: string; outcome: string | null }): TableRow {
  if (request.status === 'completed') return 'completed';
  if (request.status === 'not-completed') return 'not-completed';
  if (request.status === 'not-answered') return request.outcome === 'other' ? 'not-answered-other' : 'not-answered-unavailable';
  return 'in-progress';
}
