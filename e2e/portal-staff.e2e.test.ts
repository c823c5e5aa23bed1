/**
 * The staff side of the newcomer portal end to end (issue 6): the platform runs in-process on a
 * fresh database with a real SMTP server for the newcomer's sign-in code, and Debian's Chromium
 * drives the built web app at desktop size. A case worker with a running dossier adds an activity
 * to the participation catalogue and gives tasks from the dossier page; the newcomer (through the
 * portal API, signed in with an e-mailed code) uploads a proof, hands the tasks in and asks to move
 * a course session; the case worker rejects the proof with a reason (a reason is required), accepts
 * it when it comes back with the hours (recorded in the participation pillar), accepts the
 * registration, and handles the change request; axe-core checks every page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTAKE } from '../server/src/testing/dossier-fixtures';
import { signInCodeOf, startSmtpTestInbox, type SmtpTestInbox } from '../server/src/testing/smtp-test-inbox';
import {
  agiiId,
  createUser,
  daysFromToday,
  expectAccessible,
  field,
  screenshot,
  signIn,
  signInAsAdministrator,
  signOut,
  staffApi,
  startE2e,
  switchLanguage,
  type E2eEnvironment,
} from './support';

const PASSWORD = 'een lang geheim wachtwoord';
const CASE_WORKER = { email: 'portaal.begeleider@agii.test', name: 'Portaal Begeleider' };
const PLANNER = { email: 'portaal.planner@agii.test', name: 'Portaal Planner' };
const NEWCOMER_EMAIL = 'amina.portaal@example.org';
const PERSON = { givenNames: 'Amina', familyName: 'Haddad', birthDate: '1991-05-17' };

// ---------------------------------------------------------------------------------------------
// The platform with a mail server (the portal's sign-in codes), and the browser at desktop size

let e2e: E2eEnvironment;
let inbox: SmtpTestInbox;
let page: Page;
let baseUrl: string;

beforeAll(async () => {
  inbox = await startSmtpTestInbox();
  e2e = await startE2e({}, { KRUISPUNT_SMTP_URL: inbox.url });
  page = e2e.page;
  baseUrl = e2e.baseUrl;
});

afterAll(async () => {
  await e2e?.close();
  await inbox?.close();
});

// ---------------------------------------------------------------------------------------------
// API clients from the test itself: staff with a bearer token, the newcomer with the portal cookies

type Call = <T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<T>;

async function answer<T>(res: Response, what: string): Promise<T> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

async function staff(email: string): Promise<Call> {
  const client = await staffApi(baseUrl, email, PASSWORD);
  return (method, path, body, headers) => client.call(method, path, body, headers);
}

interface Newcomer {
  call: Call;
  upload(taskId: string, name: string, bytes: Buffer, type: string): Promise<unknown>;
}

/** Signs the newcomer in to the portal with a code e-mailed to them, as the portal does. */
async function newcomer(email: string): Promise<Newcomer> {
  const before = inbox.mails.length;
  await answer(await fetch(`${baseUrl}/api/v1/portal/auth/email-code`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) }), 'e-mail code');
  const code = signInCodeOf(await inbox.waitForMail((m) => m.to === email, { after: before }));
  const verified = await fetch(`${baseUrl}/api/v1/portal/auth/email-code/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, code }) });
  await answer(verified, 'verify code');
  const cookies = new Map(verified.headers.getSetCookie().map((c) => c.split(';')[0]!.split('=') as [string, string]));
  const cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrf = decodeURIComponent(cookies.get('kp_portal_csrf') ?? '');
  const headers = { cookie, 'x-csrf-token': csrf };
  return {
    call: async (method, path, body) =>
      answer(
        await fetch(`${baseUrl}/api/v1/portal${path}`, {
          method,
          headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
        `portal ${method} ${path}`,
      ),
    upload: async (taskId, name, bytes, type) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
      return answer(await fetch(`${baseUrl}/api/v1/portal/tasks/${taskId}/files`, { method: 'POST', headers, body: form }), `upload ${name}`);
    },
  };
}

const pdf = (title: string) => Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Title (${title}) >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`, 'latin1');

// ---------------------------------------------------------------------------------------------

let worker: Call;
let amina: Newcomer;
let dossierId = '';
let activityId = '';
const taskIds: Record<string, string> = {};

describe('the newcomer portal, staff side, in the web app', () => {
  it('the administrator creates a case worker and a planner; the case worker has a running dossier and opens the portal', async () => {
    await signInAsAdministrator(page);
    const agency = await agiiId(page);
    await createUser(page, { ...CASE_WORKER, password: PASSWORD }, agency, 'case-worker');
    await createUser(page, { ...PLANNER, password: PASSWORD }, agency, 'course-planner');
    await signOut(page);

    worker = await staff(CASE_WORKER.email);
    const person = await worker<{ id: string }>('POST', '/persons', {
      ...PERSON,
      address: { street: 'Kerkstraat', houseNumber: '1', postalCode: '9300', municipalityNis: '41002' },
    });
    let dossier = await worker<{ id: string; version: number; state: any }>('POST', `/persons/${person.id}/dossiers`, {
      date: daysFromToday(-28),
      channel: 'invitation-letter',
      letterSentOn: daysFromToday(-48),
    });
    const act = async (type: string, body: object) => {
      dossier = await worker('POST', `/dossiers/${dossier.id}/actions/${type}`, body, { 'if-match': `"${dossier.version}"` });
    };
    await act('record-intake', {
      ...INTAKE,
      date: daysFromToday(-14),
      targetGroupFacts: { firstInscriptionDate: daysFromToday(-87), register: 'foreigners', nationality: 'non-eu', residence: 'residence-over-3-months', firstResidenceTitle: true },
    });
    await act('decide-intake', { date: daysFromToday(-14), targetGroup: dossier.state.intake.targetGroupProposal.group, profileId: dossier.state.intake.proposedProfileId });
    await act('sign-contract', { date: daysFromToday(-7), signedOn: daysFromToday(-7) });
    dossierId = dossier.id;
    await worker('POST', `/persons/${person.id}/portal-account`, { email: NEWCOMER_EMAIL, locale: 'nl' });

    // A course session the newcomer will ask to move.
    const planner = await staff(PLANNER.email);
    const course = await planner<{ id: string }>('POST', '/mo/courses', {
      language: 'ar',
      format: 'classroom',
      region: 'OV',
      location: 'Vrijheidstraat 3, 9300 Aalst',
      capacity: 12,
      startsOn: daysFromToday(7),
      endsOn: daysFromToday(60),
      sessions: [{ startsAt: `${daysFromToday(8)}T08:00:00Z`, endsAt: `${daysFromToday(8)}T11:00:00Z` }],
    });
    await planner('POST', `/mo/courses/${course.id}/enrolments`, { date: daysFromToday(0), personId: person.id, exceptionReason: 'Testpersoon van het portaal' });
    amina = await newcomer(NEWCOMER_EMAIL);
  });

  it('the case worker adds an activity to the participation catalogue', async () => {
    await signIn(page, CASE_WORKER.email, PASSWORD);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/persons');
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Participatieaanbod' }).click();
    await page.getByRole('heading', { name: 'Participatieaanbod', level: 1 }).waitFor();
    await page.getByText('Het aanbod is nog leeg.').waitFor();

    const form = page.getByRole('form', { name: 'Activiteit toevoegen' });
    await form.getByRole('button', { name: 'Activiteit toevoegen' }).click();
    await form.getByRole('alert').getByText('Vul de verplichte velden in.').waitFor();
    await field(form, 'Naam').fill('Taalcafé De Brug');
    await field(form, 'Organisatie').fill('Stad Aalst');
    await field(form, 'Uren').fill('20');
    await field(form, 'Locatie').fill('Bibliotheek Aalst');
    await field(form, 'Taal').selectOption('nl');
    await form.getByRole('button', { name: 'Activiteit toevoegen' }).click();
    await form.getByRole('status').getByText('“Taalcafé De Brug” staat in het participatieaanbod.').waitFor();
    const row = page.getByRole('region', { name: 'Activiteiten in het participatieaanbod' }).getByRole('row', { name: /Taalcafé De Brug/ });
    await row.getByText('Actief', { exact: true }).waitFor();
    await expectAccessible(page, 'the participation catalogue');
    await screenshot(page, 'portal-staff-activities');
    activityId = (await worker<{ items: Array<{ id: string }> }>('GET', '/participation-activities')).items[0]!.id;
  });

  it('the case worker gives tasks from the dossier page', async () => {
    await page.goto(`/dossiers/${dossierId}`);
    const section = page.getByRole('region', { name: 'Taken in het portaal' });
    await section.getByText('De nieuwkomer heeft nog geen taken in het portaal.').waitFor();
    const form = section.getByRole('form', { name: 'Taak geven' });

    // "Other" needs a title.
    await field(form, 'Soort taak').selectOption('other');
    await form.getByRole('button', { name: 'Taak geven' }).click();
    await form.getByText('Vul een titel in.').waitFor();

    for (const [kind, title] of [
      ['register-employment-service', ''],
      ['upload-participation-proof', 'Bewijs taalcafé'],
    ] as const) {
      await field(form, 'Soort taak').selectOption(kind);
      await field(form, 'Titel').fill(title);
      await field(form, 'Uiterste datum').fill(daysFromToday(30));
      await form.getByRole('button', { name: 'Taak geven' }).click();
      await form.getByRole('status').getByText(/staat nu in het portaal van de nieuwkomer/).waitFor();
    }
    await section.getByRole('article', { name: 'Inschrijving bij VDAB of Actiris' }).waitFor();
    const proof = section.getByRole('article', { name: 'Bewijs van participatie: Bewijs taalcafé' });
    await proof.getByText('Te doen door de nieuwkomer').waitFor();
    expect(await proof.getByRole('button', { name: 'Aanvaarden' }).count()).toBe(0);

    const mine = await amina.call<{ items: Array<{ id: string; kind: string }> }>('GET', '/tasks');
    for (const task of mine.items) taskIds[task.kind] = task.id;
    expect(Object.keys(taskIds).sort()).toEqual(['register-employment-service', 'upload-participation-proof']);
  });

  it('the newcomer hands the tasks in and asks to move the course session', async () => {
    await amina.upload(taskIds['upload-participation-proof']!, 'aanwezigheden.pdf', pdf('Aanwezigheden'), 'application/pdf');
    await amina.call('POST', `/tasks/${taskIds['upload-participation-proof']}/submit`, { activityId, note: 'Elke dinsdag in de bibliotheek' });
    await amina.call('POST', `/tasks/${taskIds['register-employment-service']}/submit`, { note: 'Ingeschreven bij VDAB' });
    const appointments = await amina.call<{ items: Array<{ id: string; kind: string }> }>('GET', '/appointments');
    const session = appointments.items.find((a) => a.kind === 'course-session')!;
    await amina.call('POST', `/appointments/${session.id}/change-request`, { reason: 'Ik moet die dag werken', preferredMoments: 'Liefst ’s avonds' });
  });

  it('the case worker rejects the proof with a reason', async () => {
    await page.reload();
    const proof = page.getByRole('region', { name: 'Taken in het portaal' }).getByRole('article', { name: 'Bewijs van participatie: Bewijs taalcafé' });
    await proof.getByText('Ingediend, na te kijken').waitFor();
    await proof.getByText('Elke dinsdag in de bibliotheek').waitFor();
    await proof.getByText('Taalcafé De Brug').waitFor();
    const link = proof.getByRole('link', { name: 'aanwezigheden.pdf' });
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^/api/v1/portal-tasks/${taskIds['upload-participation-proof']}/files/[0-9a-f-]{36}$`));
    const download = await page.request.get(await link.getAttribute('href') ?? '');
    expect(download.headers()['content-disposition']).toMatch(/^attachment/);

    await proof.getByRole('button', { name: 'Weigeren' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await proof.getByRole('button', { name: 'Weigering bevestigen' }).click();
    await proof.getByText('Vul een reden in.').waitFor();
    await expectAccessible(page, 'the dossier page with a rejection open');
    await field(proof, 'Reden').fill('De lijst is niet ondertekend door de organisatie.');
    await proof.getByRole('button', { name: 'Weigering bevestigen' }).click();
    await proof.getByRole('status').getByText(/De taak is geweigerd/).waitFor();
    await proof.getByText('Geweigerd', { exact: true }).waitFor();
    expect(await proof.getByRole('button', { name: 'Aanvaarden' }).count()).toBe(0);
    const mine = await amina.call<{ items: Array<{ id: string; status: string; rejectionReason: string | null }> }>('GET', '/tasks');
    expect(mine.items.find((x) => x.id === taskIds['upload-participation-proof'])).toMatchObject({ status: 'rejected', rejectionReason: 'De lijst is niet ondertekend door de organisatie.' });
  });

  it('the proof comes back and the case worker accepts it with the hours, which go to the participation pillar', async () => {
    await amina.upload(taskIds['upload-participation-proof']!, 'ondertekend.pdf', pdf('Ondertekend'), 'application/pdf');
    await amina.call('POST', `/tasks/${taskIds['upload-participation-proof']}/submit`, {});
    await page.reload();
    const proof = page.getByRole('region', { name: 'Taken in het portaal' }).getByRole('article', { name: 'Bewijs van participatie: Bewijs taalcafé' });
    await proof.getByText('Reden van de vorige weigering').waitFor();
    await proof.getByRole('link', { name: 'ondertekend.pdf' }).waitFor();

    // Keyboard: the form takes the focus, and cancelling gives it back to the button.
    await proof.getByRole('button', { name: 'Aanvaarden' }).click();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.id)).toBe(await field(proof, 'Uren').getAttribute('id'));
    await proof.getByRole('button', { name: 'Annuleren' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Aanvaarden');
    expect(await proof.getByRole('button', { name: 'Aanvaarden' }).getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    expect(await proof.getByRole('button', { name: 'Aanvaarden' }).getAttribute('aria-expanded')).toBe('true');
    const accept = proof.getByRole('form', { name: /^Aanvaarden:/ });
    expect(await field(accept, 'Datum').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await accept.getByRole('button', { name: 'Aanvaarding bevestigen' }).click();
    await accept.getByText('Vul het aantal uren in.').waitFor();
    // Hours from the future are the server's to refuse; its answer is shown.
    await field(accept, 'Uren').fill('12');
    await field(accept, 'Datum').fill(daysFromToday(40));
    await accept.getByRole('button', { name: 'Aanvaarding bevestigen' }).click();
    await proof.getByRole('alert').first().waitFor();
    await screenshot(page, 'portal-staff-refused');
    await expectAccessible(page, 'the dossier page with an acceptance refused');

    await field(accept, 'Datum').fill(daysFromToday(-1));
    await accept.getByRole('button', { name: 'Aanvaarding bevestigen' }).click();
    await proof.getByRole('status').getByText('Aanvaard: 12 uur participatie is in het dossier geregistreerd.').waitFor();
    await proof.getByText('Aanvaard', { exact: true }).waitFor();
    const state = (await worker<{ state: { participation: { activities: unknown[] } } }>('GET', `/dossiers/${dossierId}`)).state;
    expect(state.participation.activities).toEqual([{ date: daysFromToday(-1), hours: 12, activity: 'Taalcafé De Brug' }]);

    const registration = page.getByRole('article', { name: 'Inschrijving bij VDAB of Actiris' });
    await registration.getByText('Ingeschreven bij VDAB').waitFor();
    await registration.getByRole('button', { name: 'Aanvaarden' }).click();
    await registration.getByRole('status').getByText(/de inschrijving bij de arbeidsbemiddeling is in het dossier geregistreerd/).waitFor();
    await registration.getByText('Aanvaard', { exact: true }).waitFor();
    await expectAccessible(page, 'the dossier page after the reviews');
    await screenshot(page, 'portal-staff-dossier');
  });

  it('the case worker handles the change request, which the newcomer then sees handled', async () => {
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Wijzigingsaanvragen' }).click();
    await page.getByRole('heading', { name: 'Wijzigingsaanvragen', level: 1 }).waitFor();
    const list = page.getByRole('region', { name: 'Openstaande aanvragen' });
    const request = list.getByRole('article', { name: new RegExp(`^${PERSON.givenNames} ${PERSON.familyName} · Les maatschappelijke oriëntatie`) });
    await request.getByText('Ik moet die dag werken').waitFor();
    await request.getByText('Liefst ’s avonds').waitFor();
    await request.getByRole('link', { name: `${PERSON.givenNames} ${PERSON.familyName}` }).waitFor();
    await expectAccessible(page, 'the change requests');
    await field(request, 'Notitie').fill('Verplaatst naar de avondreeks, telefonisch bevestigd.');
    await request.getByRole('button', { name: 'Afhandelen' }).click();
    await list.getByRole('status').getByText(`De aanvraag van ${PERSON.givenNames} ${PERSON.familyName} is afgehandeld.`).waitFor();
    await list.getByText('Er wachten geen aanvragen.').waitFor();

    await field(page, 'Tonen').selectOption('handled');
    const handled = page.getByRole('region', { name: 'Afgehandelde aanvragen' }).getByRole('article');
    await handled.getByText('Verplaatst naar de avondreeks, telefonisch bevestigd.').waitFor();
    await handled.getByText(`door ${CASE_WORKER.name} op`, { exact: false }).waitFor();
    await expectAccessible(page, 'the handled change requests');
    await screenshot(page, 'portal-staff-change-requests');
    const appointments = await amina.call<{ items: Array<{ kind: string; changeRequest: { status: string } | null }> }>('GET', '/appointments');
    expect(appointments.items.find((a) => a.kind === 'course-session')?.changeRequest?.status).toBe('handled');
    await signOut(page);
  });

  it('the planner finds the change requests in the navigation, and reads the tasks without reviewing them, in English too', async () => {
    await signIn(page, PLANNER.email, PASSWORD);
    const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
    await nav.getByRole('link', { name: 'Wijzigingsaanvragen' }).click();
    await page.getByRole('region', { name: 'Openstaande aanvragen' }).getByText('Er wachten geen aanvragen.').waitFor();
    expect(await nav.getByRole('link', { name: 'Participatieaanbod' }).count()).toBe(0);

    // A planner reads dossiers but does not guide them: the tasks without review or new task.
    await page.goto(`/dossiers/${dossierId}`);
    const section = page.getByRole('region', { name: 'Taken in het portaal' });
    await section.getByRole('article', { name: 'Bewijs van participatie: Bewijs taalcafé' }).getByText('Aanvaard', { exact: true }).waitFor();
    expect(await section.getByRole('form', { name: 'Taak geven' }).count()).toBe(0);

    await switchLanguage(page, 'en');
    const english = page.getByRole('region', { name: 'Tasks in the portal' });
    await english.getByRole('article', { name: 'Proof of participation: Bewijs taalcafé' }).getByText('Accepted', { exact: true }).waitFor();
    await english.getByText('Newcomer’s note').first().waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Change requests' }).click();
    await page.getByRole('heading', { name: 'Change requests', level: 1 }).waitFor();
    await field(page, 'Show').selectOption('all');
    await page.getByRole('region', { name: 'All requests' }).getByRole('article').getByText('Verplaatst naar de avondreeks, telefonisch bevestigd.').waitFor();
    await expectAccessible(page, 'the change requests (en)');
    await switchLanguage(page, 'nl');
    await signOut(page);
  });
});
