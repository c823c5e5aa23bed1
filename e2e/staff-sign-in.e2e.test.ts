/**
 * The staff web app end to end: the platform runs in-process on a fresh database, Debian's Chromium
 * drives the built web app (web/dist). An administrator signs in and creates a case worker; the case
 * worker registers a person with an Arabic-script name, finds them by the Latin transliteration and
 * opens their page. axe-core checks the sign-in, search and person pages in Dutch and English.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKruispunt } from '../server/src/platform/server';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ADMIN = { email: 'admin@agii.test', password: 'correct horse battery' };
const CASE_WORKER = { email: 'casus.werker@agii.test', name: 'Casus Werker', password: 'een lang geheim wachtwoord' };
const PERSON = {
  givenNames: 'محمد',
  familyName: 'أحمد',
  givenNamesLatin: 'Mohammed',
  familyNameLatin: 'Ahmed',
  // 850730 033 → check digits 97 − (850730033 mod 97) = 28.
  insz: '85073003328',
  inszFormatted: '85.07.30-033.28',
  birthDate: '1985-07-30',
};

let dataDir: string;
let server: { url: string; close(): Promise<void> };
let browser: Browser;
let context: BrowserContext;
let page: Page;
let baseUrl: string;

/** Runs axe-core on the current page and fails on any serious or critical violation. */
async function expectAccessible(where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(serious, `axe-core on ${where}`).toEqual([]);
}

async function switchLanguage(locale: 'nl' | 'en'): Promise<void> {
  await page.locator(`button[lang="${locale}"]:visible`).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
}

/** An input by its exact label; Mantine adds " *" to the labels of required fields. */
function field(scope: Pick<Page, 'getByLabel'>, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByLabel(new RegExp(`^${escaped}( \\*)?$`));
}

async function signIn(email: string, password: string): Promise<void> {
  await field(page, 'E-mailadres').fill(email);
  await field(page, 'Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
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
  baseUrl = server.url.replace('//localhost:', '//127.0.0.1:');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context = await browser.newContext({ locale: 'nl-BE', baseURL: baseUrl, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('staff web app', () => {
  it('shows an accessible sign-in page in Dutch and English', async () => {
    await page.goto('/');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await page.getByRole('heading', { name: 'Aanmelden bij Kruispunt' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    await expectAccessible('sign-in (nl)');

    // The skip link is the first thing the keyboard reaches.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('skip-link');

    await switchLanguage('en');
    await page.getByRole('heading', { name: 'Sign in to Kruispunt' }).waitFor();
    await expectAccessible('sign-in (en)');

    // The choice survives a reload (localStorage) and the server answers in it (Accept-Language).
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in to Kruispunt' }).waitFor();
    await field(page, 'E-mail address').fill(ADMIN.email);
    await field(page, 'Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The problem detail comes from the server, translated per Accept-Language.
    await page.getByRole('alert').filter({ hasText: /password/i }).waitFor();

    await switchLanguage('nl');
    await page.getByRole('heading', { name: 'Aanmelden bij Kruispunt' }).waitFor();
  });

  it('lets the administrator create a case worker', async () => {
    await signIn(ADMIN.email, ADMIN.password);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin/users');
    await page.getByRole('heading', { name: 'Gebruikers', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Nieuwe gebruiker' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nieuwe gebruiker' });
    await dialog.waitFor();
    await field(dialog, 'E-mailadres').fill(CASE_WORKER.email);
    await field(dialog, 'Weergavenaam').fill(CASE_WORKER.name);
    await field(dialog, 'Organisatie').selectOption({ label: 'Agentschap Integratie en Inburgering' });
    await dialog.getByRole('checkbox', { name: 'Trajectbegeleider', exact: true }).check();
    await field(dialog, 'Wachtwoord').fill(CASE_WORKER.password);
    await dialog.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = page.getByRole('row').filter({ hasText: CASE_WORKER.email });
    await row.waitFor();
    expect(await row.textContent()).toContain('Trajectbegeleider');

    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.getByRole('heading', { name: 'Aanmelden bij Kruispunt' }).waitFor();
  });

  it('lets the case worker register a person in Arabic script and find them by transliteration', async () => {
    await signIn(CASE_WORKER.email, CASE_WORKER.password);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/persons');
    await page.getByRole('heading', { name: 'Personen zoeken', level: 1 }).waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Nieuwe persoon' }).click();
    await page.getByRole('heading', { name: 'Nieuwe persoon', level: 1 }).waitFor();
    await field(page, 'Voornamen').fill(PERSON.givenNames);
    await field(page, 'Familienaam').fill(PERSON.familyName);
    await field(page, 'Voornamen in Latijns schrift').fill(PERSON.givenNamesLatin);
    await field(page, 'Familienaam in Latijns schrift').fill(PERSON.familyNameLatin);
    await field(page, 'INSZ (rijksregister- of bisnummer)').fill(PERSON.insz);
    await field(page, 'Geboortedatum').fill(PERSON.birthDate);
    await page.getByRole('radio', { name: 'Man', exact: true }).check();
    await page.getByRole('button', { name: 'Persoon aanmaken' }).click();

    // The person page: the name in the original script and in Latin transliteration.
    await page.getByRole('heading', { name: `${PERSON.givenNames} ${PERSON.familyName}`, level: 1 }).waitFor();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/persons\/[0-9a-f-]{36}$/);
    const personPath = new URL(page.url()).pathname;
    const main = page.locator('main');
    expect(await main.textContent()).toContain(`${PERSON.givenNamesLatin} ${PERSON.familyNameLatin}`);
    expect(await main.textContent()).toContain(PERSON.inszFormatted);

    // Search by the Latin transliteration.
    await page.getByRole('navigation').getByRole('link', { name: 'Personen zoeken' }).click();
    await field(page, 'Naam, INSZ of geboortedatum').fill(PERSON.givenNamesLatin);
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    const result = page.getByRole('row').filter({ hasText: PERSON.inszFormatted });
    await result.waitFor();
    const resultText = await result.textContent();
    expect(resultText).toContain(`${PERSON.givenNames} ${PERSON.familyName}`);
    expect(resultText).toContain(`${PERSON.givenNamesLatin} ${PERSON.familyNameLatin}`);
    await expectAccessible('person search with results (nl)');
    await switchLanguage('en');
    await page.getByRole('heading', { name: 'Search people', level: 1 }).waitFor();
    await expectAccessible('person search with results (en)');

    // Open the person from the results.
    await result.getByRole('link').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(personPath);
    await page.getByRole('heading', { name: `${PERSON.givenNames} ${PERSON.familyName}`, level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Details', level: 2 }).waitFor();
    const details = await main.textContent();
    expect(details).toContain(`${PERSON.givenNamesLatin} ${PERSON.familyNameLatin}`);
    expect(details).toContain('Given names in Latin script');
    await expectAccessible('person page (en)');
    await switchLanguage('nl');
    await page.getByRole('heading', { name: 'Gegevens', level: 2 }).waitFor();
    await expectAccessible('person page (nl)');
  });
});
