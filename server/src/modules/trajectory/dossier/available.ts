/**
 * Which actions make sense on a dossier now, and which permission each needs: the dossier page
 * shows these as buttons. Availability is a hint from the state only; the decision function
 * still checks every rule when the action is taken.
 */
import type { Permission } from '../../access/roles';
import type { DossierCommandType } from './commands';
import { SUSPENSION_SAFE } from './decide';
import { activeSuspension, isOpen, statusOn, type DossierState } from './state';

export const COMMAND_PERMISSION: Record<DossierCommandType, Permission> = {
  'record-intake': 'dossier.intake',
  'decide-intake': 'dossier.intake',
  'sign-contract': 'dossier.guide',
  'update-pip': 'dossier.guide',
  'record-situation': 'dossier.guide',
  'record-mo-course': 'dossier.result.record',
  'record-mo-test': 'dossier.result.record',
  'record-mo-process-evaluation': 'dossier.result.record',
  'record-nt2-enrolment': 'dossier.result.record',
  'record-nt2-result': 'dossier.result.record',
  'record-nt2-standardised-test': 'dossier.result.record',
  'record-work-registration': 'dossier.result.record',
  'record-participation': 'dossier.result.record',
  'record-diploma-recognition-request': 'dossier.guide',
  'record-limited-learning-capacity': 'dossier.guide',
  'start-suspension': 'dossier.guide',
  'end-suspension': 'dossier.guide',
  'grant-exemption': 'dossier.certificate.issue',
  'issue-certificate': 'dossier.certificate.issue',
  'close': 'dossier.guide',
  'record-change-of-circumstances': 'dossier.guide',
  'record-infringement': 'enforcement.record',
  'send-notice-of-default': 'enforcement.record',
  'record-compliance': 'enforcement.record',
  'hand-over-to-enforcement': 'enforcement.record',
  'assign-case-worker': 'dossier.guide',
};

const openInfringement = (state: DossierState, statuses: string[]) => state.infringements.some((i) => statuses.includes(i.status));

const AVAILABLE: Record<DossierCommandType, (state: DossierState, today: string) => boolean> = {
  'record-intake': (s) => !s.contract,
  'decide-intake': (s) => s.intake !== null && !s.contract,
  'sign-contract': (s) => s.decision !== null && !s.contract,
  'update-pip': (s) => s.contract !== null,
  'record-situation': () => true,
  'record-mo-course': (s) => s.contract !== null,
  'record-mo-test': (s) => s.intake !== null,
  'record-mo-process-evaluation': (s) => s.contract !== null,
  'record-nt2-enrolment': (s) => s.intake !== null,
  'record-nt2-result': (s) => s.intake !== null,
  'record-nt2-standardised-test': (s) => s.intake !== null,
  'record-work-registration': (s) => s.contract !== null,
  'record-participation': (s) => s.contract !== null,
  'record-diploma-recognition-request': (s) => s.contract !== null && s.intake?.education.diplomaAbroad === true,
  'record-limited-learning-capacity': (s) => s.contract !== null,
  'start-suspension': () => true,
  'end-suspension': (s, today) => activeSuspension(s, today) !== undefined,
  'grant-exemption': (s) => s.decision?.targetGroup === 'verplicht',
  'issue-certificate': (s) => s.contract !== null,
  'close': () => true,
  'record-change-of-circumstances': () => true,
  'record-infringement': (s) => s.decision?.targetGroup === 'verplicht' || s.decision?.targetGroup === 'rechthebbend',
  'send-notice-of-default': (s) => openInfringement(s, ['detected']),
  'record-compliance': (s) => openInfringement(s, ['detected', 'notice-sent']),
  'hand-over-to-enforcement': (s) => openInfringement(s, ['notice-sent']),
  'assign-case-worker': () => true,
};

export function availableCommands(state: DossierState, today: string): DossierCommandType[] {
  if (!isOpen(state)) return [];
  const suspended = statusOn(state, today) === 'suspended';
  return (Object.keys(AVAILABLE) as DossierCommandType[]).filter(
    (type) => AVAILABLE[type](state, today) && (!suspended || SUSPENSION_SAFE.has(type)),
  );
}
