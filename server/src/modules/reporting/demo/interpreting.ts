/**
 * Social interpreting for the demo population: a register and customer organisations in the
 * agency's area, and every year's requests with their offers and assignments from the shared
 * synthetic generator, with the channel mix of the year and the 2023 outcomes per channel (Fig. 49).
 */
import type { Rng } from '../../../platform/rng';
import type { Channel } from '../../interpreting/rules/stv';
import { addAbsences, forgetLiveBefore, generateRequests, makeInterpreter, SYNTHETIC_SECTORS, TOWNS, type Outcomes, type SyntheticInterpreter } from '../../interpreting/synthetic';
import { STV_2023 } from './published';
import type { RowSink } from './rows';

const DAY = 86_400_000;
/**
 * Where the agency's customers are: Antwerp and Ghent have their own interpreting services, and in
 * Brussels most requests go to Brussel Onthaal, so Brussels weighs like a Flemish town here.
 */
const AGENCY_TOWNS = TOWNS.filter((t) => t.region !== 'ANT' && t.region !== 'GNT').map((t) => (t.region === 'BR' ? { ...t, weight: 5 } : t));

/** Requests of a year relative to 2023 (+19 % on 2022, Fig. 49; video since December 2020). */
const STV_INDEX: Readonly<Record<number, number>> = { 2016: 0.6, 2017: 0.62, 2018: 0.65, 2019: 0.68, 2020: 0.6, 2021: 0.72, 2022: 1 / 1.19, 2023: 1, 2024: 1.05, 2025: 1.08, 2026: 1.1 };

function channelMix(year: number): ReadonlyArray<readonly [Channel, number]> {
  if (year <= 2020) return [['on-site', 40], ['phone', 57], ['video', year === 2020 ? 0.3 : 0], ['translation', 3]];
  if (year === 2021) return [['on-site', 36], ['phone', 52], ['video', 9], ['translation', 3]];
  if (year === 2022) return [['on-site', 34], ['phone', 51], ['video', 12.6], ['translation', 2.4]];
  return (Object.entries(STV_2023) as Array<[Channel, (typeof STV_2023)[Channel]]>).map(([channel, row]) => [channel, row.requests] as const);
}

/** Fig. 49 per channel: answered, cancelled of the answered, another reason of the unanswered. */
const OUTCOMES = Object.fromEntries(
  (Object.entries(STV_2023) as Array<[Channel, (typeof STV_2023)[Channel]]>).map(([channel, r]) => [
    channel,
    { answered: r.answered / r.requests, cancelled: (r.answered - r.completed) / r.answered, otherReason: r.otherReason / r.notAnswered } satisfies Outcomes,
  ]),
) as Record<Channel, Outcomes>;

export class InterpretingYears {
  readonly interpreters: SyntheticInterpreter[];
  readonly customers: string[];

  constructor(
    private readonly rng: Rng,
    sink: RowSink,
    scale: number,
    createdAt: string,
  ) {
    this.interpreters = Array.from({ length: Math.max(60, Math.round(1200 * scale)) }, (_, n) => makeInterpreter(rng, n));
    this.customers = Array.from({ length: Math.max(8, Math.round(60 * scale)) }, (_, n) => {
      const id = rng.uuid();
      const sector = SYNTHETIC_SECTORS[n % SYNTHETIC_SECTORS.length]!;
      const town = AGENCY_TOWNS[n % AGENCY_TOWNS.length]!;
      sink.add('organisations', { id, kind: 'partner', partner_type: 'interpreter-customer', code: `demo-stv-klant-${n + 1}`, name: `Demo ${sector} ${town.name} ${n + 1}`, requires_mfa: false, created_at: createdAt });
      return id;
    });
  }

  /** A year of requests from `from` to `to` (ms), resolved up to `now`: absences of the year, then the requests. */
  year(year: number, from: number, to: number, now: number, scale: number) {
    forgetLiveBefore(this.interpreters, from - 2 * DAY);
    for (const i of this.interpreters) i.absences = [];
    addAbsences(this.rng, this.interpreters, from, to);
    const fraction = (to - from) / (365 * DAY);
    const count = Math.round(78272 * (STV_INDEX[year] ?? 0.7) * scale * fraction);
    return generateRequests(this.rng, this.interpreters, {
      from,
      to,
      now,
      count,
      customers: this.customers,
      channelMix: channelMix(year),
      outcomes: OUTCOMES,
      towns: AGENCY_TOWNS,
      regionForEveryChannel: true,
      ukraineCrisis: year === 2022 || year === 2023,
    });
  }
}
