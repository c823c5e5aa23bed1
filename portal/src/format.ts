import { intlLocale, type Locale } from './i18n';

/**
 * Dates and times for the chosen language. Appointments are in Belgium, so times are shown in
 * Europe/Brussels time whatever the phone's own time zone; always on the Gregorian calendar (the one
 * letters and appointments use), also for languages whose default calendar differs (fa-AF).
 */
export const TIME_ZONE = 'Europe/Brussels';

const cache = new Map<string, Intl.DateTimeFormat>();

/** Whether the browser has date data for the language (many lack Tigrinya, Somali or Pashto). */
function hasDateData(locale: Locale): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([intlLocale(locale)]).length > 0;
  } catch {
    return false;
  }
}

/**
 * Without data for the language the browser would use its own default language (or a bare pattern
 * such as "2027 M01 15"): then dates are written in numbers, the Belgian way (15/01/2027 09:30),
 * which anyone can read and which matches the letters.
 */
function numericOptions(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormatOptions {
  const numeric: Intl.DateTimeFormatOptions = { timeZone: options.timeZone, day: '2-digit', month: '2-digit', year: 'numeric' };
  if (options.hour) Object.assign(numeric, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return numeric;
}

function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = hasDateData(locale)
      ? new Intl.DateTimeFormat(intlLocale(locale), { calendar: 'gregory', ...options })
      : new Intl.DateTimeFormat('nl-BE', { calendar: 'gregory', ...numericOptions(options) });
    cache.set(key, format);
  }
  return format;
}

/** A calendar date `YYYY-MM-DD` (no time zone), e.g. "dinsdag 3 maart 2026". */
export function formatDate(locale: Locale, date: string, withWeekday = true): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return date;
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return formatter(locale, {
    timeZone: 'UTC',
    ...(withWeekday ? { weekday: 'long' } : {}),
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(utc);
}

const DATE_TIME: Intl.DateTimeFormatOptions = {
  timeZone: TIME_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
};

/** An instant in Brussels time, e.g. "dinsdag 3 maart 2026 om 09:30". */
export function formatDateTime(locale: Locale, instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return formatter(locale, DATE_TIME).format(date);
}

/** The day of an instant in Brussels (an all-day appointment), e.g. "dinsdag 3 maart 2026". */
export function formatDateInBrussels(locale: Locale, instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return formatter(locale, { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** From – to in Brussels time, the date once when both are on the same day. */
export function formatRange(locale: Locale, start: string, end: string | null): string {
  const from = new Date(start);
  const to = end ? new Date(end) : null;
  if (Number.isNaN(from.getTime())) return start;
  if (!to || Number.isNaN(to.getTime())) return formatDateTime(locale, start);
  const format = formatter(locale, DATE_TIME);
  return typeof format.formatRange === 'function' ? format.formatRange(from, to) : `${format.format(from)} – ${format.format(to)}`;
}

/** `YYYY-MM-DD` of today in Brussels, to compare with due dates. */
export function todayInBrussels(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** A file size as "350 kB" or "2,4 MB" in the chosen language. */
export function formatSize(locale: Locale, bytes: number): string {
  const mb = bytes >= 1_000_000;
  try {
    return new Intl.NumberFormat(intlLocale(locale), {
      style: 'unit',
      unit: mb ? 'megabyte' : 'kilobyte',
      maximumFractionDigits: mb ? 1 : 0,
    }).format(mb ? bytes / 1_000_000 : Math.max(1, bytes / 1000));
  } catch {
    return mb ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} kB`;
  }
}

/** A language code (as the activity catalogue may give it) named in the chosen language. */
export function languageName(locale: Locale, code: string): string {
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(code)) return code;
  try {
    return new Intl.DisplayNames([intlLocale(locale)], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
