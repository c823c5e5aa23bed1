/** Every reason an MO planning action can be refused; each has a message refusal.<code> in nl and en. */
export const ORIENTATION_REFUSALS = [
  'course-full',
  'course-not-open',
  'course-ends-before-start',
  'not-waiting-for-mo',
  'language-mismatch',
  'passes-over-waiting-list',
  'enrolment-not-running',
  'session-not-in-course',
  'session-in-future',
  'slot-in-past',
  'slot-full',
  'already-booked',
  'no-running-dossier',
  'test-needs-contract',
  'booking-not-open',
  'test-not-taken-yet',
  'result-without-test',
] as const;
export type OrientationRefusal = (typeof ORIENTATION_REFUSALS)[number];
