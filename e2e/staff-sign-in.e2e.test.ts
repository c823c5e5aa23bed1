/**
 * The staff web app end to end: the platform runs in-process on a fresh database, Debian's Chromium
 * drives the built web app (web/dist). An administrator signs in and creates a case worker; the case
 * worker registers a person with an Arabic-script name, finds them by the Latin transliteration and
 * opens their page. axe-core checks the sign-in, search and person pages in Dutch and English.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN, expectAccessible, field, signIn, switchLanguage, useE2e } from './support';

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

let page: Page;

useE2e((env) => {
  page = env.page;
});

describe('staff web app', () => {
  it('shows an accessible sign-in page in Dutch and English', async () => {
    await page.goto('/');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await page.getByRole('heading', { name: 'Aanmelden bij Kruispunt' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    await expectAccessible(page, 'sign-in (nl)');

    // The skip link is the first thing the keyboard reaches.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('skip-link');

    await switchLanguage(page, 'en');
    await page.getByRole('heading', { name: 'Sign in to Kruispunt' }).waitFor();
    await expectAccessible(page, 'sign-in (en)');

    // The choice survives a reload (localStorage) and the server answers in it (Accept-Language).
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in to Kruispunt' }).waitFor();
    await field(page, 'E-mail address').fill(ADMIN.email);
    await field(page, 'Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The problem detail comes from the server, translated per Accept-Language.
    await page.getByRole('alert').filter({ hasText: /password/i }).waitFor();

    await switchLanguage(page, 'nl');
    await page.getByRole('heading', { name: 'Aanmelden bij Kruispunt' }).waitFor();
  });

  it('lets the administrator create a case worker', async () => {
    await signIn(page, ADMIN.email, ADMIN.password);
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
    await signIn(page, CASE_WORKER.email, CASE_WORKER.password);
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
    await expectAccessible(page, 'person search with results (nl)');
    await switchLanguage(page, 'en');
    await page.getByRole('heading', { name: 'Search people', level: 1 }).waitFor();
    await expectAccessible(page, 'person search with results (en)');

    // Open the person from the results.
    await result.getByRole('link').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(personPath);
    await page.getByRole('heading', { name: `${PERSON.givenNames} ${PERSON.familyName}`, level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Details', level: 2 }).waitFor();
    const details = await main.textContent();
    expect(details).toContain(`${PERSON.givenNamesLatin} ${PERSON.familyNameLatin}`);
    expect(details).toContain('Given names in Latin script');
    await expectAccessible(page, 'person page (en)');
    await switchLanguage(page, 'nl');
    await page.getByRole('heading', { name: 'Gegevens', level: 2 }).waitFor();
    await expectAccessible(page, 'person page (nl)');
  });
});
