import { isDeepStrictEqual } from 'node:util';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../platform/db/database';
import type { JobDefinition } from '../../platform/jobs/jobs';
import type { DossierState } from './dossier/state';
import { belgianDate, deriveDossier } from './trajectory.service';

export interface FollowUpRun {
  asOf: string;
  dossiers: number;
  changed: number;
}

/**
 * The daily follow-up (opvolgingslijst): recomputes pillars, deadlines and follow-up items of every
 * running dossier of every agency for `asOf`, and writes only what changed. Pages through the
 * dossiers by id, so memory stays at one batch whatever the number of dossiers; running it twice
 * for the same day changes nothing the second time.
 */
export async function recomputeFollowUp(db: Database, asOf: string, options: { batchSize?: number } = {}): Promise<FollowUpRun> {
  const batchSize = options.batchSize ?? 2000;
  let after = '00000000-0000-0000-0000-000000000000';
  let dossiers = 0;
  let changed = 0;
  for (;;) {
    const rows = await queryRows<{ id: string; state: DossierState; follow_up: unknown; urgency: number; next_due_on: string | null; pillars: unknown }>(
      db.owner,
      sql`select id, state, follow_up, urgency, to_char(next_due_on, 'YYYY-MM-DD') as next_due_on, pillars from dossiers
        where id > ${after}::uuid and status not in ('closed', 'transferred') order by id limit ${batchSize}`,
    );
    if (!rows.length) break;
    const updates = [];
    for (const row of rows) {
      const derived = deriveDossier(row.state, asOf);
      const same =
        row.urgency === derived.urgency &&
        row.next_due_on === derived.nextDueOn &&
        // jsonb reorders object keys, so compare structurally, not as text.
        isDeepStrictEqual(row.follow_up, derived.followUp) &&
        isDeepStrictEqual(row.pillars, derived.pillars);
      if (!same) {
        updates.push({ id: row.id, follow_up: derived.followUp, next_due_on: derived.nextDueOn, urgency: derived.urgency, pillars: derived.pillars });
      }
    }
    if (updates.length) {
      // One statement per batch: the whole batch travels as one JSON parameter.
      await db.owner.execute(sql`update dossiers d set follow_up = u.follow_up, next_due_on = u.next_due_on, urgency = u.urgency,
          pillars = u.pillars, computed_on = ${asOf}::date
        from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as u(id uuid, follow_up jsonb, next_due_on date, urgency smallint, pillars jsonb)
        where d.id = u.id`);
    }
    dossiers += rows.length;
    changed += updates.length;
    after = rows.at(-1)!.id;
  }
  return { asOf, dossiers, changed };
}

/** Every night at 01:15 Brussels time. */
export function followUpJob(db: Database, clock: () => Date): JobDefinition {
  return {
    name: 'trajectory.follow-up',
    schedule: '15 1 * * *',
    async handler() {
      await recomputeFollowUp(db, belgianDate(clock()));
    },
  };
}
