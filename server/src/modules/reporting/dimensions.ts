/**
 * The dimensions of the published tables — regions, years, target groups, languages, result,
 * channels — with their published values in the published order and their labels from the
 * server catalogues. Pure data.
 */
import { translate } from '../../platform/i18n/i18n';
import { languageName } from '../persons/rules/languages';
import type { DimensionSpec } from './report-types';

type Locale = 'nl' | 'en';
const fixed = (...keys: string[]) => keys.map((key) => ({ key }));
const optional = (...keys: string[]) => keys.map((key) => ({ key, optional: true }));
/** A label from the catalogue, or the key itself for a value the catalogue does not know (a new code). */
const catalogueLabel = (prefix: string) => (key: string, locale: Locale) => {
  const text = translate(locale, `${prefix}.${key}`);
  return text === `${prefix}.${key}` ? key : text;
};

/**
 * Werkingsgebied in the AgII order (PA BR LI OV VB WV). The city agencies' areas (Antwerp, Ghent)
 * and a person without a known address show only when they hold data, so a total never loses anyone.
 */
export const regionRows = (published: readonly string[] = ['PA', 'BR', 'LI', 'OV', 'VB', 'WV']): DimensionSpec => ({
  name: 'region',
  attribute: 'region',
  values: () => [...fixed(...published), ...optional(...['PA', 'BR', 'LI', 'OV', 'VB', 'WV'].filter((r) => !published.includes(r)), 'ANT', 'GNT', 'unknown')],
  label: catalogueLabel('report.region'),
});

/** The published tables without a Brussels row (NT2 in Brussels is the Huis van het Nederlands', enforcement is Flemish). */
export const flemishRegionRows = regionRows(['PA', 'LI', 'OV', 'VB', 'WV']);

/** The years of a year report, oldest first. */
export const yearAxis: DimensionSpec = {
  name: 'year',
  attribute: 'year',
  values: (scope) => fixed(...scope.years),
  label: (key) => key,
};

/** Months of a trend (YYYY-MM), in the order given. */
export const monthAxis = (months: readonly string[]): DimensionSpec => ({
  name: 'month',
  attribute: 'month',
  values: () => fixed(...months),
  label: (key) => key,
});

/** Recht / plicht / onbekend, as the running-contracts table (fig. 15) groups the target groups. */
export const targetGroupColumns: DimensionSpec = {
  name: 'target-group',
  attribute: 'target',
  values: () => fixed('recht', 'plicht', 'onbekend'),
  label: catalogueLabel('report.target'),
};

/** A language column or row: ISO 639 codes named in the request's language. */
export const languageAxis = (order: 'total-desc' | 'label'): DimensionSpec => ({
  name: 'language',
  attribute: 'language',
  values: () => [],
  order,
  label: (key, locale) => languageName(key, locale) ?? key,
});

/** Geslaagd / niet geslaagd. */
export const resultColumns: DimensionSpec = {
  name: 'result',
  attribute: 'result',
  values: () => fixed('passed', 'failed'),
  label: catalogueLabel('report.result'),
};

/** Result by year, in the published order of figure 21: passed per year, then failed per year. */
export const resultByYearColumns: DimensionSpec = {
  name: 'result-year',
  attribute: ['result', 'year'],
  values: (scope) => ['passed', 'failed'].flatMap((result) => scope.years.map((year) => ({ key: `${result}:${year}` }))),
  label: (key, locale) => {
    const [result = '', year = ''] = key.split(':');
    return `${catalogueLabel('report.result')(result, locale)} ${year}`;
  },
};

/** One row for the whole agency, for tables published without a breakdown. */
export const agencyRow: DimensionSpec = {
  name: 'agency',
  attribute: 'agency',
  values: () => fixed('agency'),
  label: catalogueLabel('report.agency'),
};

/** Values named by a catalogue prefix, in the given (published) order. */
export const codedAxis = (name: string, attribute: string, prefix: string, keys: readonly string[], optionalKeys: readonly string[] = []): DimensionSpec => ({
  name,
  attribute,
  values: () => [...fixed(...keys), ...optional(...optionalKeys)],
  label: catalogueLabel(prefix),
});

/** Label of a computed column or of the "total" header. */
export const columnLabel = (key: string, locale: Locale) => catalogueLabel('report.column')(key, locale);
