import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UploadSettings } from '../../platform/config';
import { runningDossier } from '../../testing/dossier-fixtures';
import { createTestApp, type Caller, type PortalCaller, type TestApp } from '../../testing/test-app';
import { deadClamdUrl, EICAR, startFakeClamd, type FakeClamd } from './clamd-fake';
import { multipart } from './portal-fixtures';
import { jpeg, pdf, png } from './upload-samples';

let t: TestApp;
let clamd: FakeClamd;
/** Read by the upload route at each request, so one test can take the scanner away. */
const uploads: UploadSettings = { maxBytes: 64 * 1024, clamavUrl: null };
let worker: Caller;
let amina: Awaited<ReturnType<typeof runningDossier>>;
let newcomer: PortalCaller;

beforeAll(async () => {
  clamd = await startFakeClamd();
  uploads.clamavUrl = clamd.url;
  t = await createTestApp({ uploads });
  worker = await t.user(['case-worker']);
  amina = await runningDossier(worker, { signedOn: '2026-02-02' });
  newcomer = await t.newcomer(amina.person.id, { as: worker });
});
afterAll(async () => {
  await t?.close();
  await clamd?.close();
});

const giveTask = async (body: object, dossierId = amina.dossier.id) => {
  const res = await worker.request('POST', `/api/v1/dossiers/${dossierId}/portal-tasks`, { body });
  if (res.statusCode !== 201) throw new Error(`task: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string };
};
const upload = (who: PortalCaller, taskId: string, file: { name: string; bytes: Buffer; type?: string }, field?: string) => {
  const { body, headers } = multipart(file, field);
  return who.request('POST', `/api/v1/portal/tasks/${taskId}/files`, { body, headers });
};
const dossierState = async () => (await worker.request('GET', `/api/v1/dossiers/${amina.dossier.id}`)).json().state;

describe('uploads: checked by their bytes, their size, their wholeness and the virus scanner (issue 6 §4)', () => {
  let taskId: string;
  beforeAll(async () => {
    taskId = (await giveTask({ kind: 'upload-participation-proof', title: 'Bewijs vrijwilligerswerk', dueDate: '2026-04-30' })).id;
  });

  it('keeps a PDF and a photo, scanned, with name, size and the type their bytes show', async () => {
    const first = await upload(newcomer, taskId, { name: 'bewijs.pdf', bytes: pdf(), type: 'application/pdf' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ id: expect.any(String), name: 'bewijs.pdf', size: pdf().length, contentType: 'application/pdf' });
    t.clock.advance(60_000);
    // A photo sent as "image.pdf" with a made-up type is still a PNG.
    const photo = await upload(newcomer, taskId, { name: 'image.pdf', bytes: png(), type: 'application/pdf' });
    expect(photo.json()).toMatchObject({ name: 'image.pdf', contentType: 'image/png' });
    expect(clamd.scans).toBeGreaterThanOrEqual(2);
    const [task] = (await worker.request('GET', `/api/v1/dossiers/${amina.dossier.id}/portal-tasks`)).json().items;
    expect(task.files.map((f: { contentType: string; scanned: boolean }) => [f.contentType, f.scanned])).toEqual([
      ['application/pdf', true],
      ['image/png', true],
    ]);
    const download = await worker.request('GET', `/api/v1/portal-tasks/${taskId}/files/${first.json().id}`);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="bewijs.pdf"/);
    expect(download.rawPayload.equals(pdf())).toBe(true);
  });

  it.each([
    ['too big', { name: 'groot.pdf', bytes: Buffer.concat([pdf(), Buffer.alloc(70 * 1024, 0x20)]) }, 413, 'upload-too-large'],
    ['a GIF', { name: 'foto.jpg', bytes: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), type: 'image/jpeg' }, 415, 'upload-type-not-allowed'],
    ['a program named like a PDF', { name: 'bewijs.pdf', bytes: Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), type: 'application/pdf' }, 415, 'upload-type-not-allowed'],
    ['a PDF cut off before %%EOF', { name: 'half.pdf', bytes: pdf().subarray(0, 40) }, 422, 'upload-malformed'],
    ['a photo cut off in the middle', { name: 'half.jpg', bytes: jpeg({ cut: true }) }, 422, 'upload-malformed'],
    ['the EICAR test virus inside a PDF', { name: 'virus.pdf', bytes: pdf(EICAR) }, 422, 'upload-infected'],
  ])('refuses %s with a clear problem', async (_name, file, status, code) => {
    const res = await upload(newcomer, taskId, file);
    expect(res.json()).toMatchObject({ status, type: `urn:kruispunt:problem:${code}`, detail: expect.any(String) });
    if (code === 'upload-too-large') expect(res.json().detail).toContain('0,1 MB');
  });

  it('refuses a request that is not a file upload, or has the file in another field', async () => {
    expect((await newcomer.request('POST', `/api/v1/portal/tasks/${taskId}/files`, { body: { file: 'x' } })).json()).toMatchObject({ status: 400, errors: [{ field: 'file', code: 'required' }] });
    expect((await upload(newcomer, taskId, { name: 'a.pdf', bytes: pdf() }, 'document')).json()).toMatchObject({ status: 400, errors: [{ field: 'file' }] });
  });

  it('refuses rather than keeps a file unscanned when the configured scanner is down (503)', async () => {
    uploads.clamavUrl = await deadClamdUrl();
    try {
      const res = await upload(newcomer, taskId, { name: 'bewijs.pdf', bytes: pdf() });
      expect(res.json()).toMatchObject({ status: 503, type: 'urn:kruispunt:problem:upload-scan-unavailable' });
      expect(res.headers['retry-after']).toBe('60');
    } finally {
      uploads.clamavUrl = clamd.url;
    }
    const [task] = (await worker.request('GET', `/api/v1/dossiers/${amina.dossier.id}/portal-tasks`)).json().items;
    expect(task.files).toHaveLength(2);
  });
});

describe('tasks: the newcomer submits, the case worker accepts or rejects, accepted facts go to the dossier (issue 6 §4)', () => {
  it('a proof of participation: rejected with a reason, sent again, accepted with hours into the participation pillar (R-08)', async () => {
    const activity = (await worker.request('POST', '/api/v1/participation-activities', {
      body: { name: 'Taalcafé De Brug', organisation: 'Stad Aalst', hours: 20, place: 'Aalst', language: 'nl' },
    })).json();
    await worker.request('POST', '/api/v1/participation-activities', { body: { name: 'Oude activiteit', organisation: 'Stad Aalst', hours: 5, active: false } });
    expect((await newcomer.request('GET', '/api/v1/portal/participation-activities')).json().items).toEqual([
      { id: activity.id, name: 'Taalcafé De Brug', organisation: 'Stad Aalst', hours: 20, place: 'Aalst', language: 'nl' },
    ]);

    const task = await giveTask({ kind: 'upload-participation-proof', title: 'Bewijs taalcafé' });
    expect((await newcomer.request('POST', `/api/v1/portal/tasks/${task.id}/submit`, { body: {} })).json()).toMatchObject({
      status: 400,
      errors: [{ field: 'files', code: 'portal-task-file-required' }],
    });
    await upload(newcomer, task.id, { name: 'aanwezigheden.jpg', bytes: jpeg() });
    const submitted = await newcomer.request('POST', `/api/v1/portal/tasks/${task.id}/submit`, { body: { activityId: activity.id, note: 'Elke dinsdag' } });
    expect(submitted.json()).toMatchObject({ status: 'submitted', activity: { id: activity.id, name: 'Taalcafé De Brug' }, files: [{ contentType: 'image/jpeg' }] });
    expect((await upload(newcomer, task.id, { name: 'nog.pdf', bytes: pdf() })).json()).toMatchObject({ status: 409 });

    const review = (body: object) => worker.request('POST', `/api/v1/portal-tasks/${task.id}/review`, { body });
    expect((await review({ decision: 'reject' })).json()).toMatchObject({ status: 400, errors: [{ field: 'reason', code: 'required' }] });
    expect((await review({ decision: 'reject', reason: 'De foto is onleesbaar' })).json()).toMatchObject({ status: 'rejected', rejectionReason: 'De foto is onleesbaar' });
    const mine = (await newcomer.request('GET', '/api/v1/portal/tasks')).json().items.find((x: { id: string }) => x.id === task.id);
    expect(mine).toMatchObject({ status: 'rejected', rejectionReason: 'De foto is onleesbaar' });

    await upload(newcomer, task.id, { name: 'scherper.pdf', bytes: pdf() });
    await newcomer.request('POST', `/api/v1/portal/tasks/${task.id}/submit`, { body: {} });
    expect((await review({ decision: 'accept' })).json()).toMatchObject({ status: 400, errors: [{ field: 'hours', code: 'required' }] });
    const accepted = await review({ decision: 'accept', hours: 12, date: '2026-02-24' });
    expect(accepted.json()).toMatchObject({ status: 'accepted', hours: 12, reviewedBy: 'Test case-worker', note: 'Elke dinsdag', rejectionReason: 'De foto is onleesbaar' });
    expect((await dossierState()).participation.activities).toEqual([{ date: '2026-02-24', hours: 12, activity: 'Taalcafé De Brug' }]);
    const trajectory = (await newcomer.request('GET', '/api/v1/portal/trajectory')).json();
    expect(trajectory.pillars.find((p: { pillar: string }) => p.pillar === 'participation')).toMatchObject({ state: 'in-progress', progress: { done: 12, required: 40 } });
    expect((await review({ decision: 'accept', hours: 12 })).statusCode).toBe(409);
  });

  it('the employment-service registration: accepting records it in the work pillar (R-07), by someone allowed to record results', async () => {
    const task = await giveTask({ kind: 'register-employment-service', dueDate: '2026-04-03' });
    await newcomer.request('POST', `/api/v1/portal/tasks/${task.id}/submit`, { body: { note: 'Ingeschreven op 20 februari' } });
    // An intake officer guides dossiers but does not record pillar results (COMMAND_PERMISSION).
    const officer = await t.user(['intake-officer']);
    expect((await officer.request('POST', `/api/v1/portal-tasks/${task.id}/review`, { body: { decision: 'accept', date: '2026-02-20' } })).json()).toMatchObject({ status: 403 });
    expect((await worker.request('POST', `/api/v1/portal-tasks/${task.id}/review`, { body: { decision: 'accept', hours: 3 } })).json()).toMatchObject({ status: 400, errors: [{ field: 'hours' }] });
    const accepted = await worker.request('POST', `/api/v1/portal-tasks/${task.id}/review`, { body: { decision: 'accept', date: '2026-02-20' } });
    expect(accepted.json()).toMatchObject({ status: 'accepted' });
    expect((await dossierState()).work.registeredOn).toBe('2026-02-20');
    const view = (await newcomer.request('GET', '/api/v1/portal/trajectory')).json();
    expect(view.pillars.find((p: { pillar: string }) => p.pillar === 'work')).toMatchObject({ state: 'done', detail: 'registered' });
    expect(view.missingForCertificate).not.toContain('work-registration');
  });

  it('the trajectory rules still decide: a date before the sign-up is refused and the task stays submitted', async () => {
    const task = await giveTask({ kind: 'upload-participation-proof' });
    await upload(newcomer, task.id, { name: 'oud.pdf', bytes: pdf() });
    await newcomer.request('POST', `/api/v1/portal/tasks/${task.id}/submit`, { body: {} });
    const refused = await worker.request('POST', `/api/v1/portal-tasks/${task.id}/review`, { body: { decision: 'accept', hours: 4, date: '2020-01-01' } });
    expect(refused.json()).toMatchObject({ status: 422, type: 'urn:kruispunt:problem:rule-violation', refusal: 'date-before-sign-up' });
    const [again] = (await worker.request('GET', `/api/v1/dossiers/${amina.dossier.id}/portal-tasks`)).json().items.filter((x: { id: string }) => x.id === task.id);
    expect(again.status).toBe('submitted');
  });

  it('choosing an activity needs one from the catalogue; "other" tasks need a title', async () => {
    const task = await giveTask({ kind: 'choose-participation-activity', dueDate: '2026-03-31' });
    expect((await newcomer.request('POST', `/api/v1/portal/tasks/${task.id}/submit`, { body: {} })).json()).toMatchObject({ errors: [{ field: 'activityId', code: 'required' }] });
    const unknown = await newcomer.request('POST', `/api/v1/portal/tasks/${task.id}/submit`, { body: { activityId: '00000000-0000-4000-8000-00000000beef' } });
    expect(unknown.json()).toMatchObject({ errors: [{ field: 'activityId', code: 'participation-activity-unknown' }] });
    expect((await worker.request('POST', `/api/v1/dossiers/${amina.dossier.id}/portal-tasks`, { body: { kind: 'other' } })).json()).toMatchObject({ status: 400, errors: [{ field: 'title' }] });
    expect((await (await t.user(['course-teacher'])).request('POST', `/api/v1/dossiers/${amina.dossier.id}/portal-tasks`, { body: { kind: 'other', title: 'x' } })).statusCode).toBe(403);
  });
});
