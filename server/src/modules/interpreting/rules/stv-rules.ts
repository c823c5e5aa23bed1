/**
 * Regels sociaal tolken en vertalen (STV) as dated data: lead time, cancellation, tariffs and the
 * Ukrainian-crisis funding. Sources are the STV- rules of rules-public-sources.md with their
 * confidence; values marked R are placeholders to confirm with the agencies.
 */
import { versionOn } from '../../trajectory/rules/rule-sets';

export interface StvRules {
  id: string;
  effectiveFrom: string;
  /** Request at least this many working days ahead (STV-04, C, 2020). Shorter is accepted and flagged. */
  leadTimeWorkingDays: number;
  /** Free cancellation until this hour (Belgian time) on the working day before (STV-08, C). */
  freeCancellationUntilHour: number;
  /** Late cancellation fee in euro cents (STV-08, C: €8) plus transport if the interpreter is en route. */
  lateCancellationCents: number;
  /** Customer price: first hour flat, then per started quarter (STV-05, C: €8 and €2). */
  firstHourCents: number;
  perStartedQuarterCents: number;
  /** Minimum billed duration in minutes (STV-09, C: one hour). */
  minimumMinutes: number;
  /** Transport per km and the cap (STV-05, C: €0.33/km, max 150 km). */
  perKmCents: number;
  maxBilledKm: number;
  /** Interpreter pay per hour, certified (STV-06, C: €48 from 2020); others the same until confirmed (R). */
  interpreterHourCents: number;
  /** Requests for Ukrainian temporary-protection clients are free for the customer in this period (R: period to confirm). */
  ukraineFreeFrom: string | null;
  ukraineFreeUntil: string | null;
}

const STV_2017: StvRules = {
  id: 'stv-2017-03',
  effectiveFrom: '2017-03-01',
  leadTimeWorkingDays: 2,
  freeCancellationUntilHour: 10,
  lateCancellationCents: 800,
  firstHourCents: 800,
  perStartedQuarterCents: 200,
  minimumMinutes: 60,
  perKmCents: 33,
  maxBilledKm: 150,
  interpreterHourCents: 4500,
  ukraineFreeFrom: null,
  ukraineFreeUntil: null,
};

/** From 2020 the certified interpreter's hour is €48 (STV-06). */
const STV_2020: StvRules = { ...STV_2017, id: 'stv-2020', effectiveFrom: '2020-01-01', interpreterHourCents: 4800 };

/** Ukrainian crisis (March 2022): free for the customer; end date not in the sources (R). */
const STV_2022_03: StvRules = { ...STV_2020, id: 'stv-2022-03', effectiveFrom: '2022-03-01', ukraineFreeFrom: '2022-03-01', ukraineFreeUntil: '2023-12-31' };

export const STV_RULE_SETS: readonly StvRules[] = [STV_2017, STV_2020, STV_2022_03];

export function stvRulesOn(date: string): StvRules {
  const found = versionOn(STV_RULE_SETS, date);
  if (!found) throw new RangeError(`no STV rules before ${STV_RULE_SETS[0]!.effectiveFrom}: ${date}`);
  return found;
}
