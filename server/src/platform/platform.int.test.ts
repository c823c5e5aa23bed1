import { mkdtempSync, rmSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';
import { createTestDatabase } from '../testing/test-database';
import { migrate, MIGRATIONS_DIR, MigrationError, readMigrations } from './db/migrate';
import { startJobs } from './jobs/jobs';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('operations endpoints and the API contract (issue 2 §7)', () => {
  it('GET /healthz answers with the status and the database kind', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: process.env.DATABASE_URL ? 'postgres' : 'pglite' });
  });

  it('serves an OpenAPI 3.1 document with the contract paths and a reference page', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/api/v1/persons', '/api/v1/persons/{id}', '/api/v1/persons/{id}/access-log', '/api/v1/session']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(doc.paths['/api/v1/persons'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('insz');
    const page = await t.app.inject({ method: 'GET', url: '/api/v1/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
  });

  it('an unknown API path is a 404 problem, never an HTML page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

describe('migrations (issue 2 §1: the same committed SQL creates and upgrades both databases)', () => {
  it('are named in order and applying them again changes nothing', async () => {
    const names = readMigrations().map((m) => m.name);
    expect(names).toEqual([...names].sort());
    expect(await migrate(t.db)).toEqual([]);
  });

  it('refuse to start when an applied migration was edited', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kp-migrations-'));
    try {
      for (const m of readMigrations()) writeFileSync(join(dir, m.name), m.script);
      const first = readMigrations()[0]!;
      writeFileSync(join(dir, first.name), `${first.script}\n-- edited`);
      await expect(migrate(t.db, dir)).rejects.toThrow(MigrationError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(readFileSync(join(MIGRATIONS_DIR, readMigrations()[0]!.name), 'utf8')).not.toContain('-- edited');
  });
});

describe('background jobs run through pg-boss and survive a restart (issue 2 §9)', () => {
  it('a job queued before a shutdown is done after the next start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kp-jobs-'));
    mkdirSync(dataDir, { recursive: true });
    const logger = pino({ level: 'silent' });
    const done: string[] = [];
    const definition = (work: (data: { n: string }) => Promise<void>) => ({ name: 'test.remember', handler: work });
    // First life: the job is queued, but nothing works the queue before the stop.
    const database = await createTestDatabase({ dataDir: join(dataDir, 'pgdata') });
    try {
      let jobs = await startJobs(database.db, [definition(async () => undefined)], logger, { work: false });
      expect(await jobs.send('test.remember', { n: 'survivor' })).toBeTruthy();
      await jobs.stop();
      // Second life, same database: the worker picks it up.
      const db = await database.restart();
      jobs = await startJobs(db, [definition(async (data) => void done.push(data.n))], logger);
      const deadline = Date.now() + 20_000;
      while (!done.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      await jobs.stop();
    } finally {
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
    expect(done).toEqual(['survivor']);
  });
});
