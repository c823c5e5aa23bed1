/** The trajectory's door: what the platform and other modules may use. */
import type { ActorContext } from '../../platform/context';
import type { Tx } from '../../platform/db/database';
import { appendJournal } from '../../platform/journal';
import { onPersonChanged } from '../persons';
import { annulOnChange } from './dossier/decide';
import * as q from './trajectory.queries';
import { belgianDate, deriveDossier } from './trajectory.service';

export { registerTrajectoryRoutes } from './routes/trajectory.routes';
export { followUpJob, recomputeFollowUp } from './trajectory.jobs';
export { recordInRunningDossier, runningDossierState, belgianDate } from './trajectory.service';
export type { DossierState } from './dossier/state';
export type { DossierCommand } from './dossier/commands';

/**
 * a new address annuls the running infringements of the person's open dossier, in the same
 * transaction as the address change.
 */
async function annulInfringementsOnAddressChange(tx: Tx, ctx: ActorContext, personId: string, changed: readonly string[]) {
  if (!changed.some((field) => field === 'street' || field === 'municipalityNis' || field === 'postalCode' || field === 'houseNumber')) return;
  const today = belgianDate(new Date());
  for (const row of await q.findDossiersOfPerson(tx, personId)) {
    const result = annulOnChange(row.state, today, 'address');
    if (!result) continue;
    await q.updateDossier(tx, row.id, row.version, result.state, deriveDossier(result.state, today));
    await appendJournal(tx, ctx, { dossierId: row.id, type: 'dossier.infringements-annulled', payload: { change: 'address', annulled: result.annulled }, effectiveAt: new Date() });
  }
}

/** Connects the trajectory to the person registry's change notices; calling it twice is harmless. */
export function connectTrajectory(): void {
  onPersonChanged(annulInfringementsOnAddressChange);
}
