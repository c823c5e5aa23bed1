/**
 * Doelgroepbepaling — a PROPOSAL of the target group from recorded facts, under the rule
 * set in force on the date of first inscription in the National Register (FL-OB-06). A case
 * worker confirms it; the full Flemish exemption list (R-01 in the public-sources file, C-01)
 * was not available, so anything the facts cannot decide becomes 'onbepaald' with codes saying
 * which fact is missing, never a guess.
 */
import { addMonths, ageOn } from './dates';
import { ruleSetOn, type RuleArea, type RuleSet } from './rule-sets';

/** verplicht, rechthebbend, onbepaald, geen doelgroep; tijdelijke bescherming apart. */
export type TargetGroup = 'verplicht' | 'rechthebbend' | 'onbepaald' | 'geen-doelgroep' | 'tijdelijke-bescherming';

/** Register in the National Register (FL-TG-01; BX-TG-01 needs the foreigners register). */
export type RegisterKind = 'population' | 'foreigners' | 'waiting' | 'none';

/** Nationality class: EU also covers EEA and Swiss (BX-EX-01). */
export type NationalityClass = 'belgian' | 'eu' | 'non-eu';

/**
 * Verblijfssituatie, coarse: 'asylum-seeker' (VIB, FL-TG-04), 'temporary-protection'
 * (FL-UA-01), 'short-stay' (cannot last > 1 year, FL-TG-05), 'residence-over-3-months' (a
 * residence title > 3 months, FL-OB-01), 'other-legal-stay', 'no-legal-stay' (FL-TG-03),
 * 'diplomat' (special ID C or D, FL-TG-03).
 */
export type ResidenceCategory =
  | 'asylum-seeker'
  | 'temporary-protection'
  | 'short-stay'
  | 'residence-over-3-months'
  | 'other-legal-stay'
  | 'no-legal-stay'
  | 'diplomat';

export interface TargetGroupFacts {
  /** Datum eerste inschrijving in het Rijksregister (in this area). */
  firstInscriptionDate?: string;
  area: RuleArea;
  birthDate?: string;
  register?: RegisterKind;
  nationality?: NationalityClass;
  residence?: ResidenceCategory;
  /** True when this is the FIRST residence title > 3 months (FL-OB-01). */
  firstResidenceTitle?: boolean;
  /** Belgians: born abroad, and at least one parent born abroad (FL-TG-01, FL-OB-02). */
  bornAbroad?: boolean;
  parentBornAbroad?: boolean;
  /** Bedienaar van een erkende eredienst (FL-OB-04). */
  ministerOfReligion?: boolean;
  /** Permanently unable to follow the trajectory through illness or disability (FL-EX-01, R-18). */
  permanentlyUnable?: boolean;
  /** Minors: part-time compulsory schooling completed (FL-TG-02). */
  compulsorySchoolingCompleted?: boolean;
  /** Brussels: years of legal stay in Belgium at first inscription (BX-TG-01). */
  priorLegalStayYears?: number;
  /** Brussels: family member of an EU citizen (F card) or other automatic exemption (BX-EX-01). */
  brusselsExemption?: boolean;
  /** Asylum seekers: contract signed before the exclusion (FL-TG-04: may continue). */
  contractSignedOn?: string;
}

/** Reason and missing-fact codes, for the UI and the audit trail. */
export type TargetGroupCode =
  | 'missing.first-inscription-date'
  | 'missing.birth-date'
  | 'missing.register'
  | 'missing.nationality'
  | 'missing.residence'
  | 'missing.first-residence-title'
  | 'missing.born-abroad'
  | 'missing.prior-legal-stay'
  | 'not-in-register'
  | 'no-legal-stay'
  | 'diplomat'
  | 'short-stay'
  | 'minor'
  | 'minor-schooling-completed'
  | 'asylum-seeker-excluded'
  | 'asylum-seeker-continues'
  | 'asylum-seeker-entitled'
  | 'temporary-protection'
  | 'belgian-not-born-abroad'
  | 'belgian-born-abroad'
  | 'eu-citizen'
  | 'aged-65-or-over'
  | 'permanently-unable'
  | 'minister-of-religion'
  | 'first-residence-title'
  | 'not-first-residence-title'
  | 'obligation-not-in-force'
  | 'brussels-not-foreigners-register'
  | 'brussels-prior-stay-3-years'
  | 'brussels-exemption';

export interface TargetGroupProposal {
  group: TargetGroup;
  /** Why (first) and what is missing ('missing.*'). */
  codes: TargetGroupCode[];
  /** Id of the rule set the proposal was made under, or null without an inscription date. */
  ruleSetId: string | null;
}

function undetermined(codes: TargetGroupCode[], ruleSet: RuleSet | null): TargetGroupProposal {
  return { group: 'onbepaald', codes, ruleSetId: ruleSet?.id ?? null };
}

/**
 * Propose the target group. `ruleSet` defaults to the one in force on the first inscription
 * date in the facts' area (FL-OB-06; Brussels BX-TG-01).
 */
export function proposeTargetGroup(facts: TargetGroupFacts, ruleSet?: RuleSet): TargetGroupProposal {
  if (facts.register === 'none') return { group: 'geen-doelgroep', codes: ['not-in-register'], ruleSetId: ruleSet?.id ?? null };
  if (!facts.firstInscriptionDate) return undetermined(['missing.first-inscription-date'], ruleSet ?? null);
  const rules = ruleSet ?? ruleSetOn(facts.firstInscriptionDate, facts.area);
  const result = (group: TargetGroup, codes: TargetGroupCode[]): TargetGroupProposal => ({ group, codes, ruleSetId: rules.id });

  const missing: TargetGroupCode[] = [];
  if (!facts.register) missing.push('missing.register');
  if (!facts.residence) missing.push('missing.residence');
  if (!facts.nationality) missing.push('missing.nationality');
  if (!facts.birthDate) missing.push('missing.birth-date');

  // FL-TG-03: no legal stay or diplomat: outside the target group whatever else is known.
  if (facts.residence === 'no-legal-stay') return result('geen-doelgroep', ['no-legal-stay']);
  if (facts.residence === 'diplomat') return result('geen-doelgroep', ['diplomat']);
  if (facts.residence === 'short-stay') return result('geen-doelgroep', ['short-stay']);
  // FL-UA-01: temporary protection is entitled, not obligated; tracked as its own group.
  if (facts.residence === 'temporary-protection') return result('tijdelijke-bescherming', ['temporary-protection']);
  if (missing.length > 0 || !facts.birthDate) return undetermined(missing, rules);

  const age = ageOn(facts.birthDate, facts.firstInscriptionDate);
  const minor = age < rules.obligation.minAge;
  // FL-TG-02 / FL-TG-08: minors integrate through education, unless schooling is completed.
  if (minor && !facts.compulsorySchoolingCompleted) return result('geen-doelgroep', ['minor']);

  if (facts.residence === 'asylum-seeker') {
    // FL-TG-04 is keyed on the CONTRACT date: a contract signed before the exclusion continues.
    const contractRules = facts.contractSignedOn ? ruleSetOn(facts.contractSignedOn, facts.area) : rules;
    if (!contractRules.targetGroup.asylumSeekersExcluded) {
      return result('rechthebbend', [facts.contractSignedOn ? 'asylum-seeker-continues' : 'asylum-seeker-entitled']);
    }
    return result('geen-doelgroep', ['asylum-seeker-excluded']);
  }

  if (facts.nationality === 'belgian') {
    if (facts.bornAbroad === undefined || (facts.bornAbroad && facts.parentBornAbroad === undefined)) {
      return undetermined(['missing.born-abroad'], rules);
    }
    if (!facts.bornAbroad || !facts.parentBornAbroad) return result('geen-doelgroep', ['belgian-not-born-abroad']);
  }

  // From here the person is entitled (FL-TG-01); the question is whether they are obligated.
  const entitled = (codes: TargetGroupCode[]): TargetGroupProposal => result('rechthebbend', codes);
  if (minor) return entitled(['minor-schooling-completed']);
  if (!rules.obligation.inForce) return entitled(['obligation-not-in-force']);
  if (age >= rules.obligation.exemptFromAge) return entitled(['aged-65-or-over']);
  if (facts.permanentlyUnable) return entitled(['permanently-unable']);

  return rules.area === 'brussels' ? brusselsObligation(facts, rules, result) : flemishObligation(facts, rules, result);
}

type Result = (group: TargetGroup, codes: TargetGroupCode[]) => TargetGroupProposal;

function flemishObligation(facts: TargetGroupFacts, rules: RuleSet, result: Result): TargetGroupProposal {
  if (facts.ministerOfReligion) return result('verplicht', ['minister-of-religion']); // FL-OB-04
  if (facts.nationality === 'belgian') return result('verplicht', ['belgian-born-abroad']); // FL-OB-02
  if (facts.nationality === 'eu') return result('rechthebbend', ['eu-citizen']); // FL-EX-01
  if (facts.residence !== 'residence-over-3-months') return result('rechthebbend', ['not-first-residence-title']);
  if (facts.firstResidenceTitle === undefined) return undetermined(['missing.first-residence-title'], rules);
  if (!facts.firstResidenceTitle) return result('rechthebbend', ['not-first-residence-title']);
  return result('verplicht', ['first-residence-title']); // FL-OB-01
}

function brusselsObligation(facts: TargetGroupFacts, rules: RuleSet, result: Result): TargetGroupProposal {
  // BX-TG-01: a foreigner, first inscribed in the foreigners register with a title > 3 months,
  // legal stay < 3 years, not exempt. Belgians and EU citizens are not obligated (BX-EX-01).
  if (facts.nationality === 'belgian') return result('rechthebbend', ['belgian-born-abroad']);
  if (facts.nationality === 'eu') return result('rechthebbend', ['eu-citizen']);
  if (facts.brusselsExemption) return result('rechthebbend', ['brussels-exemption']);
  if (facts.register !== 'foreigners') return result('rechthebbend', ['brussels-not-foreigners-register']);
  if (facts.residence !== 'residence-over-3-months') return result('rechthebbend', ['not-first-residence-title']);
  if (facts.firstResidenceTitle === undefined) return undetermined(['missing.first-residence-title'], rules);
  if (!facts.firstResidenceTitle) return result('rechthebbend', ['not-first-residence-title']);
  const maxYears = rules.obligation.maxPriorLegalStayYears;
  if (maxYears !== null) {
    if (facts.priorLegalStayYears === undefined) return undetermined(['missing.prior-legal-stay'], rules);
    if (facts.priorLegalStayYears >= maxYears) return result('rechthebbend', ['brussels-prior-stay-3-years']);
  }
  return result('verplicht', ['first-residence-title']);
}

/**
 * FL-OB-03: a minor newcomer who turns 18 before being inscribed for 12 consecutive months
 * becomes obligated on their 18th birthday. Returns that date, or null.
 */
export function obligationOnTurning18(birthDate: string, firstInscriptionDate: string): string | null {
  const eighteenth = addMonths(birthDate, 18 * 12);
  if (eighteenth <= firstInscriptionDate) return null;
  return eighteenth < addMonths(firstInscriptionDate, 12) ? eighteenth : null;
}
