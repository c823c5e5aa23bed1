import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database';
import type { JobDefinition } from '../../platform/jobs/jobs';

/** How long ended sessions and used idempotency keys are kept before the nightly clean-up. */
export const RETENTION = { endedSessionsDays: 30, idempotencyKeysHours: 48, setupTokensDays: 7 } as const;

/** Nightly clean-up of ended sessions, old idempotency keys and set-up tokens (deleting twice is harmless). */
export function accessCleanupJob(db: Database): JobDefinition {
  return {
    name: 'access.cleanup',
    schedule: '17 3 * * *',
    async handler() {
      await db.owner.execute(sql`delete from sessions
        where coalesce(revoked_at, expires_at) < now() - make_interval(days => ${RETENTION.endedSessionsDays})`);
      await db.owner.execute(sql`delete from idempotency_keys where created_at < now() - make_interval(hours => ${RETENTION.idempotencyKeysHours})`);
      await db.owner.execute(sql`delete from setup_tokens where expires_at < now() - make_interval(days => ${RETENTION.setupTokensDays})`);
    },
  };
}
