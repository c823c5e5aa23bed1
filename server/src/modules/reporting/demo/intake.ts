/**
 * What a track determiner records at the intake of a demo client: the person's situation and the
 * register facts the target-group rules decide from. The generator chooses facts, never the group:
 * `proposeTargetGroup` turns these facts into verplicht, rechthebbend, tijdelijke bescherming or
 * onbepaald under the rule set of the inscription date (and Brussels' own rules).
 */
import type { Rng } from '../../../platform/rng';
import type { CommandOf, TargetGroupFactsInput } from '../../trajectory/dossier/commands';
import { addDays } from '../../trajectory/rules/dates';
import { INTAKE } from './model';
import type { DemoPerson } from './people';
import type { Traits } from './world';

/** The group the generator aims the facts at; the rules have the last word. */
export type Aim = 'verplicht' | 'rechthebbend' | 'tijdelijke-bescherming' | 'onbepaald' | 'outside';

/** Traits of a client, drawn from the intake shares; literate people read their own script. */
export function drawTraits(rng: Rng, person: DemoPerson, temporaryProtection: boolean, obligated = false): Traits {
  const education = rng.weighted(obligated ? INTAKE.education.obligated : INTAKE.education.other);
  const literacy: Traits['literacy'] =
    education === 'none' && rng.chance(INTAKE.illiterateWithoutSchooling) ? 'illiterate'
      : (education === 'none' || education === 'primary') && rng.chance(INTAKE.lowLiterateWithPrimary) ? 'low-literate'
        : person.record.nameScript === 'latin' ? 'literate-latin' : 'literate-other-script';
  const working = rng.chance(INTAKE.working);
  const fast = education === 'higher' ? 0.5 : education === 'secondary' ? 0.25 : 0.08;
  return {
    literacy,
    education,
    working,
    studying: !working && rng.chance(INTAKE.studying),
    allowedToWork: !rng.chance(INTAKE.notAllowedToWork),
    diplomaAbroad: (education === 'higher' && rng.chance(INTAKE.diplomaAbroad.higher)) || (education === 'secondary' && rng.chance(INTAKE.diplomaAbroad.secondary)),
    knowledge: education === 'higher' ? 0.87 + rng.next() * 0.12 : 0.82 + rng.next() * 0.17,
    presence: 0.82 + rng.next() * 0.17,
    aptitude: rng.chance(fast) ? 'fast' : rng.chance(literacy === 'illiterate' || literacy === 'low-literate' ? 0.6 : 0.2) ? 'slow' : 'average',
    temporaryProtection,
  };
}

/**
 * Register facts that make the rules propose `aim`: a first residence title over 3 months for an
 * obligated person (in Brussels with less than 3 years of legal stay), an EU nationality or a later
 * title for an entitled one, temporary protection, a missing residence fact for an undetermined
 * one, a short stay (before 1 March 2022) or an asylum application (after) for someone outside.
 */
export function targetGroupFacts(rng: Rng, aim: Aim, person: DemoPerson, inscribedOn: string, brussels: boolean): TargetGroupFactsInput {
  const base = { firstInscriptionDate: inscribedOn, register: 'foreigners', nationality: person.eu ? 'eu' : 'non-eu' } as const;
  switch (aim) {
    case 'verplicht':
      return { ...base, residence: 'residence-over-3-months', firstResidenceTitle: true, ...(brussels ? { priorLegalStayYears: rng.int(0, 2) } : {}) };
    case 'rechthebbend':
      if (person.eu) return { ...base, residence: 'residence-over-3-months', firstResidenceTitle: true };
      return rng.chance(0.7)
        ? { ...base, residence: 'residence-over-3-months', firstResidenceTitle: false }
        : { ...base, residence: 'other-legal-stay' };
    case 'tijdelijke-bescherming':
      return { ...base, residence: 'temporary-protection' };
    case 'onbepaald':
      return { firstInscriptionDate: inscribedOn, nationality: base.nationality };
    case 'outside':
      return { ...base, residence: inscribedOn < '2022-03-01' ? 'short-stay' : 'asylum-seeker' };
  }
}

const GOALS = ['werk vinden', 'Nederlands leren', 'diploma laten erkennen', 'verder studeren', 'eigen zaak starten', 'kinderen naar school', 'rijbewijs halen'];

/** The record-intake command: the situation as the client tells it, with the register facts. */
export function intakeCommand(
  rng: Rng,
  date: string,
  person: DemoPerson,
  traits: Traits,
  facts: TargetGroupFactsInput,
): CommandOf<'record-intake'> {
  const skills = traits.education === 'higher' ? 2 : traits.education === 'secondary' ? 1 : 0;
  const answer = () => Math.min(2, Math.max(0, skills + rng.int(-1, 1)));
  const children = rng.weighted([[0, 40], [1, 18], [2, 22], [3, 12], [4, 8]] as const);
  return {
    type: 'record-intake',
    date,
    language: person.language,
    interpreterUsed: !['nl', 'en', 'fr'].includes(person.language) && rng.chance(0.7),
    mode: rng.weighted(INTAKE.mode),
    education: { level: traits.education, diplomaAbroad: traits.diplomaAbroad },
    workHistory: traits.working ? 'Werkt in loondienst.' : '',
    working: traits.working,
    studying: traits.studying,
    allowedToWork: traits.allowedToWork,
    literacy: traits.literacy,
    digitalSkills: { hasDevice: rng.chance(0.85), hasInternet: rng.chance(0.8), answers: { smartphone: Math.max(1, answer()), email: answer(), onlineForms: answer(), videoCall: answer() } },
    family: { partner: rng.chance(0.6), children, childcareNeeded: children > 0 && rng.chance(0.25) },
    goals: [rng.pick(GOALS), ...(rng.chance(0.5) ? [rng.pick(GOALS)] : [])].filter((g, i, all) => all.indexOf(g) === i),
    targetGroupFacts: facts,
  };
}

/** First inscription in the National Register some weeks to months before the sign-up. */
export const inscriptionBefore = (rng: Rng, signUp: string) => addDays(signUp, -rng.int(20, 300));
