import { sql } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/database';
import { actOk, runningDossier } from '../../testing/dossier-fixtures';
import { createTestApp, type Caller, type PortalCaller, type TestApp } from '../../testing/test-app';
import { planAppointments, planners, type Planned, type Planners } from './portal-fixtures';

let t: TestApp;
let worker: Caller;
let staff: Planners;
let amina: { person: { id: string }; dossier: { id: string; version: number } };
let planned: Planned;
let newcomer: PortalCaller;

beforeAll(async () => {
  t = await createTestApp();
  worker = await t.user(['case-worker']);
  staff = await planners(t);
  amina = await runningDossier(worker, { signedOn: '2026-02-02' });
  planned = await planAppointments(staff, amina.person.id);
  newcomer = await t.newcomer(amina.person.id, { as: worker, locale: 'ar' });
});
afterAll(async () => {
  await t?.close();
});

const ownDataEvents = async (personId: string) =>
  queryRows<{ action: string; summary: string; actor_user_id: string | null; actor_roles: string[] }>(
    t.db.owner,
    sql`select action, summary, actor_user_id, actor_roles from audit_events where subject_id = ${personId} and purpose = 'own-data' order by id`,
  );

describe('the portal’s data routes in the API document', () => {
  it('documents the newcomer’s and the staff’s routes from the same schemas', async () => {
    const paths = Object.keys((await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json().paths);
    for (const path of ['/api/v1/portal/trajectory', '/api/v1/portal/tasks/{id}/files', '/api/v1/portal/access-log', '/api/v1/portal-tasks/{id}/review', '/api/v1/appointment-change-requests']) {
      expect(paths).toContain(path);
    }
  });
});

describe('my trajectory (issue 6 §2)', () => {
  it('shows the pillars, the next steps with their dates, what the certificate still needs, and my team', async () => {
    const res = await newcomer.request('GET', '/api/v1/portal/trajectory');
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({ status: 'running', contractSignedOn: '2026-02-02' });
    expect(view.pillars.find((p: { pillar: string }) => p.pillar === 'mo')).toMatchObject({ state: 'in-progress', detail: 'course-enrolled', progress: { done: 0, required: 60 } });
    expect(view.pillars.find((p: { pillar: string }) => p.pillar === 'nt2')).toMatchObject({ state: 'todo', detail: 'course-planned' });
    // R-07 / FL-DL-05: 60 days after the contract of 2 February 2026.
    expect(view.nextSteps).toContainEqual({ code: 'register-employment-service', pillar: 'work', dueDate: '2026-04-03' });
    expect(view.nextSteps).toContainEqual({ code: 'nt2-start-course', pillar: 'nt2', dueDate: '2026-04-20' });
    expect(view.missingForCertificate).toEqual(expect.arrayContaining(['mo-course', 'mo-test', 'nt2-a2', 'work-registration', 'participation-hours']));
    expect(view.team).toEqual(
      expect.arrayContaining([
        { role: 'case-worker', name: 'Test case-worker', organisation: 'Agentschap Integratie en Inburgering', email: expect.stringContaining('@test.be'), phone: null },
        { role: 'nt2-consultant', name: 'Test dutch-learning-consultant', organisation: 'Agentschap Integratie en Inburgering', email: expect.any(String), phone: null },
        { role: 'course-teacher', name: 'Leen Leerkracht', organisation: 'Agentschap Integratie en Inburgering', email: null, phone: null },
        { role: 'other', name: 'CVO Portaal', organisation: 'CVO Portaal', email: null, phone: null },
      ]),
    );
  });

  it('without a dossier there is nothing yet, and no team', async () => {
    const { id } = (await worker.request('POST', '/api/v1/persons', {
      body: { givenNames: 'Yusuf', familyName: 'Zonderdossier', birthDate: '1990-05-05', address: { street: 'Kerkstraat', houseNumber: '2', postalCode: '9300', municipalityNis: '41002' } },
    })).json();
    const alone = await t.newcomer(id, { as: worker });
    expect((await alone.request('GET', '/api/v1/portal/trajectory')).json()).toEqual({ status: null, contractSignedOn: null, pillars: [], nextSteps: [], missingForCertificate: [], team: [] });
  });
});

describe('my appointments (issue 6 §3)', () => {
  it('lists course sessions, the test, the NT2 conversation and the course start, with place and map link', async () => {
    const items = (await newcomer.request('GET', '/api/v1/portal/appointments')).json().items;
    expect(items.map((a: { kind: string }) => a.kind)).toEqual(['nt2-conversation', 'course-session', 'course-session', 'test', 'nt2-start']);
    const [conversation, first, second, test, start] = items;
    expect(conversation).toMatchObject({ id: planned.conversationId, title: 'NT2-gesprek', startsAt: '2026-02-20T08:30:00.000Z', endsAt: '2026-02-20T09:30:00.000Z' });
    expect(first).toMatchObject({
      id: planned.sessionIds[0],
      startsAt: '2026-03-10T08:00:00.000Z',
      place: { name: 'Vrijheidstraat 3, 9300 Aalst', address: 'Vrijheidstraat 3, 9300 Aalst' },
      mapUrl: 'https://www.openstreetmap.org/search?query=Vrijheidstraat%203%2C%209300%20Aalst',
      changeRequest: null,
      allDay: false,
    });
    expect(second.place.address).toBe('Bibliotheek, Graanmarkt 2, 9300 Aalst');
    expect(test).toMatchObject({ id: planned.bookingId, endsAt: null, place: { name: 'Testcentrum cvo-portal', address: 'Stationsstraat 1, 9300 Aalst' } });
    // A day without a time: midnight in Brussels (UTC+2 in summer time).
    expect(start).toMatchObject({ id: planned.placementId, allDay: true, startsAt: '2026-04-19T22:00:00.000Z', place: { name: 'CVO Portaal', address: 'Kouter 1, 9000 Gent' } });
  });

  it('gives the same appointments as an iCalendar file', async () => {
    const res = await newcomer.request('GET', '/api/v1/portal/appointments.ics');
    expect(res.headers['content-type']).toContain('text/calendar');
    const ics = res.body.replace(/\r\n /g, '');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(5);
    expect(ics).toContain('DTSTART:20260310T080000Z');
    expect(ics).toContain('DTSTART;VALUE=DATE:20260420');
    expect(ics).toContain('DTEND:20260320T100000Z'); // the test: two hours from its start
    expect(ics).toContain('LOCATION:Testcentrum cvo-portal\\, Stationsstraat 1\\, 9300 Aalst');
  });

  it('a change request reaches the planners; a passed appointment cannot be moved, nor one asked twice', async () => {
    const ask = (id: string, body: object = { reason: 'Ik werk die dag', preferredMoments: 'Liefst een avond' }) =>
      newcomer.request('POST', `/api/v1/portal/appointments/${id}/change-request`, { body });
    const asked = await ask(planned.sessionIds[0]!);
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toMatchObject({ appointmentId: planned.sessionIds[0], kind: 'course-session', status: 'pending' });
    expect((await ask(planned.sessionIds[0]!)).json()).toMatchObject({ status: 409, type: 'urn:kruispunt:problem:conflict' });
    expect((await ask(planned.conversationId)).json()).toMatchObject({ status: 409 });
    expect((await ask(planned.bookingId, { reason: '' })).json()).toMatchObject({ status: 400, errors: [{ field: 'reason' }] });

    const list = await staff.planner.request('GET', '/api/v1/appointment-change-requests?status=pending');
    expect(list.statusCode).toBe(200);
    const [request] = list.json().items;
    expect(request).toMatchObject({
      personId: amina.person.id,
      appointment: { kind: 'course-session', id: planned.sessionIds[0], startsAt: '2026-03-10T08:00:00.000Z' },
      reason: 'Ik werk die dag',
      preferredMoments: 'Liefst een avond',
      status: 'pending',
      handledBy: null,
    });
    const teacher = await t.user(['course-teacher']);
    expect((await teacher.request('GET', '/api/v1/appointment-change-requests')).statusCode).toBe(403);

    const handled = await worker.request('POST', `/api/v1/appointment-change-requests/${request.id}/handle`, { body: { note: 'Verplaatst naar de avondreeks' } });
    expect(handled.json()).toMatchObject({ status: 'handled', handledBy: 'Test case-worker', note: 'Verplaatst naar de avondreeks' });
    expect((await worker.request('POST', `/api/v1/appointment-change-requests/${request.id}/handle`, { body: {} })).statusCode).toBe(409);
    const mine = (await newcomer.request('GET', '/api/v1/portal/appointments')).json().items.find((a: { id: string }) => a.id === planned.sessionIds[0]);
    expect(mine.changeRequest).toMatchObject({ status: 'handled' });
    // Handled, the appointment may be asked about again.
    expect((await ask(planned.sessionIds[0]!)).statusCode).toBe(201);
  });
});

describe('my documents (issue 6 §5)', () => {
  beforeAll(async () => {
    // A suspension issues its certificate (FL-SU-04); the plan gets a goal and a step.
    let dossier = (await worker.request('GET', `/api/v1/dossiers/${amina.dossier.id}`)).json();
    dossier = await actOk(worker, dossier, 'update-pip', { date: '2026-02-10', goals: ['Werk vinden als kok'], steps: [{ description: 'CV maken met de VDAB', dueOn: '2026-04-01' }] });
    await actOk(worker, dossier, 'start-suspension', { date: '2026-03-02', kind: 'suspension', reason: 'sick-leave', proofReceivedOn: '2026-03-01', proof: 'medisch attest', from: '2026-03-02', to: '2026-03-31' });
  });

  it('lists the contract, the plan, the certificate and the letters, newest first', async () => {
    const items = (await newcomer.request('GET', '/api/v1/portal/documents')).json().items;
    expect(items.map((d: { kind: string }) => d.kind).sort()).toEqual(['certificate', 'contract', 'letter', 'letter', 'personal-plan']);
    expect(items).toContainEqual({ id: `contract-${amina.dossier.id}`, kind: 'contract', title: 'Inburgeringscontract', issuedOn: '2026-02-02' });
    expect(items).toContainEqual({ id: `personal-plan-${amina.dossier.id}`, kind: 'personal-plan', title: 'Persoonlijk inburgeringsplan', issuedOn: '2026-02-10' });
    expect(items).toContainEqual(expect.objectContaining({ id: `mo-course-letter-${planned.enrolmentId}`, kind: 'letter' }));
    expect(items).toContainEqual(expect.objectContaining({ id: `mo-test-letter-${planned.bookingId}`, title: 'Brief: vrijstellingstest maatschappelijke oriëntatie' }));
    expect(items.find((d: { kind: string }) => d.kind === 'certificate')).toMatchObject({ title: 'Attest van opschorting van het inburgeringscontract', issuedOn: '2026-03-02' });
  });

  it('gives each as a PDF: the Dutch document, with a summary in my language in front', async () => {
    const items = (await newcomer.request('GET', '/api/v1/portal/documents')).json().items as Array<{ id: string }>;
    for (const { id } of items) {
      const res = await newcomer.request('GET', `/api/v1/portal/documents/${id}.pdf`);
      expect(res.statusCode, id).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      // The summary page comes first; the Dutch document follows (a certificate keeps its one page).
      expect(await pageCount(res.rawPayload), id).toBeGreaterThanOrEqual(2);
    }
    // A Dutch reader gets the Dutch document only.
    await newcomer.request('PUT', '/api/v1/portal/me/locale', { body: { locale: 'nl' } });
    const dutch = await newcomer.request('GET', `/api/v1/portal/documents/contract-${amina.dossier.id}.pdf`);
    expect(await pageCount(dutch.rawPayload)).toBe(1);
    await newcomer.request('PUT', '/api/v1/portal/me/locale', { body: { locale: 'ar' } });
  });

  it('refuses a document id that is not mine as not found, and a malformed one as a bad request', async () => {
    const other = await runningDossier(worker);
    expect((await newcomer.request('GET', `/api/v1/portal/documents/contract-${other.dossier.id}.pdf`)).json()).toMatchObject({ status: 404, type: 'urn:kruispunt:problem:not-found' });
    expect((await newcomer.request('GET', '/api/v1/portal/documents/passport-1.pdf')).statusCode).toBe(400);
  });
});

describe('who looked at my data (issue 6 §6)', () => {
  it('lists the organisations, roles and purposes that read or changed my file, newest first, without my own use', async () => {
    await worker.request('GET', `/api/v1/persons/${amina.person.id}`);
    const first = await newcomer.request('GET', '/api/v1/portal/access-log?limit=3');
    expect(first.statusCode).toBe(200);
    const page = first.json();
    expect(page.items).toHaveLength(3);
    expect(page.items[0]).toMatchObject({ organisation: 'Agentschap Integratie en Inburgering', role: 'case-worker', purpose: 'trajectory-guidance', action: 'read', what: 'person' });
    const all: Array<{ id: string; purpose: string; what: string; role: string }> = [...page.items];
    for (let before = page.next; before; ) {
      const next = (await newcomer.request('GET', `/api/v1/portal/access-log?limit=3&before=${before}`)).json();
      all.push(...next.items);
      before = next.next;
    }
    expect(all.map((e) => Number(e.id))).toEqual([...all.map((e) => Number(e.id))].sort((a, b) => b - a));
    expect(all.some((e) => e.purpose === 'own-data')).toBe(false);
    expect([...new Set(all.map((e) => e.what))].sort()).toEqual(['dossier', 'nt2-conversation', 'nt2-placement', 'person', 'test-booking']);
    expect(all.some((e) => e.role === 'dutch-learning-consultant' && e.purpose === 'dutch-learning')).toBe(true);
  });

  it('every portal read of my data is itself in the audit log, as me, for my own data', async () => {
    const events = await ownDataEvents(amina.person.id);
    expect(events.map((e) => e.summary)).toEqual(
      expect.arrayContaining(['portal: my trajectory', 'portal: my appointments', 'portal: my appointments as iCalendar', 'portal: my documents', 'portal: who looked at my data']),
    );
    expect(events.every((e) => e.actor_user_id === null && e.actor_roles.length === 0)).toBe(true);
  });
});

const pageCount = async (pdf: Buffer) => (await PDFDocument.load(pdf)).getPageCount();
