import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  bookingSchema,
  centreSchema,
  courseDetailSchema,
  courseSchema,
  createCourseBody,
  enrolmentSchema,
  sessionSchema,
  slotSchema,
  waitingEntrySchema,
  waitingSummarySchema,
} from '../../../server/src/modules/orientation/orientation.schema';
import { api } from './client';
import { noRetryOnProblem, queryString as query, useItemsQuery } from './queryHelpers';

/** Types and queries of the MO planning API (issue 4): waiting list, courses, test centres, slots, bookings. */

// The types come from the server's own schemas (type-only imports: erased from the bundle).
export type WaitingSummary = z.infer<typeof waitingSummarySchema>;
export type WaitingGroup = WaitingSummary['groups'][number];
export type WaitingEntry = z.infer<typeof waitingEntrySchema>;
export type Course = z.infer<typeof courseSchema>;
export type CourseDetail = z.infer<typeof courseDetailSchema>;
export type CourseSession = z.infer<typeof sessionSchema>;
export type Enrolment = z.infer<typeof enrolmentSchema>;
export type CreateCourseInput = z.input<typeof createCourseBody>;
export type TestCentre = z.infer<typeof centreSchema>;
export type TestSlot = z.infer<typeof slotSchema>;
export type TestBooking = z.infer<typeof bookingSchema>;

export interface CourseFilter {
  language?: string;
  region?: string;
  from?: string;
  status?: string;
}

export interface SlotFilter {
  centreId?: string;
  from?: string;
  to?: string;
}

export const moKeys = {
  all: ['mo'] as const,
  summary: (horizonDays: number) => ['mo', 'waiting-summary', horizonDays] as const,
  waitingList: (filter: Record<string, string | undefined>) => ['mo', 'waiting-list', filter] as const,
  courses: (filter: CourseFilter) => ['mo', 'courses', filter] as const,
  course: (id: string) => ['mo', 'course', id] as const,
  centres: ['mo', 'centres'] as const,
  slots: (filter: SlotFilter) => ['mo', 'slots', filter] as const,
  bookings: (slotId: string) => ['mo', 'bookings', slotId] as const,
};

export function useWaitingSummary(horizonDays: number, enabled = true) {
  return useQuery({
    queryKey: moKeys.summary(horizonDays),
    queryFn: ({ signal }) => api.get<WaitingSummary>(`/mo/waiting-list/summary${query({ horizonDays })}`, signal),
    enabled,
  });
}

export function useWaitingList(filter: { language?: string; region?: string; overSixMonths?: boolean }, enabled = true) {
  const params = { language: filter.language, region: filter.region, overSixMonths: filter.overSixMonths ? 'true' : undefined };
  return useItemsQuery<WaitingEntry>(moKeys.waitingList(params), `/mo/waiting-list${query({ ...params, limit: 1000 })}`, { enabled });
}

export function useCourses(filter: CourseFilter, enabled = true) {
  return useItemsQuery<Course>(moKeys.courses(filter), `/mo/courses${query({ ...filter })}`, { enabled });
}

export function useCourse(id: string) {
  return useQuery({
    queryKey: moKeys.course(id),
    queryFn: ({ signal }) => api.get<CourseDetail>(`/mo/courses/${encodeURIComponent(id)}`, signal),
    retry: noRetryOnProblem,
  });
}

export function useTestCentres(enabled = true) {
  return useItemsQuery<TestCentre>(moKeys.centres, '/mo/test-centres', { enabled });
}

export function useTestSlots(filter: SlotFilter, enabled = true) {
  return useItemsQuery<TestSlot>(moKeys.slots(filter), `/mo/test-slots${query({ ...filter, limit: 1000 })}`, { enabled });
}

export function useSlotBookings(slotId: string | null) {
  return useItemsQuery<TestBooking>(moKeys.bookings(slotId ?? ''), `/mo/test-slots/${encodeURIComponent(slotId ?? '')}/bookings`, { enabled: slotId !== null });
}

/** The offset of Belgian time from UTC at an instant, in minutes (60 in winter, 120 in summer). */
function brusselsOffsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Brussels',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((local - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * A Belgian date and wall-clock time as an ISO date-time with Belgium's offset of that moment
 * (e.g. `2026-05-04T09:00:00+02:00`), whatever the browser's own time zone.
 */
export function brusselsDateTime(date: string, time: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const wall = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0);
  let offset = brusselsOffsetMinutes(new Date(wall));
  offset = brusselsOffsetMinutes(new Date(wall - offset * 60_000));
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date}T${pad(h ?? 0)}:${pad(mi ?? 0)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The Belgian date of an instant (YYYY-MM-DD). */
export function brusselsDate(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** A date (YYYY-MM-DD) moved by a number of days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}
