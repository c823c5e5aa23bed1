import { describe, expect, it } from 'vitest';
import {
  STATELESS_OR_UNKNOWN_COUNTRY,
  isCountryCode,
  isLanguageCode,
  languageName,
  normalizeCountryCode,
  normalizeLanguageCode,
} from './languages';

describe('languages: ISO 639-1 and ISO 639-3 codes are accepted as given', () => {
  it.each([
    ['prs', 'prs'], // Dari: 639-3 only
    ['ps', 'ps'], // Pashto, 639-1
    ['pus', 'pus'], // Pashto, 639-3
    ['ti', 'ti'], // Tigrinya, 639-1
    ['tir', 'tir'],
    ['ar', 'ar'],
    ['ara', 'ara'],
    ['uk', 'uk'],
    ['ukr', 'ukr'],
    ['nl', 'nl'],
    ['tig', 'tig'], // Tigre: 639-3 only
    ['AR', 'ar'],
    [' Prs ', 'prs'],
  ])('%j is valid and stored as %j', (code, normalized) => {
    expect(isLanguageCode(code)).toBe(true);
    expect(normalizeLanguageCode(code)).toBe(normalized);
  });

  it.each(['xx1', 'zz', 'xx', '', 'a', 'dutch', 'nld-BE', 'nl-BE', 'e n', 'qaa'])('%j is refused', (code) => {
    expect(isLanguageCode(code)).toBe(false);
    expect(normalizeLanguageCode(code)).toBeNull();
  });
});

describe('languages: languageName shows the name in Dutch or English', () => {
  it.each([
    ['prs', 'nl', 'Dari'],
    ['ps', 'nl', 'Pasjtoe'],
    ['pus', 'en', 'Pashto'],
    ['ti', 'nl', 'Tigrinya'],
    ['tir', 'en', 'Tigrinya'],
    ['ar', 'nl', 'Arabisch'],
    ['ar', 'en', 'Arabic'],
    ['uk', 'nl', 'Oekraïens'],
    ['UKR', 'en', 'Ukrainian'],
  ] as const)('%s in %s → %s', (code, locale, name) => {
    expect(languageName(code, locale)).toBe(name);
  });

  it('falls back to the English ISO 639-3 reference name where CLDR has none', () => {
    // Mesopotamian (Iraqi) Arabic has no CLDR display name.
    expect(languageName('acm', 'nl')).toBe('Mesopotamian Arabic');
    expect(languageName('acm', 'en')).toBe('Mesopotamian Arabic');
  });

  it.each(['xx1', 'zz'])('%j → null', (code) => {
    expect(languageName(code, 'nl')).toBeNull();
  });
});

describe('languages: nationality is ISO 3166-1 alpha-2 or ZZ (stateless/unknown)', () => {
  it.each([
    ['BE', 'BE'],
    ['be', 'BE'],
    ['SY', 'SY'],
    ['AF', 'AF'],
    ['ER', 'ER'],
    ['UA', 'UA'],
    ['PS', 'PS'],
    ['XK', 'XK'], // Kosovo, user-assigned but widely used
    ['ZZ', 'ZZ'],
    [' zz ', 'ZZ'],
  ])('%j is valid and stored as %j', (code, normalized) => {
    expect(isCountryCode(code)).toBe(true);
    expect(normalizeCountryCode(code)).toBe(normalized);
  });

  it('ZZ is the documented stateless-or-unknown value', () => {
    expect(STATELESS_OR_UNKNOWN_COUNTRY).toBe('ZZ');
  });

  it.each(['BEL', '056', 'UK', 'EU', 'XX', 'QQ', '', 'B', 'B1'])('%j is refused', (code) => {
    expect(isCountryCode(code)).toBe(false);
    expect(normalizeCountryCode(code)).toBeNull();
  });
});
