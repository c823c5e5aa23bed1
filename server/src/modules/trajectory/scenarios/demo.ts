/**
 * Demo data: every scenario in ./cases loaded as a dossier of the Flemish agency, through the same
 * HTTP API the scenario tests use, signed in as a demo case worker. For trying the web app; never
 * for production data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { createAgencyUser } from '../../access/administration.service';
import type { Database } from '../../../platform/db/database';
import { buildApp } from '../../../platform/http/app';
import { registerRoutes } from '../../../platform/server';
import { httpDriver } from './http-driver';
import { runScenario, ScenarioFailure } from './scenario';

const CASES = join(dirname(fileURLToPath(import.meta.url)), 'cases');

export interface DemoResult {
  /** Scenarios replayed; a scenario about a refused sign-up leaves no dossier. */
  loaded: number;
  dossiers: number;
  failed: Array<{ file: string; error: string }>;
}

export async function loadDemoScenarios(db: Database, user: { email: string; password: string }): Promise<DemoResult> {
  let now = new Date();
  const deps = { db, clock: () => new Date(now), sessionTtlMs: 3600_000, webDist: null, cookieSecure: false, logger: pino({ level: 'silent' }) };
  try {
    await createAgencyUser(deps, { agencyCode: 'agii', email: user.email, displayName: 'Demo trajectbegeleider', password: user.password, roles: ['case-worker'] });
  } catch (error) {
    // An existing demo user is reused; its password must then be the one given.
    if (!(error instanceof Error && error.message === 'validation')) throw error;
  }
  const app = await buildApp(deps);
  registerRoutes(app, deps);
  await app.ready();
  try {
    const signIn = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: user.email, password: user.password } });
    if (signIn.statusCode !== 200) throw new Error(`the demo user ${user.email} cannot sign in: ${signIn.json().detail}`);
    const token = signIn.json().token as string;
    const caller = {
      request: (method: string, url: string, opts: { body?: unknown; headers?: Record<string, string> } = {}) =>
        app.inject({ method: method as 'GET', url, headers: { authorization: `Bearer ${token}`, ...opts.headers }, ...(opts.body !== undefined ? { payload: opts.body as object } : {}) }),
    };
    const driver = httpDriver(caller, (next) => (now = next));
    const result: DemoResult = { loaded: 0, dossiers: 0, failed: [] };
    for (const file of readdirSync(CASES).filter((f) => f.endsWith('.json')).sort()) {
      try {
        const run = await runScenario(driver, JSON.parse(readFileSync(join(CASES, file), 'utf8')));
        result.loaded += 1;
        if (run.dossierId) result.dossiers += 1;
      } catch (error) {
        result.failed.push({ file, error: error instanceof ScenarioFailure || error instanceof Error ? error.message : String(error) });
      }
    }
    return result;
  } finally {
    await app.close();
  }
}
