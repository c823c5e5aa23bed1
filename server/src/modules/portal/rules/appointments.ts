/**
 * The newcomer's appointments as the portal and their calendar app show them: place with a map
 * link, times in UTC, and the same list as iCalendar events. Pure: the service gathers the rows
 * from the planning modules and supplies the words.
 */
import { nextDay, type IcsEvent } from '../../../platform/ical';
import type { AppointmentKind, AppointmentView } from '../portal-data.schema';

export interface AppointmentRow {
  id: string;
  kind: AppointmentKind;
  title: string;
  startsAt: Date;
  endsAt: Date | null;
  allDay: boolean;
  /** The first day, for an all-day appointment (YYYY-MM-DD). */
  day: string | null;
  placeName: string | null;
  address: string | null;
  changeRequest: { status: 'pending' | 'handled'; requestedAt: Date } | null;
}

/** A search for the address on OpenStreetMap: no map key, no tracking, works on any phone. */
export function mapUrl(address: string | null): string | null {
  return address ? `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}` : null;
}

export function appointmentView(row: AppointmentRow): AppointmentView {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt?.toISOString() ?? null,
    allDay: row.allDay,
    place: row.placeName || row.address ? { name: row.placeName ?? row.address!, address: row.address } : null,
    mapUrl: mapUrl(row.address),
    changeRequest: row.changeRequest ? { status: row.changeRequest.status, requestedAt: row.changeRequest.requestedAt.toISOString() } : null,
  };
}

/** Only a test has no end (its slot has a start time): the MO test takes about two hours, as the test-booking calendar says. */
const TEST_MS = 2 * 3_600_000;

export function appointmentEvent(row: AppointmentRow, stamp: Date): IcsEvent {
  const place = [row.placeName, row.address].filter((p, i, all) => p && all.indexOf(p) === i).join(', ');
  return {
    uid: `portal-${row.kind}-${row.id}@kruispunt`,
    stamp,
    start: row.allDay && row.day ? { kind: 'date', on: row.day } : { kind: 'date-time', at: row.startsAt },
    end:
      row.allDay && row.day
        ? { kind: 'date', on: nextDay(row.day) }
        : { kind: 'date-time', at: row.endsAt ?? new Date(row.startsAt.getTime() + TEST_MS) },
    summary: row.title,
    ...(place ? { location: place } : {}),
    status: 'CONFIRMED',
  };
}
