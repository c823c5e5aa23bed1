import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ActorContext } from '../context';
import { queryRows, type Database } from '../db/database';
import { AppError, invalidField } from '../errors';

/** A claim whose write never finished (the process died) is taken over after this long. */
export const ABANDONED_CLAIM_SECONDS = 120;

export interface WriteResult<T> {
  status: number;
  body: T;
  headers?: Record<string, string>;
}

/**
 * Runs a write at most once per Idempotency-Key (per tenant and actor). A retry of the same request
 * replays the stored response; the same key with another request is refused. The key is claimed
 * before the write, so two concurrent retries cannot both run it.
 */
export async function idempotentWrite<T>(
  db: Database,
  ctx: ActorContext,
  request: FastifyRequest,
  reply: FastifyReply,
  write: () => Promise<WriteResult<T>>,
): Promise<T> {
  const key = request.headers['idempotency-key'];
  const send = (result: WriteResult<T>) => {
    reply.code(result.status);
    for (const [k, v] of Object.entries(result.headers ?? {})) reply.header(k, v);
    return result.body;
  };
  if (key === undefined) return send(await write());
  if (typeof key !== 'string' || !/^[A-Za-z0-9_.:-]{8,200}$/.test(key)) {
    throw invalidField('header.idempotency-key', 'idempotency-key-format');
  }
  const actor = ctx.actor.userId ?? ctx.actor.tokenId ?? 'anonymous';
  const requestHash = createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
  const claimed = await queryRows<{ key: string }>(
    db.owner,
    sql`insert into idempotency_keys (tenant_id, actor, key, method, path, request_hash, status_code)
      values (${ctx.actor.tenantId}, ${actor}, ${key}, ${request.method}, ${request.url}, ${requestHash}, 0)
      on conflict (tenant_id, actor, key) do update set created_at = now(), request_hash = excluded.request_hash,
        method = excluded.method, path = excluded.path
        where idempotency_keys.status_code = 0 and idempotency_keys.created_at < now() - make_interval(secs => ${ABANDONED_CLAIM_SECONDS})
      returning key`,
  );
  if (!claimed.length) {
    const [previous] = await queryRows<{ request_hash: string; status_code: number; response_body: T; response_headers: Record<string, string> }>(
      db.owner,
      sql`select request_hash, status_code, response_body, response_headers from idempotency_keys
        where tenant_id = ${ctx.actor.tenantId} and actor = ${actor} and key = ${key}`,
    );
    if (!previous || previous.request_hash !== requestHash) throw new AppError('idempotency-mismatch');
    if (previous.status_code === 0) throw new AppError('conflict', { values: { reason: 'request-in-progress' } });
    reply.header('Idempotent-Replayed', 'true');
    return send({ status: previous.status_code, body: previous.response_body, headers: previous.response_headers });
  }
  try {
    const result = await write();
    await db.owner.execute(sql`update idempotency_keys set status_code = ${result.status},
        response_body = ${JSON.stringify(result.body)}::jsonb, response_headers = ${JSON.stringify(result.headers ?? {})}::jsonb
      where tenant_id = ${ctx.actor.tenantId} and actor = ${actor} and key = ${key}`);
    return send(result);
  } catch (error) {
    // A failed write stored nothing, so the key is released and a corrected retry may use it.
    await db.owner.execute(sql`delete from idempotency_keys where tenant_id = ${ctx.actor.tenantId} and actor = ${actor} and key = ${key}`);
    throw error;
  }
}
