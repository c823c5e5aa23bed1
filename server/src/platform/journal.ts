import { sql } from 'drizzle-orm';
import type { ActorContext } from './context';
import type { Executor } from './db/database';

/**
 * Appends one immutable journal entry in the caller's transaction: the one way any module records a
 * change to a dossier. Nothing updates or deletes entries (a trigger refuses it).
 */
export async function appendJournal(
  tx: Executor,
  ctx: ActorContext,
  entry: { dossierId: string; type: string; payload: unknown; effectiveAt: Date; schemaVersion?: number },
): Promise<void> {
  const a = ctx.actor;
  await tx.execute(sql`insert into journal_entries (tenant_id, dossier_id, entry_type, schema_version, payload,
      actor_user_id, actor_token_id, purpose, effective_at, request_id)
    values (${a.tenantId}, ${entry.dossierId}, ${entry.type}, ${entry.schemaVersion ?? 1}, ${JSON.stringify(entry.payload)}::jsonb,
      ${a.userId}, ${a.tokenId}, ${a.purpose}, ${entry.effectiveAt.toISOString()}, ${ctx.requestId})`);
}
