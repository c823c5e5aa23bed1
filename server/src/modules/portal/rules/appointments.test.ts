import { describe, expect, it } from 'vitest';
import { writeCalendar } from '../../../platform/ical';
import { appointmentEvent, appointmentView, mapUrl, type AppointmentRow } from './appointments';

const row = (extra: Partial<AppointmentRow> = {}): AppointmentRow => ({
  id: '11111111-1111-4111-8111-111111111111',
  kind: 'course-session',
  title: 'MO-sessie MO-AR-1',
  startsAt: new Date('2026-03-10T08:00:00Z'),
  endsAt: new Date('2026-03-10T11:00:00Z'),
  allDay: false,
  day: null,
  placeName: 'Vrijheidstraat 3, 9300 Aalst',
  address: 'Vrijheidstraat 3, 9300 Aalst',
  changeRequest: null,
  ...extra,
});
const stamp = new Date('2026-03-02T09:00:00Z');

describe('appointments as the newcomer sees them (issue 6 §3)', () => {
  it('links the address to an OpenStreetMap search, escaped', () => {
    expect(mapUrl('Rue de l’Église 5, 1000 Brussel & co')).toBe('https://www.openstreetmap.org/search?query=Rue%20de%20l%E2%80%99%C3%89glise%205%2C%201000%20Brussel%20%26%20co');
    expect(mapUrl(null)).toBeNull();
  });

  it('gives UTC instants, the place once, and no place when none is known', () => {
    expect(appointmentView(row())).toMatchObject({ startsAt: '2026-03-10T08:00:00.000Z', endsAt: '2026-03-10T11:00:00.000Z', place: { name: 'Vrijheidstraat 3, 9300 Aalst' } });
    expect(appointmentView(row({ placeName: null, address: null }))).toMatchObject({ place: null, mapUrl: null });
    expect(appointmentView(row({ placeName: 'Testcentrum', address: null })).place).toEqual({ name: 'Testcentrum', address: null });
  });

  it('writes a test of two hours, an NT2 start as a whole day, and a place without repeating it', () => {
    const test = appointmentEvent(row({ kind: 'test', endsAt: null, placeName: 'Testcentrum Aalst', address: 'Stationsstraat 1' }), stamp);
    expect(test).toMatchObject({ end: { kind: 'date-time', at: new Date('2026-03-10T10:00:00Z') }, location: 'Testcentrum Aalst, Stationsstraat 1' });
    const start = appointmentEvent(row({ kind: 'nt2-start', allDay: true, day: '2026-04-20', endsAt: null }), stamp);
    expect(start).toMatchObject({ start: { kind: 'date', on: '2026-04-20' }, end: { kind: 'date', on: '2026-04-21' }, location: 'Vrijheidstraat 3, 9300 Aalst' });
    expect(writeCalendar([start])).toContain('UID:portal-nt2-start-11111111-1111-4111-8111-111111111111@kruispunt');
  });
});
