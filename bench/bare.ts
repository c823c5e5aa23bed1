/**
 * The baseline: a bare Fastify instance with one route that does one primary-key query on the same
 * Database (pool or PGlite instance) as Kruispunt, as the schema owner, outside any transaction.
 * No authentication, no row-level security, no audit: the floor of what an HTTP + SQL round trip costs.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { normalizeForSearch } from '../server/src/modules/persons/rules/names';
import type { Database } from '../server/src/platform/db/database';
import { nameSearch } from './search-adapter';

export interface BareServer {
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

export const BARE_PATH = '/bare/person';
/** Diagnostic only: Kruispunt's own name-search queries as the owner, without RLS, auth, transaction or audit. */
export const BARE_SEARCH_PATH = '/bare/search';

export async function startBareServer(db: Database, tenantId: string, ids: readonly string[]): Promise<BareServer> {
  if (!ids.length) throw new Error('The bare route needs existing person ids');
  const app = Fastify({ logger: false });
  app.get(BARE_PATH, async (_request, reply) => {
    const id = ids[Math.floor(Math.random() * ids.length)]!;
    const { rows } = await db.rawQuery(
      `select id, given_names, family_name, to_char(birth_date, 'YYYY-MM-DD') as birth_date, municipality_name
         from persons where id = $1`,
      [id],
    );
    if (!rows.length) return reply.code(404).send({ error: 'not found' });
    return rows[0];
  });
  app.get<{ Querystring: { q?: string; limit?: string } }>(BARE_SEARCH_PATH, async (request) => {
    const normalized = normalizeForSearch(request.query.q ?? '');
    const rows = await nameSearch(db.owner, tenantId, normalized, Number(request.query.limit ?? 20));
    return { items: rows.map((r) => ({ id: r.id, givenNames: r.given_names, familyName: r.family_name, birthDate: r.birth_date })) };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, app, close: () => app.close() };
}
