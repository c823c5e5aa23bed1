import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '../db/database';

/**
 * A background job: a queue name, a handler that is safe to run twice (retries and a second
 * instance may repeat it), and optionally a cron schedule. Jobs live in the database (pg-boss), so
 * queued work survives a restart on PGlite and PostgreSQL alike.
 */
export interface JobDefinition<T extends object = Record<string, never>> {
  name: string;
  /** Cron expression (Europe/Brussels) for recurring jobs. */
  schedule?: string;
  handler: (data: T) => Promise<void>;
}

export interface Jobs {
  /** Queues a job; a singletonKey makes a repeated send of the same work a no-op while it waits. */
  send<T extends object>(name: string, data: T, options?: { singletonKey?: string; startAfterSeconds?: number }): Promise<string | null>;
  stop(): Promise<void>;
}

export async function startJobs(db: Database, definitions: readonly JobDefinition<any>[], logger: Logger, options: { work: boolean } = { work: true }): Promise<Jobs> {
  const boss = db.pglite
    ? new PgBoss({ db: { executeSql: (text, values) => db.rawQuery(text, values) }, schema: 'pgboss' })
    : new PgBoss({ connectionString: db.url!, schema: 'pgboss', max: 4 });
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
  await boss.start();
  for (const definition of definitions) {
    await boss.createQueue(definition.name);
    if (definition.schedule) await boss.schedule(definition.name, definition.schedule, {}, { tz: 'Europe/Brussels' });
    if (options.work) {
      await boss.work(definition.name, { pollingIntervalSeconds: 1 }, async (jobs) => {
        for (const job of jobs) await definition.handler(job.data as object as never);
      });
    }
  }
  return {
    send: (name, data, opts) =>
      boss.send(name, data, { ...(opts?.singletonKey ? { singletonKey: opts.singletonKey } : {}), ...(opts?.startAfterSeconds ? { startAfter: opts.startAfterSeconds } : {}) }),
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 5000 }),
  };
}
