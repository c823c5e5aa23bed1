/**
 * Simulated time for the demo population: days as integers (days since 1970-01-01, UTC, so no
 * time zone moves a date), the ISO dates the domain takes, and the queue of things planned for a
 * day. Events of one day run in the order they were planned, so a run is repeatable.
 */

const DAY_MS = 86_400_000;

export type Day = number;

export const dayOf = (iso: string): Day => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

const isoCache = new Map<Day, string>();
/** The ISO date of a day; cached, since the simulation asks for the same few thousand dates millions of times. */
export function isoOf(day: Day): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (day: Day): number => (day + 4) % 7;

/** The day itself when it is a working day, else the next Monday. */
export const workingDayFrom = (day: Day): Day => {
  const weekday = weekdayOf(day);
  return weekday === 6 ? day + 2 : weekday === 0 ? day + 1 : day;
};

export const yearOf = (day: Day): number => Number(isoOf(day).slice(0, 4));

/** An instant on a day: `minutes` after midnight UTC, as an ISO timestamp. */
export const instantOn = (day: Day, minutes: number): string => new Date(day * DAY_MS + minutes * 60_000).toISOString();

interface Planned {
  day: Day;
  seq: number;
  run: () => void;
}

/** A binary min-heap on (day, planning order). */
export class Agenda {
  private readonly heap: Planned[] = [];
  private seq = 0;

  plan(day: Day, run: () => void): void {
    const item = { day, seq: this.seq++, run };
    const h = this.heap;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(item, h[parent]!)) break;
      h[i] = h[parent]!;
      i = parent;
    }
    h[i] = item;
  }

  /** The next item planned on or before `day`, or undefined. */
  takeDue(day: Day): (() => void) | undefined {
    const h = this.heap;
    const top = h[0];
    if (!top || top.day > day) return undefined;
    const last = h.pop()!;
    if (h.length) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= h.length) break;
        const right = left + 1;
        const child = right < h.length && before(h[right]!, h[left]!) ? right : left;
        if (!before(h[child]!, last)) break;
        h[i] = h[child]!;
        i = child;
      }
      h[i] = last;
    }
    return top.run;
  }
}

const before = (a: Planned, b: Planned) => a.day < b.day || (a.day === b.day && a.seq < b.seq);

/** The last Sunday of a month (1–12) of a year, as a day. */
function lastSunday(year: number, month: number): Day {
  const last = dayOf(new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10));
  return last - weekdayOf(last);
}

/** An instant at Belgian local time `hour`:`minute` on a day (summer time from the last Sunday of March to that of October). */
export function belgianInstant(day: Day, hour: number, minute = 0): string {
  const year = yearOf(day);
  const summer = day >= lastSunday(year, 3) && day < lastSunday(year, 10);
  return instantOn(day, (hour - (summer ? 2 : 1)) * 60 + minute);
}
