/**
 * Advies NT2 — the advice types the Dutch-learning consultant chooses from after the NT2
 * conversation, with the provider kinds that may serve them and their length. The advice is
 * binding on the education centre: a placement must be in a module that serves it.
 *
 * Pure data and pure functions: no SQL, no HTTP. Source of the table: ENT-20 (AgII annual report
 * 2023 [001]); WF-06 step 3 for who gives it.
 */

export const PROVIDER_KINDS = ['CBE', 'CVO', 'UTC', 'other'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export type LengthUnit = 'lesson-periods' | 'hours';

export interface AdviceTypeDefinition {
  /** Dutch name as used in KBI and the published figures. */
  label: string;
  /** Provider kinds that may serve this advice (ENT-20 "Provider"); none for "zonder gevolg". */
  providers: readonly ProviderKind[];
  /** Course length (lestijden or hours), null when the advice sets none. */
  length: { amount: number; unit: LengthUnit } | null;
  /** Level the course aims at, as ENT-20 states it. */
  targetLevel: string | null;
  /** True when the person does not go on to a course: nobody can place on it. */
  noFollowUp?: true;
  source: 'ENT-20';
}

/** ENT-20: the advice types, in the order of the table. */
export const ADVICE_TYPES = {
  'cbe-alfa-long': {
    label: 'CBE alfa (lang)',
    providers: ['CBE'],
    length: { amount: 1140, unit: 'lesson-periods' },
    targetLevel: 'oral A2, reading and writing A1',
    source: 'ENT-20',
  },
  'cbe-alfa-short': {
    label: 'CBE alfa (kort)',
    providers: ['CBE'],
    length: { amount: 600, unit: 'lesson-periods' },
    targetLevel: 'oral A2, written limited self-reliance',
    source: 'ENT-20',
  },
  'cbe-nt2': { label: 'CBE NT2', providers: ['CBE'], length: { amount: 480, unit: 'lesson-periods' }, targetLevel: 'A2 oral and written', source: 'ENT-20' },
  'latin-script-cbe': { label: 'Latijns schrift (CBE)', providers: ['CBE'], length: { amount: 180, unit: 'hours' }, targetLevel: null, source: 'ENT-20' },
  'latin-script-cvo': { label: 'Latijns schrift (CVO)', providers: ['CVO'], length: { amount: 40, unit: 'hours' }, targetLevel: null, source: 'ENT-20' },
  'cvo-standard': { label: 'CVO standaard', providers: ['CVO'], length: { amount: 240, unit: 'hours' }, targetLevel: 'A2', source: 'ENT-20' },
  'cvo-extended': { label: 'CVO verlengd', providers: ['CVO'], length: { amount: 360, unit: 'hours' }, targetLevel: 'A2', source: 'ENT-20' },
  'cvo-utc-shortened': { label: 'CVO of UTC verkort', providers: ['CVO', 'UTC'], length: { amount: 160, unit: 'hours' }, targetLevel: 'A2', source: 'ENT-20' },
  'other': { label: 'Andere', providers: ['other'], length: null, targetLevel: null, source: 'ENT-20' },
  'no-follow-up': { label: 'Zonder gevolg', providers: [], length: null, targetLevel: null, noFollowUp: true, source: 'ENT-20' },
} as const satisfies Record<string, AdviceTypeDefinition>;

export type AdviceType = keyof typeof ADVICE_TYPES;
export const ADVICE_TYPE_IDS = Object.keys(ADVICE_TYPES) as [AdviceType, ...AdviceType[]];

export function isAdviceType(value: string): value is AdviceType {
  return Object.hasOwn(ADVICE_TYPES, value);
}

export function adviceTypeDefinition(type: AdviceType): AdviceTypeDefinition {
  return ADVICE_TYPES[type];
}

/** A refusal by these rules: the service turns it into the 422 rule-violation problem. */
export interface Nt2Refusal {
  rule: string;
  refusal: string;
  values?: Record<string, string | number>;
}

/**
 * ENT-20: a module may only declare advice types that its kind of provider serves (a CVO module
 * cannot serve a CBE alfa advice); "zonder gevolg" is served by nobody.
 */
export function checkModuleAdviceTypes(kind: ProviderKind, types: readonly AdviceType[]): Nt2Refusal | null {
  for (const type of types) {
    if (!(ADVICE_TYPES[type].providers as readonly ProviderKind[]).includes(kind)) {
      return { rule: 'ENT-20', refusal: 'nt2-advice-type-not-for-provider', values: { adviceType: type, providerKind: kind } };
    }
  }
  return null;
}

/**
 * the advice binds the provider, so a person is placed only in a module that serves the
 * person's binding (latest) advice; without an advice, or with "zonder gevolg", nobody is placed.
 */
export function checkPlacementFitsAdvice(advice: { type: AdviceType } | null, module: { adviceTypes: readonly string[] }): Nt2Refusal | null {
  if (!advice) return { rule: 'R-15', refusal: 'nt2-advice-required' };
  if ('noFollowUp' in ADVICE_TYPES[advice.type]) return { rule: 'R-15', refusal: 'nt2-advice-no-follow-up', values: { adviceType: advice.type } };
  if (!module.adviceTypes.includes(advice.type)) {
    return { rule: 'R-15', refusal: 'nt2-placement-contradicts-advice', values: { adviceType: advice.type, served: module.adviceTypes.join(', ') } };
  }
  return null;
}

/** a conversation ends in ONE binding advice; the binding one of a person is the latest. */
export function bindingAdvice<A extends { advisedOn: string; createdAt: string }>(advices: readonly A[]): A | null {
  let latest: A | null = null;
  for (const a of advices) {
    if (!latest || a.advisedOn > latest.advisedOn || (a.advisedOn === latest.advisedOn && a.createdAt > latest.createdAt)) latest = a;
  }
  return latest;
}
