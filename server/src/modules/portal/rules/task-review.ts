/**
 * What an accepted portal task records in the dossier: the case worker's acceptance turns the
 * newcomer's proof into the trajectory's own command, which the trajectory rules then judge like
 * any other (a registration before the contract, or hours for a pillar the contract does not have,
 * are refused there). Pure.
 */
import type { DossierCommand } from '../../trajectory';
import type { TaskKind } from '../portal-data.schema';

export interface AcceptedTask {
  kind: TaskKind;
  title: string | null;
  activityName: string | null;
  /** The day the newcomer submitted it (Belgian date). */
  submittedOn: string;
}

export type TaskFact =
  | { command: DossierCommand }
  | { command: null }
  /** The review lacks something this kind needs, or has something it does not take. */
  | { missing: 'hours' }
  | { notAllowed: 'hours' };

/**
 * R-07 / FL-DL-05: an accepted employment-service task records the registration, on the day it
 * happened (default: the day the newcomer submitted it). R-08 / WF-08: an accepted proof of
 * participation records its hours for the chosen activity. Other kinds record nothing.
 */
export function factOfAcceptedTask(task: AcceptedTask, review: { hours?: number | undefined; date?: string | undefined }, today: string): TaskFact {
  const happenedOn = review.date ?? task.submittedOn;
  switch (task.kind) {
    case 'register-employment-service':
      if (review.hours !== undefined) return { notAllowed: 'hours' };
      return { command: { type: 'record-work-registration', date: today, registeredOn: happenedOn } };
    case 'upload-participation-proof':
      if (review.hours === undefined) return { missing: 'hours' };
      return { command: { type: 'record-participation', date: happenedOn, activity: task.activityName ?? task.title ?? 'Bewijs van deelname', hours: review.hours } };
    default:
      return review.hours === undefined ? { command: null } : { notAllowed: 'hours' };
  }
}
