/**
 * Begeleidingsdossier — the recorded facts of one person's trajectory, as stored (JSON) and as the
 * rule functions read them. Nothing here is computed: pillar statuses, deadlines and the follow-up
 * list are derived from this state and a date by evaluate.ts, so they are never stale.
 */
import { addDays } from '../rules/dates';
import type { MoFacts, Nt2Facts } from '../rules/pillars';
import type { ExemptionReason, MoProfile, RuleArea, SuspensionReason } from '../rules/rule-sets';
import type { TargetGroup, TargetGroupProposal } from '../rules/target-group';
import type {
  CLOSURE_REASONS,
  EDUCATION_LEVELS,
  INFRINGEMENT_KINDS,
  LITERACY,
  SIGN_UP_CHANNELS,
  TargetGroupFactsInput,
} from './commands';

export const DOSSIER_STATUSES = ['signed-up', 'intake-done', 'running', 'suspended', 'closed', 'transferred'] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];
export type ClosureReason = (typeof CLOSURE_REASONS)[number];
export type InfringementKind = (typeof INFRINGEMENT_KINDS)[number];
export { CERTIFICATE_KINDS, type CertificateKind } from '../../../platform/pdf/certificate-pdf';
import type { CertificateKind } from '../../../platform/pdf/certificate-pdf';

export interface Intake {
  date: string;
  language: string;
  interpreterUsed: boolean;
  mode: 'physical' | 'digital' | 'group';
  education: { level: (typeof EDUCATION_LEVELS)[number]; diplomaAbroad: boolean; description?: string | undefined };
  workHistory: string;
  literacy: (typeof LITERACY)[number];
  digitalSkills: { hasDevice: boolean; hasInternet: boolean; score: number; level: 'none' | 'basic' | 'sufficient' };
  family: { partner: boolean; children: number; childcareNeeded: boolean };
  goals: string[];
  targetGroupFacts: TargetGroupFactsInput;
  targetGroupProposal: TargetGroupProposal;
  proposedProfileId: string;
}

export interface Period {
  id: string;
  kind: 'suspension' | 'postponement-sign-up' | 'postponement-contract';
  reason: SuspensionReason;
  proof: string;
  proofReceivedOn: string;
  from: string;
  to: string;
  /** The day the trajectory resumed, when the period was ended early; the day before was the last one suspended. */
  endedOn?: string | undefined;
  certificateNumber: string;
}

/** Inbreuk (ENT-34) and its enforcement chain (WF-11). */
export type Infringement = {
  id: string;
  kind: InfringementKind;
  description: string;
  detectedOn: string;
  status: 'detected' | 'notice-sent' | 'complied' | 'handed-over' | 'annulled';
  notice?: { sentOn: string; complyBy: string } | undefined;
  compliedOn?: string | undefined;
  handedOver?: { on: string; evidence: string[] } | undefined;
  annulled?: { on: string; change: string } | undefined;
};

export interface IssuedCertificate {
  kind: CertificateKind;
  number: string;
  issuedOn: string;
  ruleSetId: string;
}

/** A type alias (not an interface) so it fits the API's loose JSON object schema. */
export type DossierState = {
  area: RuleArea;
  status: DossierStatus;
  signUp: {
    date: string;
    channel: (typeof SIGN_UP_CHANNELS)[number];
    referrer?: string | undefined;
    letterSentOn?: string | undefined;
  };
  intake: Intake | null;
  decision: {
    date: string;
    targetGroup: TargetGroup;
    overrideReason?: string | undefined;
    profileId: string;
    moProfile: MoProfile;
    products: string[];
    brusselsTrack?: 'dutch' | 'french' | undefined;
    moLanguage?: string | undefined;
  } | null;
  contract: { signedOn: string; ruleSetId: string; obligated: boolean; participationAddendum: boolean } | null;
  pip: { updatedOn: string; goals: string[]; steps: Array<{ description: string; dueOn?: string | undefined; done: boolean }> } | null;
  situation: { working: boolean; studying: boolean; allowedToWork: boolean };
  mo: MoFacts;
  nt2: Nt2Facts & { provider?: string | undefined; regularParticipation?: boolean | undefined };
  work: { registeredOn?: string | undefined };
  participation: { activities: Array<{ date: string; hours: number; activity: string }> };
  diplomaRecognitionRequestedOn?: string | undefined;
  limitedLearningCapacity?: { date: string; basis: string } | undefined;
  periods: Period[];
  exemption: { date: string; reason: ExemptionReason; proof: string; certificateNumber: string } | null;
  certificates: IssuedCertificate[];
  infringements: Infringement[];
  closure: { date: string; reason: ClosureReason; note?: string | undefined } | null;
  caseWorkerId: string | null;
  /** Last date any command took effect: later commands may not be dated before the sign-up. */
  lastEventOn: string;
};

/** The dossier is still being worked on: not closed and not handed to another agency. */
export function isOpen(state: DossierState): boolean {
  return state.status !== 'closed' && state.status !== 'transferred';
}

/** The last day a period covers: the day before it was ended early, else its planned end. */
export function lastDayOf(period: Period): string {
  return period.endedOn ? addDays(period.endedOn, -1) : period.to;
}

/** The suspension period running on `date`, if any. */
export function activeSuspension(state: DossierState, date: string): Period | undefined {
  return state.periods.find((p) => p.kind === 'suspension' && p.from <= date && lastDayOf(p) >= date);
}

/**
 * The status on `date`: a running trajectory is suspended while a suspension period covers the
 * date, so a suspension recorded ahead of time starts and ends by itself.
 */
export function statusOn(state: DossierState, date: string): DossierStatus {
  if (state.status !== 'running' && state.status !== 'suspended') return state.status;
  return activeSuspension(state, date) ? 'suspended' : 'running';
}
