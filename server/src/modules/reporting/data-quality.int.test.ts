/**
 * The data-quality view finds records that break a counting rule, in the year asked. The platform's
 * own commands never write such records, so the breaks are made the way they happen in practice: a
 * repair or an import written straight into the database, as the schema owner. Runs on PGlite and
 * PostgreSQL.
 *
 *   Q1  AgII, OV: sign-up 2023-01-10, contract 2023-02-01; closed on 2024-03-01 and, by a faulty
 *       import, closed again on 2024-03-02 (Belgian time 00:30, so 2024-03-01 23:30 UTC).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGII, createTestApp, type Caller, type TestApp } from '../../testing/test-app';
import { signUp, type ScenarioDossier } from './reporting-fixtures';

let t: TestApp;
let manager: Caller;
let q1: ScenarioDossier;

beforeAll(async () => {
  t = await createTestApp();
  const cw = await t.user(['case-worker']);
  manager = await t.user(['manager']);
  q1 = await signUp(cw, '2023-01-10', 'OV');
  await (await q1.intake('2023-01-20', 'verplicht')).contract('2023-02-01');
  await q1.run('close', { date: '2024-03-01', reason: 'left-target-group' });
  await t.db.owner.execute(sql`insert into journal_entries (tenant_id, dossier_id, entry_type, payload, purpose, effective_at)
    values (${AGII}, ${q1.id}, 'dossier.closed', ${JSON.stringify({ command: { type: 'close', date: '2024-03-02', reason: 'left-target-group' } })}::jsonb,
      'administration', '2024-03-01T23:30:00Z')`);
}, 60_000);
afterAll(async () => t?.close());

const check = async (id: string, query: string) => {
  const res = await manager.request('GET', `/api/v1/data-quality?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().checks.find((c: { id: string }) => c.id === id) as { count: number; examples: Array<{ dossierId: string; detail: string }> };
};

describe('the data-quality view', () => {
  it('lists a dossier closed twice in the year of its closing entries, by their Belgian day', async () => {
    const found = await check('closed-twice', 'year=2024');
    expect(found.count).toBe(1);
    expect(found.examples).toEqual([expect.objectContaining({ dossierId: q1.id, detail: 'dossier.closed, dossier.closed' })]);
    // The second entry is 2024-03-02 in Belgium, 2024-03-01 in UTC: both in 2024; nothing in 2023.
    expect((await check('closed-twice', 'year=2023')).count).toBe(0);
  });

  it('with no year, looks at every year', async () => {
    expect((await check('closed-twice', '')).count).toBe(1);
  });
});
