/**
 * The counting rules of the certificate and diploma-recognition tables (B36, B38, B39) and of the
 * NT2 enrolment and Dutch-test tables (B45 to B48), on one small hand-made scenario built through the
 * real API (sign-ups, dossier actions, NT2 conversations, tests, advices, placements and provider
 * enrolments), with the expected figures worked out by hand next to each assertion. Runs on PGlite
 * and PostgreSQL.
 *
 * The scenario (all AgII; the clock stands at 2026-03-02, except where a person's registration and
 * move must be dated):
 *   T1  OV  verplicht  sign-up 2023-01-09, contract 2023-02-01; diploma recognition asked 2023-02-15 AND 2023-10-02;
 *                      conditions met 2023-10-09 (scenario 51: VDAB, MO course, process evaluation, MO test, NT2 A2, 40 h);
 *                      civic-integration certificate 2023-10-16
 *   T2  VB  verplicht  sign-up 2022-10-03, contract 2022-11-07 (no participation track); diploma recognition 2022-12-31 and 2023-03-06;
 *                      conditions met 2023-11-13, civic-integration certificate 2023-11-20
 *   T3  WV  verplicht  sign-up 2023-02-06, contract 2023-03-01; conditions met 2023-12-18;
 *                      diploma recognition and civic-integration certificate both on 2024-01-01 (outside 2023)
 *   M   (registered in Aalst, OV, on 2023-01-09; moves to Bruges, WV, on 2023-09-01)  verplicht  sign-up 2023-01-09,
 *                      contract 2023-01-23; diploma recognition 2023-04-03 (still OV); conditions met 2023-11-06;
 *                      civic-integration certificate 2023-11-20 (by then WV)
 *   T4  PA  verplicht  sign-up 2022-05-02, contract 2022-06-01; MO course followed regularly; proof of regular participation 2022-12-31
 *   P   LI  verplicht  dossier A: sign-up 2022-09-05, contract 2022-09-19; diploma recognition 2023-02-01; MO course followed regularly;
 *                      proof of regular participation 2023-03-01 (closes A).
 *                      dossier B (the same person): sign-up 2023-06-01, contract 2023-06-12; diploma recognition 2023-06-19
 *   T5  OV  verplicht  sign-up 2023-01-09, contract 2023-02-13; limited learning capacity, declaration of effort 2023-09-04
 *   T6  (registered without an address on 2023-01-09; an address in Aalst, OV, only from 2026-03-02)  verplicht  sign-up 2023-01-09,
 *                      contract 2023-01-23; diploma recognition 2023-05-08 (no region that day)
 *   NT2 (persons without a dossier; providers CBE Test, CVO Test, UTC Test, each with one module):
 *     N1 (OV)  conversation 2023-01-09: covaar + CBE entry test, advice CBE NT2; enrolled at CBE 2023-02-06 and again 2023-09-04;
 *              level test (niveautest) 2023-10-02: CT A1-2
 *     N2 (PA)  conversation 2023-04-03: CVO entry + Latin-script test, advice CVO standard; enrolled at CVO 2023-09-04;
 *              level test 2023-06-05: CT B1-2
 *     N3 (OV, conversation held in VB) 2023-05-08: CVO entry test, advice CVO/UTC shortened; enrolled at UTC 2023-10-02
 *     N4 (WV)  conversation 2022-12-19, advice CVO standard, pre-screening CT taken 2022-12-31; enrolled at CVO 2022-12-31
 *              and again 2024-01-01; level test 2023-12-18: CT A1-2 taken 2024-01-01
 *     N5 (BR)  level test 2023-05-08: home language Dutch
 *     N6 (OV)  conversation 2023-06-05: covaar, advice CVO standard; placed at CVO 2023-09-04, never enrolled
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPerson } from '../../testing/dossier-fixtures';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app';
import { ADDRESS, figures, nt2Steps, reportAs, signUp, type ScenarioDossier } from './reporting-fixtures';

let t: TestApp;
let manager: Caller;
let cw: Caller;
const d: Record<string, ScenarioDossier> = {};
const n: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.user(['manager']);
  cw = await t.user(['case-worker']);
}, 60_000);
afterAll(async () => t?.close());

type Item = { subjectType: string; dossierId: string | null; personId: string | null; region: string; date: string; detail: string | null };

const report = (id: string, query: string) => reportAs(manager, id, query);

async function drill(id: string, query: string): Promise<{ items: Item[]; total: number }> {
  const res = await manager.request('GET', `/api/v1/reports/${id}/drill-down?${query}`);
  if (res.statusCode !== 200) throw new Error(`${id} drill-down: ${res.statusCode} ${res.body}`);
  return res.json();
}

const NOW = new Date('2026-03-02T09:00:00Z');
/** Sets the server clock to mid-morning of a Belgian day (sessions made at NOW stay valid before it). */
const clockAt = (day: string) => (t.clock.now = new Date(`${day}T09:00:00Z`));

/** Every certificate condition met on `day` (the steps of scenario 51); participation only where the contract has that pillar (from 2023). */
async function meetConditions(dossier: ScenarioDossier, day: string) {
  await dossier.run('record-work-registration', { date: day, registeredOn: day });
  await dossier.run('record-mo-course', { date: day, enrolledOn: day, attendedHours: 60, completedOn: day });
  await dossier.run('record-mo-process-evaluation', { date: day, score: { correct: 8, total: 10 } });
  await dossier.moTest('test', day, [10, 11], [25, 30]);
  await dossier.run('record-nt2-result', { date: day, oral: 'A2', written: 'A2' });
  if (dossier.view.state.contract.signedOn >= '2023-01-01') await dossier.run('record-participation', { date: day, activity: 'Vrijwilliger bij de buurtwerking', hours: 40 });
}

const certificate = (dossier: ScenarioDossier, date: string, kind: 'civic-integration' | 'regular-participation' | 'declaration-of-effort') =>
  dossier.run('issue-certificate', { date, kind });

/** A followed MO course without a test: what a proof of regular participation needs. */
const followedMoCourse = (dossier: ScenarioDossier, day: string) =>
  dossier.run('record-mo-course', { date: day, enrolledOn: day, attendedHours: 60, regularParticipation: true, completedOn: day });

const diplomaRecognition = (dossier: ScenarioDossier, date: string) => dossier.run('record-diploma-recognition-request', { date, note: 'NARIC-aanvraag' });

describe('the scenario', () => {
  it('is built through the API', async () => {
    d.T1 = await signUp(cw, '2023-01-09', 'OV');
    await (await d.T1.intake('2023-01-16', 'verplicht')).contract('2023-02-01');
    await diplomaRecognition(d.T1, '2023-02-15');
    await diplomaRecognition(d.T1, '2023-10-02');
    await meetConditions(d.T1, '2023-10-09');
    await certificate(d.T1, '2023-10-16', 'civic-integration');
    expect(d.T1.view.state.certificates.map((c: { kind: string }) => c.kind)).toEqual(['civic-integration']);

    d.T2 = await signUp(cw, '2022-10-03', 'VB');
    await (await d.T2.intake('2022-10-10', 'verplicht')).contract('2022-11-07');
    await diplomaRecognition(d.T2, '2022-12-31');
    await diplomaRecognition(d.T2, '2023-03-06');
    await meetConditions(d.T2, '2023-11-13');
    await certificate(d.T2, '2023-11-20', 'civic-integration');

    d.T3 = await signUp(cw, '2023-02-06', 'WV');
    await (await d.T3.intake('2023-02-13', 'verplicht')).contract('2023-03-01');
    await meetConditions(d.T3, '2023-12-18');
    await diplomaRecognition(d.T3, '2024-01-01');
    await certificate(d.T3, '2024-01-01', 'civic-integration');

    // M is registered on 2023-01-09 and moves on 2023-09-01: the person's journal dates the region.
    clockAt('2023-01-09');
    d.M = await signUp(cw, '2023-01-09', 'OV');
    t.clock.now = NOW;
    await (await d.M.intake('2023-01-16', 'verplicht')).contract('2023-01-23');
    await diplomaRecognition(d.M, '2023-04-03');
    clockAt('2023-09-01');
    const person = await cw.request('GET', `/api/v1/persons/${d.M.personId}`);
    const moved = await cw.request('PATCH', `/api/v1/persons/${d.M.personId}`, { body: { address: ADDRESS.WV }, headers: { 'if-match': person.headers.etag as string } });
    expect(moved.statusCode, moved.body).toBe(200);
    t.clock.now = NOW;
    await meetConditions(d.M, '2023-11-06');
    await certificate(d.M, '2023-11-20', 'civic-integration');

    d.T4 = await signUp(cw, '2022-05-02', 'PA');
    await (await d.T4.intake('2022-05-09', 'verplicht')).contract('2022-06-01');
    await followedMoCourse(d.T4, '2022-10-03');
    await certificate(d.T4, '2022-12-31', 'regular-participation');

    d.PA = await signUp(cw, '2022-09-05', 'LI');
    await (await d.PA.intake('2022-09-12', 'verplicht')).contract('2022-09-19');
    await followedMoCourse(d.PA, '2023-01-09');
    await diplomaRecognition(d.PA, '2023-02-01');
    await certificate(d.PA, '2023-03-01', 'regular-participation');
    d.PB = await signUp(cw, '2023-06-01', 'LI', d.PA.personId);
    await (await d.PB.intake('2023-06-05', 'verplicht')).contract('2023-06-12');
    await diplomaRecognition(d.PB, '2023-06-19');

    // T6 has no address until today: a request of 2023 has no region, whatever the person's region now.
    clockAt('2023-01-09');
    d.T6 = await signUp(cw, '2023-01-09', null);
    t.clock.now = NOW;
    await (await d.T6.intake('2023-01-16', 'verplicht')).contract('2023-01-23');
    await diplomaRecognition(d.T6, '2023-05-08');
    const homeless = await cw.request('GET', `/api/v1/persons/${d.T6.personId}`);
    const housed = await cw.request('PATCH', `/api/v1/persons/${d.T6.personId}`, { body: { address: ADDRESS.OV }, headers: { 'if-match': homeless.headers.etag as string } });
    expect(housed.statusCode, housed.body).toBe(200);

    d.T5 = await signUp(cw, '2023-01-09', 'OV');
    await (await d.T5.intake('2023-01-16', 'verplicht')).contract('2023-02-13');
    await d.T5.run('record-limited-learning-capacity', { date: '2023-09-04', basis: 'Verslag van het CBE na twee modules' });
    await certificate(d.T5, '2023-09-04', 'declaration-of-effort');

    // NT2: three providers with one module each, and their start moments.
    const admin = t.admin;
    const provider = async (code: string, name: string) => {
      const res = await admin.request('POST', '/api/v1/organisations', { body: { code, name, partnerType: 'dutch-course-provider' } });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id as string;
      return { id, user: await t.user(['course-provider'], { organisationId: id }) };
    };
    const cbe = await provider('cbe-rapport', 'CBE Test');
    const cvo = await provider('cvo-rapport', 'CVO Test');
    const utc = await provider('utc-rapport', 'UTC Test');
    const moduleOf = async (p: { id: string; user: Caller }, providerKind: string, adviceTypes: string[]) => {
      const res = await p.user.request('POST', `/api/v1/nt2/providers/${p.id}/modules`, { body: { name: `${providerKind} 1.1`, providerKind, adviceTypes, level: '1.1', location: 'Centrum' } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const moment = async (p: { user: Caller }, moduleId: string, startsOn: string) => {
      const res = await p.user.request('POST', `/api/v1/nt2/modules/${moduleId}/start-moments`, { body: { startsOn, capacity: 10 } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const cbeModule = await moduleOf(cbe, 'CBE', ['cbe-nt2']);
    const cvoModule = await moduleOf(cvo, 'CVO', ['cvo-standard']);
    const utcModule = await moduleOf(utc, 'UTC', ['cvo-utc-shortened']);

    const consultant = await t.user(['dutch-learning-consultant']);
    const { conversation, test, advice } = nt2Steps(consultant);
    const place = async (personId: string, startMomentId: string) => {
      const res = await consultant.request('POST', '/api/v1/nt2/placements', { body: { personId, startMomentId } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const enrol = async (p: { user: Caller }, placementId: string, enrolledOn: string) => {
      const res = await p.user.request('POST', `/api/v1/nt2/placements/${placementId}/enrolment`, { body: { enrolledOn } });
      expect(res.statusCode, res.body).toBe(200);
    };

    n.N1 = (await newPerson(cw, { address: ADDRESS.OV })).id;
    const c1 = await conversation(n.N1, '2023-01-09');
    await test(c1, 'covaar', '2023-01-09');
    await test(c1, 'cbe-entry', '2023-01-09');
    await advice(c1, 'cbe-nt2', '2023-01-09');
    await enrol(cbe, await place(n.N1, await moment(cbe, cbeModule, '2023-02-06')), '2023-02-06');
    await enrol(cbe, await place(n.N1, await moment(cbe, cbeModule, '2023-09-04')), '2023-09-04');
    await test(await conversation(n.N1, '2023-10-02', { kind: 'niveautest' }), 'certifying-a1-a2', '2023-10-02');

    const cvoSeptember = await moment(cvo, cvoModule, '2023-09-04');
    n.N2 = (await newPerson(cw, { address: ADDRESS.PA })).id;
    const c2 = await conversation(n.N2, '2023-04-03');
    await test(c2, 'cvo-entry', '2023-04-03');
    await test(c2, 'latin-script', '2023-04-03');
    await advice(c2, 'cvo-standard', '2023-04-03');
    await enrol(cvo, await place(n.N2, cvoSeptember), '2023-09-04');
    await test(await conversation(n.N2, '2023-06-05', { kind: 'niveautest' }), 'certifying-b1-b2', '2023-06-05');

    n.N3 = (await newPerson(cw, { address: ADDRESS.OV })).id;
    const c3 = await conversation(n.N3, '2023-05-08', { region: 'VB' });
    await test(c3, 'cvo-entry', '2023-05-08');
    await advice(c3, 'cvo-utc-shortened', '2023-05-08');
    await enrol(utc, await place(n.N3, await moment(utc, utcModule, '2023-10-02')), '2023-10-02');

    n.N4 = (await newPerson(cw, { address: ADDRESS.WV })).id;
    const c4 = await conversation(n.N4, '2022-12-19');
    await advice(c4, 'cvo-standard', '2022-12-19');
    await test(c4, 'certifying-pre-screening', '2022-12-31');
    await enrol(cvo, await place(n.N4, await moment(cvo, cvoModule, '2023-01-09')), '2022-12-31');
    await enrol(cvo, await place(n.N4, await moment(cvo, cvoModule, '2024-01-08')), '2024-01-01');
    await test(await conversation(n.N4, '2023-12-18', { kind: 'niveautest' }), 'certifying-a1-a2', '2024-01-01');

    n.N5 = (await newPerson(cw, { address: ADDRESS.BR })).id;
    await test(await conversation(n.N5, '2023-05-08', { kind: 'niveautest' }), 'home-language-dutch', '2023-05-08');

    n.N6 = (await newPerson(cw, { address: ADDRESS.OV })).id;
    const c6 = await conversation(n.N6, '2023-06-05');
    await test(c6, 'covaar', '2023-06-05');
    await advice(c6, 'cvo-standard', '2023-06-05');
    await place(n.N6, cvoSeptember);
  }, 120_000);
});

describe('certificates and diploma recognition (journal)', () => {
  it('B36 counts each person once a year, in the region of their first request that year', async () => {
    // 2022: T2 (VB) on 2022-12-31. 2023: T1 (OV) asked twice (02-15, 10-02) → once; M (OV on 2023-04-03, before the move);
    // T2 again (VB, 03-06: a new year counts again); P in dossier A (02-01) and dossier B (06-19) → once, LI;
    // T6 had no address on 2023-05-08 → region unknown (not OV, where T6 lives now; the row shows only with data).
    // T3's request of 2024-01-01 lies outside. OV 2, VB 1 + 1, LI 1, unknown 1 → totals 1 and 5.
    const table = await report('B36', 'year=2023');
    expect(table.rows.map((r) => r.key)).toEqual(['PA', 'BR', 'LI', 'OV', 'VB', 'WV', 'unknown']);
    expect(figures(table)).toEqual({ 'LI/2023': 1, 'OV/2023': 2, 'VB/2022': 1, 'VB/2023': 1, 'unknown/2023': 1, 'total/2022': 1, 'total/2023': 5 });
    // The next year has T3 (WV, 2024-01-01) alone.
    expect(figures(await report('B36', 'year=2024'))).toMatchObject({ 'WV/2024': 1, 'total/2024': 1 });
  });

  it('B36 lists behind a cell the first request of each person of the year', async () => {
    // OV 2023: T1's first request (2023-02-15, not 10-02) and M's (2023-04-03).
    const ov = await drill('B36', 'year=2023&row=OV&column=2023');
    expect(ov.total).toBe(2);
    expect(ov.items.map((i) => [i.dossierId, i.date])).toEqual([[d.T1!.id, '2023-02-15'], [d.M!.id, '2023-04-03']]);
    // LI 2023: P once, through dossier A's request of 2023-02-01.
    const li = await drill('B36', 'year=2023&row=LI&column=2023');
    expect(li.items.map((i) => [i.dossierId, i.personId, i.date])).toEqual([[d.PA!.id, d.PA!.personId, '2023-02-01']]);
    expect((await drill('B36', 'year=2023&row=unknown')).items.map((i) => [i.dossierId, i.region])).toEqual([[d.T6!.id, 'unknown']]);
  });

  it('B38 counts civic-integration certificates in the region of the person on the day', async () => {
    // T1 OV 2023-10-16; T2 VB 2023-11-20; M 2023-11-20 after moving to WV on 2023-09-01 → WV; T3's of 2024-01-01 is outside.
    // The proofs of regular participation (T4, P) and T5's declaration of effort are other kinds: not here. OV 1, VB 1, WV 1 = 3.
    expect(figures(await report('B38', 'year=2023'))).toEqual({ 'OV/2023': 1, 'VB/2023': 1, 'WV/2023': 1, 'total/2023': 3 });
    // Asked for 2024 (columns 2023 and 2024): T3's certificate of 2024-01-01 lands in WV 2024, next to M's in WV 2023.
    expect(figures(await report('B38', 'year=2024'))).toEqual({ 'OV/2023': 1, 'VB/2023': 1, 'WV/2023': 1, 'WV/2024': 1, 'total/2023': 3, 'total/2024': 1 });
    const behind = await drill('B38', 'year=2023&column=2023');
    expect(behind.total).toBe(3);
    // In date order; the two of 2023-11-20 in fact-id order, so compared here as a set.
    expect(behind.items.map((i) => i.date)).toEqual(['2023-10-16', '2023-11-20', '2023-11-20']);
    expect(behind.items.map((i) => `${i.dossierId} ${i.region} ${i.date}`).sort()).toEqual(
      [`${d.T1!.id} OV 2023-10-16`, `${d.T2!.id} VB 2023-11-20`, `${d.M!.id} WV 2023-11-20`].sort(),
    );
    expect(behind.items.every((i) => i.subjectType === 'dossier' && i.detail !== null)).toBe(true);
  });

  it('B39 counts proofs of regular participation, and no other kind of certificate', async () => {
    // T4 PA on 2022-12-31 (the last day of 2022, in the 2022 column); P's dossier A LI on 2023-03-01.
    // The civic-integration certificates and T5's declaration of effort do not count here.
    expect(figures(await report('B39', 'year=2023'))).toEqual({ 'PA/2022': 1, 'LI/2023': 1, 'total/2022': 1, 'total/2023': 1 });
  });
});

describe('NT2 enrolments and Dutch tests', () => {
  it('B45 counts enrolments the provider confirmed, by the provider kind of the module and the enrolment date', async () => {
    // CBE 2023: N1 twice (2023-02-06 and 2023-09-04): enrolments, not persons. CVO: N4 2022-12-31 (2022), N2 2023-09-04 (2023);
    // N4's of 2024-01-01 is outside; N6 was placed but never enrolled. UTC (a row shown only with data): N3 2023-10-02.
    const table = await report('B45', 'year=2023');
    expect(table.rows.map((r) => r.key)).toEqual(['CBE', 'CVO', 'UTC']);
    expect(figures(table)).toEqual({ 'CBE/2023': 2, 'CVO/2022': 1, 'CVO/2023': 1, 'UTC/2023': 1, 'total/2022': 1, 'total/2023': 4 });
    const cbe = await drill('B45', 'year=2023&row=CBE&column=2023');
    expect(cbe.items.map((i) => [i.subjectType, i.personId, i.date, i.detail])).toEqual([
      ['person', n.N1, '2023-02-06', 'cbe-nt2'],
      ['person', n.N1, '2023-09-04', 'cbe-nt2'],
    ]);
  });

  it('B46 counts the tests of 2023 in the published columns, in the region of the conversation', async () => {
    // PA (N2): CVO entry, Latin script, CT B1-2 (certifying). OV: covaar N1 + N6 = 2, CBE entry N1, CT A1-2 N1 (certifying).
    // VB: N3's CVO entry (an OV person, conversation held in VB). BR (no published row, shown with data): N5's home language Dutch (certifying).
    // Outside 2023: N4's pre-screening CT (2022-12-31) and CT A1-2 (2024-01-01).
    // Totals: covaar 2, CBE entry 1, CVO entry 2, certifying 3, Latin script 1 = 9.
    const table = await report('B46', 'year=2023');
    expect(table.rows.map((r) => r.key)).toEqual(['PA', 'LI', 'OV', 'VB', 'WV', 'BR']);
    expect(table.columns.map((c) => c.key)).toEqual(['covaar', 'cbe-entry', 'cvo-entry', 'certifying', 'latin-script']);
    expect(figures(table)).toEqual({
      'PA/cvo-entry': 1, 'PA/certifying': 1, 'PA/latin-script': 1,
      'OV/covaar': 2, 'OV/cbe-entry': 1, 'OV/certifying': 1,
      'VB/cvo-entry': 1, 'BR/certifying': 1,
      'total/covaar': 2, 'total/cbe-entry': 1, 'total/cvo-entry': 2, 'total/certifying': 3, 'total/latin-script': 1,
    });
    expect(table.rows.map((r) => [r.key, r.total])).toEqual([['PA', 3], ['LI', 0], ['OV', 4], ['VB', 1], ['WV', 0], ['BR', 1]]);
    expect(table.totals!.total).toBe(9);
    // A period over the new year: N4's pre-screening of 2022-12-31 (WV) and N1's covaar and CBE entry of 2023-01-09 (OV).
    expect(figures(await report('B46', 'from=2022-12-31&to=2023-01-09'))).toEqual({
      'OV/covaar': 1, 'OV/cbe-entry': 1, 'WV/certifying': 1, 'total/covaar': 1, 'total/cbe-entry': 1, 'total/certifying': 1,
    });
    // Behind OV × covaar: N1's and N6's covaar tests.
    const covaar = await drill('B46', 'year=2023&row=OV&column=covaar');
    expect(covaar.items.map((i) => [i.personId, i.date, i.detail])).toEqual([[n.N1, '2023-01-09', 'covaar'], [n.N6, '2023-06-05', 'covaar']]);
  });

  it('B47 computes each share from the same counts as B46', async () => {
    // PA 1 of 3 each = 0.3333; OV covaar 2 / 4 = 0.5, CBE entry and certifying 1 / 4 = 0.25; VB and BR 1 / 1 = 1.
    // Totals: covaar 2 / 9 = 0.2222, CBE entry 1 / 9 = 0.1111, CVO entry 2 / 9 = 0.2222, certifying 3 / 9 = 0.3333, Latin script 0.1111.
    const b47 = await report('B47', 'year=2023');
    expect(figures(b47)).toEqual({
      'PA/cvo-entry': 1, 'PA/certifying': 1, 'PA/latin-script': 1, 'PA/cvo-entry-share': 0.3333, 'PA/certifying-share': 0.3333, 'PA/latin-script-share': 0.3333,
      'OV/covaar': 2, 'OV/cbe-entry': 1, 'OV/certifying': 1, 'OV/covaar-share': 0.5, 'OV/cbe-entry-share': 0.25, 'OV/certifying-share': 0.25,
      'VB/cvo-entry': 1, 'VB/cvo-entry-share': 1, 'BR/certifying': 1, 'BR/certifying-share': 1,
      'total/covaar': 2, 'total/cbe-entry': 1, 'total/cvo-entry': 2, 'total/certifying': 3, 'total/latin-script': 1,
      'total/covaar-share': 0.2222, 'total/cbe-entry-share': 0.1111, 'total/cvo-entry-share': 0.2222, 'total/certifying-share': 0.3333, 'total/latin-script-share': 0.1111,
    });
    // Against B46 cell by cell: the counts are equal and every share is count / row total of B46.
    const b46 = await report('B46', 'year=2023');
    const round = (x: number) => Math.round(x * 10000) / 10000;
    for (const row of [...b46.rows, { key: 'total', ...b46.totals! }]) {
      const other = row.key === 'total' ? b47.totals! : b47.rows.find((r) => r.key === row.key)!;
      for (const [column, count] of Object.entries(row.cells)) {
        expect(other.cells[column], `${row.key}/${column}`).toBe(count);
        expect(other.cells[`${column}-share`], `${row.key}/${column}-share`).toBe(row.total ? round(count / row.total) : 0);
      }
    }
  });

  it('B48 lists only the certifying tests, by kind and year', async () => {
    // 2022: N4's pre-screening (2022-12-31). 2023: N1's CT A1-2, N2's CT B1-2, N5's home language Dutch; N4's CT A1-2 of 2024-01-01 is outside.
    // Covaar, entry and Latin-script tests are no rows. The 2023 total equals B46's certifying column (3).
    const table = await report('B48', 'year=2023');
    expect(table.rows.map((r) => r.key)).toEqual(['certifying-a1-a2', 'certifying-b1-b2', 'certifying-pre-screening', 'home-language-dutch']);
    expect(figures(table)).toEqual({
      'certifying-a1-a2/2023': 1, 'certifying-b1-b2/2023': 1, 'certifying-pre-screening/2022': 1, 'home-language-dutch/2023': 1,
      'total/2022': 1, 'total/2023': 3,
    });
    expect(table.totals!.cells['2023']).toBe((await report('B46', 'year=2023')).totals!.cells['certifying']);
  });
});
