import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleSetOn } from './rule-sets';
import { obligationOnTurning18, proposeTargetGroup, type TargetGroupFacts } from './target-group';

/** A non-EU adult with a first residence title > 3 months, first inscribed in Flanders. */
const base: TargetGroupFacts = {
  area: 'flanders',
  firstInscriptionDate: '2023-05-01',
  birthDate: '1990-01-01',
  register: 'foreigners',
  nationality: 'non-eu',
  residence: 'residence-over-3-months',
  firstResidenceTitle: true,
};

describe('target group: Flanders (FL-OB-01 … FL-EX-01)', () => {
  it.each([
    ['FL-OB-01 first residence title > 3 months, non-EU adult → verplicht', {}, 'verplicht', 'first-residence-title'],
    ['FL-OB-01 not the first residence title → rechthebbend', { firstResidenceTitle: false }, 'rechthebbend', 'not-first-residence-title'],
    ['FL-EX-01 EU citizen → rechthebbend', { nationality: 'eu' }, 'rechthebbend', 'eu-citizen'],
    ['FL-EX-01 aged 65 at inscription → rechthebbend', { birthDate: '1958-05-01' }, 'rechthebbend', 'aged-65-or-over'],
    ['FL-EX-01 aged 64 the day before the 65th birthday → verplicht', { birthDate: '1958-05-02' }, 'verplicht', 'first-residence-title'],
    ['FL-EX-01 permanently unable → rechthebbend', { permanentlyUnable: true }, 'rechthebbend', 'permanently-unable'],
    ['FL-OB-04 minister of religion → verplicht', { nationality: 'eu', ministerOfReligion: true }, 'verplicht', 'minister-of-religion'],
    ['FL-OB-02 Belgian born abroad with a parent born abroad → verplicht', { nationality: 'belgian', register: 'population', bornAbroad: true, parentBornAbroad: true }, 'verplicht', 'belgian-born-abroad'],
    ['FL-TG-01 Belgian born in Belgium → geen doelgroep', { nationality: 'belgian', bornAbroad: false }, 'geen-doelgroep', 'belgian-not-born-abroad'],
    ['FL-TG-01 Belgian, birthplace unknown → onbepaald', { nationality: 'belgian' }, 'onbepaald', 'missing.born-abroad'],
    ['FL-TG-02 minor (17) → geen doelgroep', { birthDate: '2005-05-02' }, 'geen-doelgroep', 'minor'],
    ['FL-TG-02 18 on the inscription day → verplicht', { birthDate: '2005-05-01' }, 'verplicht', 'first-residence-title'],
    ['FL-TG-02 minor with compulsory schooling completed → rechthebbend', { birthDate: '2006-01-01', compulsorySchoolingCompleted: true }, 'rechthebbend', 'minor-schooling-completed'],
    ['FL-TG-03 not in the National Register → geen doelgroep', { register: 'none' }, 'geen-doelgroep', 'not-in-register'],
    ['FL-TG-03 no legal stay → geen doelgroep', { residence: 'no-legal-stay' }, 'geen-doelgroep', 'no-legal-stay'],
    ['FL-TG-03 diplomat → geen doelgroep', { residence: 'diplomat' }, 'geen-doelgroep', 'diplomat'],
    ['FL-TG-05 short stay ≤ 1 year → geen doelgroep', { residence: 'short-stay' }, 'geen-doelgroep', 'short-stay'],
    ['FL-UA-01 temporary protection → own group', { residence: 'temporary-protection' }, 'tijdelijke-bescherming', 'temporary-protection'],
    ['R-01 residence unknown → onbepaald', { residence: undefined }, 'onbepaald', 'missing.residence'],
    ['R-01 first-title flag unknown → onbepaald', { firstResidenceTitle: undefined }, 'onbepaald', 'missing.first-residence-title'],
    ['R-01 no inscription date → onbepaald', { firstInscriptionDate: undefined }, 'onbepaald', 'missing.first-inscription-date'],
  ] as const)('%s', (_rule, override, group, code) => {
    const proposal = proposeTargetGroup({ ...base, ...override } as TargetGroupFacts);
    expect(proposal.group).toBe(group);
    expect(proposal.codes).toContain(code);
  });

  it.each([
    ['FL-TG-04 asylum seeker first inscribed 2022-02-28 → rechthebbend', '2022-02-28', undefined, 'rechthebbend', 'asylum-seeker-entitled'],
    ['FL-TG-04 asylum seeker first inscribed 2022-03-01 → geen doelgroep', '2022-03-01', undefined, 'geen-doelgroep', 'asylum-seeker-excluded'],
    ['FL-TG-04 contract signed 2022-02-28 may continue', '2022-03-05', '2022-02-28', 'rechthebbend', 'asylum-seeker-continues'],
    ['FL-TG-04 contract signed 2022-03-01 is excluded', '2022-02-01', '2022-03-01', 'geen-doelgroep', 'asylum-seeker-excluded'],
  ] as const)('%s', (_rule, inscription, contract, group, code) => {
    const facts: TargetGroupFacts = { ...base, register: 'waiting', residence: 'asylum-seeker', firstInscriptionDate: inscription };
    const proposal = proposeTargetGroup(contract ? { ...facts, contractSignedOn: contract } : facts);
    expect(proposal).toMatchObject({ group, codes: [code] });
  });

  it('FL-OB-06: the proposal names the rule set of the first inscription date', () => {
    expect(proposeTargetGroup({ ...base, firstInscriptionDate: '2022-02-28' }).ruleSetId).toBe('fl-2013');
    expect(proposeTargetGroup({ ...base, firstInscriptionDate: '2022-03-01' }).ruleSetId).toBe('fl-2022-03');
  });
});

describe('target group: Brussels (BX-TG-01, BX-EX-01, R-32)', () => {
  const bx: TargetGroupFacts = { ...base, area: 'brussels', priorLegalStayYears: 0 };
  it.each([
    ['R-32 first inscribed 2022-05-31: no Brussels obligation yet → rechthebbend', { firstInscriptionDate: '2022-05-31' }, 'rechthebbend', 'obligation-not-in-force'],
    ['R-32 / BX-TG-01 first inscribed 2022-06-01 → verplicht', { firstInscriptionDate: '2022-06-01' }, 'verplicht', 'first-residence-title'],
    ['BX-TG-01 ordinance 2023 from 2024-01-01 → verplicht', { firstInscriptionDate: '2024-01-01' }, 'verplicht', 'first-residence-title'],
    ['BX-TG-01 waiting register, not foreigners register → rechthebbend', { register: 'waiting' }, 'rechthebbend', 'brussels-not-foreigners-register'],
    ['BX-TG-01 legal stay of 3 years → rechthebbend', { priorLegalStayYears: 3 }, 'rechthebbend', 'brussels-prior-stay-3-years'],
    ['BX-TG-01 legal stay unknown → onbepaald', { priorLegalStayYears: undefined }, 'onbepaald', 'missing.prior-legal-stay'],
    ['BX-TG-01 aged 65 → rechthebbend', { birthDate: '1958-01-01' }, 'rechthebbend', 'aged-65-or-over'],
    ['BX-EX-01 EU citizen → rechthebbend', { nationality: 'eu' }, 'rechthebbend', 'eu-citizen'],
    ['BX-EX-01 automatic exemption (F card) → rechthebbend', { brusselsExemption: true }, 'rechthebbend', 'brussels-exemption'],
    ['BX-TG-01 Belgian born abroad: not obligated in Brussels', { nationality: 'belgian', bornAbroad: true, parentBornAbroad: true }, 'rechthebbend', 'belgian-born-abroad'],
  ] as const)('%s', (_rule, override, group, code) => {
    const proposal = proposeTargetGroup({ ...bx, ...override } as TargetGroupFacts);
    expect(proposal.group).toBe(group);
    expect(proposal.codes).toContain(code);
  });

  it('R-32: an explicit rule set overrides the date lookup', () => {
    expect(proposeTargetGroup(bx, ruleSetOn('2022-05-31', 'brussels')).group).toBe('rechthebbend');
  });
});

describe('target group: FL-OB-03 turning 18 within 12 months of inscription', () => {
  it.each([
    ['FL-OB-03 turns 18 after 6 months → obligated on the birthday', '2005-11-01', '2023-05-01', '2023-11-01'],
    ['FL-OB-03 turns 18 on the day the 12 months end → not', '2005-05-01', '2022-05-01', null],
    ['FL-OB-03 turns 18 the day before the 12 months end → obligated', '2005-04-30', '2022-05-01', '2023-04-30'],
    ['FL-OB-03 already adult at inscription → not this rule', '2000-01-01', '2023-05-01', null],
  ] as const)('%s', (_rule, birth, inscription, expected) => {
    expect(obligationOnTurning18(birth, inscription)).toBe(expected);
  });
});

describe('target group FL-EX-01: properties', () => {
  it('FL-EX-01 / BX-TG-01: nobody aged 65 or over at inscription is proposed as verplicht', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 65, max: 100 }),
        fc.constantFrom('flanders' as const, 'brussels' as const),
        fc.constantFrom('eu' as const, 'non-eu' as const, 'belgian' as const),
        fc.boolean(),
        (age, area, nationality, minister) => {
          const birthDate = `${2023 - age}-01-01`;
          const proposal = proposeTargetGroup({
            ...base,
            area,
            nationality,
            birthDate,
            bornAbroad: true,
            parentBornAbroad: true,
            ministerOfReligion: minister,
            priorLegalStayYears: 0,
          });
          expect(proposal.group).not.toBe('verplicht');
        },
      ),
    );
  });
});
