import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actOk, runningDossier } from '../../testing/dossier-fixtures';
import { ATLAS, createTestApp, type Caller, type PortalCaller, type TestApp } from '../../testing/test-app';
import { multipart, planAppointments, planners, type Planned } from './portal-fixtures';
import { pdf } from './upload-samples';

/**
 * A newcomer never sees anything but their own (issue 6, "bad input"): every id of someone else's
 * item answers 404, never 403, so nobody learns that it exists; and another agency's staff do not
 * see this agency's portal data at all (row-level security).
 */
let t: TestApp;
let worker: Caller;
type Side = { person: { id: string }; dossierId: string; newcomer: PortalCaller; taskId: string; fileId: string; planned: Planned; certificateId: string; changeRequestId: string };
let amina: Side;
let bilal: Side;

beforeAll(async () => {
  t = await createTestApp();
  worker = await t.user(['case-worker']);
  const staff = await planners(t);
  const side = async (): Promise<Side> => {
    const { person, dossier } = await runningDossier(worker, { signedOn: '2026-02-02' });
    const planned = await planAppointments(staff, person.id);
    const newcomer = await t.newcomer(person.id, { as: worker });
    const task = (await worker.request('POST', `/api/v1/dossiers/${dossier.id}/portal-tasks`, { body: { kind: 'upload-participation-proof' } })).json();
    const { body, headers } = multipart({ name: 'bewijs.pdf', bytes: pdf() });
    const file = (await newcomer.request('POST', `/api/v1/portal/tasks/${task.id}/files`, { body, headers })).json();
    const current = (await worker.request('GET', `/api/v1/dossiers/${dossier.id}`)).json();
    const suspended = await actOk(worker, current, 'start-suspension', { date: '2026-03-02', kind: 'suspension', reason: 'sick-leave', proofReceivedOn: '2026-03-01', proof: 'medisch attest', from: '2026-03-02', to: '2026-03-31' });
    const request = (await newcomer.request('POST', `/api/v1/portal/appointments/${planned.sessionIds[1]}/change-request`, { body: { reason: 'Ziek' } })).json();
    return { person, dossierId: dossier.id, newcomer, taskId: task.id, fileId: file.id, planned, certificateId: suspended.certificates[0].id, changeRequestId: request.id };
  };
  amina = await side();
  bilal = await side();
  await worker.request('POST', '/api/v1/participation-activities', { body: { name: 'Buurtwerk', organisation: 'Stad Aalst', hours: 10 } });
});
afterAll(async () => {
  await t?.close();
});

describe('a newcomer sees only their own data', () => {
  it('lists hold only their own tasks, files, appointments, documents and access log', async () => {
    const tasks = (await amina.newcomer.request('GET', '/api/v1/portal/tasks')).json().items;
    expect(tasks.map((x: { id: string }) => x.id)).toEqual([amina.taskId]);
    expect(tasks[0].files.map((f: { id: string }) => f.id)).toEqual([amina.fileId]);
    const appointments = JSON.stringify((await amina.newcomer.request('GET', '/api/v1/portal/appointments')).json());
    for (const id of [bilal.planned.bookingId, bilal.planned.conversationId, bilal.planned.placementId]) expect(appointments).not.toContain(id);
    const documents = JSON.stringify((await amina.newcomer.request('GET', '/api/v1/portal/documents')).json());
    expect(documents).not.toContain(bilal.dossierId);
    expect(documents).not.toContain(bilal.certificateId);
    expect(documents).toContain(amina.certificateId);
    const ics = (await amina.newcomer.request('GET', '/api/v1/portal/appointments.ics')).body;
    expect(ics).not.toContain(bilal.planned.bookingId);
    const log = JSON.stringify((await amina.newcomer.request('GET', '/api/v1/portal/access-log?limit=100')).json());
    expect(log).not.toContain(bilal.person.id);
  });

  it.each([
    ['upload to another’s task', (s: Side) => ['POST', `/api/v1/portal/tasks/${s.taskId}/files`, multipart({ name: 'x.pdf', bytes: pdf() })] as const],
    ['submit another’s task', (s: Side) => ['POST', `/api/v1/portal/tasks/${s.taskId}/submit`, { body: {} }] as const],
    ['another’s contract', (s: Side) => ['GET', `/api/v1/portal/documents/contract-${s.dossierId}.pdf`, {}] as const],
    ['another’s personal plan', (s: Side) => ['GET', `/api/v1/portal/documents/personal-plan-${s.dossierId}.pdf`, {}] as const],
    ['another’s certificate', (s: Side) => ['GET', `/api/v1/portal/documents/certificate-${s.certificateId}.pdf`, {}] as const],
    ['another’s course letter', (s: Side) => ['GET', `/api/v1/portal/documents/mo-course-letter-${s.planned.enrolmentId}.pdf`, {}] as const],
    ['another’s test letter', (s: Side) => ['GET', `/api/v1/portal/documents/mo-test-letter-${s.planned.bookingId}.pdf`, {}] as const],
    ['a change to another’s test', (s: Side) => ['POST', `/api/v1/portal/appointments/${s.planned.bookingId}/change-request`, { body: { reason: 'x' } }] as const],
    ['a change to another’s NT2 course start', (s: Side) => ['POST', `/api/v1/portal/appointments/${s.planned.placementId}/change-request`, { body: { reason: 'x' } }] as const],
    ['a change to another’s course session', (s: Side) => ['POST', `/api/v1/portal/appointments/${s.planned.sessionIds[0]}/change-request`, { body: { reason: 'x' } }] as const],
  ])('%s is not found (404, not 403)', async (_name, target) => {
    const [method, url, opts] = target(bilal);
    const res = await amina.newcomer.request(method, url, opts);
    expect(res.json()).toMatchObject({ status: 404, type: 'urn:kruispunt:problem:not-found' });
    // The same request for one's own item works (or fails for another reason than "not found").
    const [, ownUrl, ownOpts] = target(amina);
    expect((await amina.newcomer.request(method, ownUrl, ownOpts)).statusCode).not.toBe(404);
  });

  it('nothing was changed by the refused attempts', async () => {
    const tasks = (await worker.request('GET', `/api/v1/dossiers/${bilal.dossierId}/portal-tasks`)).json().items;
    expect(tasks).toMatchObject([{ id: bilal.taskId, status: 'open', files: [{ id: bilal.fileId }] }]);
    const requests = (await worker.request('GET', '/api/v1/appointment-change-requests')).json().items;
    expect(requests.filter((r: { personId: string }) => r.personId === bilal.person.id).map((r: { id: string }) => r.id)).toEqual([bilal.changeRequestId]);
  });

  it('portal cookies open no staff route, staff credentials no portal route', async () => {
    expect((await amina.newcomer.request('GET', `/api/v1/dossiers/${amina.dossierId}/portal-tasks`)).statusCode).toBe(401);
    expect((await amina.newcomer.request('GET', `/api/v1/portal-tasks/${amina.taskId}/files/${amina.fileId}`)).statusCode).toBe(401);
    expect((await amina.newcomer.request('GET', '/api/v1/appointment-change-requests')).statusCode).toBe(401);
    expect((await worker.request('GET', '/api/v1/portal/tasks')).statusCode).toBe(401);
  });
});

describe('another agency’s staff see none of this agency’s portal data', () => {
  let atlasWorker: Caller;
  beforeAll(async () => {
    const atlasAdmin = await t.agencyAdmin('atlas');
    atlasWorker = await t.user(['case-worker'], { as: atlasAdmin, organisationId: ATLAS });
  });

  it('tasks, files, reviews and change requests answer 404 or are absent', async () => {
    expect((await atlasWorker.request('GET', `/api/v1/dossiers/${amina.dossierId}/portal-tasks`)).statusCode).toBe(404);
    expect((await atlasWorker.request('POST', `/api/v1/dossiers/${amina.dossierId}/portal-tasks`, { body: { kind: 'other', title: 'x' } })).statusCode).toBe(404);
    expect((await atlasWorker.request('GET', `/api/v1/portal-tasks/${amina.taskId}/files/${amina.fileId}`)).statusCode).toBe(404);
    expect((await atlasWorker.request('POST', `/api/v1/portal-tasks/${amina.taskId}/review`, { body: { decision: 'reject', reason: 'x' } })).statusCode).toBe(404);
    expect((await atlasWorker.request('GET', '/api/v1/appointment-change-requests')).json().items).toEqual([]);
    expect((await atlasWorker.request('POST', `/api/v1/appointment-change-requests/${amina.changeRequestId}/handle`, { body: {} })).statusCode).toBe(404);
    expect((await atlasWorker.request('GET', '/api/v1/participation-activities')).json().items).toEqual([]);
  });
});
