/**
 * The counting rules around a transfer between agencies (WF-09): a flow counts where it was recorded,
 * never twice, and a running contract counts at the agency that held the dossier on the reference
 * date. The receiving agency gets copies of the history; the reports read them through the
 * trigger-kept digest of the journal (dossier_milestones, person_regions), so this also proves
 * that the digest follows a transfer. Runs on PGlite and PostgreSQL.
 *
 * The scenario (the clock stands at 2026-03-02):
 *   T1  AgII, Aalst (OV), verplicht: sign-up 2023-01-10, intake 2023-01-20, contract 2023-02-01;
 *       transferred to Atlas on 2023-06-01 (moved to Antwerp)
 *   T2  AgII, Aalst (OV), verplicht: sign-up 2023-03-01, intake 2023-03-05, contract 2023-03-10; stays
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATLAS, createTestApp, type Caller, type TestApp } from '../../testing/test-app';
import { reportAs, signUp, type ReportTable, type ScenarioDossier } from './reporting-fixtures';

let t: TestApp;
let agiiManager: Caller;
let atlasManager: Caller;
let t1: ScenarioDossier;

/** What the agency counted in all: the row totals (computed share columns left out), else the cells. */
const counted = (table: ReportTable) => table.rows.reduce((sum, r) => sum + (r.total ?? Object.values(r.cells).reduce((a, b) => a + b, 0)), 0);

beforeAll(async () => {
  t = await createTestApp();
  const cw = await t.user(['case-worker']);
  agiiManager = await t.user(['manager']);
  const atlasAdmin = await t.agencyAdmin('atlas');
  atlasManager = await t.user(['manager'], { as: atlasAdmin, organisationId: ATLAS });

  t1 = await signUp(cw, '2023-01-10', 'OV');
  await (await t1.intake('2023-01-20', 'verplicht')).contract('2023-02-01');
  const t2 = await signUp(cw, '2023-03-01', 'OV');
  await (await t2.intake('2023-03-05', 'verplicht')).contract('2023-03-10');
  const moved = await cw.request('POST', `/api/v1/dossiers/${t1.id}/transfer`, {
    body: { date: '2023-06-01', toAgency: 'atlas', reason: 'Verhuisd naar Antwerpen' },
    headers: { 'if-match': `"${t1.view.version}"` },
  });
  expect(moved.statusCode, moved.body).toBe(200);
}, 60_000);
afterAll(async () => t?.close());

describe('a transfer between agencies', () => {
  it('B15 counts a running contract at the agency that held the dossier on the reference date', async () => {
    // 31 May: AgII holds T1 and T2 (both OV, verplicht); Atlas holds nothing yet.
    expect((await reportAs(agiiManager, 'B15', 'referenceDate=2023-05-31')).rows.find((r) => r.key === 'OV')?.cells.plicht).toBe(2);
    expect(counted(await reportAs(atlasManager, 'B15', 'referenceDate=2023-05-31'))).toBe(0);
    // 1 June, the day of the transfer: T1 has left AgII (only T2 remains) and runs at Atlas.
    expect((await reportAs(agiiManager, 'B15', 'referenceDate=2023-06-01')).rows.find((r) => r.key === 'OV')?.cells.plicht).toBe(1);
    expect(counted(await reportAs(atlasManager, 'B15', 'referenceDate=2023-06-01'))).toBe(1);
  });

  it('B08 and B12 count the sign-up and the contract where they were recorded, not again at the receiving agency', async () => {
    // AgII recorded both sign-ups and both contracts in 2023, OV; Atlas holds only copies of T1's.
    expect((await reportAs(agiiManager, 'B08', 'year=2023')).rows.find((r) => r.key === 'OV')?.cells['2023']).toBe(2);
    expect((await reportAs(agiiManager, 'B12', 'year=2023')).rows.find((r) => r.key === 'OV')?.cells['2023']).toBe(2);
    expect(counted(await reportAs(atlasManager, 'A03', 'year=2023'))).toBe(0);
    expect(counted(await reportAs(atlasManager, 'A04', 'year=2023'))).toBe(0);
  });

  it('the drill-down of the receiving agency lists the transferred dossier', async () => {
    const res = await atlasManager.request('GET', '/api/v1/reports/B15/drill-down?referenceDate=2023-06-01');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((i: { subjectId: string }) => i.subjectId)).toEqual([t1.id]);
  });
});
