/**
 * Kalenderdatums — the few date operations the trajectory rules need, on 'YYYY-MM-DD' strings
 * in UTC so that no local time zone can move a deadline by a day.
 */

function parse(date: string): Date {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return parsed;
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const result = parse(date);
  result.setUTCDate(result.getUTCDate() + days);
  return format(result);
}

/**
 * `date` plus `months` calendar months; a day that does not exist in the target month becomes
 * its last day (31 Jan + 1 month = 28/29 Feb), the usual reading of a term "within N months".
 */
export function addMonths(date: string, months: number): string {
  const start = parse(date);
  const target = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return format(target);
}

/** Age in whole years on `on` for someone born on `birthDate`. */
export function ageOn(birthDate: string, on: string): number {
  const birth = parse(birthDate);
  const day = parse(on);
  let age = day.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday =
    day.getUTCMonth() < birth.getUTCMonth() ||
    (day.getUTCMonth() === birth.getUTCMonth() && day.getUTCDate() < birth.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}
