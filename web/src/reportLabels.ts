import type { I18n, MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';

/**
 * Translated labels of the management figures (issue 7): report themes, parameters, filters, the
 * regional dashboard's figures and the kinds of record a drill-down lists. Report titles, row and
 * column labels and counting rules come translated from the server.
 */

function label(labels: Record<string, MessageDescriptor>, i18n: I18n, value: string): string {
  const descriptor = labels[value];
  return descriptor ? i18n._(descriptor) : value;
}

/** The themes the catalogue is grouped by, in this order. */
export const REPORT_THEMES = ['trajectory', 'orientation', 'dutch', 'interpreting', 'atlas', 'other'] as const;
export type ReportTheme = (typeof REPORT_THEMES)[number];

const THEME_LABELS: Record<ReportTheme, MessageDescriptor> = {
  trajectory: msg`Inburgeringstraject`,
  orientation: msg`Maatschappelijke oriëntatie (MO)`,
  dutch: msg`Nederlands als tweede taal (NT2)`,
  interpreting: msg`Sociaal tolken en vertalen`,
  atlas: msg`Atlas (Antwerpen)`,
  other: msg`Samenleven, juridische helpdesk en Oekraïne`,
};
export const themeLabel = (i18n: I18n, theme: ReportTheme) => i18n._(THEME_LABELS[theme]);

/**
 * The theme of a report by its published number: the Atlas tables (A…), then the AgII figure
 * numbers of the yearly report (1–16 and 36–40 trajectory, 17–35 MO, 41–48 NT2, 49–56
 * interpreting); K01 is the MO waiting-time indicator.
 */
export function reportTheme(id: string): ReportTheme {
  if (id.startsWith('A')) return 'atlas';
  if (id.startsWith('K')) return 'orientation';
  const n = Number(/^B(\d+)/.exec(id)?.[1] ?? NaN);
  if (Number.isNaN(n)) return 'other';
  if (n <= 16 || (n >= 36 && n <= 40)) return 'trajectory';
  if (n >= 17 && n <= 35) return 'orientation';
  if (n >= 41 && n <= 48) return 'dutch';
  if (n >= 49 && n <= 56) return 'interpreting';
  return 'other';
}

/**
 * The permission that opens the records behind a report's figures, besides reports.read: the STV
 * requests for the interpreting tables, the dossiers for all others (server: drillDownPermission).
 */
export function drillDownPermission(id: string): string {
  return id === 'B49' || id === 'A16' ? 'interpreting.figures.read' : 'dossier.read';
}

const PARAMETER_LABELS: Record<string, MessageDescriptor> = {
  year: msg`Jaar`,
  period: msg`Periode`,
  'reference-date': msg`Peildatum`,
};
export const parameterKindLabel = (i18n: I18n, kind: string) => label(PARAMETER_LABELS, i18n, kind);

const UKRAINE_LABELS: Record<string, MessageDescriptor> = {
  include: msg`Met tijdelijke bescherming (Oekraïne)`,
  exclude: msg`Zonder tijdelijke bescherming (Oekraïne)`,
  only: msg`Alleen tijdelijke bescherming (Oekraïne)`,
};
export const ukraineLabel = (i18n: I18n, value: string) => label(UKRAINE_LABELS, i18n, value);

/** The regional dashboard's figures, in the order of the answer. */
export const REGION_FIGURES = ['signUps', 'firstContracts', 'runningContracts', 'moStarters', 'certificates', 'nt2Persons', 'interpreterRequests'] as const;
export type RegionFigure = (typeof REGION_FIGURES)[number];

const REGION_FIGURE_LABELS: Record<RegionFigure, MessageDescriptor> = {
  signUps: msg`Eerste aanmeldingen`,
  firstContracts: msg`Eerste contracten`,
  runningContracts: msg`Lopende contracten op het einde van het jaar`,
  moStarters: msg`Eerste starters MO`,
  certificates: msg`Inburgeringsattesten`,
  nt2Persons: msg`Unieke personen met een NT2-gesprek`,
  interpreterRequests: msg`Tolk- en vertaalaanvragen`,
};
export const regionFigureLabel = (i18n: I18n, figure: RegionFigure) => i18n._(REGION_FIGURE_LABELS[figure]);

const SUBJECT_LABELS: Record<string, MessageDescriptor> = {
  dossier: msg`Dossier`,
  person: msg`Persoon`,
  'mo-course': msg`MO-cursus`,
  'interpreting-request': msg`Tolkaanvraag`,
};
export const subjectTypeLabel = (i18n: I18n, type: string) => label(SUBJECT_LABELS, i18n, type);

const DATABASE_LABELS: Record<string, MessageDescriptor> = {
  primary: msg`de hoofddatabank`,
  replica: msg`de kopie voor rapportering (replica)`,
};
export const databaseLabel = (i18n: I18n, database: string) => label(DATABASE_LABELS, i18n, database);

const GRAIN_LABELS: Record<string, MessageDescriptor> = {
  month: msg`Per maand`,
  year: msg`Per jaar`,
};
export const grainLabel = (i18n: I18n, grain: string) => label(GRAIN_LABELS, i18n, grain);
