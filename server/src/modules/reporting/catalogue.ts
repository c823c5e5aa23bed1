/**
 * The report catalogue: every published table the platform reproduces, and those it cannot, each
 * with the reason (translated under report.<id>.unavailable), so nobody invents a figure.
 */
import type { ReportDefinition, UnavailableReport } from './report-types';
import { DUTCH_REPORTS } from './reports/dutch.reports';
import { INTERPRETING_REPORTS } from './reports/interpreting.reports';
import { ORIENTATION_REPORTS } from './reports/orientation.reports';
import { TRAJECTORY_REPORTS } from './reports/trajectory.reports';

export const REPORTS: readonly ReportDefinition[] = [...TRAJECTORY_REPORTS, ...ORIENTATION_REPORTS, ...DUTCH_REPORTS, ...INTERPRETING_REPORTS];

export const UNAVAILABLE_REPORTS: readonly UnavailableReport[] = [
  // Inflow counts people registered in the national register in the target group (INT-01); the platform holds those who signed up.
  { id: 'B01', source: 'RPT-B01', figure: 'Fig. 1', group: 'inflow' },
  { id: 'A01', source: 'RPT-A01', figure: null, group: 'inflow' },
  // Minors: no minors module yet (school referral, OKAN); the platform records adults' trajectories only.
  { id: 'B05', source: 'RPT-B05', figure: 'Fig. 5', group: 'minors' },
  { id: 'B07', source: 'RPT-B07', figure: 'Fig. 7', group: 'minors' },
  { id: 'A02', source: 'RPT-A02', figure: null, group: 'minors' },
  { id: 'A10', source: 'RPT-A10', figure: null, group: 'minors' },
  // Interpreter certification exams over 2015-2023 and the register per language: kept by the certification track, not yet a report.
  { id: 'B53', source: 'RPT-B53', figure: 'Fig. 53', group: 'interpreting' },
  // Plan Samenleven, the legal helpdesk and the Ukraine indicators: no module records them.
  { id: 'B57', source: 'RPT-B57', figure: 'Fig. 57', group: 'samenleven' },
  { id: 'B58', source: 'RPT-B58', figure: 'Fig. 58', group: 'samenleven' },
  { id: 'B59', source: 'RPT-B59', figure: 'Fig. 59', group: 'samenleven' },
  { id: 'B60', source: 'RPT-B60', figure: 'Fig. 60', group: 'samenleven' },
  { id: 'B81', source: 'RPT-B81', figure: 'Fig. 81', group: 'legal' },
  { id: 'B82', source: 'RPT-B82', figure: 'Fig. 82', group: 'legal' },
  { id: 'B83', source: 'RPT-B83', figure: 'Fig. 83', group: 'legal' },
  { id: 'B86', source: 'RPT-B86', figure: 'Fig. 86', group: 'ukraine' },
  { id: 'A15', source: 'RPT-A15', figure: null, group: 'ukraine' },
];

const byId = new Map(REPORTS.map((r) => [r.id.toLowerCase(), r]));
const unavailableById = new Map(UNAVAILABLE_REPORTS.map((r) => [r.id.toLowerCase(), r]));

/** The definition of report `id` (case-insensitive), an unavailable one, or nothing. */
export function findReport(id: string): { definition: ReportDefinition } | { unavailable: UnavailableReport } | null {
  const definition = byId.get(id.toLowerCase());
  if (definition) return { definition };
  const unavailable = unavailableById.get(id.toLowerCase());
  return unavailable ? { unavailable } : null;
}
