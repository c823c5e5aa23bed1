import { describe, expect, it } from 'vitest';
import { hasMessage } from '../../platform/i18n/i18n';
import { REPORTS, UNAVAILABLE_REPORTS } from './catalogue';
import { CHECKS } from './data-quality';
import { KPIS } from './kpis';
import type { ReportScope } from './report-types';
import { answeredGroup } from './reports/interpreting.reports';
import { exemptionRegimeOn } from './reports/orientation.reports';

const scope: ReportScope = { tenantId: '', from: '2022-01-01', to: '2023-12-31', referenceDate: null, years: ['2022', '2023'], ukraine: 'include', today: '2024-01-01' };

describe('the report catalogue', () => {
  it('has unique ids, and every report its title and counting rule in Dutch and English', () => {
    const ids = [...REPORTS, ...UNAVAILABLE_REPORTS].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of REPORTS) expect([r.id, hasMessage(`report.${r.id}.title`), hasMessage(`report.${r.id}.rule`)]).toEqual([r.id, true, true]);
    for (const r of UNAVAILABLE_REPORTS) expect([r.id, hasMessage(`report.${r.id}.title`), hasMessage(`report.unavailable.${r.group}`)]).toEqual([r.id, true, true]);
  });

  it('labels every published row and column, and names every dimension', () => {
    // A label falls back to its key when the catalogue lacks it; years and codes such as CBE name themselves.
    const namesItself = (key: string) => /^\d{4}/.test(key) || /^[A-Z]{2,3}$/.test(key);
    for (const r of REPORTS) {
      for (const axis of [r.rows, r.columns]) {
        expect([r.id, hasMessage(`report.dimension.${axis.name}`)]).toEqual([r.id, true]);
        for (const { key } of axis.values(scope)) {
          for (const locale of ['nl', 'en'] as const) expect([r.id, key, locale, namesItself(key) || axis.label(key, locale) !== key]).toEqual([r.id, key, locale, true]);
        }
      }
    }
  });

  it('names every KPI and data-quality check in both languages', () => {
    for (const k of KPIS) expect([k.id, hasMessage(`kpi.${k.id}.title`)]).toEqual([k.id, true]);
    for (const c of CHECKS) expect([c.id, hasMessage(`quality.${c.id}.title`), hasMessage(`quality.${c.id}.rule`)]).toEqual([c.id, true, true]);
  });

  it.each([
    ['2023-02-28', 'flanders', '2013-06-07'],
    ['2023-03-01', 'flanders', '2023-03-01'],
    ['2023-10-02', 'flanders', '2023-03-01'],
    ['2023-10-02', 'brussels', '2023-03-01'],
  ] as const)('an exemption test of %s (%s) falls under the cut-offs in force since %s (R-10)', (date, area, regime) => {
    expect(exemptionRegimeOn(date, area)).toBe(regime);
  });
});

describe('the answered rate classifies groups of status and outcome by figure 49’s rows (WF-16)', () => {
  it.each([
    ['completed:unknown', true],
    ['not-completed:cancelled-late', true],
    ['not-completed:cancelled-on-time', true],
    ['not-answered:interpreter-unavailable', false],
    ['not-answered:other', false],
    ['assigned:unknown', false],
    ['open:unknown', false],
  ] as const)('%s answered: %s', (key, answered) => {
    expect(answeredGroup(key)).toBe(answered);
  });
});
