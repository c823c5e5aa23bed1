import { describe, expect, it } from 'vitest';
import { interpretQuery } from '../persons.service';
import { rankDuplicateCandidates, type IdentityFacts } from './duplicates';
import { skeletonTerm } from './names';
import { mergeFill, preparePersonRecord, searchTermsOf } from './person-record';

const today = '2026-03-02';
const person = (over: Partial<IdentityFacts> & { id?: string } = {}) => ({
  id: 'p1',
  insz: null,
  birthDate: '1990-05-14',
  givenNames: 'Mohammed',
  familyName: 'Ahmad',
  givenNamesLatin: 'Mohammed',
  familyNameLatin: 'Ahmad',
  ...over,
});

describe('preparing a person record (issue 2 §5)', () => {
  it('transliterates a name in another script when no Latin spelling is given', () => {
    const result = preparePersonRecord({ givenNames: 'Олена', familyName: 'Коваль' }, today);
    expect(result.ok && result.record).toMatchObject({ givenNamesLatin: 'Olena', familyNameLatin: "Koval'", nameScript: 'cyrillic' });
  });

  it('keeps a Latin spelling the clerk typed, and searches on both', () => {
    const result = preparePersonRecord({ givenNames: 'محمد', familyName: 'أحمد', givenNamesLatin: 'Mohammed', familyNameLatin: 'Ahmad' }, today);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.record.givenNamesLatin).toBe('Mohammed');
      expect(result.record.searchText).toContain('mohammed ahmad');
    }
  });

  it('derives operating region and agency from the municipality', () => {
    const ghent = preparePersonRecord({ givenNames: 'A', familyName: 'B', address: { street: 'Veldstraat', houseNumber: '1', postalCode: '9000', municipalityNis: '44021' } }, today);
    expect(ghent.ok && ghent.record).toMatchObject({ region: 'GNT', responsibleAgency: 'in-gent', municipalityName: 'Gent' });
  });

  it('reports every problem at once', () => {
    const result = preparePersonRecord({ givenNames: 'A', familyName: 'B', insz: '1', birthDate: '1899-12-31', motherTongue: 'zz', nationality: 'QQ' }, today);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.field).sort()).toEqual(['birthDate', 'insz', 'motherTongue', 'nationality']);
  });
});

describe('duplicate ranking (issue 2 §5: same INSZ, or same birth date and a similar name in any script)', () => {
  it.each([
    ['same INSZ', person({ insz: '90051410193' }), person({ id: 'x', insz: '90051410193', givenNames: 'Other', givenNamesLatin: 'Other', birthDate: null }), ['same-insz']],
    ['Arabic script vs Latin, same birth date', person(), person({ id: 'x', givenNames: 'محمد', familyName: 'أحمد', givenNamesLatin: 'Mhmd', familyNameLatin: 'Ahmd' }), ['same-birth-date-similar-name']],
    ['similar name, other birth date', person(), person({ id: 'x', birthDate: '1990-05-15' }), []],
    ['same birth date, other name', person(), person({ id: 'x', givenNames: 'Fatima', familyName: 'Zahra', givenNamesLatin: 'Fatima', familyNameLatin: 'Zahra' }), []],
  ])('%s', (_name, probe, other, reasons) => {
    const ranked = rankDuplicateCandidates(probe, [other]);
    expect(ranked.flatMap((c) => c.reasons)).toEqual(reasons);
  });
});

describe('search terms (issue 2 §5: search finds either script)', () => {
  it('holds each spelled token and its marked consonant skeleton, for both spellings', () => {
    const terms = searchTermsOf({ givenNames: 'محمد', familyName: 'أحمد', givenNamesLatin: 'Mohammed', familyNameLatin: 'Ahmad' });
    expect(terms).toEqual(expect.arrayContaining(['mohammed', 'ahmad', skeletonTerm('mohammed')]));
    expect(skeletonTerm('mohamed')).toBe(skeletonTerm('mohammed'));
  });
});

describe('merging fills gaps only', () => {
  it('never overwrites what the survivor has', () => {
    const fill = mergeFill(
      { insz: null, birthDate: '1990-01-01', sex: null, motherTongue: 'ar', nationality: null, phone: null, email: null },
      { insz: '90010112345', birthDate: '1991-01-01', sex: 'female', motherTongue: 'fa', nationality: 'SY', phone: null, email: null },
    );
    expect(fill).toEqual({ insz: '90010112345', sex: 'female', nationality: 'SY' });
  });
});

describe('search query interpretation', () => {
  it.each([
    ['85.07.30-033.28', { kind: 'insz', value: '85073003328' }],
    ['1990-05-14', { kind: 'birth-date', value: '1990-05-14' }],
    ['14/5/1990', { kind: 'birth-date', value: '1990-05-14' }],
    ['Müller-Lüdenscheidt', { kind: 'text', value: 'muller ludenscheidt' }],
  ])('%s', (q, expected) => {
    expect(interpretQuery(q)).toEqual(expected);
  });
});
