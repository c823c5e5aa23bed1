import { describe, expect, it } from 'vitest';
import { hasMessage } from '../../../platform/i18n/i18n';
import { rankCandidates, type Candidate, type RankRequest } from './ranking';
import { INTERPRETING_REFUSALS } from './refusals';
import { allowedStatuses, cancellationTiming, completedCharge, isShortNotice, lateCancellationCharge, previousWorkingDay, tableRow } from './stv';

describe('R-26: who may interpret', () => {
  it.each([
    [true, ['certified', 'sworn']],
    [false, ['certified', 'sworn', 'crisis', 'language-helper']],
  ])('sensitive %s allows %j', (sensitive, statuses) => {
    expect(allowedStatuses(sensitive)).toEqual(statuses);
  });
});

describe('STV-04 and STV-08: lead time and cancellation', () => {
  it.each([
    ['2024-10-08', '2024-10-07'], // Tuesday → Monday
    ['2024-10-07', '2024-10-04'], // Monday → Friday
  ])('the working day before %s is %s', (date, before) => {
    expect(previousWorkingDay(date)).toBe(before);
  });

  it.each([
    // Assignment Monday 7 Oct 2024 10:00 Brussels; deadline Friday 4 Oct 10:00.
    ['2024-10-04T07:59:00Z', 'on-time'],
    ['2024-10-04T08:00:00Z', 'late'],
    ['2024-10-06T12:00:00Z', 'late'],
    ['2024-10-03T16:00:00Z', 'on-time'],
  ] as const)('STV-08: cancelled at %s is %s', (at, timing) => {
    expect(cancellationTiming(new Date('2024-10-07T08:00:00Z'), new Date(at))).toBe(timing);
  });

  it.each([
    ['2024-10-03T09:00:00Z', false], // Thursday is two working days before Monday
    ['2024-10-04T09:00:00Z', true], // Friday is one
    ['2024-10-05T09:00:00Z', true], // Saturday: none
  ])('STV-04: requested at %s for Monday 7 Oct is short notice: %s', (at, short) => {
    expect(isShortNotice(new Date(at), new Date('2024-10-07T08:00:00Z'))).toBe(short);
  });
});

describe('STV-05, STV-06, STV-09: what an assignment costs and pays', () => {
  it.each([
    ['a short talk is billed as a full hour (STV-09)', 20, 0, 800, 4800],
    ['80 minutes: first hour + 2 started quarters (STV-05)', 80, 0, 1200, 6400],
    ['on-site with 200 km billed at most 150 km', 60, 200, 800 + 4950, 4800 + 4950],
  ])('%s', (_name, minutes, km, customer, interpreter) => {
    const charge = completedCharge({ date: '2024-10-07', channel: 'on-site', actualMinutes: minutes, travelKm: km, ukraineCrisis: false });
    expect(charge).toMatchObject({ customerCents: customer, interpreterCents: interpreter, ruleSetId: 'stv-2022-03' });
  });

  it.each([
    ['2019-05-01', 4500, 'stv-2017-03'],
    ['2020-01-01', 4800, 'stv-2020'],
  ])('the interpreter hour on %s is %i cents (STV-06)', (date, cents, ruleSetId) => {
    expect(completedCharge({ date, channel: 'phone', actualMinutes: 60, travelKm: 0, ukraineCrisis: false })).toMatchObject({ interpreterCents: cents, ruleSetId });
  });

  it.each([
    ['2023-06-01', 0],
    ['2024-06-01', 800],
  ])('Ukrainian-crisis requests on %s cost the customer %i cents (funded period, placeholder end)', (date, cents) => {
    expect(completedCharge({ date, channel: 'phone', actualMinutes: 60, travelKm: 0, ukraineCrisis: true }).customerCents).toBe(cents);
  });

  it('STV-08: a late cancellation costs €8 plus transport when en route', () => {
    expect(lateCancellationCharge({ date: '2024-10-07', travelKm: 10, ukraineCrisis: false }).customerCents).toBe(800 + 330);
  });
});

describe('figure 49: the row of the published table', () => {
  it.each([
    [{ status: 'open', outcome: null }, 'in-progress'],
    [{ status: 'assigned', outcome: null }, 'in-progress'],
    [{ status: 'completed', outcome: null }, 'completed'],
    [{ status: 'not-completed', outcome: 'cancelled-late' }, 'not-completed'],
    [{ status: 'not-answered', outcome: 'language-unavailable' }, 'not-answered-unavailable'],
    [{ status: 'not-answered', outcome: 'interpreter-unavailable' }, 'not-answered-unavailable'],
    [{ status: 'not-answered', outcome: 'other' }, 'not-answered-other'],
  ])('%o counts as %s', (request, row) => {
    expect(tableRow(request)).toBe(row);
  });
});

describe('WF-16: ranking with reasons', () => {
  const base: Candidate = {
    interpreterId: 'a',
    name: 'A',
    region: 'WV',
    latitude: 51.21,
    longitude: 3.22,
    maxTravelKm: 60,
    languages: [{ language: 'ar', variant: 'levantine', status: 'certified', channels: ['on-site', 'phone'] }],
    availability: [{ weekday: 1, starts: '08:00', ends: '18:00' }],
    absences: [],
    busy: [],
    monthMinutes: 0,
    offers: 0,
    letDowns: 0,
  };
  // Monday 7 October 2024, 10:00–11:00 in Brussels.
  const request: RankRequest = { channel: 'on-site', language: 'ar', variant: 'levantine', sensitive: true, startsAt: new Date('2024-10-07T08:00:00Z'), endsAt: new Date('2024-10-07T09:00:00Z'), latitude: 51.2, longitude: 3.24, region: 'WV' };
  const at = (c: Partial<Candidate>) => ({ ...base, ...c });

  it.each([
    ['another language', at({ languages: [{ language: 'fa', variant: '', status: 'certified', channels: ['on-site'] }] }), 'language'],
    ['a language helper for a sensitive talk (R-26)', at({ languages: [{ language: 'ar', variant: '', status: 'language-helper', channels: ['on-site'] }] }), 'status'],
    ['phone only', at({ languages: [{ language: 'ar', variant: '', status: 'certified', channels: ['phone'] }] }), 'channel'],
    ['available in the afternoon only', at({ availability: [{ weekday: 1, starts: '13:00', ends: '18:00' }] }), 'outside-availability'],
    ['absent', at({ absences: [{ startsAt: new Date('2024-10-07T06:00:00Z'), endsAt: new Date('2024-10-07T12:00:00Z') }] }), 'absent'],
    ['busy', at({ busy: [{ startsAt: new Date('2024-10-07T08:30:00Z'), endsAt: new Date('2024-10-07T09:30:00Z') }] }), 'overlap'],
    ['too far', at({ latitude: 50.85, longitude: 4.35, maxTravelKm: 30 }), 'too-far'],
  ])('%s is excluded as %s', (_name, candidate, reason) => {
    expect(rankCandidates(request, [candidate]).excluded).toEqual({ [reason]: 1 });
  });

  it('prefers the exact variant, the nearer, the less loaded and the more reliable, and says why', () => {
    const { ranked } = rankCandidates(request, [
      at({ interpreterId: 'general', name: 'General', languages: [{ language: 'ar', variant: '', status: 'certified', channels: ['on-site'] }] }),
      at({ interpreterId: 'busy-month', name: 'Busy', monthMinutes: 3000 }),
      at({ interpreterId: 'unreliable', name: 'Unreliable', offers: 10, letDowns: 6 }),
      at({ interpreterId: 'best', name: 'Best' }),
    ]);
    expect(ranked.map((r) => r.interpreterId)).toEqual(['best', 'unreliable', 'general', 'busy-month']);
    expect(ranked[0]!.reasons.map((r) => r.code)).toEqual(['variant-match', 'certified', 'distance', 'fair-spread', 'reliability']);
    expect(ranked[0]!.distanceKm).toBeGreaterThan(0);
  });

  it.each(INTERPRETING_REFUSALS)('refusal.%s has nl and en messages', (code) => {
    expect(hasMessage(`refusal.${code}`)).toBe(true);
  });
});
