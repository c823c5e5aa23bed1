/**
 * Inburgeringsattest — whether the certificate can be issued, by combining the four pillars
 * under the rule set of the CONTRACT date (R-03, table 3.10; FL-AT-02, FL-AT-03). MO tests
 * inside are still judged by the rule set of their own date.
 */
import {
  moStatus,
  nt2Status,
  participationStatus,
  workStatus,
  type MoFacts,
  type Nt2Facts,
  type PillarCode,
  type PillarResult,
  type RuleSetForDate,
} from './pillars';
import { ruleSetOn, type RuleArea, type RuleSet } from './rule-sets';

export interface DossierFacts {
  area: RuleArea;
  asOf: string;
  contractSignedOn: string;
  /** Target group at the contract: only obligated clients must do the participation track (FL-DL-10). */
  obligated: boolean;
  working: boolean;
  studying: boolean;
  allowedToWork: boolean;
  mo: MoFacts;
  nt2: Nt2Facts;
  vdabRegisteredOn?: string;
  participationActivities?: ReadonlyArray<{ date: string; hours: number }>;
}

/** Certificate-level codes: a pillar code, or a pillar as a whole still open. */
export type CertificateCode = PillarCode | 'mo.not-completed' | 'nt2.not-completed' | 'work.not-completed' | 'participation.not-completed';

export interface CertificateConditions {
  canIssue: boolean;
  missing: CertificateCode[];
  /** Per-pillar detail, for the dossier screen. */
  pillars: { mo: PillarResult; nt2: PillarResult; work: PillarResult; participation: PillarResult };
  ruleSetId: string;
}

const DONE = new Set(['completed', 'exempted', 'not-required', 'optional']);

/**
 * Certificate conditions (FL-AT-02): MO passed or exempted; NT2 at A2 (illiterate exception,
 * R-04), with the standardised test where the rule set requires it; registered with
 * VDAB/Actiris where required (FL-DL-07); participation ≥ 40 h for obligated non-working,
 * non-studying clients (FL-DL-10). Pre-2022 contracts: regular MO participation.
 */
export function certificateConditions(
  dossier: DossierFacts,
  ruleSet: RuleSet = ruleSetOn(dossier.contractSignedOn, dossier.area),
  ruleSetForDate?: RuleSetForDate,
): CertificateConditions {
  const pillars = {
    mo: moStatus(dossier.mo, ruleSet, ruleSetForDate),
    nt2: nt2Status(dossier.nt2, ruleSet),
    work: workStatus(
      {
        asOf: dossier.asOf,
        contractSignedOn: dossier.contractSignedOn,
        allowedToWork: dossier.allowedToWork,
        ...(dossier.vdabRegisteredOn !== undefined ? { registeredOn: dossier.vdabRegisteredOn } : {}),
      },
      ruleSet,
    ),
    participation: participationStatus(
      {
        obligated: dossier.obligated,
        working: dossier.working,
        studying: dossier.studying,
        ...(dossier.participationActivities !== undefined ? { activities: dossier.participationActivities } : {}),
      },
      ruleSet,
    ),
  };
  const missing: CertificateCode[] = [];
  for (const [name, result] of Object.entries(pillars) as Array<[keyof typeof pillars, PillarResult]>) {
    if (DONE.has(result.status)) continue;
    missing.push(`${name}.not-completed`, ...result.missing);
  }
  return { canIssue: missing.length === 0, missing, pillars, ruleSetId: ruleSet.id };
}
