/**
 * Reports read from the replica (DATABASE_REPLICA_URL) when one is configured, while the staff's
 * writes and the audit of the report runs go to the primary. A second PostgreSQL database stands in
 * for the replica, migrated, with different data in it, so the answer shows where it was read.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../platform/config';
import { queryRows } from '../../platform/db/database';
import { AGII, createTestApp, type Caller, type TestApp } from '../../testing/test-app';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { signUp } from './reporting-fixtures';

describe('configuration', () => {
  it('refuses a replica with the embedded database, and takes it with PostgreSQL', () => {
    expect(() => loadConfig({ DATABASE_REPLICA_URL: 'postgres://replica.internal/kruispunt' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_REPLICA_URL: 'postgres://replica.internal/kruispunt' })).toThrow(/PGlite/);
    expect(loadConfig({ DATABASE_URL: 'postgres://primary.internal/kruispunt', DATABASE_REPLICA_URL: 'postgres://replica.internal/kruispunt' }).replica).toEqual({
      kind: 'postgres',
      url: 'postgres://replica.internal/kruispunt',
    });
    expect(loadConfig({}).replica).toBeNull();
  });
});

// PGlite is one embedded database in one process: there is no second server to replicate to.
describe.skipIf(!process.env.DATABASE_URL)('reports from a PostgreSQL replica (skipped on PGlite: a replica needs a PostgreSQL server)', () => {
  let replica: TestDatabase;
  let t: TestApp;
  let manager: Caller;
  let cw: Caller;

  beforeAll(async () => {
    replica = await createTestDatabase();
    t = await createTestApp({ replica: replica.db });
    manager = await t.user(['manager']);
    cw = await t.user(['case-worker']);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await replica?.drop();
  });

  it('answers from the replica while the staff write to the primary', async () => {
    // Only in the replica: a person registered in Limburg who signed up on 2023-03-01.
    const person = randomUUID();
    const entry = (dossierId: string, type: string, payload: unknown) =>
      sql`insert into journal_entries (tenant_id, dossier_id, entry_type, payload, purpose, effective_at)
        values (${AGII}, ${dossierId}, ${type}, ${JSON.stringify(payload)}::jsonb, 'intake', '2023-03-01T12:00:00Z')`;
    await replica.db.owner.execute(entry(person, 'person.registered', { new: { region: 'LI' } }));
    await replica.db.owner.execute(entry(randomUUID(), 'dossier.signed-up', { command: { type: 'sign-up', date: '2023-03-01', channel: 'spontaneous', area: 'flanders' }, personId: person }));
    // Only in the primary: a sign-up in East Flanders through the API.
    await signUp(cw, '2023-05-01', 'OV');

    const res = await manager.request('GET', '/api/v1/reports/B08?year=2023');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.database).toBe('replica');
    const cell = (region: string) => body.rows.find((r: { key: string }) => r.key === region).cells['2023'];
    expect([cell('LI'), cell('OV')]).toEqual([1, 0]);

    const signUps = async (db: TestDatabase['db']) => (await queryRows<{ n: number }>(db.owner, sql`select count(*)::int as n from journal_entries where entry_type = 'dossier.signed-up'`))[0]!.n;
    expect([await signUps(t.db), await signUps(replica.db)]).toEqual([1, 1]);
    // The run is audited on the primary: a replica cannot be written to.
    const audited = async (db: TestDatabase['db']) => (await queryRows<{ n: number }>(db.owner, sql`select count(*)::int as n from audit_events where subject_type = 'report'`))[0]!.n;
    expect([await audited(t.db), await audited(replica.db)]).toEqual([1, 0]);

    for (const url of ['/api/v1/dashboards/regions?year=2023', '/api/v1/data-quality', '/api/v1/kpis/sign-ups/trend?from=2023-01&to=2023-12&grain=year']) {
      expect((await manager.request('GET', url)).json().database).toBe('replica');
    }
  });
});
