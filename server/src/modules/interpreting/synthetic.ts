/**
 * Synthetic interpreting data for the benchmarks and the demo population: a register of fictitious
 * interpreters (languages with a long tail, Arabic variants, statuses, channels, weekly windows,
 * absences, places across Flanders and Brussels) and requests with their offers and assignments,
 * shaped as the interpreting service writes them. Pure: a seeded Rng in, rows out; the SQL is in
 * interpreting.queries.ts. Not used by the platform itself.
 */
import type { Rng } from '../../platform/rng';
import type { Channel } from './rules/stv';

const DAY = 86_400_000;

/** 60 languages, most asked first; weights follow a long tail (1 / rank^1.1). */
export const SYNTHETIC_LANGUAGES = [
  'ar', 'prs', 'uk', 'ti', 'ps', 'ru', 'tr', 'so', 'fa', 'kmr', 'ckb', 'am', 'ro', 'bg', 'pl', 'es', 'pt', 'sq', 'sr', 'bs',
  'mk', 'hy', 'ka', 'az', 'ur', 'pa', 'hi', 'bn', 'ta', 'ne', 'zh', 'vi', 'th', 'tl', 'ln', 'sw', 'ha', 'yo', 'ig', 'ff',
  'wo', 'om', 'rw', 'rn', 'ber', 'uz', 'tg', 'tk', 'mn', 'ky', 'ug', 'si', 'my', 'km', 'lo', 'ko', 'ja', 'he', 'el', 'it',
] as const;
const LANGUAGE_WEIGHTS: [number, number][] = SYNTHETIC_LANGUAGES.map((_, rank) => [rank, 1 / (rank + 1) ** 1.1]);
const ARABIC_VARIANTS: [string, number][] = [['', 30], ['levantine', 25], ['maghrebi', 20], ['iraqi', 10], ['egyptian', 8], ['gulf', 4], ['sudanese', 3]];
const STATUSES: [string, number][] = [['certified', 40], ['sworn', 4], ['crisis', 10], ['language-helper', 30], ['in-training', 16]];

/** A town where interpreters live and customers ask for them; `region` as the interpreting API takes it. */
export interface Town {
  name: string;
  postalCode: string;
  lat: number;
  lon: number;
  region: string;
  weight: number;
}

const town = (name: string, postalCode: string, lat: number, lon: number, region: string, weight: number): Town => ({ name, postalCode, lat, lon, region, weight });

/** Towns across Flanders and Brussels, the two cities with their own agency included. */
export const TOWNS: readonly Town[] = [
  town('Antwerpen', '2000', 51.2194, 4.4025, 'ANT', 20), town('Gent', '9000', 51.0543, 3.7174, 'GNT', 14), town('Brussel', '1000', 50.8503, 4.3517, 'BR', 18),
  town('Leuven', '3000', 50.8798, 4.7005, 'VB', 6), town('Brugge', '8000', 51.2093, 3.2247, 'WV', 5), town('Hasselt', '3500', 50.9307, 5.3325, 'LI', 5),
  town('Mechelen', '2800', 51.0259, 4.4776, 'PA', 5), town('Kortrijk', '8500', 50.828, 3.2649, 'WV', 4), town('Aalst', '9300', 50.9378, 4.0403, 'OV', 3),
  town('Genk', '3600', 50.965, 5.5, 'LI', 4), town('Oostende', '8400', 51.2154, 2.928, 'WV', 3), town('Sint-Niklaas', '9100', 51.165, 4.143, 'OV', 3),
  town('Turnhout', '2300', 51.3226, 4.9446, 'PA', 3), town('Vilvoorde', '1800', 50.9281, 4.4258, 'VB', 3),
];

/** Sectors of the requesting organisations (the values the request API takes). */
export const SYNTHETIC_SECTORS = ['health', 'welfare', 'education', 'public-service', 'justice-police', 'integration', 'housing', 'employment'] as const;

export interface SyntheticInterpreter {
  id: string;
  /** Numbers the name, e-mail address and phone number. */
  number: number;
  name: string;
  town: Town;
  lat: number;
  lon: number;
  maxTravelKm: number;
  languages: { language: string; variant: string; status: string; channels: string[] }[];
  availability: { weekday: number; starts: string; ends: string }[];
  absences: { startsAt: number; endsAt: number }[];
  /** Live intervals (ms) while generating, to keep assignments of one interpreter from overlapping. */
  live: [number, number][];
}

export interface SyntheticRequest {
  id: string;
  customer: string;
  channel: Channel;
  language: string;
  variant: string;
  startsAt: number | null;
  minutes: number | null;
  deadline: string | null;
  /** Where the customer is; on-site requests take place there. */
  town: Town;
  lat: number | null;
  lon: number | null;
  region: string | null;
  sector: string;
  sensitive: boolean;
  ukraine: boolean;
  status: string;
  outcome: string | null;
  cancelledBy: string | null;
  closedAt: number | null;
  createdAt: number;
}

export interface SyntheticAssignment {
  id: string;
  request: string;
  interpreter: string;
  status: string;
  startsAt: number | null;
  endsAt: number | null;
  offeredAt: number;
  respondedAt: number | null;
  actualMinutes: number | null;
  cancelledBy: string | null;
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const townWeights = (towns: readonly Town[]) => towns.map((t, i) => [i, t.weight] as const);

/** A language of the long tail, most asked first. */
export const syntheticLanguage = (rng: Rng): string => SYNTHETIC_LANGUAGES[rng.weighted(LANGUAGE_WEIGHTS)]!;

/** One fictitious interpreter (`n` numbers the name) living in one of `towns`. */
export function makeInterpreter(rng: Rng, n: number, towns: readonly Town[] = TOWNS): SyntheticInterpreter {
  const home = towns[rng.weighted(townWeights(towns))]!;
  const count = rng.weighted([[1, 50], [2, 35], [3, 15]] as const);
  const languages: SyntheticInterpreter['languages'] = [];
  const seen = new Set<string>();
  for (let k = 0; k < count; k++) {
    const language = syntheticLanguage(rng);
    const variants = language === 'ar' ? [...new Set([rng.weighted(ARABIC_VARIANTS), ...(rng.chance(0.3) ? [rng.weighted(ARABIC_VARIANTS)] : [])])] : [''];
    for (const variant of variants) {
      if (seen.has(`${language}|${variant}`)) continue;
      seen.add(`${language}|${variant}`);
      const status = language === 'uk' && rng.chance(0.4) ? 'crisis' : rng.weighted(STATUSES);
      const channels = (['on-site', 'phone', 'video', 'translation'] as const).filter((_, i) => rng.chance([0.75, 0.85, 0.7, 0.15][i]!));
      languages.push({ language, variant, status, channels: channels.length ? channels : ['phone'] });
    }
  }
  const availability: SyntheticInterpreter['availability'] = [];
  const kind = rng.weighted([['always', 10], ['weekdays', 55], ['part-time', 20], ['split', 8], ['weekends-too', 7]] as const);
  const start = rng.int(28, 40) * 15; // 07:00–10:00
  const end = rng.int(64, 80) * 15; // 16:00–20:00
  if (kind === 'weekdays' || kind === 'weekends-too') {
    for (let d = 1; d <= (kind === 'weekends-too' ? 7 : 5); d++) availability.push({ weekday: d, starts: hhmm(start), ends: hhmm(end) });
  } else if (kind === 'part-time') {
    const days = [1, 2, 3, 4, 5].filter(() => rng.chance(0.5));
    for (const d of days.length ? days : [rng.int(1, 5)]) availability.push({ weekday: d, starts: hhmm(start), ends: hhmm(end) });
  } else if (kind === 'split') {
    for (let d = 1; d <= 5; d++) availability.push({ weekday: d, starts: hhmm(start), ends: '12:00' }, { weekday: d, starts: '13:00', ends: hhmm(end) });
  }
  return {
    id: rng.uuid(),
    number: n,
    name: `Tolk ${String(n).padStart(5, '0')} ${home.name}`,
    town: home,
    lat: home.lat + (rng.next() - 0.5) * 0.16,
    lon: home.lon + (rng.next() - 0.5) * 0.24,
    maxTravelKm: rng.weighted([[20, 15], [40, 30], [60, 35], [100, 20]] as const),
    languages,
    availability,
    absences: [],
    live: [],
  };
}

/** Leave and sickness: a quarter of the interpreters get one to four absences between `from` and `to` (ms). */
export function addAbsences(rng: Rng, interpreters: readonly SyntheticInterpreter[], from: number, to: number): void {
  for (const i of interpreters) {
    if (!rng.chance(0.25)) continue;
    for (let k = rng.int(1, 4); k > 0; k--) {
      const startsAt = Math.floor((from + rng.next() * (to - from + 30 * DAY)) / DAY) * DAY - 3_600_000;
      i.absences.push({ startsAt, endsAt: startsAt + rng.int(1, 21) * DAY });
    }
  }
}

/** Forgets live intervals that ended before `t`: later requests cannot overlap them (keeps the overlap check short). */
export function forgetLiveBefore(interpreters: readonly SyntheticInterpreter[], t: number): void {
  for (const i of interpreters) i.live = i.live.filter(([, end]) => end >= t);
}

/**
 * What becomes of a request that lies in the past, per channel: the share answered, of those the
 * share cancelled (not completed), and of the unanswered the share for another reason than no
 * interpreter (when the language has speakers at all; without speakers it is 'language-unavailable').
 */
export interface Outcomes {
  answered: number;
  cancelled: number;
  otherReason: number;
}

export interface RequestOptions {
  /** Requests are spread over [from, to) (ms); `now` splits the past (resolved) from the future (open, offered, assigned). */
  from: number;
  to: number;
  now: number;
  count: number;
  customers: readonly string[];
  channelMix: readonly (readonly [Channel, number])[];
  outcomes: Readonly<Record<Channel, Outcomes>>;
  /** Where the customers are; default: all of TOWNS. */
  towns?: readonly Town[];
  /** Also give phone, video and translation requests the region of the customer (default: on-site only). */
  regionForEveryChannel?: boolean;
  /** Ukrainian requests counted as the free crisis service (2022–2023). */
  ukraineCrisis?: boolean;
}

/** The bench's year: 80 % answered, 12 % of those cancelled, a third of the unanswered for another reason. */
export const BENCH_OUTCOMES: Readonly<Record<Channel, Outcomes>> = {
  'on-site': { answered: 0.8, cancelled: 0.12, otherReason: 1 / 3 },
  phone: { answered: 0.8, cancelled: 0.12, otherReason: 1 / 3 },
  video: { answered: 0.8, cancelled: 0.12, otherReason: 1 / 3 },
  translation: { answered: 0.8, cancelled: 0.12, otherReason: 1 / 3 },
};

/**
 * Requests with their offers and assignments. Past requests are answered (then completed or
 * cancelled by the customer or the desk) or not answered; some were declined or withdrawn by an
 * interpreter first. Future ones are assigned, offered or still open. `interpreters` take the work;
 * an interpreter is never given two overlapping live assignments.
 */
export function generateRequests(rng: Rng, interpreters: readonly SyntheticInterpreter[], options: RequestOptions) {
  const { from, to, now } = options;
  const towns = options.towns ?? TOWNS;
  // Who can take what: language|channel → interpreter indices.
  const pools = new Map<string, number[]>();
  interpreters.forEach((it, idx) => {
    for (const l of it.languages) for (const c of l.channels) {
      const key = `${l.language}|${c}`;
      if (!pools.get(key)?.push(idx)) pools.set(key, [idx]);
    }
  });
  const requests: SyntheticRequest[] = [];
  const assignments: SyntheticAssignment[] = [];
  const free = (it: SyntheticInterpreter, s: number, e: number) => !it.live.some(([a, b]) => a < e && s < b) && !it.absences.some((a) => a.startsAt < e && s < a.endsAt);
  for (let n = 0; n < options.count; n++) {
    const language = syntheticLanguage(rng);
    const variant = language === 'ar' && rng.chance(0.6) ? rng.weighted(ARABIC_VARIANTS.slice(1)) : '';
    const channel = rng.weighted(options.channelMix);
    let day = Math.floor((from + rng.next() * (to - from)) / DAY) * DAY;
    const weekday = new Date(day).getUTCDay();
    if ((weekday === 0 || weekday === 6) && rng.chance(0.85)) day += (weekday === 6 ? 2 : 1) * DAY;
    const startsAt = channel === 'translation' ? null : day + (rng.int(28, 66) * 15) * 60_000 - 3_600_000; // 07:00–16:30 Brussels (winter time)
    const minutes = startsAt === null ? null : rng.pick([30, 45, 60, 60, 60, 90, 120]);
    const deadline = channel === 'translation' ? new Date(day + 7 * DAY).toISOString().slice(0, 10) : null;
    const when = startsAt ?? day;
    const createdAt = Math.min(now - 3_600_000, when - rng.int(1, 21) * DAY - rng.int(0, 8) * 3_600_000);
    const place = towns[rng.weighted(townWeights(towns))]!;
    const located = channel === 'on-site';
    const r: SyntheticRequest = {
      id: rng.uuid(),
      customer: rng.pick(options.customers),
      channel,
      language,
      variant,
      startsAt,
      minutes,
      deadline,
      town: place,
      lat: located ? place.lat + (rng.next() - 0.5) * 0.1 : null,
      lon: located ? place.lon + (rng.next() - 0.5) * 0.14 : null,
      region: located || options.regionForEveryChannel ? place.region : null,
      sector: rng.pick(SYNTHETIC_SECTORS),
      sensitive: rng.chance(0.35),
      ukraine: language === 'uk' && (options.ukraineCrisis ?? true) && rng.chance(0.5),
      status: 'open',
      outcome: null,
      cancelledBy: null,
      closedAt: null,
      createdAt,
    };
    requests.push(r);
    const past = when < now;
    const s = startsAt;
    const e = startsAt === null ? null : startsAt + minutes! * 60_000;
    const pick = (): SyntheticInterpreter | null => {
      const candidates = pools.get(`${language}|${channel}`);
      if (!candidates?.length) return null;
      for (let t = 0; t < 8; t++) {
        const it = interpreters[rng.pick(candidates)]!;
        if (s === null || free(it, s, e!)) return it;
      }
      return null;
    };
    const assign = (it: SyntheticInterpreter, status: string, offeredAt: number, respondedAt: number | null, actualMinutes: number | null, cancelledBy: string | null = null) => {
      assignments.push({ id: rng.uuid(), request: r.id, interpreter: it.id, status, startsAt: s, endsAt: e, offeredAt, respondedAt, actualMinutes, cancelledBy });
      if (s !== null && ['offered', 'accepted', 'completed'].includes(status)) it.live.push([s, e!]);
    };
    const offeredAt = createdAt + rng.int(1, 48) * 3_600_000;
    // Some offers are declined first (reliability).
    if (rng.chance(0.12)) {
      const it = pick();
      if (it) assign(it, 'declined', Math.min(offeredAt, now - 1_800_000), Math.min(offeredAt + 3_600_000, now - 60_000), null);
    }
    // A few accept and withdraw later (STV-10): the request went back to the desk.
    if (rng.chance(0.03)) {
      const it = pick();
      if (it) assign(it, 'cancelled', Math.min(offeredAt, now - 1_800_000), Math.min(offeredAt + 3_600_000, now - 60_000), null, 'interpreter');
    }
    const roll = rng.next();
    const fate = options.outcomes[channel];
    if (past) {
      if (roll < fate.answered) {
        const it = pick();
        if (!it) {
          Object.assign(r, { status: 'not-answered', outcome: 'interpreter-unavailable', closedAt: when });
          continue;
        }
        if (rng.chance(fate.cancelled)) {
          const by = rng.weighted([['customer', 85], ['desk', 15]] as const);
          Object.assign(r, { status: 'not-completed', outcome: rng.chance(0.7) ? 'cancelled-on-time' : 'cancelled-late', cancelledBy: by, closedAt: when - rng.int(1, 72) * 3_600_000 });
          assign(it, 'cancelled', offeredAt, offeredAt + 3_600_000, null, by);
        } else {
          Object.assign(r, { status: 'completed', closedAt: (e ?? when) + 3_600_000 });
          assign(it, 'completed', offeredAt, offeredAt + 3_600_000, minutes === null ? null : minutes + rng.int(-10, 20));
        }
      } else {
        const hasPool = !!pools.get(`${language}|${channel}`)?.length;
        Object.assign(r, { status: 'not-answered', outcome: hasPool ? (rng.chance(fate.otherReason) ? 'other' : 'interpreter-unavailable') : 'language-unavailable', closedAt: when - DAY });
      }
    } else if (roll < 0.55) {
      const it = pick();
      if (it) {
        r.status = 'assigned';
        assign(it, 'accepted', Math.min(offeredAt, now - 1_800_000), Math.min(offeredAt + 3_600_000, now - 60_000), null);
      }
    } else if (roll < 0.65) {
      const it = pick();
      if (it) assign(it, 'offered', Math.min(offeredAt, now - 1_800_000), null, null);
    }
  }
  return { requests, assignments };
}
