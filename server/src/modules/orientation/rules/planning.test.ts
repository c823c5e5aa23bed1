import { describe, expect, it } from 'vitest';
import { hasMessage } from '../../../platform/i18n/i18n';
import { attendedHours, byWaitingOrder, needsVideoInterpreter, passesOver, sessionSlot, sixMonthMark, waitingFigures, type WaitingEntry } from './planning';
import { ORIENTATION_REFUSALS } from './refusals';

const entry = (dossierId: string, waitingSince: string, language = 'ar', region: string | null = 'OV'): WaitingEntry => ({
  personId: `p-${dossierId}`,
  dossierId,
  language,
  region,
  area: 'flanders',
  waitingSince,
});

describe('R-20: the six-month target after the contract', () => {
  it.each([
    ['2024-01-10', '2024-07-10'],
    ['2024-08-31', '2025-02-28'],
    ['2023-08-31', '2024-02-29'],
  ])('a wait since %s passes six months on %s', (since, mark) => {
    expect(sixMonthMark(entry('d', since))).toBe(mark);
  });

  it('counts who is over six months and who will pass it within the horizon, per language and region', () => {
    const one = (e: WaitingEntry) => ({ ...e, count: 1 });
    const figures = waitingFigures(
      [entry('a', '2024-01-10'), entry('b', '2024-03-01'), entry('c', '2024-05-02'), entry('d', '2024-08-01', 'ti'), entry('e', '2024-02-01', 'ar', 'ANT')].map(one),
      '2024-09-02',
      61,
    );
    expect(figures.total).toBe(5);
    expect(figures.overSixMonths).toBe(3);
    expect(figures.groups[0]).toMatchObject({ language: 'ar', region: 'OV', waiting: 3, overSixMonths: 2, passingWithinHorizon: 1, longestWaitDays: 236, oldestWaitingSince: '2024-01-10' });
    expect(figures.groups.find((g) => g.language === 'ti')).toMatchObject({ waiting: 1, overSixMonths: 0, passingWithinHorizon: 0, longestWaitDays: 32 });
  });

  it('counts grouped people as many times as they are', () => {
    const figures = waitingFigures([{ ...entry('a', '2024-01-10'), count: 40 }, { ...entry('b', '2024-08-01'), count: 10 }], '2024-09-02', 30);
    expect(figures).toMatchObject({ total: 50, overSixMonths: 40 });
    expect(figures.groups[0]).toMatchObject({ waiting: 50, averageWaitDays: Math.round((236 * 40 + 32 * 10) / 50) });
  });
});

describe('WF-05: waiting order and manual exceptions', () => {
  it('orders by waiting date, then by dossier for equal dates', () => {
    const list = [entry('c', '2024-03-01'), entry('b', '2024-02-01'), entry('a', '2024-03-01')].sort(byWaitingOrder);
    expect(list.map((e) => e.dossierId)).toEqual(['b', 'a', 'c']);
  });

  it.each([
    ['the longest waiting', 'b', []],
    ['someone who waited less', 'c', ['b', 'a']],
  ])('taking %s passes over %j in the same language and region', (_name, chosen, over) => {
    const list = [entry('a', '2024-03-01'), entry('b', '2024-02-01'), entry('c', '2024-04-01'), entry('x', '2024-01-01', 'ti'), entry('y', '2024-01-01', 'ar', 'ANT')];
    expect(passesOver(list.find((e) => e.dossierId === chosen)!, list).sort(byWaitingOrder).map((e) => e.dossierId)).toEqual(over);
  });
});

describe('sessions, attendance and test languages', () => {
  it.each([
    ['2024-09-09T07:00:00Z', 'day'],
    ['2024-09-09T15:00:00Z', 'evening'], // 17:00 in Brussels (summer time)
    ['2024-12-09T15:30:00Z', 'day'], // 16:30 in Brussels (winter time)
    ['2024-09-14T08:00:00Z', 'weekend'],
  ] as const)('a session starting at %s is a %s session', (startsAt, slot) => {
    expect(sessionSlot(new Date(startsAt))).toBe(slot);
  });

  it('attended hours are the hours of the sessions the person was present at', () => {
    const sessions = [
      { id: 'a', startsAt: new Date('2024-09-09T07:00:00Z'), endsAt: new Date('2024-09-09T10:00:00Z') },
      { id: 'b', startsAt: new Date('2024-09-11T16:00:00Z'), endsAt: new Date('2024-09-11T18:30:00Z') },
    ];
    expect(attendedHours(sessions, new Set(['a', 'b']))).toBe(5.5);
    expect(attendedHours(sessions, new Set(['b']))).toBe(2.5);
    expect(attendedHours(sessions, new Set())).toBe(0);
  });

  it.each([
    ['ar', false],
    ['prs', true],
  ])('R-30: a test in %s at a centre offering nl, ar, en needs a video interpreter: %s', (language, needed) => {
    expect(needsVideoInterpreter(language, ['nl', 'ar', 'en'])).toBe(needed);
  });

  it.each(ORIENTATION_REFUSALS)('refusal.%s has nl and en messages', (code) => {
    expect(hasMessage(`refusal.${code}`)).toBe(true);
  });
});
