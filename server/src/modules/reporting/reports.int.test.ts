/**
 * The counting rules of the management reports on one small hand-made scenario, built through the
 * real API (sign-ups, contracts, tests, courses, NT2 conversations, interpreter requests), with the
 * expected figures worked out by hand below each question. Runs on PGlite and PostgreSQL.
 *
 * The scenario (all AgII; the clock stands at 2026-03-02):
 *   D1  OV  verplicht   sign-up 2023-01-10, contract 2023-02-01; exemption test 2023-02-15 6/11, 17/30 (passes the old cut-offs);
 *                       suspended 2023-07-01..09-30; moves to West Flanders on 2026-03-03
 *   D2  VB  verplicht   sign-up 2022-11-15, contract signed 2022-12-20 but recorded 2023-01-05; MO test 2023-04-01 6/11 (fails 80%);
 *                       infringement handed over 2023; starts MO course C2 (VB) on 2023-05-15
 *   D3  PA  rechthebbend sign-up 2023-03-01, contract 2023-03-10; exemption test 2023-03-20 8/10, 24/30 (passes the new cut-offs)
 *   D4  OV  tijdelijke bescherming  sign-up 2023-04-03, contract 2023-04-10; exemption test 2023-05-01 7/10 (fails 80%); starts C1 (OV) 2023-05-15
 *   D5  LI  verplicht   sign-up 2022-05-02, contract 2022-06-01; exempted 2023-06-01
 *   D8  LI  (D5's person again) sign-up 2023-09-01, contract 2023-09-10; MO test 2023-11-01 9/11 (passes), process evaluation 9/10
 *   D6  OV  sign-up 2023-05-01 only;  D7 BR sign-up 2023-06-01 only;  D10 (no address) sign-up 2023-08-01 only
 *   D9  WV  verplicht   sign-up 2022-12-20, contract 2023-01-15; enrolled 2024-01-10 in C4 (WV) that starts 2024-03-01
 *   Courses (Arabic): C1 OV 2023-05-15, C2 VB 2023-05-15, C3 OV 2023-09-01 (nobody), C4 WV 2024-03-01
 *   NT2: N1 (OV) conversation 2023-02-01 + advice CBE alfa, level test 2023-06-01, one planned for 2026-04-01;
 *        N2 (PA) 2022-05-01, and 2023-03-01 with temporary protection + advice CVO standard;
 *        N3 (OV) 2023-01-10 held in PA + advice Latin script (CBE), 2023-04-01 in OV
 */
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/database';
import { newPerson } from '../../testing/dossier-fixtures';
import { ADMIN, createTestApp, PASSWORD, type Caller, type TestApp } from '../../testing/test-app';
import { REPORTS } from './catalogue';
import { ADDRESS, figures, nt2Steps, reportAs, signUp, type ScenarioDossier } from './reporting-fixtures';

let t: TestApp;
let admin: Caller;
let manager: Caller;
let cw: Caller;
const d: Record<string, ScenarioDossier> = {};

const MANAGER = 'reports-manager@test.be';
const CASE_WORKER = 'reports-case-worker@test.be';

beforeAll(async () => {
  t = await createTestApp();
  admin = t.admin;
  manager = await t.user(['manager'], { email: MANAGER });
  cw = await t.user(['case-worker'], { email: CASE_WORKER });
}, 60_000);
afterAll(async () => t?.close());

const report = (id: string, query: string, caller = manager) => reportAs(caller, id, query);

const drill = (id: string, query: string, caller = manager) => caller.request('GET', `/api/v1/reports/${id}/drill-down?${query}`);

const PARAMETER_OF = { 'year': 'year=2023', 'period': 'year=2023', 'reference-date': 'referenceDate=2024-02-21' } as const;

describe('an empty database', () => {
  it.each(REPORTS.map((r) => [r.id, r.parameter] as const))('report %s shows its published rows with zeros', async (id, parameter) => {
    const table = await report(id, PARAMETER_OF[parameter]);
    expect(table.database).toBe('primary');
    expect(table.rows.every((r) => Object.values(r.cells).every((v) => v === 0) && (r.total ?? 0) === 0)).toBe(true);
    expect(Object.values(table.totals?.cells ?? {}).every((v) => v === 0)).toBe(true);
    expect(table.identities.every((i) => i.holds)).toBe(true);
  });

  it('shows the regions in the published order, and no optional row', async () => {
    expect((await report('B12', 'year=2023')).rows.map((r) => r.key)).toEqual(['PA', 'BR', 'LI', 'OV', 'VB', 'WV']);
    expect((await report('B41', 'year=2023')).rows.map((r) => r.key)).toEqual(['PA', 'LI', 'OV', 'VB', 'WV']);
  });
});

describe('the scenario', () => {
  it('is built through the API', async () => {
    d.D1 = await signUp(cw, '2023-01-10', 'OV');
    await (await d.D1.intake('2023-01-20', 'verplicht')).contract('2023-02-01');
    await d.D1.moTest('exemption-test', '2023-02-15', [6, 11], [17, 30]);
    await d.D1.run('start-suspension', { date: '2023-07-01', kind: 'suspension', reason: 'sick-leave', proofReceivedOn: '2023-07-01', proof: 'attest van de arts', from: '2023-07-01', to: '2023-09-30' });

    d.D2 = await signUp(cw, '2022-11-15', 'VB');
    await (await d.D2.intake('2022-11-25', 'verplicht')).contract('2022-12-20', '2023-01-05');
    await d.D2.moTest('test', '2023-04-01', [6, 11], [20, 30]);
    await d.D2.run('record-infringement', { date: '2023-03-01', kind: 'irregular-participation', description: 'Niet aanwezig in de les' });
    const infringementId = d.D2.view.state.infringements[0].id;
    await d.D2.run('send-notice-of-default', { date: '2023-03-02', infringementId });
    await d.D2.run('hand-over-to-enforcement', { date: '2023-06-01', infringementId, evidence: ['aanwezigheidslijsten'] });

    d.D3 = await signUp(cw, '2023-03-01', 'PA');
    await (await d.D3.intake('2023-03-05', 'rechthebbend')).contract('2023-03-10');
    await d.D3.moTest('exemption-test', '2023-03-20', [8, 10], [24, 30]);

    d.D4 = await signUp(cw, '2023-04-03', 'OV');
    await (await d.D4.intake('2023-04-03', 'tijdelijke-bescherming')).contract('2023-04-10');
    await d.D4.moTest('exemption-test', '2023-05-01', [7, 10], [24, 30]);

    d.D5 = await signUp(cw, '2022-05-02', 'LI');
    await (await d.D5.intake('2022-05-10', 'verplicht')).contract('2022-06-01');
    await d.D5.run('grant-exemption', { date: '2023-06-01', reason: 'serious-illness', proof: 'attest van de arts' });
    d.D8 = await signUp(cw, '2023-09-01', 'LI', d.D5.personId);
    await (await d.D8.intake('2023-09-05', 'verplicht')).contract('2023-09-10');
    await d.D8.moTest('test', '2023-11-01', [9, 11], [20, 30]);
    await d.D8.run('record-mo-process-evaluation', { date: '2023-11-10', score: { correct: 9, total: 10 } });

    d.D6 = await signUp(cw, '2023-05-01', 'OV');
    d.D7 = await signUp(cw, '2023-06-01', 'BR');
    d.D10 = await signUp(cw, '2023-08-01', null);
    d.D9 = await signUp(cw, '2022-12-20', 'WV');
    await (await d.D9.intake('2023-01-05', 'verplicht')).contract('2023-01-15');

    const planner = await t.user(['course-planner']);
    const course = async (region: string, startsOn: string, endsOn: string) => {
      const res = await planner.request('POST', '/api/v1/mo/courses', { body: { language: 'ar', format: 'classroom', region, location: 'Centrum', capacity: 10, startsOn, endsOn } });
      expect(res.statusCode).toBe(201);
      return res.json().id as string;
    };
    const enrol = async (courseId: string, dossier: ScenarioDossier, date: string) => {
      const res = await planner.request('POST', `/api/v1/mo/courses/${courseId}/enrolments`, { body: { date, personId: dossier.personId } });
      expect(res.statusCode, res.body).toBeLessThan(300);
    };
    await enrol(await course('OV', '2023-05-15', '2023-06-30'), d.D4, '2023-05-02');
    await enrol(await course('VB', '2023-05-15', '2023-06-30'), d.D2, '2023-05-01');
    await course('OV', '2023-09-01', '2023-10-31');
    await enrol(await course('WV', '2024-03-01', '2024-04-30'), d.D9, '2024-01-10');

    const consultant = await t.user(['dutch-learning-consultant']);
    const { conversation, advice } = nt2Steps(consultant);
    const n1 = (await newPerson(cw, { address: ADDRESS.OV })).id;
    await advice(await conversation(n1, '2023-02-01'), 'cbe-alfa-long', '2023-02-01');
    await conversation(n1, '2023-06-01', { kind: 'niveautest' });
    await conversation(n1, '2026-04-01');
    const n2 = (await newPerson(cw, { address: ADDRESS.PA })).id;
    await conversation(n2, '2022-05-01');
    await advice(await conversation(n2, '2023-03-01', { temporaryProtection: true }), 'cvo-standard', '2023-03-01');
    const n3 = (await newPerson(cw, { address: ADDRESS.OV })).id;
    await advice(await conversation(n3, '2023-01-10', { region: 'PA' }), 'latin-script-cbe', '2023-01-10');
    await conversation(n3, '2023-04-01');
  }, 240_000);
});

describe('trajectory counting rules', () => {
  it('B08 counts each person once, in the year of the first sign-up ever, in the region of that day', async () => {
    // 2022: D2 VB, D5 LI, D9 WV. 2023: D1, D4, D6 in OV; D3 PA; D7 BR; D10 without address (region unknown);
    // D8 is D5's person signing up again: not a first sign-up. Totals 3 and 6.
    const table = await report('B08', 'year=2023');
    expect(table.rows.map((r) => r.key)).toEqual(['PA', 'BR', 'LI', 'OV', 'VB', 'WV', 'unknown']);
    expect(figures(table)).toEqual({
      'PA/2023': 1, 'BR/2023': 1, 'LI/2022': 1, 'OV/2023': 3, 'VB/2022': 1, 'WV/2022': 1, 'unknown/2023': 1,
      'total/2022': 3, 'total/2023': 6,
    });
    // Without temporary protection D4 drops out of OV (3 − 1 = 2); only temporary protection: D4 alone.
    expect(figures(await report('B08', 'year=2023&ukraine=exclude'))).toMatchObject({ 'OV/2023': 2, 'total/2023': 5 });
    expect(figures(await report('B08', 'year=2023&ukraine=only'))).toEqual({ 'OV/2023': 1, 'total/2023': 1 });
  });

  it('B12 counts a first contract in the year it was signed, not recorded; a second contract is no first one', async () => {
    // 2022: D2 (signed 2022-12-20, recorded 2023-01-05) VB, D5 LI = 2. 2023: D1, D4 OV; D3 PA; D9 WV = 4; D8 is a second contract.
    expect(figures(await report('B12', 'year=2023'))).toEqual({ 'PA/2023': 1, 'LI/2022': 1, 'OV/2023': 2, 'VB/2022': 1, 'WV/2023': 1, 'total/2022': 2, 'total/2023': 4 });
  });

  it('B14 splits the first contracts by the target group at signature and computes the obligated share', async () => {
    // 2023: OV recht 1 (D4, temporary protection is entitled) + plicht 1 (D1); PA recht 1 (D3); WV plicht 1 (D9).
    // Row totals 2, 1, 1; totals recht 2, plicht 2 of 4 → share 2 / 4 = 0.5; OV 1 / 2 = 0.5, WV 1 / 1 = 1.
    const table = await report('B14', 'year=2023');
    expect(figures(table)).toEqual({
      'PA/recht': 1, 'OV/recht': 1, 'OV/plicht': 1, 'OV/plicht-share': 0.5, 'WV/plicht': 1, 'WV/plicht-share': 1,
      'total/recht': 2, 'total/plicht': 2, 'total/plicht-share': 0.5,
    });
    expect(table.rows.find((r) => r.key === 'OV')!.total).toBe(2);
    expect(table.totals!.total).toBe(4);
  });

  it('B15 counts the contracts running on the reference date by the target group of that day', async () => {
    // 2024-02-21: D1 (OV plicht, its suspension ended), D2 (VB plicht), D3 (PA recht), D4 (OV recht), D8 (LI plicht), D9 (WV plicht);
    // D5 was exempted on 2023-06-01. Recht 2 + plicht 4 = 6.
    const table = await report('B15', 'referenceDate=2024-02-21');
    expect(figures(table)).toEqual({
      'PA/recht': 1, 'LI/plicht': 1, 'LI/plicht-share': 1, 'OV/recht': 1, 'OV/plicht': 1, 'OV/plicht-share': 0.5,
      'VB/plicht': 1, 'VB/plicht-share': 1, 'WV/plicht': 1, 'WV/plicht-share': 1, 'total/recht': 2, 'total/plicht': 4, 'total/plicht-share': 0.6667,
    });
    expect(table.totals!.total).toBe(6);
    // The day before the exemption D5 still runs (LI), and D8 has not begun: 5 + 1 − 1 = D1, D2, D3, D4, D5, D9 = 6; on the day itself 5.
    expect((await report('B15', 'referenceDate=2023-05-31')).totals!.total).toBe(6);
    expect((await report('B15', 'referenceDate=2023-06-01')).totals!.total).toBe(5);
    // D1 runs suspended in August 2023: still a running contract.
    expect(figures(await report('B15', 'referenceDate=2023-08-15'))).toMatchObject({ 'OV/plicht': 1 });
  });

  it('B11, B37 and B40 count the exemption, suspension and hand-over entries in their year', async () => {
    expect(figures(await report('B11', 'year=2023'))).toEqual({ 'LI/2023': 1, 'total/2023': 1 });
    expect(figures(await report('B37', 'year=2023'))).toEqual({ 'OV/2023': 1, 'total/2023': 1 });
    expect(figures(await report('B40', 'year=2023'))).toEqual({ 'VB/2023': 1, 'total/2023': 1 });
  });

  it('counts a person in the region they lived in on the reference date', async () => {
    // D1 moves from Aalst (OV) to Bruges (WV) on 2026-03-03: the day before OV holds D1 and D4, after it WV holds D9 and D1.
    t.clock.advance(86_400_000);
    // A day later the sessions have expired: sign in again.
    manager = await t.caller(MANAGER, PASSWORD);
    cw = await t.caller(CASE_WORKER, PASSWORD);
    admin = await t.caller(ADMIN.email, ADMIN.password);
    const res = await cw.request('GET', `/api/v1/persons/${d.D1!.personId}`);
    const moved = await cw.request('PATCH', `/api/v1/persons/${d.D1!.personId}`, { body: { address: ADDRESS.WV }, headers: { 'if-match': res.headers.etag as string } });
    expect(moved.statusCode, moved.body).toBe(200);
    const before = figures(await report('B15', 'referenceDate=2026-03-02'));
    const after = figures(await report('B15', 'referenceDate=2026-03-03'));
    expect([before['OV/plicht'], before['OV/recht'], before['WV/plicht']]).toEqual([1, 1, 1]);
    expect([after['OV/plicht'], after['OV/recht'], after['WV/plicht']]).toEqual([undefined, 1, 2]);
    // A flow of 2023 keeps the region of 2023.
    expect(figures(await report('B12', 'year=2023'))['OV/2023']).toBe(2);
  });
});

describe('MO counting rules', () => {
  it('B17 and B19 count exemption tests by the requesting region, judged by the cut-offs of the test date', async () => {
    // D1 OV 6/11 on 2023-02-15 passes the old cut-offs (50%); D3 PA 8/10 and 24/30 passes 80%/80%; D4 OV 7/10 fails 80%.
    expect(figures(await report('B17', 'year=2023'))).toEqual({ 'PA/2023': 1, 'OV/2023': 2, 'total/2023': 3 });
    // OV 1 passed + 1 failed (share 0.5), PA 1 passed (1); total 2 of 3 = 0.6667.
    expect(figures(await report('B19', 'year=2023'))).toEqual({
      'PA/passed': 1, 'PA/total': 1, 'PA/passed-share': 1, 'OV/passed': 1, 'OV/failed': 1, 'OV/total': 2, 'OV/passed-share': 0.5,
      'total/passed': 2, 'total/failed': 1, 'total/total': 3, 'total/passed-share': 0.6667,
    });
    // B19R keeps the two regimes apart: old cut-offs 1 of 1 passed, the new ones 1 of 2.
    expect(figures(await report('B19R', 'year=2023'))).toEqual({
      '2013-06-07/passed': 1, '2013-06-07/total': 1, '2013-06-07/passed-share': 1,
      '2023-03-01/passed': 1, '2023-03-01/failed': 1, '2023-03-01/total': 2, '2023-03-01/passed-share': 0.5,
      'total/passed': 2, 'total/failed': 1, 'total/total': 3, 'total/passed-share': 0.6667,
    });
    // Only January and February: the one test under the old cut-offs.
    expect(figures(await report('B19', 'from=2023-01-01&to=2023-02-28'))).toMatchObject({ 'total/passed': 1, 'total/total': 1 });
  });

  it('B20, B21 and B28 count standard tests and the MO decision', async () => {
    // D2 VB 6/11 fails 80% on 2023-04-01; D8 LI 9/11 and 20/30 reaches the cut-offs on 2023-11-01.
    expect(figures(await report('B20', 'year=2023'))).toEqual({ 'LI/2023': 1, 'VB/2023': 1, 'total/2023': 2 });
    expect(figures(await report('B21', 'year=2023'))).toEqual({
      'LI/passed:2023': 1, 'LI/total:2023': 1, 'LI/passed-share:2023': 1, 'VB/failed:2023': 1, 'VB/total:2023': 1,
      'total/passed:2023': 1, 'total/failed:2023': 1, 'total/total:2023': 2, 'total/passed-share:2023': 0.5,
    });
    // The decision: D2 failed; D8 passed with its process evaluation (60% × 29/41 + 40% × 9/10, no minimum in the rules) → 1 of 2.
    expect(figures(await report('B28', 'year=2023'))).toEqual({ '2023/passed': 1, '2023/failed': 1, '2023/total': 2, '2023/passed-share': 0.5 });
  });

  it('B22, B25, B26 and B27 count courses started and their first-time starters', async () => {
    // Courses started in 2023: C1 and C3 in OV, C2 in VB (C4 starts in 2024). Starters: D4 in C1 (OV), D2 in C2 (VB).
    expect(figures(await report('B22', 'year=2023'))).toEqual({ 'OV/2023': 2, 'VB/2023': 1, 'total/2023': 3 });
    expect(figures(await report('B25', 'year=2023'))).toEqual({ 'OV/2023': 1, 'VB/2023': 1, 'total/2023': 2 });
    const b26 = await report('B26', 'year=2023');
    expect(figures(b26)).toEqual({ 'ar/OV': 1, 'ar/VB': 1, 'total/OV': 1, 'total/VB': 1 });
    expect(b26.rows.map((r) => [r.key, r.total])).toEqual([['ar', 2]]);
    // Average participants: OV (1 + 0) / 2 courses = 0.5; VB 1 / 1 = 1.
    expect(figures(await report('B27', 'year=2023'))).toEqual({ 'ar/OV': 0.5, 'ar/VB': 1, 'total/OV': 0.5, 'total/VB': 1 });
  });

  it('K01 counts who waits more than six months after the contract for the start of MO', async () => {
    // 2023-08-01: D9 (contract 2023-01-15, six months passed on 2023-07-15) has no course: not enrolled. D1 and D3 passed an
    // exemption test; D2 and D4 started a course; D8 has no contract yet.
    expect(figures(await report('K01', 'referenceDate=2023-08-01'))).toEqual({ 'WV/not-enrolled': 1, 'total/not-enrolled': 1 });
    // 2024-02-21: D9 is enrolled in C4, which starts 2024-03-01; D8 passed its test. After C4 started nobody waits.
    expect(figures(await report('K01', 'referenceDate=2024-02-21'))).toEqual({ 'WV/enrolled': 1, 'total/enrolled': 1 });
    expect(figures(await report('K01', 'referenceDate=2024-03-05'))).toEqual({});
  });
});

describe('NT2 counting rules', () => {
  it('B41 counts each person once a year, in the region of the first conversation, so regions add up', async () => {
    // 2022: N2 (PA). 2023: N2 (PA, temporary protection), N3 (first held in PA), N1 (OV) → PA 2 + OV 1 = 3;
    // N1's conversation of 2026-04-01 has not been held.
    expect(figures(await report('B41', 'year=2023'))).toEqual({ 'PA/2022': 1, 'PA/2023': 2, 'OV/2023': 1, 'total/2022': 1, 'total/2023': 3 });
    expect(figures(await report('B41', 'year=2023&ukraine=exclude'))).toEqual({ 'PA/2022': 1, 'PA/2023': 1, 'OV/2023': 1, 'total/2022': 1, 'total/2023': 2 });
  });

  it('B42 counts conversations held; the total is NT2 conversations plus level tests', async () => {
    // OV: N1 2023-02-01, N3 2023-04-01 + N1's level test; PA: N2 2023-03-01, N3 2023-01-10. 4 + 1 = 5.
    expect(figures(await report('B42', 'year=2023'))).toEqual({
      'PA/nt2-gesprek': 2, 'PA/total': 2, 'OV/nt2-gesprek': 2, 'OV/niveautest': 1, 'OV/total': 3,
      'total/nt2-gesprek': 4, 'total/niveautest': 1, 'total/total': 5,
    });
  });

  it('B43 and B44 count advices by published column and compute the CBE share', async () => {
    // OV: CBE alfa (N1); PA: CVO standard (N2) and Latin script at a CBE, the "CBE" column (N3, held in PA).
    const b43 = await report('B43', 'year=2023');
    expect(figures(b43)).toEqual({ 'PA/cbe': 1, 'PA/cvo-standard': 1, 'OV/cbe-alfa': 1, 'total/cbe': 1, 'total/cbe-alfa': 1, 'total/cvo-standard': 1 });
    expect(b43.totals!.total).toBe(3);
    // CBE share: PA 1 / 2 = 0.5, OV 1 / 1 = 1, all 2 / 3 = 0.6667.
    expect(figures(await report('B44', 'year=2023'))).toEqual({
      'PA/cbe': 1, 'PA/other': 1, 'PA/total': 2, 'PA/cbe-share': 0.5, 'OV/cbe': 1, 'OV/total': 1, 'OV/cbe-share': 1,
      'total/cbe': 2, 'total/other': 1, 'total/total': 3, 'total/cbe-share': 0.6667,
    });
  });
});

describe('drill-down, exports, permissions and bad input', () => {
  it('lists exactly the dossiers behind a cell, a page at a time', async () => {
    const res = await drill('B12', 'year=2023&row=OV&column=2023');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(2);
    expect(body.items.map((i: { dossierId: string }) => i.dossierId).sort()).toEqual([d.D1!.id, d.D4!.id].sort());
    expect(body.items[0]).toMatchObject({ subjectType: 'dossier', region: 'OV', date: '2023-02-01', name: expect.stringContaining('Amina') });
    const first = await drill('B12', 'year=2023&limit=3');
    expect(first.json()).toMatchObject({ total: 6 });
    const second = await drill('B12', `year=2023&limit=3&after=${first.json().next}`);
    const all = [...first.json().items, ...second.json().items].map((i: { dossierId: string }) => i.dossierId);
    expect(new Set(all).size).toBe(6);
    // A sum column lists its counted columns; a refined (rule-judged) measure lists the same tests it counted.
    expect((await drill('B19', 'year=2023&row=OV&column=total')).json().total).toBe(2);
    expect((await drill('B19', 'year=2023&column=failed')).json().items.map((i: { dossierId: string }) => i.dossierId)).toEqual([d.D4!.id]);
  });

  it('exports CSV and XLSX that read back to the same numbers', async () => {
    const table = await report('B12', 'year=2023');
    const csv = await manager.request('GET', '/api/v1/reports/B12.csv?year=2023');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n').map((l) => l.split(';'));
    const row = (label: string) => lines.find((l) => l[0] === label)!.slice(1).map(Number);
    expect(row('Oost-Vlaanderen')).toEqual([table.rows.find((r) => r.key === 'OV')!.cells['2022'], table.rows.find((r) => r.key === 'OV')!.cells['2023']]);
    expect(row('Totaal')).toEqual([2, 4]);
    // The export names its language (the web app's), whatever the manager's own: English labels, same numbers.
    const english = await manager.request('GET', '/api/v1/reports/B12.csv?year=2023&lang=en');
    expect(english.body).toContain('East Flanders;');
    expect((await manager.request('GET', '/api/v1/reports/B12.csv?year=2023&lang=de')).statusCode).toBe(400);

    const xlsx = await manager.request('GET', '/api/v1/reports/B14.xlsx?year=2023');
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('B14')!;
    const values: Record<string, unknown[]> = {};
    sheet.eachRow((r) => {
      const cells = (r.values as unknown[]).slice(1);
      if (typeof cells[0] === 'string') values[cells[0]] = cells.slice(1);
    });
    // Recht, plicht, share plicht, row total: OV 1, 1, 0.5, 2; the totals row 2, 2, 0.5, 4.
    expect(values['Oost-Vlaanderen']).toEqual([1, 1, 0.5, 2]);
    expect(values['Totaal']).toEqual([2, 2, 0.5, 4]);
  });

  it('refuses a role without reports.read, and audits each run with its parameters', async () => {
    expect((await cw.request('GET', '/api/v1/reports/B12?year=2023')).statusCode).toBe(403);
    expect((await cw.request('GET', '/api/v1/reports')).statusCode).toBe(403);
    expect((await drill('B12', 'year=2023', cw)).statusCode).toBe(403);
    const desk = await t.user(['interpreting-desk'], { as: admin });
    expect((await desk.request('GET', '/api/v1/dashboards/mo')).statusCode).toBe(403);
    const audit = await queryRows<{ summary: string; purpose: string }>(t.db.owner, sql`select summary, purpose from audit_events where subject_type = 'report' and summary like 'report B12 year=2023%' order by id`);
    expect(audit[0]).toEqual({ summary: 'report B12 year=2023 ukraine=include', purpose: 'management-reporting' });
  });

  it.each([
    ['a period that ends before it starts', 'B19?from=2023-05-01&to=2023-04-30', 400, 'query.to'],
    ['a reference date in the future', 'B15?referenceDate=2026-03-05', 400, 'query.referenceDate'],
    ['an unknown filter value', 'B08?year=2023&ukraine=sometimes', 400, 'query.ukraine'],
    ['a filter the report does not have', 'B11?year=2023&ukraine=exclude', 400, 'query.ukraine'],
    ['an unknown row', 'B12/drill-down?year=2023&row=XX', 400, 'query.row'],
    ['a share column to drill into', 'B19/drill-down?year=2023&column=passed-share', 400, 'query.column'],
    ['an unknown report', 'Z99?year=2023', 404, null],
    ['a report the platform cannot make', 'B01?year=2023', 422, null],
  ] as const)('answers %s with a problem', async (_name, url, status, field) => {
    const res = await manager.request('GET', `/api/v1/reports/${url}`);
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    if (field) expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('lists the catalogue with the unavailable tables and why', async () => {
    const { items } = (await manager.request('GET', '/api/v1/reports', { headers: { 'accept-language': 'en' } })).json();
    expect(items.find((i: { id: string }) => i.id === 'B12')).toMatchObject({ available: true, parameter: 'year', rowDimension: 'region', columnDimension: 'year' });
    expect(items.find((i: { id: string }) => i.id === 'B01')).toMatchObject({ available: false, unavailableReason: expect.stringContaining('national register') });
  });
});

describe('dashboards, KPI trends and data quality', () => {
  it('the regional dashboard shows the year per region', async () => {
    const { regions } = (await manager.request('GET', '/api/v1/dashboards/regions?year=2023')).json();
    // OV 2023: first sign-ups D1, D4, D6; first contracts D1, D4; running on 2023-12-31 D1, D4; MO starter D4; NT2 person N1.
    expect(regions.find((r: { region: string }) => r.region === 'OV')).toEqual({
      region: 'OV', signUps: 3, firstContracts: 2, runningContracts: 2, moStarters: 1, certificates: 0, nt2Persons: 1, interpreterRequests: 0,
    });
  });

  it('the MO dashboard shows courses starting and pass rates by month', async () => {
    const body = (await manager.request('GET', '/api/v1/dashboards/mo?from=2023-01-01&to=2023-12-31')).json();
    expect(body.coursesStarting).toEqual([{ month: '2023-05', courses: 2, participants: 2 }, { month: '2023-09', courses: 1, participants: 0 }]);
    expect(body.testPassRates).toEqual([
      { month: '2023-04', language: 'ar', taken: 1, passed: 0, rate: 0 },
      { month: '2023-11', language: 'ar', taken: 1, passed: 1, rate: 1 },
    ]);
    // Today everybody with a contract has started a course or passed a test.
    expect(body).toMatchObject({ waitingTotal: 0, overSixMonthsTotal: 0 });
  });

  it('KPI trends count flows per period and take stocks at each period end', async () => {
    const trend = async (id: string, query: string) => (await manager.request('GET', `/api/v1/kpis/${id}/trend?${query}`)).json().points;
    expect(await trend('first-contracts', 'from=2022-01&to=2023-12&grain=year')).toEqual([{ period: '2022', value: 2 }, { period: '2023', value: 4 }]);
    // By month: D9 in January, D1 in February, D3 in March, D4 in April 2023.
    expect((await trend('first-contracts', 'from=2023-01&to=2023-04')).map((p: { value: number }) => p.value)).toEqual([1, 1, 1, 1]);
    // Running on 2022-12-31: D2 (signed 2022-12-20) and D5; on 2023-12-31: D1, D2, D3, D4, D8, D9.
    expect(await trend('running-contracts', 'from=2022-01&to=2023-12&grain=year')).toEqual([{ period: '2022', value: 2 }, { period: '2023', value: 6 }]);
    // Over six months without MO: D5 on 2022-12-31 (contract 2022-06-01), D9 on 2023-12-31 (contract 2023-01-15).
    expect(await trend('mo-waiting-over-six-months', 'from=2022-01&to=2023-12&grain=year')).toEqual([{ period: '2022', value: 1 }, { period: '2023', value: 1 }]);
    // By month, as K01 counts it on each month end: D9 passes six months on 2023-07-15 (not yet on 30 June); D5 was exempted on 1 June.
    expect((await trend('mo-waiting-over-six-months', 'from=2023-06&to=2023-08')).map((p: { value: number }) => p.value)).toEqual([0, 1, 1]);
    expect(figures(await report('K01', 'referenceDate=2023-07-31'))).toEqual({ 'WV/not-enrolled': 1, 'total/not-enrolled': 1 });
    expect((await manager.request('GET', '/api/v1/kpis/nope/trend?from=2023-01&to=2023-02')).statusCode).toBe(404);
  });

  it('the data-quality view names the records that break a rule', async () => {
    const { checks } = (await manager.request('GET', '/api/v1/data-quality')).json();
    const byId = Object.fromEntries(checks.map((c: { id: string; count: number }) => [c.id, c]));
    // D10's person has no address: an open dossier that region figures put under "unknown".
    expect(byId['open-dossier-without-region']).toMatchObject({ count: 1, examples: [{ dossierId: d.D10!.id }] });
    expect(checks.filter((c: { id: string; count: number }) => c.id !== 'open-dossier-without-region' && c.count > 0)).toEqual([]);
  });
});

describe('interpreting (figure 49)', () => {
  it('lays out the module’s own table, checks its identities and lists the requests behind a cell', async () => {
    const desk = await t.user(['interpreting-desk'], { as: admin });
    const org = await admin.request('POST', '/api/v1/organisations', { body: { name: 'OCMW Aalst', code: 'ocmw-aalst', partnerType: 'interpreter-customer' } });
    const request = async () => {
      const res = await desk.request('POST', '/api/v1/interpreting/requests', {
        body: { customerOrganisationId: org.json().id, channel: 'phone', language: 'ar', variant: '', startsAt: '2026-03-20T09:00:00Z', expectedMinutes: 60, sector: 'welfare', subject: 'Gesprek', sensitive: false },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    await request();
    const cancelled = await request();
    expect((await desk.request('POST', `/api/v1/interpreting/requests/${cancelled}/cancel`, { body: { travelKm: 0 } })).statusCode).toBe(200);
    const table = await report('B49', 'year=2026');
    expect(table.totals).toBeNull();
    expect(table.rows.find((r) => r.key === 'requests')).toMatchObject({ cells: { phone: 2 }, total: 2 });
    expect(table.identities.map((i) => i.holds)).toEqual([true, true, true]);
    // Named by the published rows, in the manager's language (nl).
    expect(table.identities[0]).toMatchObject({ name: 'Vraag = Beantwoord + Niet beantwoord + In behandeling', detail: 'Klopt in elke kolom.' });
    // The answered rate agrees with the table: the request cancelled before any interpreter took it is
    // not answered (other reason), the other is open (in progress): 0 of 2 answered.
    expect(table.rows.find((r) => r.key === 'answered')?.total).toBe(0);
    expect(table.rows.find((r) => r.key === 'other-reason')?.total).toBe(1);
    const rate = (await manager.request('GET', '/api/v1/kpis/answered-rate/trend?from=2026-01&to=2026-03&grain=year')).json();
    expect(rate.points).toEqual([{ period: '2026', value: 0 }]);
    const behind = (await drill('B49', 'year=2026&row=requests&column=phone')).json();
    expect(behind).toMatchObject({ total: 2 });
    expect(behind.items.map((i: { subjectType: string }) => i.subjectType)).toEqual(['interpreting-request', 'interpreting-request']);
  });
});
