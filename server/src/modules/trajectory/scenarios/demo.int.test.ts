import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db/database';
import { migrate } from '../../../platform/db/migrate';
import { createTestDatabase, type TestDatabase } from '../../../testing/test-database';
import { loadDemoScenarios } from './demo';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.db);
});
afterAll(async () => {
  await database?.drop();
});

it('the demo command loads every scenario as a dossier of AgII, signed in as a demo case worker', async () => {
  const result = await loadDemoScenarios(database.db, { email: 'demo@kruispunt.test', password: 'demo password 123' });
  expect(result.failed).toEqual([]);
  const [counts] = await queryRows<{ dossiers: number; tenants: number }>(
    database.db.owner,
    sql`select count(*)::int as dossiers, count(distinct tenant_id)::int as tenants from dossiers`,
  );
  expect(counts).toEqual({ dossiers: result.dossiers, tenants: 1 });
  expect(result.loaded).toBeGreaterThanOrEqual(40);
  expect(result.dossiers).toBeGreaterThanOrEqual(40);
}, 120_000);
