/** Every reason an interpreting action can be refused; each has a message refusal.<code> in nl and en. */
export const INTERPRETING_REFUSALS = [
  'request-in-past',
  'request-not-open',
  'offer-not-open',
  'assignment-not-accepted',
  'assignment-in-future',
  'absence-overlaps-assignment',
  'interpreter-language',
  'interpreter-status',
  'interpreter-channel',
  'interpreter-outside-availability',
  'interpreter-absent',
  'interpreter-overlap',
  'interpreter-too-far',
] as const;
export type InterpretingRefusal = (typeof INTERPRETING_REFUSALS)[number];
