/**
 * NT2-plaatsing — which action a placement allows in which status, as data (ENT-21, WF-06 steps
 * 4 and 5). A waiting entry is placed into a start moment (and closed); a placement is confirmed
 * by the provider (enrolment); an enrolled person gets results.
 */

export const PLACEMENT_STATUSES = ['waiting', 'placed', 'enrolled', 'closed'] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];

export const PLACEMENT_ACTIONS = ['place-from-waiting-list', 'confirm-enrolment', 'record-result'] as const;
export type PlacementAction = (typeof PLACEMENT_ACTIONS)[number];

export const PLACEMENT_ACTIONS_BY_STATUS = {
  waiting: ['place-from-waiting-list'],
  placed: ['confirm-enrolment'],
  enrolled: ['record-result'],
  closed: [],
} as const satisfies Record<PlacementStatus, readonly PlacementAction[]>;

export function placementAllows(status: PlacementStatus, action: PlacementAction): boolean {
  return (PLACEMENT_ACTIONS_BY_STATUS[status] as readonly PlacementAction[]).includes(action);
}

/** Seats left in a start moment; never negative. */
export function freeSeats(capacity: number, taken: number): number {
  return Math.max(0, capacity - taken);
}

/** The calendar quarter of a date, e.g. '2026-Q3': the needs plan groups by it. */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}
