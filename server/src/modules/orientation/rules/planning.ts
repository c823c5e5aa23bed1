/**
 * Planning MO — the pure rules of the course and test planning: the waiting order, the waiting
 * figures (R-20: nobody should wait more than six months after the contract for MO), the time slot
 * of a session, the video interpreter for test languages the centre does not offer, and the
 * attended hours. No dates from the law live here; the six months come from the rule set.
 */
import { addDays, addMonths } from '../../trajectory/rules/dates';
import { ruleSetOn, type RuleArea } from '../../trajectory/rules/rule-sets';

/** One person on the MO waiting list: a running contract whose MO pillar is open, not enrolled. */
export interface WaitingEntry {
  personId: string;
  dossierId: string;
  language: string;
  region: string | null;
  area: RuleArea;
  /** The contract date: the wait is counted from it, and a drop-out keeps it. */
  waitingSince: string;
}

/** Waiting people counted together: same language, region, area and waiting date. */
export type WaitingGroup = Pick<WaitingEntry, 'language' | 'region' | 'area' | 'waitingSince'> & { count: number };

/** Longest wait first; the dossier id breaks ties so the order is the same every time. */
export function byWaitingOrder(a: WaitingEntry, b: WaitingEntry): number {
  return a.waitingSince.localeCompare(b.waitingSince) || a.dossierId.localeCompare(b.dossierId);
}

/** The date on which the entry passes the six-month target (R-20, from the rule set of the contract). */
export function sixMonthMark(entry: Pick<WaitingEntry, 'waitingSince' | 'area'>): string {
  return addMonths(entry.waitingSince, ruleSetOn(entry.waitingSince, entry.area).followUp.moStartTargetMonths);
}

export interface WaitingFigures {
  language: string;
  region: string | null;
  waiting: number;
  /** Already past six months after the contract. */
  overSixMonths: number;
  /** Will pass six months within the horizon unless they get a place. */
  passingWithinHorizon: number;
  longestWaitDays: number;
  averageWaitDays: number;
  oldestWaitingSince: string | null;
}

const DAY_MS = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** The figures per language and region, sorted by the number over six months, then by size. */
export function waitingFigures(entries: readonly WaitingGroup[], today: string, horizonDays: number): { groups: WaitingFigures[]; total: number; overSixMonths: number } {
  const horizon = addDays(today, horizonDays);
  const groups = new Map<string, WaitingFigures & { sumDays: number }>();
  let over = 0;
  let total = 0;
  for (const entry of entries) {
    const n = entry.count;
    total += n;
    const key = `${entry.language}|${entry.region ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      group = { language: entry.language, region: entry.region, waiting: 0, overSixMonths: 0, passingWithinHorizon: 0, longestWaitDays: 0, averageWaitDays: 0, oldestWaitingSince: null, sumDays: 0 };
      groups.set(key, group);
    }
    const waited = Math.max(0, days(entry.waitingSince, today));
    const mark = sixMonthMark(entry);
    group.waiting += n;
    group.sumDays += waited * n;
    group.longestWaitDays = Math.max(group.longestWaitDays, waited);
    if (group.oldestWaitingSince === null || entry.waitingSince < group.oldestWaitingSince) group.oldestWaitingSince = entry.waitingSince;
    if (mark < today) {
      group.overSixMonths += n;
      over += n;
    } else if (mark <= horizon) group.passingWithinHorizon += n;
  }
  const list = [...groups.values()].map(({ sumDays, ...g }) => ({ ...g, averageWaitDays: g.waiting ? Math.round(sumDays / g.waiting) : 0 }));
  list.sort((a, b) => b.overSixMonths - a.overSixMonths || b.waiting - a.waiting || a.language.localeCompare(b.language));
  return { groups: list, total, overSixMonths: over };
}

/**
 * Whether taking `chosen` now passes over someone in the same language and region who waited
 * longer: then the planner must record why (a manual exception).
 */
export function passesOver(chosen: WaitingEntry, list: readonly WaitingEntry[]): WaitingEntry[] {
  return list.filter((other) => other.dossierId !== chosen.dossierId && other.language === chosen.language && other.region === chosen.region && byWaitingOrder(other, chosen) < 0);
}

/** Lesmoment: day, evening (from 17:00) or weekend, in Belgian time. */
export function sessionSlot(startsAt: Date): 'day' | 'evening' | 'weekend' {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', weekday: 'short', hour: '2-digit', hourCycle: 'h23' }).formatToParts(startsAt);
  const weekday = parts.find((p) => p.type === 'weekday')?.value;
  const hour = Number(parts.find((p) => p.type === 'hour')?.value);
  if (weekday === 'Sat' || weekday === 'Sun') return 'weekend';
  return hour >= 17 ? 'evening' : 'day';
}

/** a test in a language the centre does not offer is taken with a video interpreter. */
export function needsVideoInterpreter(language: string, centreLanguages: readonly string[]): boolean {
  return !centreLanguages.includes(language);
}

/** Hours attended: the sum of the sessions the person was present at. */
export function attendedHours(sessions: ReadonlyArray<{ id: string; startsAt: Date; endsAt: Date }>, presentSessionIds: ReadonlySet<string>): number {
  const ms = sessions.filter((s) => presentSessionIds.has(s.id)).reduce((sum, s) => sum + (s.endsAt.getTime() - s.startsAt.getTime()), 0);
  return Math.round((ms / 3_600_000) * 100) / 100;
}
