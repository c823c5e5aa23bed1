import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';

export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;
export type DatabaseKind = 'pglite' | 'postgres';

/** Who acts, for whom and why: set in every tenant transaction for row-level security and audit. */
export interface TenantScope {
  tenantId: string;
  userId: string | null;
  purpose: string;
}

/** The least-privileged role that every request transaction runs as; see 0001_platform.sql. */
export const APP_ROLE = 'kruispunt_app';

export interface Database {
  readonly kind: DatabaseKind;
  /** The server's connection string; null when embedded. */
  readonly url: string | null;
  /** As the schema owner: migrations, sign-in look-ups, jobs. Row-level security does not apply. */
  readonly owner: Db;
  /** Runs a parameterless, possibly multi-statement script (migrations). */
  execScript(script: string): Promise<void>;
  /** Raw parameterised query as the owner, for adapters such as pg-boss. */
  rawQuery(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  /**
   * Runs `fn` in one transaction that first executes the `prelude` statements (parameterless SQL). On
   * PostgreSQL BEGIN and the prelude travel in one round trip; this is the hot path of every request.
   */
  transactionWith<T>(prelude: readonly string[], fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs `fn` on one connection, for session-level state such as advisory locks. */
  onOneConnection<T>(fn: (query: RawQuery) => Promise<T>): Promise<T>;
  /** The underlying PGlite instance, when embedded (pg-boss needs it). */
  readonly pglite: PGlite | null;
  close(): Promise<void>;
}

export type RawQuery = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

export type DatabaseOptions =
  | { kind: 'pglite'; dataDir: string | null }
  | { kind: 'postgres'; url: string; poolSize?: number };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'pglite') {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    const client = await PGlite.create(options.dataDir ?? undefined);
    const rawQuery: RawQuery = async (text, values) => {
      // pg-boss and migrations send parameterless multi-statement scripts: those go to exec.
      if (!values?.length && text.includes(';')) {
        const results = await client.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      const result = await client.query(text, values ?? []);
      return { rows: result.rows };
    };
    const owner = drizzlePglite(client) as unknown as Db;
    return {
      kind: 'pglite',
      url: null,
      owner,
      pglite: client,
      async execScript(script) {
        await client.exec(script);
      },
      rawQuery,
      onOneConnection: (fn) => fn(rawQuery),
      transactionWith: (prelude, fn) =>
        owner.transaction(async (tx) => {
          for (const statement of prelude) await tx.execute(sql.raw(statement));
          return fn(tx);
        }),
      async close() {
        await client.close();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 20 });
  // An idle client that errors (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  // One drizzle wrapper per pooled connection, made once: requests reuse connections all the time.
  const wrappers = new WeakMap<pg.PoolClient, Db>();
  return {
    kind: 'postgres',
    url: options.url,
    owner: drizzlePg(pool) as unknown as Db,
    pglite: null,
    async execScript(script) {
      await pool.query(script);
    },
    async rawQuery(text, values) {
      const result = await pool.query(text, values as unknown[] | undefined);
      return { rows: result.rows };
    },
    async transactionWith(prelude, fn) {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) {
        wrapper = drizzlePg(client) as unknown as Db;
        wrappers.set(client, wrapper);
      }
      try {
        await client.query(['begin', ...prelude].join(';\n'));
        const result = await fn(wrapper as unknown as Tx);
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async onOneConnection(fn) {
      const client = await pool.connect();
      try {
        return await fn(async (text, values) => ({ rows: (await client.query(text, values as unknown[] | undefined)).rows }));
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/**
 * Runs `fn` in one transaction as the application role, with the tenant, user and purpose set as
 * transaction-local settings. Row-level security policies read `app.tenant_id`, so a query that
 * forgets a tenant filter still cannot see another agency's rows. `readOnly` makes it a read-only
 * transaction (what a hot-standby replica requires).
 */
export async function withTenant<T>(
  db: Database,
  scope: TenantScope,
  fn: (tx: Tx) => Promise<T>,
  options: { readOnly?: boolean; workMemMb?: number } = {},
): Promise<T> {
  // Inlined into SQL text (it travels with BEGIN in one round trip), so each value is checked here.
  if (!UUID.test(scope.tenantId) || (scope.userId !== null && !UUID.test(scope.userId)) || !/^[a-z-]{1,60}$/.test(scope.purpose)) {
    throw new Error('invalid tenant scope');
  }
  const prelude = [
    // Reports read in a read-only transaction: on a replica nothing else is possible, on the primary it guards the figures' queries.
    ...(options.readOnly ? ['set transaction read only'] : []),
    `select set_config('app.tenant_id', '${scope.tenantId}', true), set_config('app.user_id', '${scope.userId ?? ''}', true),
      set_config('app.purpose', '${scope.purpose}', true)`,
    `set local role ${APP_ROLE}`,
    // Request queries are short; PostgreSQL's JIT compiles the big ones for longer than they run
    // (matching interpreters: 0.8 s with JIT, 0.16 s without; bench/RESULTS.md).
    ...(db.kind === 'postgres' ? ['set local jit = off'] : []),
    // Figures group and sort tens of thousands of facts: in memory rather than spilled to disk.
    ...(db.kind === 'postgres' && options.workMemMb ? [`set local work_mem = '${Math.floor(options.workMemMb)}MB'`] : []),
  ];
  return db.transactionWith(prelude, fn);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Rows of a raw query, whichever driver runs it. */
export async function queryRows<T>(ex: Executor, query: SQL): Promise<T[]> {
  const result = (await ex.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** A text[] parameter, passed as one array literal (drizzle would otherwise expand a JS array into a list). */
export function textArray(values: readonly string[]): SQL {
  const literal = `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
  return sql`${literal}::text[]`;
}

/** A unique-constraint violation, whichever driver raised it (drizzle wraps the driver's error). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}
