import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGII, ATLAS, createTestApp, type Caller as TestCaller, type TestApp } from '../../../testing/test-app';

/** A caller whose request takes the body as third argument. */
interface Caller {
  request(method: string, url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

const withBody = (caller: TestCaller): Caller => ({
  request: (method, url, body) => caller.request(method, url, body !== undefined ? { body } : {}),
});

let t: TestApp;
let desk: Caller;
let atlasDesk: Caller;
let worker: Caller;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2025-09-01T08:00:00Z');
  desk = withBody(await t.user(['interpreting-desk']));
  worker = withBody(await t.user(['case-worker']));
  atlasDesk = withBody(await t.user(['interpreting-desk'], { organisationId: ATLAS, as: await t.agencyAdmin('atlas') }));
});
afterAll(async () => {
  await t?.close();
});

const BASE = '/api/v1/interpreting/certification';
const jury = { chair: 'A. Voorzitter', masterRepresentative: 'B. Master', assessors: ['C. Assessor'] };

async function ok(res: Promise<LightMyRequestResponse>, status = 200) {
  const r = await res;
  if (r.statusCode !== status) throw new Error(`expected ${status}, got ${r.statusCode}: ${r.body}`);
  return r.json();
}

async function candidate(body: Record<string, unknown> = {}) {
  return ok(desk.request('POST', `${BASE}/candidates`, { name: 'Amina Haddad', email: `amina-${randomUUID().slice(0, 6)}@example.be`, languages: [{ language: 'ar' }], ...body }), 201);
}

/** Info session, a passed entry test, admission, module I and II passed. */
async function trainedCandidate(body: Record<string, unknown> = {}, entryTest: { language: string; variant?: string } = { language: 'ar' }) {
  const c = await candidate(body);
  const url = `${BASE}/candidates/${c.id}`;
  await ok(desk.request('POST', `${url}/info-session`, { attendedOn: '2025-01-06', dutchProof: 'b2-certificate' }));
  await ok(desk.request('POST', `${url}/entry-tests`, { ...entryTest, takenOn: '2025-01-20', languagePart: 'passed', basicSkillsPart: 'passed' }));
  await ok(desk.request('POST', `${url}/admission`, { admittedOn: '2025-01-27' }));
  for (const [kind, hours] of [['module-1', 46], ['module-2', 93]] as const) {
    const started = await ok(desk.request('POST', `${url}/modules`, { kind, startsOn: kind === 'module-1' ? '2025-02-03' : '2025-03-17' }));
    const m = started.modules.find((x: { kind: string }) => x.kind === kind);
    await ok(desk.request('PUT', `${url}/modules/${m.id}/attendance`, { attendedHours: hours }));
    await ok(desk.request('POST', `${url}/modules/${m.id}/result`, { result: 'passed', decidedOn: kind === 'module-1' ? '2025-03-10' : '2025-05-30' }));
  }
  return c.id as string;
}

describe('the certification track of social interpreters (issue 5 §2)', () => {
  it('STV-12: the entry test comes after the info session and allows three retakes, four attempts in all', async () => {
    const c = await candidate();
    expect(c.languages).toEqual([{ language: 'ar', variant: '', stage: 'info-session-due', entryTestAttempts: 0, entryTestAttemptsAllowed: 4 }]);
    const url = `${BASE}/candidates/${c.id}`;
    const early = await desk.request('POST', `${url}/entry-tests`, { language: 'ar', takenOn: '2025-01-20', languagePart: 'passed', basicSkillsPart: 'passed' });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ rule: 'STV-12', refusal: 'certification-info-session-missing' });
    await ok(desk.request('POST', `${url}/info-session`, { attendedOn: '2025-01-06', dutchProof: 'dutch-test' }));
    for (let i = 0; i < 4; i++) {
      await ok(desk.request('POST', `${url}/entry-tests`, { language: 'ar', takenOn: `2025-0${i + 2}-10`, languagePart: 'passed', basicSkillsPart: 'failed' }));
    }
    const fifth = await desk.request('POST', `${url}/entry-tests`, { language: 'ar', takenOn: '2025-07-10', languagePart: 'passed', basicSkillsPart: 'passed' });
    expect(fifth.json()).toMatchObject({ status: 422, rule: 'STV-12', refusal: 'certification-entry-test-attempts-exhausted' });
    expect(fifth.json().detail).toContain('3');
    const detail = await ok(desk.request('GET', url));
    expect(detail.languages[0]).toMatchObject({ stage: 'entry-test-exhausted', entryTestAttempts: 4 });
    expect(detail.entryTests.map((t: { attempt: number }) => t.attempt)).toEqual([1, 2, 3, 4]);
    // no admission without a passed entry test.
    const admission = await desk.request('POST', `${url}/admission`, { admittedOn: '2025-07-01' });
    expect(admission.json()).toMatchObject({ rule: 'R-27', refusal: 'certification-entry-test-not-passed' });
  });

  it('R-27 and STV-12: training only after admission; module I needs 80 % attendance; a failed module is made up by remediation', async () => {
    const c = await candidate();
    const url = `${BASE}/candidates/${c.id}`;
    await ok(desk.request('POST', `${url}/info-session`, { attendedOn: '2025-01-06', dutchProof: 'b2-certificate' }));
    await ok(desk.request('POST', `${url}/entry-tests`, { language: 'ar', takenOn: '2025-01-20', languagePart: 'passed', basicSkillsPart: 'passed' }));
    const before = await desk.request('POST', `${url}/modules`, { kind: 'module-1', startsOn: '2025-02-03' });
    expect(before.json()).toMatchObject({ rule: 'R-27', refusal: 'certification-not-admitted' });
    await ok(desk.request('POST', `${url}/admission`, { admittedOn: '2025-01-27' }));
    const started = await ok(desk.request('POST', `${url}/modules`, { kind: 'module-1', startsOn: '2025-02-03' }));
    const m1 = started.modules[0];
    expect(m1).toMatchObject({ kind: 'module-1', requiredHours: 46, attendedHours: 0, result: null });
    await ok(desk.request('PUT', `${url}/modules/${m1.id}/attendance`, { attendedHours: 30 }));
    const low = await desk.request('POST', `${url}/modules/${m1.id}/result`, { result: 'passed', decidedOn: '2025-03-10' });
    expect(low.json()).toMatchObject({ rule: 'STV-12', refusal: 'certification-attendance-too-low' });
    await ok(desk.request('POST', `${url}/modules/${m1.id}/result`, { result: 'failed', decidedOn: '2025-03-10' }));
    const m2 = await desk.request('POST', `${url}/modules`, { kind: 'module-2', startsOn: '2025-03-17' });
    expect(m2.json().refusal).toBe('certification-module-1-first');
    const noHours = await desk.request('POST', `${url}/modules`, { kind: 'remediation', startsOn: '2025-03-17', remediationOfModule: m1.id });
    expect(noHours.json().errors[0]).toMatchObject({ field: 'requiredHours', code: 'certification-hours-required' });
    const rem = await ok(desk.request('POST', `${url}/modules`, { kind: 'remediation', name: 'Remediëring tolktechniek', startsOn: '2025-03-17', requiredHours: 20, remediationOfModule: m1.id }));
    const r = rem.modules.find((x: { kind: string }) => x.kind === 'remediation');
    await ok(desk.request('POST', `${url}/modules/${r.id}/result`, { result: 'passed', decidedOn: '2025-04-14' }));
    const next = await ok(desk.request('GET', url));
    expect(next.nextSteps).toContainEqual({ step: 'module', module: 'module-2' });
    expect(next.languages[0].stage).toBe('in-training');
  });

  it('STV-13 and R-28: a failed exam needs the feedback talk, whose advice binds; a pass brings the certificate into the register', async () => {
    // Admitted and trained on the entry test for Tigrinya; the exam is per language, after that language's entry test.
    const id = await trainedCandidate({ languages: [{ language: 'ar', variant: 'Levantijns' }, { language: 'ti' }] }, { language: 'ti' });
    const url = `${BASE}/candidates/${id}`;
    const noEntryTest = await desk.request('POST', `${url}/exams`, { language: 'ar', variant: 'Levantijns', heldOn: '2025-06-16', jury });
    expect(noEntryTest.json()).toMatchObject({ rule: 'R-27', refusal: 'certification-entry-test-not-passed' });
    const other = await desk.request('POST', `${url}/exams`, { language: 'ar', heldOn: '2025-06-16', jury });
    expect(other.json()).toMatchObject({ rule: 'WF-17', refusal: 'certification-language-not-followed' });
    await ok(desk.request('POST', `${url}/entry-tests`, { language: 'ar', variant: 'Levantijns', takenOn: '2025-06-02', languagePart: 'passed', basicSkillsPart: 'passed' }));
    const planned = await ok(desk.request('POST', `${url}/exams`, { language: 'ar', variant: 'Levantijns', heldOn: '2025-06-16', jury }));
    const exam = planned.exams[0];
    expect(exam).toMatchObject({ status: 'planned', jury });
    const twice = await desk.request('POST', `${url}/exams`, { language: 'ar', variant: 'Levantijns', heldOn: '2025-06-20', jury });
    expect(twice.json().refusal).toBe('certification-exam-planned');
    const failed = await ok(desk.request('POST', `${url}/exams/${exam.id}/result`, { outcome: 'held', decidedOn: '2025-06-16', rolePlay1: 'passed', rolePlay2: 'failed' }));
    expect(failed.exams[0]).toMatchObject({ status: 'failed', rolePlay1: 'passed', rolePlay2: 'failed' });
    expect(failed.languages.find((l: { variant: string }) => l.variant === 'Levantijns').stage).toBe('feedback-talk-due');

    const retake = await desk.request('POST', `${url}/exams`, { language: 'ar', variant: 'Levantijns', heldOn: '2025-08-01', jury });
    expect(retake.json()).toMatchObject({ rule: 'R-28', refusal: 'certification-feedback-talk-missing' });
    const cert = await desk.request('POST', `${url}/certificates`, { language: 'ar', variant: 'Levantijns', issuedOn: '2025-06-20', channels: ['on-site'] });
    expect(cert.json()).toMatchObject({ rule: 'STV-13', refusal: 'certification-exam-not-passed' });
    await ok(desk.request('POST', `${url}/exams/${exam.id}/feedback-talk`, { heldOn: '2025-06-23', advice: 'follow-remediation', note: 'Tweede rollenspel: deontologisch conflict' }));
    const pending = await desk.request('POST', `${url}/exams`, { language: 'ar', variant: 'Levantijns', heldOn: '2025-08-01', jury });
    expect(pending.json()).toMatchObject({ rule: 'R-28', refusal: 'certification-remediation-pending' });
    const rem = await ok(desk.request('POST', `${url}/modules`, { kind: 'remediation', startsOn: '2025-06-30', requiredHours: 12, remediationOfExam: exam.id }));
    const r = rem.modules.find((x: { remediationOfExam: string | null }) => x.remediationOfExam === exam.id);
    await ok(desk.request('POST', `${url}/modules/${r.id}/result`, { result: 'passed', decidedOn: '2025-07-21' }));
    const second = await ok(desk.request('POST', `${url}/exams`, { language: 'ar', variant: 'Levantijns', heldOn: '2025-08-25', jury: { ...jury, assessors: ['C. Assessor', 'D. Assessor'] } }));
    const exam2 = second.exams.find((e: { status: string }) => e.status === 'planned');
    const future = await desk.request('POST', `${url}/exams/${exam2.id}/result`, { outcome: 'held', decidedOn: '2025-09-15', rolePlay1: 'passed', rolePlay2: 'passed' });
    expect(future.json().refusal).toBe('certification-date-in-future');
    await ok(desk.request('POST', `${url}/exams/${exam2.id}/result`, { outcome: 'held', decidedOn: '2025-08-25', rolePlay1: 'passed', rolePlay2: 'passed' }));

    const issued = await ok(desk.request('POST', `${url}/certificates`, { language: 'ar', variant: 'Levantijns', issuedOn: '2025-08-29', channels: ['on-site', 'video'] }));
    expect(issued.interpreterId).toEqual(expect.any(String));
    expect(issued.certificates).toEqual([expect.objectContaining({ language: 'ar', variant: 'Levantijns', channels: ['on-site', 'video'], examId: exam2.id })]);
    expect(issued.languages.find((l: { variant: string }) => l.variant === 'Levantijns').stage).toBe('certified');
    const register = (await t.db.rawQuery('select i.name, l.language, l.variant, l.status, l.channels from interpreters i join interpreter_languages l on l.interpreter_id = i.id where i.id = $1', [issued.interpreterId])).rows;
    expect(register).toEqual([{ name: 'Amina Haddad', language: 'ar', variant: 'Levantijns', status: 'certified', channels: ['on-site', 'video'] }]);
    const again = await desk.request('POST', `${url}/certificates`, { language: 'ar', variant: 'Levantijns', issuedOn: '2025-08-30', channels: ['phone'] });
    expect(again.json().refusal).toBe('certification-already-certified');

    const audit = (await t.db.rawQuery(`select action, summary from audit_events where subject_type = 'interpreter-candidate' and subject_id = $1 order by id`, [id])).rows as { action: string; summary: string }[];
    expect(audit[0]).toMatchObject({ action: 'create' });
    expect(audit.map((a) => a.summary)).toEqual(expect.arrayContaining(['feedback talk, advice follow-remediation', 'certificate ar']));
  });

  it('R-28: the advice to stop ends the track in that language', async () => {
    const id = await trainedCandidate();
    const url = `${BASE}/candidates/${id}`;
    const exam = (await ok(desk.request('POST', `${url}/exams`, { language: 'ar', heldOn: '2025-06-16', jury }))).exams[0];
    await ok(desk.request('POST', `${url}/exams/${exam.id}/result`, { outcome: 'held', decidedOn: '2025-06-16', rolePlay1: 'failed', rolePlay2: 'failed' }));
    await ok(desk.request('POST', `${url}/exams/${exam.id}/feedback-talk`, { heldOn: '2025-06-23', advice: 'stop' }));
    const retake = await desk.request('POST', `${url}/exams`, { language: 'ar', heldOn: '2025-08-01', jury });
    expect(retake.json()).toMatchObject({ rule: 'R-28', refusal: 'certification-advice-stop' });
    expect((await ok(desk.request('GET', url))).languages[0].stage).toBe('stopped');
  });

  it('a certificate of a linked interpreter updates the register row of that language', async () => {
    const interpreterId = randomUUID();
    await t.db.rawQuery(`insert into interpreters (id, tenant_id, name, email) values ($1, $2, 'Yonas Tesfay', 'yonas@example.be')`, [interpreterId, AGII]);
    await t.db.rawQuery(`insert into interpreter_languages (tenant_id, interpreter_id, language, variant, status, channels) values ($1, $2, 'ti', '', 'crisis', '{phone}')`, [AGII, interpreterId]);
    const unknown = await desk.request('POST', `${BASE}/candidates`, { name: 'Yonas Tesfay', email: 'yonas@example.be', languages: [{ language: 'ti' }], interpreterId: randomUUID() });
    expect(unknown.json().errors[0]).toMatchObject({ field: 'interpreterId', code: 'certification-interpreter-unknown' });
    const id = await trainedCandidate({ name: 'Yonas Tesfay', languages: [{ language: 'ti' }], interpreterId }, { language: 'ti' });
    const url = `${BASE}/candidates/${id}`;
    const exam = (await ok(desk.request('POST', `${url}/exams`, { language: 'ti', heldOn: '2025-06-16', jury }))).exams[0];
    await ok(desk.request('POST', `${url}/exams/${exam.id}/result`, { outcome: 'held', decidedOn: '2025-06-16', rolePlay1: 'passed', rolePlay2: 'passed' }));
    const issued = await ok(desk.request('POST', `${url}/certificates`, { language: 'ti', issuedOn: '2025-06-30', channels: ['on-site', 'phone'] }));
    expect(issued.interpreterId).toBe(interpreterId);
    const rows = (await t.db.rawQuery('select status, channels from interpreter_languages where interpreter_id = $1', [interpreterId])).rows;
    expect(rows).toEqual([{ status: 'certified', channels: ['on-site', 'phone'] }]);
    expect((await t.db.rawQuery('select count(*)::int as n from interpreters where email = $1', ['yonas@example.be'])).rows).toEqual([{ n: 1 }]);
  });

  it('needs interpreting.desk, and another agency sees no candidates', async () => {
    const c = await candidate();
    expect((await worker.request('GET', `${BASE}/candidates/${c.id}`)).statusCode).toBe(403);
    expect((await worker.request('POST', `${BASE}/candidates`, { name: 'X Y', email: 'x@example.be', languages: [{ language: 'ar' }] })).statusCode).toBe(403);
    expect((await atlasDesk.request('GET', `${BASE}/candidates/${c.id}`)).statusCode).toBe(404);
    expect((await atlasDesk.request('GET', `${BASE}/candidates`)).json().items).toEqual([]);
    const list = await ok(desk.request('GET', `${BASE}/candidates?search=amina&language=ar`));
    expect(list.items.length).toBeGreaterThanOrEqual(1);
    const bad = await desk.request('POST', `${BASE}/candidates`, { name: 'X Y', email: 'x@example.be', languages: [{ language: 'zz' }] });
    expect(bad.statusCode).toBe(400);
  });
});
