/**
 * A small iCalendar (RFC 5545) writer for appointments (course sessions, test slots, NT2
 * conversations, start moments): CRLF line ends, lines folded at 75 octets without splitting a
 * UTF-8 character, TEXT values escaped (§3.3.11), times in UTC. Pure: the service supplies the
 * texts (translated) and the clock.
 */

export type IcsTime = { kind: 'date-time'; at: Date } | { kind: 'date'; on: string };

export interface IcsEvent {
  uid: string;
  /** When this calendar object was made (DTSTAMP). */
  stamp: Date;
  start: IcsTime;
  end: IcsTime;
  summary: string;
  description?: string | undefined;
  location?: string | undefined;
  status?: 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED' | undefined;
}

export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8';
const MAX_OCTETS = 75;

/** §3.3.11: backslash, semicolon and comma are escaped; line breaks become \n. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * §3.1: a content line longer than 75 octets is split with CRLF and one space. Counting is in
 * UTF-8 octets; a character is never cut in two. The leading space counts in the next line.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > MAX_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** §3.3.5 form 2: UTC date-time, e.g. 20260302T090000Z. */
export function formatUtc(at: Date): string {
  return `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}T${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}Z`;
}

function timeProperty(name: 'DTSTART' | 'DTEND', time: IcsTime): string {
  return time.kind === 'date' ? `${name};VALUE=DATE:${time.on.replace(/-/g, '')}` : `${name}:${formatUtc(time.at)}`;
}

/** The day after a YYYY-MM-DD date: DTEND of an all-day event is exclusive. */
export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** One VCALENDAR with the events, as the text of a text/calendar response. */
export function writeCalendar(events: readonly IcsEvent[], options: { name?: string } = {}): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Kruispunt//Planning//NL', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (options.name) lines.push(`X-WR-CALNAME:${escapeText(options.name)}`);
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${formatUtc(e.stamp)}`,
      timeProperty('DTSTART', e.start),
      timeProperty('DTEND', e.end),
      `SUMMARY:${escapeText(e.summary)}`,
    );
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.status) lines.push(`STATUS:${e.status}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
