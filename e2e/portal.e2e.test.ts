/**
 * The newcomer portal end to end (issue 6): the platform runs in-process on a fresh database with a
 * real OpenID Connect provider (oidc-provider) and a real SMTP server (smtp-server) from the shared
 * test support (server/src/testing), and Debian's Chromium drives the built portal (portal/dist) on a
 * 360 px phone.
 *
 * Through the staff API, a case worker gives Amina a running dossier with a signed contract, an MO
 * course (two sessions) and an MO test, an NT2 conversation, a portal account and a task to upload a
 * proof of participation; Bilal gets his own dossier, account and task. Amina signs in with an
 * e-mailed code (a wrong code is refused in her language), reads her trajectory, appointments and
 * documents in Dutch, Arabic (right to left) and Ukrainian, and, in Arabic, has a too big, a wrong
 * and a damaged file refused before a PDF is received and the task submitted; the case worker
 * accepts it with its hours on the dossier page (desktop); Amina sees it accepted, the hours on her
 * trajectory and the staff in her access log. Every portal page passes axe-core (no serious or
 * critical violation) in all 12 languages, right to left for Arabic, Dari and Pashto, without
 * horizontal scrolling at 360 px; screenshots in Dutch, Arabic and Ukrainian are written to
 * docs/screenshots (nothing reads them back). Then: sign-in with OpenID Connect through the
 * provider's own pages as the person with Amina's INSZ, the same callback replayed, Bilal seeing
 * only his own task and his used code refused, and Amina refused Bilal's task, file and document.
 *
 * Expected texts come from the portal's catalogues (portal/src/locales), as the portal shows them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { po as poParser } from 'gettext-parser';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTAKE } from '../server/src/testing/dossier-fixtures';
import { unusedLoopbackPort } from '../server/src/testing/loopback';
import { startOidcTestProvider, type OidcTestProvider } from '../server/src/testing/oidc-test-provider';
import { mailText, signInCodeOf, startSmtpTestInbox, type SmtpTestInbox } from '../server/src/testing/smtp-test-inbox';
import { makeInsz } from '../server/src/testing/test-app';
import {
  ADMIN,
  apiCall,
  daysFromToday,
  expectAccessible,
  field,
  keepScreenshot,
  newPhoneContext,
  signIn,
  staffApi,
  startE2e,
  type E2eEnvironment,
  type StaffApi,
} from './support';

const LOCALES = ['nl', 'en', 'fr', 'ar', 'prs', 'ps', 'ti', 'uk', 'ru', 'so', 'tr', 'es'] as const;
type Locale = (typeof LOCALES)[number];
const RTL: ReadonlySet<Locale> = new Set(['ar', 'prs', 'ps']);
/** The languages whose screenshots are kept. */
const SHOWN: ReadonlySet<Locale> = new Set(['nl', 'ar', 'uk']);

const PASSWORD = 'een lang geheim wachtwoord';
const CASE_WORKER = { email: 'begeleider@agii.test', name: 'Sara Begeleider', role: 'case-worker' };
const PLANNER = { email: 'planner@agii.test', name: 'Piet Planner', role: 'course-planner' };
const CONSULTANT = { email: 'nt2.consulent@agii.test', name: 'Nora Consulent', role: 'dutch-learning-consultant' };
const AMINA = { givenNames: 'Amina', familyName: 'Haddad', birthDate: '1991-04-12', email: 'amina.haddad@example.org', login: 'amina' };
const BILAL = { givenNames: 'Bilal', familyName: 'Karimi', birthDate: '1987-09-30', email: 'bilal.karimi@example.org' };
const HOURS = 12;

/** The portal's pages (router.tsx) and their titles (the Dutch source messages). */
const PAGES = {
  trajectory: { path: '/portal/', title: 'Mijn traject' },
  appointments: { path: '/portal/appointments', title: 'Mijn afspraken' },
  tasks: { path: '/portal/tasks', title: 'Mijn taken' },
  documents: { path: '/portal/documents', title: 'Mijn documenten' },
  'access-log': { path: '/portal/access-log', title: 'Wie bekeek mijn gegevens?' },
} as const;
type PageName = keyof typeof PAGES;

// ---------------------------------------------------------------------------------------------
// The portal's words

const catalogues = new Map<Locale, Map<string, string>>();

function catalogue(locale: Locale): Map<string, string> {
  let messages = catalogues.get(locale);
  if (!messages) {
    const po = poParser.parse(readFileSync(resolve(`portal/src/locales/${locale}/messages.po`)));
    messages = new Map(Object.values(po.translations[''] ?? {}).flatMap((m) => (m.msgid && m.msgstr[0] ? [[m.msgid, m.msgstr[0]] as const] : [])));
    catalogues.set(locale, messages);
  }
  return messages;
}

/**
 * What the portal shows for a Dutch source message in `locale`: the catalogue's translation (else
 * English, else Dutch, as the portal falls back) with its placeholders filled in. Outside Dutch the
 * translation must exist: a text equal to the source or to a message id would be a missing one.
 */
function text(locale: Locale, source: string, values: Record<string, string | number> = {}): string {
  const own = catalogue(locale).get(source);
  if (locale !== 'nl' && locale !== 'en') expect(own, `${locale} translation of "${source}"`).toBeTruthy();
  const words = own ?? catalogue('en').get(source) ?? source;
  return words.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

// ---------------------------------------------------------------------------------------------
// The set-up

let env: E2eEnvironment;
let provider: OidcTestProvider;
let inbox: SmtpTestInbox;
let phone: BrowserContext;
let portal: Page;
let agency = { id: '', name: '' };
let amina: { personId: string; dossierId: string; insz: string; taskId: string };
let bilal: { personId: string; dossierId: string; taskId: string };

interface Dossier {
  id: string;
  version: number;
  state: { intake: { targetGroupProposal: { group: string }; proposedProfileId: string } };
}

let inszSequence = 200;

/** A person with a running dossier: signed up, intake (in Arabic), decision and contract signed 20 days ago. */
async function runningDossier(api: StaffApi, person: { givenNames: string; familyName: string; birthDate: string }) {
  const signedOn = daysFromToday(-20);
  const day = (offset: number) => new Date(Date.parse(signedOn) + offset * 86_400_000).toISOString().slice(0, 10);
  const insz = makeInsz(person.birthDate, (inszSequence += 1));
  const created = await api.call<{ id: string }>('POST', '/persons', {
    givenNames: person.givenNames,
    familyName: person.familyName,
    birthDate: person.birthDate,
    insz,
    address: { street: 'Kerkstraat', houseNumber: '1', postalCode: '9300', municipalityNis: '41002' },
  });
  let dossier = await api.call<Dossier>('POST', `/persons/${created.id}/dossiers`, { date: day(-21), channel: 'invitation-letter', letterSentOn: day(-41) });
  const act = (type: string, body: object) => api.call<Dossier>('POST', `/dossiers/${dossier.id}/actions/${type}`, body, { 'If-Match': `"${dossier.version}"` });
  dossier = await act('record-intake', { ...INTAKE, date: day(-7), language: 'ar', targetGroupFacts: { ...INTAKE.targetGroupFacts, firstInscriptionDate: day(-80) } });
  dossier = await act('decide-intake', { date: day(-7), targetGroup: dossier.state.intake.targetGroupProposal.group, profileId: dossier.state.intake.proposedProfileId });
  dossier = await act('sign-contract', { date: signedOn, signedOn });
  return { personId: created.id, dossierId: dossier.id, insz };
}

/** A UTC time on a day from today. */
const at = (days: number, time: string) => `${daysFromToday(days)}T${time}:00Z`;

/** A small real PDF, as a phone's scanner app makes. */
async function proofPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  page.drawText('Bewijs van deelname: vrijwilligerswerk, 12 uur', { x: 50, y: 780, size: 14, font: await pdf.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await pdf.save());
}

const anotherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

// ---------------------------------------------------------------------------------------------
// Driving the portal

/** Picks a language with the portal's own language picker and waits until the page and the account have it. */
async function pickLanguage(page: Page, locale: Locale): Promise<void> {
  const picker = page.getByRole('combobox', { name: /Language/ });
  await picker.selectOption(locale);
  await expect.poll(() => page.evaluate(() => `${document.documentElement.lang} ${document.documentElement.dir}`)).toBe(`${locale} ${RTL.has(locale) ? 'rtl' : 'ltr'}`);
  // Signed in, the choice is saved on the account while the picker is busy.
  await expect.poll(() => picker.getAttribute('aria-busy')).toBeNull();
}

/** Opens a page through the menu (or stays on it) and waits until its data is shown. */
async function openPage(page: Page, locale: Locale, name: PageName): Promise<void> {
  const { path, title } = PAGES[name];
  if (new URL(page.url()).pathname !== path) await page.locator(`nav a[href="${path}"]`).click();
  await page.getByRole('heading', { level: 1, name: text(locale, title), exact: true }).waitFor();
  await expect.poll(() => page.locator('main .loading').count()).toBe(0);
  expect(await page.locator('main [role="alert"]').count(), `no error on ${name} (${locale})`).toBe(0);
}

/** No horizontal scrolling on a 360 px screen, and the text direction of the language. */
async function expectPhoneLayout(page: Page, locale: Locale, where: string): Promise<void> {
  const layout = await page.evaluate(() => ({
    width: document.scrollingElement!.scrollWidth,
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
  }));
  expect(layout, where).toEqual({ width: expect.any(Number), lang: locale, dir: RTL.has(locale) ? 'rtl' : 'ltr' });
  expect(layout.width, `${where}: scroll width at 360 px`).toBeLessThanOrEqual(360);
}

/** A portal API call from the page (a JSON body, or a file as multipart), with the portal's CSRF header: the status, the problem type and the items' ids. */
async function portalFetch(page: Page, method: string, path: string, file?: { name: string; type: string; size?: number; base64?: string } | { json: unknown }) {
  return page.evaluate(
    async ({ method, path, file }) => {
      const csrf = document.cookie
        .split(';')
        .map((c) => c.trim().split('='))
        .find(([k]) => k === 'kp_portal_csrf')?.[1];
      let body: FormData | string | undefined;
      const headers: Record<string, string> = csrf ? { 'X-CSRF-Token': decodeURIComponent(csrf) } : {};
      if (file && 'json' in file) {
        body = JSON.stringify(file.json);
        headers['Content-Type'] = 'application/json';
      } else if (file) {
        body = new FormData();
        const content = file.base64 ? Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0)) : new Uint8Array(file.size ?? 0);
        body.append('file', new File([content], file.name, { type: file.type }));
      }
      const res = await fetch(`/api/v1/portal${path}`, { method, headers, body });
      const type = res.headers.get('content-type') ?? '';
      const json = type.includes('json') ? ((await res.json()) as { type?: string; items?: Array<{ id: string }> }) : null;
      return { status: res.status, contentType: type, problem: json?.type ?? null, ids: json?.items?.map((i) => i.id) ?? null };
    },
    { method, path, file },
  );
}

// ---------------------------------------------------------------------------------------------
// The story's steps build on each other: a step whose prerequisite failed is skipped, not run to
// fail again on a timeout.

type StepId = 'set-up' | 'signed-in' | 'submitted' | 'accepted' | 'oidc';
const failed = new Set<StepId>();

function step(name: string, opts: { id?: StepId; needs?: StepId[] }, run: () => Promise<void>): void {
  it(name, async ({ skip }) => {
    const missing = (opts.needs ?? []).filter((id) => failed.has(id));
    if (missing.length > 0) {
      if (opts.id) failed.add(opts.id);
      skip(`an earlier step failed: ${missing.join(', ')}`);
    }
    try {
      await run();
    } catch (error) {
      if (opts.id) failed.add(opts.id);
      throw error;
    }
  });
}

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  expect(existsSync(resolve('portal/dist/index.html')), 'portal/dist is built (npm run build:portal)').toBe(true);
  // The platform's address is part of the provider's configuration (the redirect URI): known before the start.
  const port = await unusedLoopbackPort();
  const publicUrl = `http://127.0.0.1:${port}`;
  provider = await startOidcTestProvider({ redirectUris: [`${publicUrl}/api/v1/portal/auth/oidc/callback`] });
  inbox = await startSmtpTestInbox();
  env = await startE2e(
    { timezoneId: 'Europe/Brussels' },
    {
      PORT: String(port),
      KRUISPUNT_PUBLIC_URL: publicUrl,
      KRUISPUNT_OIDC_ISSUER: provider.issuer,
      KRUISPUNT_OIDC_CLIENT_ID: provider.client.clientId,
      KRUISPUNT_OIDC_CLIENT_SECRET: provider.client.clientSecret,
      KRUISPUNT_SMTP_URL: inbox.url,
      KRUISPUNT_MAIL_FROM: 'Kruispunt <no-reply@kruispunt.test>',
    },
  );
  phone = await newPhoneContext(env);
  // The provider's development pages import a web font; the tests run offline.
  await phone.route('https://fonts.googleapis.com/**', (route) => route.abort());
  portal = await phone.newPage();
});

afterAll(async () => {
  await phone?.close();
  await env?.close();
  await provider?.close();
  await inbox?.close();
});

describe('the newcomer portal on a phone', () => {
  step('the administrator creates the staff; they give Amina and Bilal a running dossier, appointments, a portal account and a task', { id: 'set-up' }, async () => {
    const admin = await staffApi(env.baseUrl, ADMIN.email, ADMIN.password);
    const organisations = await admin.call<{ items: Array<{ id: string; code: string; name: string }> }>('GET', '/organisations');
    const agii = organisations.items.find((o) => o.code === 'agii')!;
    agency = { id: agii.id, name: agii.name };
    for (const user of [CASE_WORKER, PLANNER, CONSULTANT]) {
      await admin.call('POST', '/users', { email: user.email, displayName: user.name, organisationId: agency.id, roles: [user.role], password: PASSWORD, locale: 'nl' });
    }
    const worker = await staffApi(env.baseUrl, CASE_WORKER.email, PASSWORD);
    const planner = await staffApi(env.baseUrl, PLANNER.email, PASSWORD);
    const consultant = await staffApi(env.baseUrl, CONSULTANT.email, PASSWORD);

    const a = await runningDossier(worker, AMINA);
    const b = await runningDossier(worker, BILAL);

    // MO: a course in Arabic with two sessions, and an exemption test at a test centre.
    const course = await planner.call<{ id: string }>('POST', '/mo/courses', {
      language: 'ar',
      format: 'classroom',
      region: 'OV',
      location: 'Vrijheidstraat 3, 9300 Aalst',
      teacherName: 'Leen Leerkracht',
      moProfile: 'not-working',
      capacity: 12,
      startsOn: daysFromToday(10),
      endsOn: daysFromToday(70),
      sessions: [
        { startsAt: at(10, '08:00'), endsAt: at(10, '11:00') },
        { startsAt: at(12, '17:00'), endsAt: at(12, '20:00'), location: 'Bibliotheek, Graanmarkt 2, 9300 Aalst' },
      ],
    });
    await planner.call('POST', `/mo/courses/${course.id}/enrolments`, { date: daysFromToday(0), personId: a.personId, exceptionReason: 'Voorrang gegeven door de begeleider' });
    const centre = await planner.call<{ id: string }>('POST', '/mo/test-centres', { name: 'Testcentrum Aalst', region: 'OV', address: 'Stationsstraat 1, 9300 Aalst', languages: ['nl', 'ar', 'en'] });
    const slots = await planner.call<{ items: Array<{ id: string }> }>('POST', `/mo/test-centres/${centre.id}/slots`, { slots: [{ startsAt: at(40, '08:00'), capacity: 5 }] });
    await planner.call('POST', `/mo/test-slots/${slots.items[0]!.id}/bookings`, { personId: a.personId, kind: 'exemption-test' });
    // NT2: a conversation with the Dutch-learning consultant.
    await consultant.call('POST', '/nt2/conversations', { personId: a.personId, kind: 'nt2-gesprek', startsAt: at(5, '08:30'), endsAt: at(5, '09:30'), location: 'Kouter 1, 9000 Gent' });

    // The portal: an account for each, and a task to upload a proof of participation.
    await worker.call('POST', `/persons/${a.personId}/portal-account`, { email: AMINA.email, locale: 'nl' });
    await worker.call('POST', `/persons/${b.personId}/portal-account`, { email: BILAL.email, locale: 'nl' });
    const taskA = await worker.call<{ id: string }>('POST', `/dossiers/${a.dossierId}/portal-tasks`, { kind: 'upload-participation-proof', dueDate: daysFromToday(14) });
    const taskB = await worker.call<{ id: string }>('POST', `/dossiers/${b.dossierId}/portal-tasks`, { kind: 'upload-participation-proof', dueDate: daysFromToday(21) });
    amina = { ...a, taskId: taskA.id };
    bilal = { personId: b.personId, dossierId: b.dossierId, taskId: taskB.id };
  });

  step('the sign-in page passes axe-core in all 12 languages, right to left where it should, without horizontal scrolling', {}, async () => {
    await portal.goto('/portal/');
    await portal.getByRole('heading', { level: 1, name: 'Aanmelden', exact: true }).waitFor();
    // Both ways of signing in are offered.
    await portal.getByRole('link', { name: text('nl', 'Aanmelden met {0}', { 0: 'itsme / eID' }) }).waitFor();
    for (const locale of [...LOCALES.filter((l) => l !== 'nl'), 'nl' as const]) {
      await pickLanguage(portal, locale);
      await portal.getByRole('heading', { level: 1, name: text(locale, 'Aanmelden'), exact: true }).waitFor();
      await portal.getByRole('button', { name: text(locale, 'Stuur mij een code') }).waitFor();
      await expectPhoneLayout(portal, locale, `sign-in (${locale})`);
      await expectAccessible(portal, `the sign-in page (${locale})`);
    }
  });

  step('Amina signs in with an e-mail code in Ukrainian; a wrong code is refused in Ukrainian', { id: 'signed-in', needs: ['set-up'] }, async () => {
    await pickLanguage(portal, 'uk');
    await portal.getByLabel(text('uk', 'Je e-mailadres'), { exact: true }).fill(AMINA.email);
    const before = inbox.mails.length;
    await portal.getByRole('button', { name: text('uk', 'Stuur mij een code') }).click();
    await portal.getByRole('status').getByText(text('uk', 'Als we dit e-mailadres kennen, krijg je nu een e-mail met een code:')).waitFor();
    const mail = await inbox.waitForMail((m) => m.to === AMINA.email, { after: before });
    // The account's language (Dutch) and the portal's (Ukrainian).
    expect(mailText(mail.raw)).toContain('Ваш код для входу');
    const code = signInCodeOf(mail);

    const codeField = portal.getByLabel(text('uk', 'Code uit de e-mail (6 cijfers)'), { exact: true });
    const submit = portal.getByRole('button', { name: text('uk', 'Aanmelden'), exact: true });
    await codeField.fill(anotherCode(code));
    await submit.click();
    const refused = text('uk', 'Deze code klopt niet of is niet meer geldig. Vraag een nieuwe code.');
    expect(refused).not.toBe('Deze code klopt niet of is niet meer geldig. Vraag een nieuwe code.');
    await portal.getByRole('alert').getByText(refused, { exact: true }).waitFor();
    await expectAccessible(portal, 'the code step with a refused code (uk)');

    await codeField.fill(code);
    await submit.click();
    await portal.getByRole('heading', { level: 1, name: text('uk', 'Mijn traject'), exact: true }).waitFor();
    await portal.getByText(text('uk', 'Hallo {givenName}.', { givenName: AMINA.givenNames })).waitFor();
    expect(new URL(portal.url()).pathname).toBe('/portal/');
  });

  for (const locale of ['nl', 'ar', 'uk'] as const) {
    step(`Amina sees her trajectory, appointments and documents in ${locale}`, { needs: ['signed-in'] }, async () => {
      await pickLanguage(portal, locale);
      await openPage(portal, locale, 'trajectory');
      const pillars = portal.getByRole('region', { name: text(locale, 'De vier delen van je traject') });
      for (const name of ['Leven in België', 'Nederlands leren', 'Inschrijven voor werk', 'Meedoen']) {
        await pillars.getByRole('heading', { level: 3, name: text(locale, name), exact: true }).waitFor();
      }
      await portal.getByText(text(locale, 'Je traject loopt.'), { exact: true }).waitFor();
      await portal.getByRole('region', { name: text(locale, 'Wat moet je nu doen?') }).getByRole('listitem').first().waitFor();
      const team = portal.getByRole('region', { name: text(locale, 'Mijn team') });
      await team.getByText(CASE_WORKER.name).waitFor();
      await team.getByText(text(locale, 'Je begeleider'), { exact: true }).waitFor();
      await team.getByText(text(locale, 'Je consulent Nederlands leren'), { exact: true }).waitFor();
      await expectPhoneLayout(portal, locale, `trajectory (${locale})`);

      await openPage(portal, locale, 'appointments');
      // Two course sessions, the NT2 conversation and the test.
      await expect.poll(() => portal.locator('main .card-list > li').count()).toBe(4);
      await portal.getByText(text(locale, 'Alle uren zijn in Belgische tijd.')).waitFor();
      await portal.getByRole('link', { name: text(locale, 'Zet je afspraken in de agenda van je telefoon') }).waitFor();
      // The NT2 conversation: its place (an address without a name of its own) said once, and a form to ask for another date.
      const conversation = portal.locator('main .card-list > li').filter({ has: portal.getByRole('heading', { level: 2, name: 'NT2-gesprek' }) });
      await conversation.getByText(text(locale, 'Toon op de kaart')).waitFor();
      expect(await conversation.getByText('Kouter 1, 9000 Gent', { exact: true }).count()).toBe(1);
      await portal.getByText('Bibliotheek, Graanmarkt 2, 9300 Aalst').first().waitFor();
      await conversation.getByRole('button', { name: text(locale, 'Andere datum vragen') }).click();
      const changeForm = conversation.getByRole('form', { name: text(locale, 'Andere datum vragen voor: {0}', { 0: 'NT2-gesprek' }) });
      await changeForm.getByLabel(text(locale, 'Waarom kan je niet komen?'), { exact: true }).waitFor();
      await expectPhoneLayout(portal, locale, `appointments with the change form (${locale})`);
      await expectAccessible(portal, `appointments with the change form (${locale})`);
      await changeForm.getByRole('button', { name: text(locale, 'Annuleren') }).click();
      await changeForm.waitFor({ state: 'detached' });

      await openPage(portal, locale, 'documents');
      await portal.getByRole('link', { name: 'Inburgeringscontract (PDF)' }).waitFor();
      await portal.getByText(text(locale, 'De documenten zijn in het Nederlands, met een korte uitleg in jouw taal.')).waitFor();
      await expectPhoneLayout(portal, locale, `documents (${locale})`);
    });
  }

  step('the contract opens as a PDF', { needs: ['signed-in'] }, async () => {
    const pdf = await portalFetch(portal, 'GET', `/documents/contract-${amina.dossierId}.pdf`);
    expect(pdf).toMatchObject({ status: 200, contentType: 'application/pdf' });
  });

  step('in Arabic, a too big, a wrong and a damaged file are refused in Arabic; a PDF is received and the task submitted', { id: 'submitted', needs: ['signed-in'] }, async () => {
    const locale = 'ar';
    await pickLanguage(portal, locale);
    await openPage(portal, locale, 'tasks');
    const card = portal.locator('main .card-list > li').filter({ has: portal.getByRole('heading', { level: 2, name: text(locale, 'Toon het bewijs van je uren') }) });
    await card.getByText(text(locale, 'Te doen'), { exact: true }).waitFor();
    const fileInput = card.getByLabel(text(locale, 'Kies een foto of PDF'), { exact: true });
    const send = card.getByRole('button', { name: text(locale, 'Bestand versturen') });
    const pdf = await proofPdf();

    // Too big: the portal says so before sending anything.
    await fileInput.setInputFiles({ name: 'scan-groot.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 0x25) });
    await card.getByRole('alert').getByText(text(locale, 'Dit bestand is te groot. Het mag maximaal {maxMb} MB zijn.', { maxMb: 10 }), { exact: true }).waitFor();
    expect(await send.isDisabled()).toBe(true);
    // And the server refuses it too, should a browser skip that check.
    expect(await portalFetch(portal, 'POST', `/tasks/${amina.taskId}/files`, { name: 'scan-groot.pdf', type: 'application/pdf', size: 10 * 1024 * 1024 + 1 })).toMatchObject({
      status: 413,
      problem: 'urn:kruispunt:problem:upload-too-large',
    });

    // A type the portal does not take, by its name and type.
    const wrongType = text(locale, 'Dit soort bestand kan niet. Kies een foto (JPG, PNG, HEIC of WebP) of een PDF.');
    await fileInput.setInputFiles({ name: 'bewijs.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from('PK fake') });
    await card.getByRole('alert').getByText(wrongType, { exact: true }).waitFor();

    // Called a PDF, but text: the server judges the bytes and refuses it.
    await fileInput.setInputFiles({ name: 'bewijs.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Dit is geen PDF maar gewone tekst.\n') });
    expect(await card.locator('.field-error').count()).toBe(0);
    await send.click();
    await card.getByRole('alert').getByText(wrongType, { exact: true }).waitFor();

    // A PDF cut off half-way.
    await fileInput.setInputFiles({ name: 'bewijs-half.pdf', mimeType: 'application/pdf', buffer: pdf.subarray(0, Math.floor(pdf.length / 2)) });
    await send.click();
    await card.getByRole('alert').getByText(text(locale, 'Dit bestand is beschadigd. Probeer een ander bestand.'), { exact: true }).waitFor();
    await expectAccessible(portal, 'the tasks page with a refused upload (ar)');

    // A real PDF.
    await fileInput.setInputFiles({ name: 'bewijs-vrijwilligerswerk.pdf', mimeType: 'application/pdf', buffer: pdf });
    await send.click();
    await card.getByRole('status').filter({ hasText: text(locale, 'Bestand ontvangen:') }).getByText('bewijs-vrijwilligerswerk.pdf').waitFor();
    await card.getByText(text(locale, 'Verstuurde bestanden')).waitFor();
    expect(await card.getByRole('alert').count()).toBe(0);

    await card.getByLabel(text(locale, 'Bericht voor je begeleider (niet verplicht)'), { exact: true }).fill('شاركت في العمل التطوعي في المكتبة.');
    await card.getByRole('button', { name: text(locale, 'Versturen naar je begeleider') }).click();
    await portal.getByRole('status').getByText(text(locale, 'Verstuurd: je begeleider kijkt het na'), { exact: true }).waitFor();
    await card.getByText(text(locale, 'Verstuurd: je begeleider kijkt het na'), { exact: true }).waitFor();
    expect(await card.getByLabel(text(locale, 'Kies een foto of PDF'), { exact: true }).count()).toBe(0);
    await expectPhoneLayout(portal, locale, 'tasks after submitting (ar)');
  });

  step('the case worker accepts the proof with its hours on the dossier page (desktop)', { id: 'accepted', needs: ['submitted'] }, async () => {
    const page = env.page;
    await page.goto('/sign-in');
    await signIn(page, CASE_WORKER.email, PASSWORD);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/persons');
    await page.goto(`/dossiers/${amina.dossierId}`);
    const section = page.getByRole('region', { name: 'Taken in het portaal' });
    const task = section.getByRole('article').filter({ has: page.getByRole('button', { name: 'Aanvaarden' }) });
    await task.getByText('bewijs-vrijwilligerswerk.pdf').first().waitFor();
    await task.getByRole('button', { name: 'Aanvaarden' }).click();
    await field(task, 'Uren').fill(String(HOURS));
    await task.getByRole('button', { name: 'Aanvaarding bevestigen' }).click();
    await expect
      .poll(async () => (await apiCall<{ items: Array<{ id: string; status: string; hours: number | null }> }>(page, 'GET', `/dossiers/${amina.dossierId}/portal-tasks`)).items.find((t) => t.id === amina.taskId))
      .toMatchObject({ status: 'accepted', hours: HOURS });
  });

  step('Amina sees the task accepted, the hours on her trajectory and the case worker in her access log', { needs: ['accepted'] }, async () => {
    const locale = 'uk';
    await pickLanguage(portal, locale);
    await openPage(portal, locale, 'trajectory');
    await openPage(portal, locale, 'tasks');
    const card = portal.locator('main .card-list > li').filter({ hasText: text(locale, 'Toon het bewijs van je uren') });
    await card.getByText(text(locale, 'Goedgekeurd'), { exact: true }).waitFor();
    await card.getByText('bewijs-vrijwilligerswerk.pdf').waitFor();

    await openPage(portal, locale, 'trajectory');
    const participation = portal.locator('main .pillar').filter({ has: portal.getByRole('heading', { level: 3, name: text(locale, 'Meedoen') }) });
    await participation.getByText(text(locale, 'Uren: {0} van {1}', { 0: HOURS, 1: 40 })).waitFor();

    await openPage(portal, locale, 'access-log');
    const entries = portal.locator('main .card-list > li');
    const byCaseWorker = entries.filter({ hasText: `${agency.name} · ${text(locale, 'Begeleider')}` });
    await byCaseWorker.first().waitFor();
    await byCaseWorker.filter({ hasText: text(locale, 'Begeleiding van je traject') }).first().waitFor();
    await entries.filter({ hasText: text(locale, 'Planner van cursussen en testen') }).first().waitFor();
    await entries.filter({ hasText: text(locale, 'Consulent Nederlands leren') }).first().waitFor();
  });

  for (const locale of [...LOCALES.filter((l) => l !== 'nl'), 'nl' as const]) {
    step(`every page passes axe-core in ${locale}, ${RTL.has(locale) ? 'right to left' : 'left to right'}, without horizontal scrolling at 360 px`, { needs: ['signed-in'] }, async () => {
      await pickLanguage(portal, locale);
      for (const name of Object.keys(PAGES) as PageName[]) {
        await openPage(portal, locale, name);
        await expectPhoneLayout(portal, locale, `${name} (${locale})`);
        await expectAccessible(portal, `${name} (${locale})`);
        if (SHOWN.has(locale)) await keepScreenshot(portal, `portal-${name}-${locale}`);
      }
      // Another person's task in the address bar: the page does not exist for Amina.
      await portal.evaluate((path) => {
        window.history.pushState(null, '', path);
        window.dispatchEvent(new PopStateEvent('popstate'));
      }, `/portal/tasks/${bilal.taskId}`);
      await portal.getByRole('heading', { level: 1, name: text(locale, 'Deze pagina bestaat niet'), exact: true }).waitFor();
      await expectPhoneLayout(portal, locale, `not found (${locale})`);
      await expectAccessible(portal, `the not-found page (${locale})`);
      await portal.getByRole('link', { name: text(locale, 'Naar mijn traject') }).click();
      await openPage(portal, locale, 'trajectory');
    });
  }

  step('another person’s task, file or document is not found, and is not in Amina’s list', { needs: ['signed-in'] }, async () => {
    await portal.goto(`/portal/tasks/${bilal.taskId}`);
    await portal.getByRole('heading', { level: 1, name: text('nl', 'Deze pagina bestaat niet'), exact: true }).waitFor();
    expect(await portal.getByText(bilal.taskId).count()).toBe(0);
    const pdf = await proofPdf();
    expect(await portalFetch(portal, 'POST', `/tasks/${bilal.taskId}/files`, { name: 'bewijs.pdf', type: 'application/pdf', base64: pdf.toString('base64') })).toMatchObject({
      status: 404,
      problem: 'urn:kruispunt:problem:not-found',
    });
    expect(await portalFetch(portal, 'POST', `/tasks/${bilal.taskId}/submit`, { json: {} })).toMatchObject({ status: 404, problem: 'urn:kruispunt:problem:not-found' });
    expect(await portalFetch(portal, 'GET', `/documents/contract-${bilal.dossierId}.pdf`)).toMatchObject({ status: 404, problem: 'urn:kruispunt:problem:not-found' });
    expect((await portalFetch(portal, 'GET', '/tasks')).ids).toEqual([amina.taskId]);
  });

  describe('signing in with OpenID Connect (eID, itsme) at the provider’s own pages', () => {
    let context: BrowserContext;
    let page: Page;
    let callbackUrl = '';

    beforeAll(async () => {
      context = await newPhoneContext(env);
      await context.route('https://fonts.googleapis.com/**', (route) => route.abort());
      page = await context.newPage();
      page.on('request', (request) => {
        if (request.url().startsWith(`${env.baseUrl}/api/v1/portal/auth/oidc/callback`)) callbackUrl = request.url();
      });
    });
    afterAll(async () => {
      await context?.close();
    });

    step('Amina signs in as the provider’s person with her INSZ and lands signed in on the portal', { id: 'oidc', needs: ['set-up'] }, async () => {
      provider.people.set(AMINA.login, { egovNRN: amina.insz, given_name: AMINA.givenNames, family_name: AMINA.familyName });
      await page.goto('/portal/');
      await page.getByRole('link', { name: text('nl', 'Aanmelden met {0}', { 0: 'itsme / eID' }) }).click();
      // The provider's development login page, then its consent page.
      await page.waitForURL((url) => url.origin === provider.issuer);
      await page.getByPlaceholder('Enter any login').fill(AMINA.login);
      await page.getByPlaceholder('and password').fill('any password');
      await page.getByRole('button', { name: 'Sign-in' }).click();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForURL(`${env.baseUrl}/portal/`);
      await page.getByRole('heading', { level: 1, name: text('nl', 'Mijn traject'), exact: true }).waitFor();
      await page.getByText(text('nl', 'Hallo {givenName}.', { givenName: AMINA.givenNames })).waitFor();
      expect(callbackUrl).toContain('state=');
    });

    step('the same callback again (back button after signing out) lands on the sign-in page with the message in Arabic', { needs: ['oidc'] }, async () => {
      await page.getByRole('button', { name: text('nl', 'Afmelden') }).click();
      await page.getByRole('heading', { level: 1, name: text('nl', 'Aanmelden'), exact: true }).waitFor();
      await pickLanguage(page, 'ar');
      await page.goto(callbackUrl);
      await page.getByRole('heading', { level: 1, name: text('ar', 'Aanmelden'), exact: true }).waitFor();
      await page.getByRole('alert').getByText(text('ar', 'Deze aanmelding is verlopen of al gebruikt. Probeer opnieuw.'), { exact: true }).waitFor();
      // Shown once: the address no longer carries the error.
      expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/portal/');
      await expectPhoneLayout(page, 'ar', 'sign-in after a replayed callback');
      await expectAccessible(page, 'the sign-in page with the replayed message (ar)');
    });

    step('Bilal signs in with a code and sees only his own task; his used code, replayed, is refused in Arabic', { needs: ['oidc'] }, async () => {
      const signInWithCode = async (code?: string) => {
        await page.getByLabel(text('ar', 'Je e-mailadres'), { exact: true }).fill(BILAL.email);
        const before = inbox.mails.length;
        await page.getByRole('button', { name: text('ar', 'Stuur mij een code') }).click();
        const fresh = signInCodeOf(await inbox.waitForMail((m) => m.to === BILAL.email, { after: before }));
        await page.getByLabel(text('ar', 'Code uit de e-mail (6 cijfers)'), { exact: true }).fill(code ?? fresh);
        await page.getByRole('button', { name: text('ar', 'Aanmelden'), exact: true }).click();
        return fresh;
      };
      const used = await signInWithCode();
      await page.getByRole('heading', { level: 1, name: text('ar', 'Mijn traject'), exact: true }).waitFor();
      await page.getByText(text('ar', 'Hallo {givenName}.', { givenName: BILAL.givenNames })).waitFor();
      await openPage(page, 'ar', 'tasks');
      const cards = page.locator('main .card-list > li');
      await expect.poll(() => cards.count()).toBe(1);
      await cards.getByText(text('ar', 'Te doen'), { exact: true }).waitFor();
      expect(await page.getByText('bewijs-vrijwilligerswerk.pdf').count()).toBe(0);
      expect((await portalFetch(page, 'GET', '/tasks')).ids).toEqual([bilal.taskId]);
      await openPage(page, 'ar', 'appointments');
      await page.getByText(text('ar', 'Je hebt geen afspraken.')).waitFor();
      // The tasks page with a task still to do (its upload form) in every language.
      await openPage(page, 'ar', 'tasks');
      for (const locale of LOCALES) {
        await pickLanguage(page, locale);
        await page.getByRole('button', { name: text(locale, 'Bestand versturen') }).waitFor();
        await expectPhoneLayout(page, locale, `an open task (${locale})`);
        await expectAccessible(page, `the tasks page with an open task (${locale})`);
      }
      await pickLanguage(page, 'ar');

      await page.getByRole('button', { name: text('ar', 'Afmelden') }).click();
      await page.getByRole('heading', { level: 1, name: text('ar', 'Aanmelden'), exact: true }).waitFor();
      await signInWithCode(used);
      await page.getByRole('alert').getByText(text('ar', 'Deze code klopt niet of is niet meer geldig. Vraag een nieuwe code.'), { exact: true }).waitFor();
      expect(await page.getByRole('heading', { level: 1, name: text('ar', 'Mijn traject') }).count()).toBe(0);
    });
  });
});
