import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database';
import type { JobDefinition } from '../../platform/jobs/jobs';
import { PORTAL_IDLE_MS } from './portal-identity';

/**
 * How long sign-in traces are kept: a day for codes and OpenID Connect sign-ins under way (past the
 * hour the code limit counts), a month for ended sessions, as for staff sessions.
 */
export const SIGN_IN_RETENTION = { loginCodesHours: 24, oidcLoginsHours: 24, endedSessionsDays: 30 } as const;

/** Nightly clean-up of the portal's sign-in traces (deleting twice is harmless). */
export function portalSignInCleanupJob(db: Database): JobDefinition {
  return {
    name: 'portal.sign-in-cleanup',
    schedule: '23 3 * * *',
    async handler() {
      await db.owner.execute(sql`delete from portal_login_codes where created_at < now() - make_interval(hours => ${SIGN_IN_RETENTION.loginCodesHours})`);
      await db.owner.execute(sql`delete from portal_oidc_logins where expires_at < now() - make_interval(hours => ${SIGN_IN_RETENTION.oidcLoginsHours})`);
      await db.owner.execute(sql`delete from portal_sessions
        where least(coalesce(revoked_at, expires_at), last_seen_at + make_interval(secs => ${PORTAL_IDLE_MS / 1000}))
          < now() - make_interval(days => ${SIGN_IN_RETENTION.endedSessionsDays})`);
    },
  };
}
