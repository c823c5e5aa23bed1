/**
 * Matching (WF-16): which interpreters can take a request, and in which order, with the reasons.
 * Hard conditions exclude (language, status for the sensitivity, channel, availability,
 * absence, overlap, travel range); the order weighs variant, distance, a fair spread of work and
 * reliability. Pure: the caller loads the candidates with their week.
 */
import { allowedStatuses, belgianDateHour, type Channel, type LanguageStatus } from './stv';

export interface RankRequest {
  channel: Channel;
  language: string;
  variant: string;
  sensitive: boolean;
  startsAt: Date | null;
  endsAt: Date | null;
  latitude: number | null;
  longitude: number | null;
  region: string | null;
}

export interface Candidate {
  interpreterId: string;
  name: string;
  region: string | null;
  latitude: number | null;
  longitude: number | null;
  maxTravelKm: number;
  languages: ReadonlyArray<{ language: string; variant: string; status: LanguageStatus; channels: readonly string[] }>;
  /** Weekly windows, ISO weekday 1–7, times 'HH:MM' in Belgian time; none = always available. */
  availability: ReadonlyArray<{ weekday: number; starts: string; ends: string }>;
  absences: ReadonlyArray<{ startsAt: Date; endsAt: Date }>;
  /** Live assignments (offered, accepted) around the request. */
  busy: ReadonlyArray<{ startsAt: Date; endsAt: Date }>;
  /** Minutes assigned this month: the fair-spread measure. */
  monthMinutes: number;
  /** Offers in the last 12 months and how many were declined or cancelled by the interpreter. */
  offers: number;
  letDowns: number;
}

export type Exclusion = 'language' | 'status' | 'channel' | 'outside-availability' | 'absent' | 'overlap' | 'too-far';

export interface Ranked {
  interpreterId: string;
  name: string;
  score: number;
  status: LanguageStatus;
  distanceKm: number | null;
  /** Why this place: each part of the score, for the desk. */
  reasons: Array<{ code: 'variant-match' | 'variant-general' | 'certified' | 'distance' | 'same-region' | 'fair-spread' | 'reliability'; points: number; value?: number }>;
}

const overlaps = (a: { startsAt: Date; endsAt: Date }, startsAt: Date, endsAt: Date) => a.startsAt < endsAt && startsAt < a.endsAt;

/** Great-circle distance in km. */
export function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** The request's slot in Belgian weekday and times, worked out once per request, not per candidate. */
export interface RequestSlot {
  weekday: number;
  from: string;
  to: string;
}

const HHMM = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

export function requestSlot(request: Pick<RankRequest, 'startsAt' | 'endsAt'>): RequestSlot | null {
  if (!request.startsAt || !request.endsAt) return null;
  const start = belgianDateHour(request.startsAt);
  const sameDay = belgianDateHour(request.endsAt).date === start.date;
  return { weekday: start.weekday, from: HHMM.format(request.startsAt), to: sameDay ? HHMM.format(request.endsAt) : '24:00' };
}

function withinWindows(c: Candidate, slot: RequestSlot): boolean {
  if (!c.availability.length) return true;
  return c.availability.some((w) => w.weekday === slot.weekday && w.starts <= slot.from && slot.to <= w.ends);
}

/** Checks one candidate; returns why not, or the language entry that qualifies. */
export function qualify(request: RankRequest, c: Candidate, slot: RequestSlot | null = requestSlot(request)): { excluded: Exclusion } | { entry: Candidate['languages'][number]; distanceKm: number | null } {
  const sameLanguage = c.languages.filter((l) => l.language === request.language && (l.variant === '' || request.variant === '' || l.variant === request.variant));
  if (!sameLanguage.length) return { excluded: 'language' };
  const allowed = allowedStatuses(request.sensitive);
  const byStatus = sameLanguage.filter((l) => allowed.includes(l.status));
  if (!byStatus.length) return { excluded: 'status' };
  const byChannel = byStatus.filter((l) => l.channels.includes(request.channel));
  if (!byChannel.length) return { excluded: 'channel' };
  let distance: number | null = null;
  if (request.channel === 'on-site' && request.latitude !== null && request.longitude !== null && c.latitude !== null && c.longitude !== null) {
    distance = Math.round(distanceKm({ latitude: c.latitude, longitude: c.longitude }, { latitude: request.latitude, longitude: request.longitude }) * 10) / 10;
    if (distance > c.maxTravelKm) return { excluded: 'too-far' };
  }
  if (request.startsAt && request.endsAt && slot) {
    if (!withinWindows(c, slot)) return { excluded: 'outside-availability' };
    if (c.absences.some((a) => overlaps(a, request.startsAt!, request.endsAt!))) return { excluded: 'absent' };
    if (c.busy.some((b) => overlaps(b, request.startsAt!, request.endsAt!))) return { excluded: 'overlap' };
  }
  // Prefer the exact variant, then the best status.
  const best = [...byChannel].sort((a, b) => Number(b.variant === request.variant) - Number(a.variant === request.variant) || statusRank(a.status) - statusRank(b.status))[0]!;
  return { entry: best, distanceKm: distance };
}

const STATUS_ORDER: readonly LanguageStatus[] = ['certified', 'sworn', 'crisis', 'language-helper', 'in-training'];
const statusRank = (s: LanguageStatus) => STATUS_ORDER.indexOf(s);

/** Weights of the ranking: agency policy, not law (placeholders, docs/rules.md). */
export const RANKING_WEIGHTS = { variantMatch: 30, certified: 20, distancePerKm: -0.5, sameRegion: 10, fairSpreadPerHour: -1, reliability: 25 } as const;

/** Ranks qualifying candidates, best first; `excluded` counts why the others fell out. */
export function rankCandidates(request: RankRequest, candidates: readonly Candidate[]): { ranked: Ranked[]; excluded: Partial<Record<Exclusion, number>> } {
  const ranked: Ranked[] = [];
  const excluded: Partial<Record<Exclusion, number>> = {};
  const slot = requestSlot(request);
  for (const c of candidates) {
    const result = qualify(request, c, slot);
    if ('excluded' in result) {
      excluded[result.excluded] = (excluded[result.excluded] ?? 0) + 1;
      continue;
    }
    const reasons: Ranked['reasons'] = [];
    if (request.variant && result.entry.variant === request.variant) reasons.push({ code: 'variant-match', points: RANKING_WEIGHTS.variantMatch });
    else if (request.variant) reasons.push({ code: 'variant-general', points: 0 });
    if (result.entry.status === 'certified' || result.entry.status === 'sworn') reasons.push({ code: 'certified', points: RANKING_WEIGHTS.certified });
    if (result.distanceKm !== null) reasons.push({ code: 'distance', points: RANKING_WEIGHTS.distancePerKm * result.distanceKm, value: result.distanceKm });
    else if (request.channel === 'on-site' && request.region && c.region === request.region) reasons.push({ code: 'same-region', points: RANKING_WEIGHTS.sameRegion });
    reasons.push({ code: 'fair-spread', points: RANKING_WEIGHTS.fairSpreadPerHour * (c.monthMinutes / 60), value: c.monthMinutes });
    const reliability = c.offers ? 1 - c.letDowns / c.offers : 1;
    reasons.push({ code: 'reliability', points: RANKING_WEIGHTS.reliability * reliability, value: Math.round(reliability * 100) / 100 });
    const score = Math.round(reasons.reduce((sum, r) => sum + r.points, 0) * 100) / 100;
    ranked.push({ interpreterId: c.interpreterId, name: c.name, score, status: result.entry.status, distanceKm: result.distanceKm, reasons });
  }
  ranked.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  return { ranked, excluded };
}
