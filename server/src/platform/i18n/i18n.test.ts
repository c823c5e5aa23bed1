import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from '../errors';
import { catalogueIds, hasMessage, negotiateLocale, translate } from './i18n';

describe('server catalogues (i18n from day one)', () => {
  it('Dutch and English hold the same message ids', () => {
    expect(new Set(catalogueIds('en'))).toEqual(new Set(catalogueIds('nl')));
  });

  it.each(Object.keys(PROBLEM_CODES))('problem %s has a title and a detail in both languages', (code) => {
    expect(hasMessage(`problem.${code}.title`)).toBe(true);
    expect(hasMessage(`problem.${code}.detail`)).toBe(true);
  });

  it('formats ICU plurals and falls back to Dutch for an unknown locale', () => {
    expect(translate('en', 'problem.account-locked.detail', { minutes: 1 })).toContain('1 minute');
    expect(translate('en', 'problem.account-locked.detail', { minutes: 15 })).toContain('15 minutes');
    expect(translate('nl', 'field.required', { field: 'givenNames' })).toBe('givenNames is verplicht.');
  });

  it.each([
    [undefined, 'nl'],
    ['en-GB,en;q=0.9', 'en'],
    ['fr-BE, nl;q=0.8, en;q=0.5', 'nl'],
    ['ar', 'nl'],
    ['de;q=0.9, en;q=0.95', 'en'],
  ])('Accept-Language %s selects %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});
