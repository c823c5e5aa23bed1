/**
 * The trajectory dossier end to end (issue 3): the platform runs in-process on a fresh database and
 * Debian's Chromium drives the built web app. An administrator creates a case worker; the case
 * worker signs a person up from the person page, records the intake, confirms the proposed target
 * group, signs the contract, sees the four pillars and the deadlines, has a suspension with its
 * dates in the wrong order refused with the rule named, finds the dossier in the caseload, and
 * axe-core checks the dossier page.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKruispunt } from '../server/src/platform/server';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Set to a directory to keep screenshots of the pages the test visits. */
const SCREENSHOTS = process.env.KRUISPUNT_E2E_SCREENSHOTS;
const ADMIN = { email: 'admin@agii.test', password: 'correct horse battery' };
const CASE_WORKER = { email: 'traject.begeleider@agii.test', name: 'Traject Begeleider', password: 'een lang geheim wachtwoord' };
const PERSON = {
  givenNames: 'فاطمة',
  familyName: 'الزهراء',
  givenNamesLatin: 'Fatima',
  familyNameLatin: 'Alzahraa',
  birthDate: '1990-03-14',
};

let dataDir: string;
let server: { url: string; close(): Promise<void> };
let browser: Browser;
let context: BrowserContext;
let page: Page;
let dossierPath = '';

async function expectAccessible(where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(serious, `axe-core on ${where}`).toEqual([]);
}

async function screenshot(name: string): Promise<void> {
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** An input by its exact label; Mantine adds " *" to the labels of required fields. */
function field(scope: Pick<Page, 'getByLabel'>, label: string): Locator {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByLabel(new RegExp(`^${escaped}( \\*)?$`));
}

async function signIn(email: string, password: string): Promise<void> {
  await field(page, 'E-mailadres').fill(email);
  await field(page, 'Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
}

/** A JSON request from inside the page, with the session cookie and CSRF token the web app uses. */
async function apiCall<T>(method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const csrf = document.cookie
        .split(';')
        .map((c) => c.trim().split('='))
        .find(([k]) => k === 'kp_csrf')?.[1];
      const res = await fetch(`/api/v1${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', ...(csrf ? { 'X-CSRF-Token': decodeURIComponent(csrf) } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return (text ? JSON.parse(text) : null) as T;
    },
    { method, path, body },
  );
}

/** Opens an action's dialog from the dossier page. */
async function openAction(name: string): Promise<Locator> {
  await page.getByRole('region', { name: 'Acties' }).getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog', { name });
  await dialog.waitFor();
  return dialog;
}

async function submitAction(dialog: Locator, name: string): Promise<void> {
  await dialog.getByRole('button', { name, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

beforeAll(async () => {
  expect(existsSync(resolve('web/dist/index.html')), 'web/dist is built (npm run build:web)').toBe(true);
  expect(existsSync(CHROMIUM), `Chromium at ${CHROMIUM} (apt-get install chromium)`).toBe(true);
  dataDir = await mkdtemp(join(tmpdir(), 'kruispunt-e2e-'));
  server = await startKruispunt({
    PORT: '0',
    HOST: '127.0.0.1',
    KRUISPUNT_DATA_DIR: dataDir,
    KRUISPUNT_WEB_DIST: resolve('web/dist'),
    KRUISPUNT_ADMIN_EMAIL: ADMIN.email,
    KRUISPUNT_ADMIN_PASSWORD: ADMIN.password,
    KRUISPUNT_JOBS: 'off',
    LOG_LEVEL: 'silent',
    DATABASE_URL: process.env.DATABASE_URL,
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context = await browser.newContext({
    locale: 'nl-BE',
    timezoneId: 'Europe/Brussels',
    baseURL: server.url.replace('//localhost:', '//127.0.0.1:'),
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('trajectory dossier in the web app', () => {
  it('the administrator creates a case worker', async () => {
    await page.goto('/sign-in');
    await signIn(ADMIN.email, ADMIN.password);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin/users');
    const organisations = await apiCall<{ items: Array<{ id: string; code: string }> }>('GET', '/organisations');
    const agii = organisations.items.find((o) => o.code === 'agii') ?? organisations.items[0]!;
    await apiCall('POST', '/users', {
      email: CASE_WORKER.email,
      displayName: CASE_WORKER.name,
      organisationId: agii.id,
      roles: ['case-worker'],
      password: CASE_WORKER.password,
      locale: 'nl',
    });
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.getByRole('heading', { name: 'Aanmelden bij Kruispunt' }).waitFor();
  });

  it('the case worker signs a person up, takes the intake, confirms the proposal and signs the contract', async () => {
    await signIn(CASE_WORKER.email, CASE_WORKER.password);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/persons');
    const person = await apiCall<{ id: string }>('POST', '/persons', {
      ...PERSON,
      address: { street: 'Kerkstraat', houseNumber: '1', postalCode: '9300', municipalityNis: '41002' },
    });

    // The person page has a trajectory section with the sign-up form.
    await page.goto(`/persons/${person.id}`);
    await page.getByRole('heading', { name: 'Inburgeringstraject', level: 2 }).waitFor();
    await page.getByText('Deze persoon heeft nog geen trajectdossier.').waitFor();
    await page.getByRole('button', { name: 'Aanmelden voor een traject' }).click();
    await field(page, 'Kanaal').selectOption('partner-referral');
    await field(page, 'Verwijzer').fill('OCMW Aalst');
    await page.getByRole('button', { name: 'Aanmelding registreren' }).click();

    // The dossier page.
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/dossiers\/[0-9a-f-]{36}$/);
    dossierPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: /^Trajectdossier/, level: 1 }).waitFor();
    const summary = page.getByRole('region', { name: 'Overzicht' });
    await summary.getByText('Aangemeld', { exact: true }).waitFor();
    expect(await page.locator('main').textContent()).toContain(`${PERSON.givenNamesLatin} ${PERSON.familyNameLatin}`);

    // The intake, with the target-group facts and the digital-skills screening.
    let dialog = await openAction('Trajectbepaling registreren');
    await field(dialog, 'Taal van het gesprek').selectOption('ar');
    await dialog.getByRole('checkbox', { name: 'Met een sociaal tolk' }).check();
    await field(dialog, 'Opleidingsniveau').selectOption('secondary');
    await field(dialog, 'Geletterdheid').selectOption('literate-other-script');
    await dialog.getByRole('checkbox', { name: 'Heeft een smartphone, tablet of computer' }).check();
    await field(dialog, 'Een smartphone gebruiken').selectOption('2');
    await field(dialog, 'E-mail lezen en versturen').selectOption('1');
    await field(dialog, 'Datum van eerste inschrijving in het register').fill('2026-09-15');
    await field(dialog, 'Register').selectOption('foreigners');
    await field(dialog, 'Nationaliteit').selectOption('non-eu');
    await field(dialog, 'Verblijfsstatuut').selectOption('residence-over-3-months');
    await field(dialog, 'Eerste verblijfstitel van meer dan drie maanden').selectOption('true');
    await submitAction(dialog, 'Trajectbepaling registreren');
    await summary.getByText('Trajectbepaling gedaan', { exact: true }).waitFor();

    // The decision shows the proposal and its reasons; confirming it needs no reason.
    dialog = await openAction('Doelgroep en profiel bevestigen');
    await dialog.getByText('Voorgestelde doelgroep:').waitFor();
    expect(await dialog.textContent()).toContain('Verplichte inburgeraar');
    expect(await field(dialog, 'Doelgroep').inputValue()).toBe('verplicht');
    expect(await dialog.getByLabel(/^Reden om af te wijken/).count()).toBe(0);
    await submitAction(dialog, 'Doelgroep en profiel bevestigen');
    await summary.getByText('Verplichte inburgeraar').waitFor();

    dialog = await openAction('Inburgeringscontract ondertekenen');
    await submitAction(dialog, 'Inburgeringscontract ondertekenen');
    await summary.getByText('Lopend', { exact: true }).waitFor();
  });

  it('shows the four pillars, the certificate conditions, the deadlines and the timeline', async () => {
    const pillars = page.getByRole('region', { name: 'Pijlers' });
    for (const name of ['Maatschappelijke oriëntatie', 'Nederlands (NT2)', 'Werk (inschrijving VDAB of Actiris)', 'Participatie en netwerking']) {
      await pillars.getByRole('heading', { name, level: 3 }).waitFor();
    }
    expect(await pillars.textContent()).toContain('Het toetsmoment maatschappelijke oriëntatie afleggen');
    const certificate = page.getByRole('region', { name: 'Inburgeringsattest' });
    await certificate.getByText('Het attest kan nog niet worden uitgereikt').waitFor();
    expect(await certificate.textContent()).toContain('Maatschappelijke oriëntatie is nog niet voltooid');

    const deadlines = page.getByRole('region', { name: 'Termijnen' }).getByRole('table');
    await deadlines.getByRole('row').filter({ hasText: 'Start maatschappelijke oriëntatie' }).waitFor();
    expect(await deadlines.getByRole('row').filter({ hasText: 'Ondertekening inburgeringscontract' }).textContent()).toContain('Gehaald');

    const timeline = page.getByRole('list', { name: 'Tijdlijn, nieuwste eerst' });
    await timeline.getByText(/^Inburgeringscontract ondertekend op/).waitFor();
    await timeline.getByText(/^Aangemeld \(Doorverwijzing door een partner\)/).waitFor();
    await screenshot('dossier-running');
  });

  it('shows a refusal by the rules in the form, with the rule, and journals it', async () => {
    const dialog = await openAction('Opschorting of uitstel starten');
    await field(dialog, 'Reden').selectOption('sick-leave');
    await field(dialog, 'Bewijsstuk').fill('doktersattest');
    await field(dialog, 'Van').fill('2026-12-20');
    await field(dialog, 'Tot en met').fill('2026-12-01');
    await dialog.getByRole('button', { name: 'Opschorting of uitstel starten', exact: true }).click();
    const alert = dialog.getByRole('alert').filter({ hasText: 'De regels laten dit niet toe' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Regel: R-19');
    await screenshot('dossier-refusal');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('list', { name: 'Tijdlijn, nieuwste eerst' }).getByText(/geweigerd volgens regel R-19/).waitFor();
  });

  it('the dossier page is accessible in Dutch and English', async () => {
    await expectAccessible('dossier page (nl)');
    await page.locator('button[lang="en"]:visible').click();
    await page.getByRole('heading', { name: 'Pillars', level: 2 }).waitFor();
    await expectAccessible('dossier page (en)');
    await screenshot('dossier-en');
    await page.locator('button[lang="nl"]:visible').click();
    await page.getByRole('heading', { name: 'Pijlers', level: 2 }).waitFor();
  });

  it('lists the dossier in the case worker’s caseload', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Caseload' }).click();
    await page.getByRole('heading', { name: 'Caseload', level: 1 }).waitFor();
    const row = page.getByRole('row').filter({ hasText: `${PERSON.givenNamesLatin} ${PERSON.familyNameLatin}` });
    await row.waitFor();
    await expectAccessible('caseload (nl)');
    await screenshot('caseload');
    await row.getByRole('link', { name: /^Dossier van .* openen$/ }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(dossierPath);
  });
});
