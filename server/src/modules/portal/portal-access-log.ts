/**
 * "Who looked at my data" (issue 6 §6): the audit log of the person's record, their dossiers and
 * their NT2 conversations, placements and test bookings, newest first, page by page: which
 * organisation, in which role, for which purpose, did what. The newcomer's own use of the portal
 * (purpose own-data) is left out: the list is there to show how others use their data.
 */
import { sql } from 'drizzle-orm';
import { queryRows, withTenant } from '../../platform/db/database';
import { listAccessToSubjects, recordAudit, scopeOf } from '../access';
import type { PortalContext } from './portal-identity';
import type { PortalDataDeps } from './portal-trajectory';

type AuditRow = Awaited<ReturnType<typeof listAccessToSubjects>>[number];

function accessLogEntry(e: AuditRow) {
  return {
    id: e.id,
    at: new Date(e.occurred_at).toISOString(),
    organisation: e.actor_organisation_name ?? '',
    role: e.actor_roles[0] ?? (e.actor_token_id ? 'api-token' : ''),
    roles: e.actor_roles,
    purpose: e.purpose,
    action: e.action,
    what: e.subject_type,
    summary: e.summary,
  };
}

export async function myAccessLog(deps: PortalDataDeps, ctx: PortalContext, page: { limit: number; before?: string | undefined }) {
  const personId = ctx.portal.personId;
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const [ids] = await queryRows<{ dossiers: string[]; conversations: string[]; placements: string[]; bookings: string[] }>(
      tx,
      sql`select
          array(select id::text from dossiers where person_id = ${personId}) as dossiers,
          array(select id::text from nt2_conversations where person_id = ${personId}) as conversations,
          array(select id::text from nt2_placements where person_id = ${personId}) as placements,
          array(select id::text from test_bookings where person_id = ${personId}) as bookings`,
    );
    const subjects = { person: [personId], dossier: ids!.dossiers, 'nt2-conversation': ids!.conversations, 'nt2-placement': ids!.placements, 'test-booking': ids!.bookings };
    const rows = await listAccessToSubjects(tx, subjects, page.limit, page.before ?? null, 'own-data');
    await recordAudit(tx, ctx, { action: 'read', subjectType: 'person', subjectId: personId, summary: 'portal: who looked at my data' });
    return { items: rows.map(accessLogEntry), next: rows.length === page.limit ? rows.at(-1)!.id : null };
  });
}
