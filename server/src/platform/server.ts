import { oidcSignIn, portalSignInCleanupJob, registerPortalDataRoutes, registerPortalIdentityRoutes, registerPortalSignInRoutes } from '../modules/portal';
import pino, { type Logger } from 'pino';
import { z } from 'zod';
import { accessCleanupJob } from '../modules/access/access.jobs';
import { bootstrapAdministrator } from '../modules/access/administration.service';
import { registerAdministrationRoutes, registerAuditRoutes, registerSessionRoutes, registerSetupRoutes } from '../modules/access';
import { registerDutchRoutes } from '../modules/dutch';
import { registerInterpretingRoutes } from '../modules/interpreting';
import { registerCertificationRoutes } from '../modules/interpreting/certification';
import { interpretingJobs } from '../modules/interpreting/interpreting.jobs';
import { registerInterpretingReportRoutes } from '../modules/interpreting/routes/reports.routes';
import { registerOrientationRoutes } from '../modules/orientation';
import { registerPersonRoutes, registerReferenceRoutes } from '../modules/persons';
import { connectTrajectory, followUpJob, registerTrajectoryRoutes } from '../modules/trajectory';
import { registerReportingRoutes } from '../modules/reporting';
import { loadConfig, type AppConfig } from './config';
import { openDatabase, type Database } from './db/database';
import { migrate } from './db/migrate';
import { buildApp, type AppDeps, type ZodApp } from './http/app';
import { startJobs, type Jobs } from './jobs/jobs';
import { mailTransportFromEnv } from './mail';

export const APP_VERSION = '0.1.0';

/** Registers every module's routes: the one list of what the API offers. */
export function registerRoutes(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/healthz',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Operations'],
        summary: 'Liveness and the database in use',
        security: [],
        response: {
          200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), version: z.string() }),
          503: z.object({ status: z.literal('unavailable'), database: z.enum(['pglite', 'postgres']), version: z.string() }),
        },
      },
    },
    async (_request, reply) => {
      try {
        await deps.db.rawQuery('select 1');
        return { status: 'ok' as const, database: deps.db.kind, version: APP_VERSION };
      } catch {
        return reply.code(503).send({ status: 'unavailable' as const, database: deps.db.kind, version: APP_VERSION });
      }
    },
  );
  registerSetupRoutes(app, deps);
  registerSessionRoutes(app, deps);
  registerAdministrationRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerPersonRoutes(app, deps);
  registerReferenceRoutes(app, deps);
  registerTrajectoryRoutes(app, deps);
  registerOrientationRoutes(app, deps);
  registerInterpretingRoutes(app, deps);
  registerCertificationRoutes(app, deps);
  registerInterpretingReportRoutes(app, deps);
  connectTrajectory();
  registerDutchRoutes(app, deps);
  registerPortalIdentityRoutes(app, deps);
  registerPortalSignInRoutes(app, deps);
  registerPortalDataRoutes(app, deps);
  registerReportingRoutes(app, deps);
}

export interface Kruispunt {
  url: string;
  app: ZodApp;
  db: Database;
  jobs: Jobs | null;
  config: AppConfig;
  close(): Promise<void>;
}

export function createLogger(level: AppConfig['logLevel']): Logger {
  return pino({
    level,
    serializers: {
      // Query strings carry search terms (names, INSZ, birth dates): the log keeps the path only.
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
    },
  });
}

/**
 * Starts the whole platform: configuration, database and migrations, first administrator, jobs and
 * the HTTP server. Used by `npm start`, the browser tests and the benchmarks alike.
 */
export async function startKruispunt(env: Record<string, string | undefined>, options: { clock?: () => Date; database?: Database } = {}): Promise<Kruispunt> {
  const config = loadConfig(env as NodeJS.ProcessEnv);
  const logger = createLogger(config.logLevel);
  const db = options.database ?? (await openDatabase(config.database));
  // Reports read the replica when one is configured; it is migrated by its primary, never here.
  const replica = config.replica ? await openDatabase(config.replica) : null;
  const applied = await migrate(db);
  if (applied.length) logger.info({ applied }, 'database migrated');
  const clock = options.clock ?? (() => new Date());
  const mail = await mailTransportFromEnv(env, logger);
  const deps: AppDeps = {
    db,
    ...(replica ? { replica } : {}),
    clock,
    sessionTtlMs: config.sessionTtlMs,
    webDist: config.webDist,
    portalDist: config.portalDist,
    cookieSecure: config.cookieSecure,
    trustProxy: config.trustProxy,
    logger,
    uploads: config.uploads,
    // Sign-in codes go out only through a real mail server: the logging transport would swallow them.
    portalSignIn: { oidc: config.portalOidc ? oidcSignIn(config.portalOidc) : null, mail: mail.kind === 'smtp' ? mail : null },
  };
  const bootstrap = await bootstrapAdministrator(deps, config.bootstrapAdmin);
  const jobs = config.jobs ? await startJobs(db, [accessCleanupJob(db), portalSignInCleanupJob(db), followUpJob(db, clock), ...interpretingJobs(db, clock, mail, logger)], logger) : null;
  const app = await buildApp(deps);
  registerRoutes(app, deps);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.publicUrl.replace(/:\d+$/, `:${port}`);
  if (bootstrap.created === 'admin') logger.info({ email: config.bootstrapAdmin?.email }, 'administrator created');
  if (bootstrap.created === 'setup-token') {
    // Printed, not only logged: the person installing Kruispunt needs to see and open it.
    process.stdout.write(`\nKruispunt has no users yet. Create the first administrator here (valid 24 hours, once):\n  ${url}/setup?token=${bootstrap.token}\n\n`);
  }
  return {
    url,
    app,
    db,
    jobs,
    config,
    async close() {
      await app.close();
      await jobs?.stop();
      if (!options.database) await db.close();
      await replica?.close();
    },
  };
}
