import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import * as fixtures from '../../testing/dossier-fixtures';
import { act, actOk, INTAKE } from '../../testing/dossier-fixtures';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app';
import { dossierCommand } from './dossier/commands';
import { recomputeFollowUp } from './trajectory.jobs';

let t: TestApp;
let worker: Caller;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2024-06-03T09:00:00Z');
  worker = await t.user(['case-worker']);
});
afterAll(async () => {
  await t?.close();
});

const newPerson = () => fixtures.newPerson(worker);
const runningDossier = async () => {
  const result = await fixtures.runningDossier(worker);
  expect(result.dossier.state.intake.targetGroupProposal.group).toBe('verplicht');
  return result;
};

describe('trajectory through the API (issue 3)', () => {
  it('signs up, takes the intake with a proposal, signs a contract under the rule set of its date, and reports what is missing', async () => {
    const { dossier } = await runningDossier();
    expect(dossier.status).toBe('running');
    expect(dossier.state.contract.ruleSetId).toBe('fl-2023-09');
    expect(dossier.evaluation.certificate.canIssue).toBe(false);
    expect(dossier.evaluation.certificate.missing).toEqual(expect.arrayContaining(['mo.not-completed', 'nt2.not-completed', 'work.not-completed', 'participation.not-completed']));
    expect(dossier.evaluation.deadlines.find((d: { kind: string }) => d.kind === 'work-registration')).toMatchObject({ dueOn: '2024-04-12', rule: 'FL-DL-05', status: 'overdue' });
    expect(dossier.allowedActions).toContain('record-mo-course');
    expect(dossier.allowedActions).not.toContain('sign-contract');
  });

  it('issues the certificate when every condition is met, numbered, with a PDF, and closes the dossier', async () => {
    let { dossier } = await runningDossier();
    dossier = await actOk(worker, dossier, 'record-mo-course', { date: '2024-05-01', enrolledOn: '2024-03-01', attendedHours: 60, completedOn: '2024-04-30' });
    dossier = await actOk(worker, dossier, 'record-mo-process-evaluation', { date: '2024-05-02', score: { correct: 7, total: 10 } });
    dossier = await actOk(worker, dossier, 'record-mo-test', { date: '2024-05-10', kind: 'test', core: { correct: 10, total: 11 }, practical: { correct: 20, total: 30 } });
    expect(dossier.evaluation.pillars.mo.status).toBe('completed');
    dossier = await actOk(worker, dossier, 'record-nt2-result', { date: '2024-05-15', oral: 'A2', written: 'A2' });
    dossier = await actOk(worker, dossier, 'record-nt2-standardised-test', { date: '2024-05-16', passedSkills: ['reading', 'writing'] });
    dossier = await actOk(worker, dossier, 'record-work-registration', { date: '2024-05-17', registeredOn: '2024-03-01' });
    const early = await act(worker, dossier, 'issue-certificate', { date: '2024-05-20', kind: 'civic-integration' });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ rule: 'FL-AT-02', refusal: 'certificate-conditions-missing', missing: ['participation.not-completed', 'participation.hours'] });
    dossier = await actOk(worker, dossier, 'record-participation', { date: '2024-05-21', activity: 'Vrijwilliger bij de buurtwerking', hours: 40 });
    expect(dossier.evaluation.certificate.canIssue).toBe(true);
    expect(dossier.evaluation.followUp[0]).toMatchObject({ reason: 'certificate-ready', nextAction: 'issue-certificate' });
    dossier = await actOk(worker, dossier, 'issue-certificate', { date: '2024-05-22', kind: 'civic-integration' });
    expect(dossier.status).toBe('closed');
    expect(dossier.state.closure).toMatchObject({ reason: 'certificate' });
    expect(dossier.certificates[0]).toMatchObject({ kind: 'civic-integration', number: expect.stringMatching(/^AGII-2024-\d{6}$/) });
    const pdf = await worker.request('GET', `/api/v1/dossiers/${dossier.id}/certificates/${dossier.certificates[0].id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const parsed = await PDFDocument.load(pdf.rawPayload);
    expect(parsed.getPageCount()).toBe(1);
    const after = await act(worker, dossier, 'record-participation', { date: '2024-05-23', activity: 'x y z', hours: 1 });
    expect(after.statusCode).toBe(422);
    expect(after.json().refusal).toBe('dossier-closed');
  });

  it('refuses bad input with a 4xx naming the rule, changes nothing, and journals the refusal', async () => {
    const { dossier } = await runningDossier();
    const second = await act(worker, dossier, 'sign-contract', { date: '2024-03-01', signedOn: '2024-03-01' });
    expect(second.statusCode).toBe(422);
    expect(second.headers['content-type']).toContain('application/problem+json');
    expect(second.json()).toMatchObject({ rule: 'WF-03', refusal: 'contract-already-running', type: 'urn:kruispunt:problem:rule-violation' });
    expect(second.json().detail).toContain('2024-02-12');
    const noReason = await act(worker, dossier, 'start-suspension', { date: '2024-03-01', kind: 'suspension', proofReceivedOn: '2024-03-01', proof: 'doktersattest', from: '2024-03-01', to: '2024-04-01' });
    expect(noReason.statusCode).toBe(400);
    const wrongOrder = await act(worker, dossier, 'start-suspension', { date: '2024-03-01', kind: 'suspension', reason: 'sick-leave', proofReceivedOn: '2024-03-01', proof: 'doktersattest', from: '2024-04-01', to: '2024-03-01' });
    expect(wrongOrder.json()).toMatchObject({ status: 422, rule: 'R-19', refusal: 'period-end-before-start' });
    const stale = await worker.request('POST', `/api/v1/dossiers/${dossier.id}/actions/record-situation`, {
      body: { date: '2024-03-01', working: true, studying: false, allowedToWork: true },
      headers: { 'if-match': `"${dossier.version - 1}"` },
    });
    expect(stale.statusCode).toBe(409);
    const current = (await worker.request('GET', `/api/v1/dossiers/${dossier.id}`)).json();
    expect(current.version).toBe(dossier.version);
    const timeline = (await worker.request('GET', `/api/v1/dossiers/${dossier.id}/timeline`)).json().items;
    expect(timeline.filter((e: { type: string }) => e.type === 'dossier.command-refused').map((e: { payload: { refusal: string } }) => e.payload.refusal)).toEqual(
      expect.arrayContaining(['contract-already-running', 'period-end-before-start']),
    );
    expect(timeline.at(-1).type).toBe('dossier.signed-up');
  });

  it('a suspension shifts the running deadlines and pauses pillar actions until it ends', async () => {
    let { dossier, person } = await runningDossier();
    const before = dossier.evaluation.deadlines.find((d: { kind: string }) => d.kind === 'mo-start');
    dossier = await actOk(worker, dossier, 'start-suspension', { date: '2024-03-01', kind: 'suspension', reason: 'maternity-leave', proofReceivedOn: '2024-03-01', proof: 'attest van de gynaecoloog', from: '2024-03-01', to: '2024-08-31' });
    expect(dossier.status).toBe('suspended');
    const after = dossier.evaluation.deadlines.find((d: { kind: string }) => d.kind === 'mo-start');
    expect(after.shiftedDays).toBe(184);
    expect(after.dueOn > before.dueOn).toBe(true);
    expect(dossier.certificates[0]).toMatchObject({ kind: 'suspension' });
    const blocked = await act(worker, dossier, 'record-mo-course', { date: '2024-04-01', enrolledOn: '2024-04-01', attendedHours: 0 });
    expect(blocked.json()).toMatchObject({ rule: 'FL-SU-04', refusal: 'dossier-suspended' });
    const listed = (await worker.request('GET', `/api/v1/persons/${person.id}/dossiers`)).json().items;
    expect(listed[0]).toMatchObject({ id: dossier.id, status: 'suspended' });
    const caseload = (await worker.request('GET', '/api/v1/caseload?limit=200')).json().items;
    expect(caseload.find((i: { dossierId: string }) => i.dossierId === dossier.id)?.status).toBe('suspended');
    dossier = await actOk(worker, dossier, 'end-suspension', { date: '2024-05-01' });
    expect(dossier.status).toBe('running');
  });

  it('enforcement: infringement, notice with term, hand-over only after the term, annulled by an address change', async () => {
    let { person, dossier } = await runningDossier();
    dossier = await actOk(worker, dossier, 'record-infringement', { date: '2024-04-20', kind: 'late-work-registration', description: 'Niet ingeschreven bij VDAB binnen 60 dagen' });
    const id = dossier.state.infringements[0].id;
    dossier = await actOk(worker, dossier, 'send-notice-of-default', { date: '2024-04-22', infringementId: id });
    expect(dossier.state.infringements[0].notice.complyBy).toBe('2024-05-22');
    const early = await act(worker, dossier, 'hand-over-to-enforcement', { date: '2024-05-01', infringementId: id, evidence: ['brief'] });
    expect(early.json()).toMatchObject({ rule: 'R-22', refusal: 'notice-term-running' });
    dossier = await actOk(worker, dossier, 'hand-over-to-enforcement', { date: '2024-05-23', infringementId: id, evidence: ['aangetekende brief', 'VDAB-attest ontbreekt'] });
    const officer = await t.user(['enforcement-officer']);
    const cases = (await officer.request('GET', '/api/v1/enforcement/cases')).json().items;
    expect(cases.map((c: { dossierId: string }) => c.dossierId)).toContain(dossier.id);

    const p = (await worker.request('GET', `/api/v1/persons/${person.id}`));
    const moved = await worker.request('PATCH', `/api/v1/persons/${person.id}`, {
      body: { address: { street: 'Veldstraat', houseNumber: '5', postalCode: '9300', municipalityNis: '41002' } },
      headers: { 'if-match': p.headers.etag as string },
    });
    expect(moved.statusCode).toBe(200);
    const reread = (await worker.request('GET', `/api/v1/dossiers/${dossier.id}`)).json();
    expect(reread.state.infringements[0]).toMatchObject({ status: 'annulled', annulled: { change: 'address' } });
  });

  it('never sanctions an entitled person after 1 March 2022 (R-02)', async () => {
    const person = await newPerson();
    let dossier = (await worker.request('POST', `/api/v1/persons/${person.id}/dossiers`, { body: { date: '2024-01-22', channel: 'spontaneous' } })).json();
    dossier = await actOk(worker, dossier, 'record-intake', { ...INTAKE, targetGroupFacts: { ...INTAKE.targetGroupFacts, firstResidenceTitle: false } });
    expect(dossier.state.intake.targetGroupProposal.group).toBe('rechthebbend');
    dossier = await actOk(worker, dossier, 'decide-intake', { date: '2024-02-05', targetGroup: 'rechthebbend', profileId: 'profile-3' });
    dossier = await actOk(worker, dossier, 'sign-contract', { date: '2024-02-12', signedOn: '2024-02-12' });
    const res = await act(worker, dossier, 'record-infringement', { date: '2024-04-20', kind: 'irregular-participation', description: 'Niet aanwezig' });
    expect(res.json()).toMatchObject({ status: 422, rule: 'R-02', refusal: 'entitled-not-sanctioned' });
  });

  it('the caseload lists the worker’s dossiers by urgency, and the daily job keeps follow-up current', async () => {
    await runningDossier();
    const list = (await worker.request('GET', '/api/v1/caseload')).json();
    expect(list.items.length).toBeGreaterThan(0);
    const ranks = list.items.map((i: { urgency: number }) => i.urgency);
    expect([...ranks].sort()).toEqual(ranks);
    expect(list.items[0].followUp[0]).toHaveProperty('nextAction');
    const run = await recomputeFollowUp(t.db, '2030-01-01');
    expect(run.dossiers).toBeGreaterThan(0);
    expect(run.changed).toBeGreaterThan(0);
    const again = await recomputeFollowUp(t.db, '2030-01-01');
    expect(again.changed).toBe(0);
  });

  it('transfers a dossier with its history to the agency of the new area, which is notified', async () => {
    const { dossier, person } = await runningDossier();
    const res = await worker.request('POST', `/api/v1/dossiers/${dossier.id}/transfer`, {
      body: { date: '2024-03-01', toAgency: 'atlas', reason: 'Verhuisd naar Antwerpen' },
      headers: { 'if-match': `"${dossier.version}"` },
    });
    expect(res.statusCode).toBe(200);
    expect((await worker.request('GET', `/api/v1/dossiers/${dossier.id}`)).statusCode).toBe(404);
    expect((await worker.request('GET', `/api/v1/persons/${person.id}`)).statusCode).toBe(404);
    const atlasAdmin = await t.agencyAdmin('atlas');
    const atlasWorker = await t.user(['case-worker'], { as: atlasAdmin, organisationId: '00000000-0000-4000-8000-000000000002' });
    const notes = (await atlasWorker.request('GET', '/api/v1/notifications')).json().items;
    expect(notes[0]).toMatchObject({ kind: 'dossier-transferred-in', dossierId: dossier.id });
    const moved = (await atlasWorker.request('GET', `/api/v1/dossiers/${dossier.id}`)).json();
    expect(moved.state.contract.signedOn).toBe('2024-02-12');
    const timeline = (await atlasWorker.request('GET', `/api/v1/dossiers/${dossier.id}/timeline`)).json().items;
    expect(timeline.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['dossier.transferred', 'dossier.contract-signed', 'dossier.signed-up']));
  });

  it('documents every dossier action in the OpenAPI document, with its own request schema', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    for (const option of dossierCommand.options) {
      const operation = doc.paths[`/api/v1/dossiers/{id}/actions/${option.shape.type.value}`]?.post;
      expect(operation?.summary, option.shape.type.value).toMatch(/\w{3,}/);
      expect(operation.requestBody.content['application/json'].schema.properties).toHaveProperty('date');
    }
  });
});
