/** Table tests of the shared iCalendar writer (platform/ical.ts) that the NT2 conversation and start-moment exports use. */
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, formatUtc, nextDay, writeCalendar } from './ical';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

describe('iCalendar writer (RFC 5545)', () => {
  it.each([
    ['§3.3.11 comma', 'Gent, Kouter', 'Gent\\, Kouter'],
    ['§3.3.11 semicolon', 'a;b', 'a\\;b'],
    ['§3.3.11 backslash first', 'C:\\x', 'C:\\\\x'],
    ['§3.3.11 line breaks (LF, CRLF, CR)', 'a\nb\r\nc\rd', 'a\\nb\\nc\\nd'],
    ['plain text stays', 'NT2-gesprek', 'NT2-gesprek'],
  ])('escapes TEXT: %s', (_rule, input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });

  it('§3.1 leaves a line of exactly 75 octets alone and folds the 76th octet onto a line starting with a space', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('§3.1 folds long lines so that no physical line exceeds 75 octets, and unfolding restores the line', () => {
    const line = `DESCRIPTION:${'Inschrijving bij het CVO; '.repeat(20)}`;
    const folded = foldLine(line);
    for (const physical of folded.split('\r\n')) expect(octets(physical)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('§3.1 never cuts a multi-octet UTF-8 character (é, Arabic, emoji)', () => {
    const line = `SUMMARY:${'é'.repeat(40)}${'ع'.repeat(30)}${'🙂'.repeat(10)}`;
    const folded = foldLine(line);
    for (const physical of folded.split('\r\n')) {
      expect(octets(physical)).toBeLessThanOrEqual(75);
      expect(physical).not.toContain('\uFFFD');
      expect(Buffer.from(physical, 'utf8').toString('utf8')).toBe(physical);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('§3.3.5 writes UTC date-times and exclusive all-day ends', () => {
    expect(formatUtc(new Date('2026-03-02T09:05:07Z'))).toBe('20260302T090507Z');
    expect(nextDay('2026-02-28')).toBe('2026-03-01');
    expect(nextDay('2024-12-31')).toBe('2025-01-01');
  });

  it('§3.4/§3.6.1 writes a calendar with the required properties, CRLF everywhere, ending in CRLF', () => {
    const text = writeCalendar([
      {
        uid: 'abc@kruispunt',
        stamp: new Date('2026-03-02T09:00:00Z'),
        start: { kind: 'date-time', at: new Date('2026-03-10T08:30:00Z') },
        end: { kind: 'date-time', at: new Date('2026-03-10T09:30:00Z') },
        summary: 'NT2-gesprek',
        location: 'Kerkstraat 1, Gent',
        status: 'CONFIRMED',
      },
      {
        uid: 'def@kruispunt',
        stamp: new Date('2026-03-02T09:00:00Z'),
        start: { kind: 'date', on: '2026-04-20' },
        end: { kind: 'date', on: '2026-04-21' },
        summary: 'Start CVO standaard',
      },
    ]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Kruispunt//Planning//NL']);
    expect(lines).toContain('DTSTART:20260310T083000Z');
    expect(lines).toContain('DTEND:20260310T093000Z');
    expect(lines).toContain('LOCATION:Kerkstraat 1\\, Gent');
    expect(lines).toContain('DTSTART;VALUE=DATE:20260420');
    expect(lines).toContain('DTEND;VALUE=DATE:20260421');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('DTSTAMP:'))).toHaveLength(2);
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });
});
