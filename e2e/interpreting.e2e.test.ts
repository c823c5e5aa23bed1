/**
 * Social interpreting end to end (issue 5 §7): the platform runs in-process on a fresh database (on
 * the real clock) and Debian's Chromium drives the built web app. An administrator creates a
 * customer organisation (partner type interpreter-customer) with a customer user, a desk user and an
 * interpreter user; the desk registers the interpreter (linked to that user) through the form, and a
 * language helper through the API; the customer requests an on-site, sensitive Arabic interpretation
 * for tomorrow through the form; the desk sees the ranked candidates with their reasons, is refused
 * when offering the language helper and offers the certified interpreter; the interpreter
 * accepts in the portal on a phone-sized screen and reads it in French; the customer sees the
 * request assigned and cancels it (on time or late, by the clock). axe-core checks the customer,
 * desk and portal views.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { agiiId, apiCall, daysFromToday, expectAccessible, field, screenshot, signIn, signInAsAdministrator, signOut, useE2e } from './support';

const PASSWORD = 'een lang geheim wachtwoord';
const CUSTOMER = { email: 'onthaal@az-brugge.test', name: 'Onthaal AZ Brugge' };
const DESK = { email: 'tolkendienst@agii.test', name: 'Tolkendienst Medewerker' };
const INTERPRETER = { email: 'samira.tolk@agii.test', name: 'Samira Haddad' };
const SUBJECT = 'Consultatie pediatrie';

let page: Page;
let interpreterUserId = '';

useE2e((env) => {
  page = env.page;
}, { timezoneId: 'Europe/Brussels' });

async function createUser(user: { email: string; name: string }, organisationId: string, role: string): Promise<string> {
  const created = await apiCall<{ id: string }>(page, 'POST', '/users', { email: user.email, displayName: user.name, organisationId, roles: [role], password: PASSWORD, locale: 'nl' });
  return created.id;
}

describe('interpreting in the web app', () => {
  it('the administrator creates a customer organisation with its user, a desk user and an interpreter user', async () => {
    await signInAsAdministrator(page);
    const agency = await agiiId(page);
    const customerOrg = await apiCall<{ id: string }>(page, 'POST', '/organisations', { code: 'az-brugge', name: 'AZ Brugge', partnerType: 'interpreter-customer' });
    await createUser(CUSTOMER, customerOrg.id, 'interpreting-customer');
    await createUser(DESK, agency, 'interpreting-desk');
    interpreterUserId = await createUser(INTERPRETER, agency, 'interpreter');
    await signOut(page);
  });

  it('the desk registers the interpreter, linked to the user', async () => {
    await signIn(page, DESK.email, PASSWORD);
    await page.getByRole('link', { name: 'Tolkenregister' }).click();
    await page.getByRole('heading', { name: 'Tolkenregister', level: 1 }).waitFor();
    await page.getByText('Nog geen tolken in het register.').waitFor();

    await page.getByRole('button', { name: 'Tolk registreren' }).click();
    const form = page.getByRole('form', { name: 'Tolk registreren' });
    await field(form, 'Naam').fill(INTERPRETER.name);
    await field(form, 'E-mailadres').fill(INTERPRETER.email);
    await field(form, 'Regio').selectOption('WV');
    await field(form, 'Gebruikers-ID van het portaalaccount').fill(interpreterUserId);
    await field(form, 'Taal').selectOption('ar');
    await field(form, 'Variant').fill('levantine');
    await field(form, 'Statuut').selectOption('certified');
    // No weekly windows: always available (the test runs on the real clock, any day of the week).
    for (const day of ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag']) {
      await form.getByRole('button', { name: `Venster op ${day} verwijderen` }).click();
    }
    await form.getByRole('button', { name: 'Tolk registreren' }).click();
    await page.getByRole('status').getByText(`${INTERPRETER.name} is in het register opgenomen.`).waitFor();
    const register = page.getByRole('region', { name: 'Tolkenregister' });
    await register.getByRole('rowheader', { name: new RegExp(INTERPRETER.name) }).waitFor();
    await register.getByText(/Gecertificeerd · Ter plaatse, Telefonisch, Via video/).waitFor();

    // A language helper for the same language (through the API): not allowed for sensitive talks.
    await apiCall(page, 'POST', '/interpreting/interpreters', {
      name: 'Karim Taalhelper',
      email: 'karim@example.test',
      region: 'WV',
      languages: [{ language: 'ar', variant: 'levantine', status: 'language-helper', channels: ['on-site'] }],
    });
    await expectAccessible(page, 'the interpreter register');
    await screenshot(page, 'interpreting-register');
    await signOut(page);
  });

  it('the customer requests an on-site, sensitive Arabic interpretation for tomorrow', async () => {
    await signIn(page, CUSTOMER.email, PASSWORD);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/interpreting/requests');
    await page.getByRole('heading', { name: 'Tolkaanvragen', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'Tolk of vertaling aanvragen' });
    await field(form, 'Kanaal').selectOption('on-site');
    await field(form, 'Taal').selectOption('ar');
    await field(form, 'Variant of dialect').fill('levantine');
    await field(form, 'Datum').fill(daysFromToday(1));
    await field(form, 'Beginuur').fill('10:00');
    await field(form, 'Verwachte duur (minuten)').fill('60');
    await field(form, 'Straat').fill('Ruddershove');
    await field(form, 'Huisnummer').fill('10');
    await field(form, 'Postcode').fill('8000');
    await field(form, 'Gemeente').fill('Brugge');
    await field(form, 'Regio').selectOption('WV');
    await field(form, 'Sector').selectOption('health');
    await field(form, 'Onderwerp van het gesprek').fill(SUBJECT);
    // The explanation of what "sensitive" means is there, next to the choice.
    await form.getByText(/zetten we altijd een gecertificeerde of beëdigde tolk in/).waitFor();
    await form.getByRole('radio', { name: 'Ja, gevoelig' }).check();
    await form.getByRole('button', { name: 'Aanvraag indienen' }).click();
    await page.getByRole('status').getByText(`Je aanvraag (${SUBJECT}) is ingediend. De dienst zoekt een tolk.`).waitFor();

    const list = page.getByRole('region', { name: 'Aanvragen' });
    const row = list.getByRole('row').filter({ hasText: SUBJECT });
    await row.getByText('Open', { exact: true }).waitFor();
    await row.getByText('In behandeling').waitFor();
    await expectAccessible(page, 'the customer view');
    await screenshot(page, 'interpreting-customer');
    await signOut(page);
  });

  it('the desk sees the ranked candidates with reasons, is refused for the language helper and offers the certified interpreter', async () => {
    await signIn(page, DESK.email, PASSWORD);
    await page.getByRole('link', { name: 'Tolkendienst: aanvragen' }).click();
    await page.getByRole('heading', { name: 'Tolkendienst: aanvragen', level: 1 }).waitFor();
    await page.getByRole('button', { name: `Behandelen: ${SUBJECT}` }).click();
    await page.getByRole('heading', { name: `Aanvraag: ${SUBJECT}`, level: 2 }).waitFor();

    const candidates = page.getByRole('region', { name: `Kandidaten voor ${SUBJECT}` });
    const first = candidates.getByRole('row').filter({ hasText: INTERPRETER.name });
    await first.getByText('Spreekt de gevraagde variant').waitFor();
    await first.getByText('Gecertificeerd of beëdigd').waitFor();
    await first.getByText('Zelfde regio').waitFor();
    await first.getByText(/^Betrouwbaarheid 100 %$/).waitFor();
    expect(await candidates.getByText('Karim Taalhelper').count()).toBe(0);
    await page.getByText('Statuut past niet (gevoelig gesprek: gecertificeerd nodig, R-26): 1').waitFor();

    // Offering the language helper anyway is refused, with the rule.
    await field(page, 'Andere tolk uit het register').selectOption({ label: 'Karim Taalhelper' });
    await page.getByRole('button', { name: 'Aan deze tolk aanbieden' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'De regels laten dit niet toe' });
    await refusal.getByText('Regel: R-26').waitFor();

    await candidates.getByRole('button', { name: `Aanbieden aan ${INTERPRETER.name}` }).click();
    await page.getByRole('status').getByText(`De opdracht is aangeboden aan ${INTERPRETER.name}.`, { exact: false }).waitFor();
    await page.getByText(`Aangeboden aan ${INTERPRETER.name}; wacht op antwoord.`).waitFor();
    await expectAccessible(page, 'the desk view');
    await screenshot(page, 'interpreting-desk');
    await signOut(page);
  });

  it('the interpreter accepts in the portal on a phone, and reads the portal in French', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await signIn(page, INTERPRETER.email, PASSWORD);
      await expect.poll(() => new URL(page.url()).pathname).toBe('/interpreting/portal');
      await page.getByRole('heading', { name: 'Mijn opdrachten', level: 1 }).waitFor();
      const offers = page.getByRole('region', { name: 'Aanbiedingen' });
      await offers.getByRole('article').filter({ hasText: SUBJECT }).waitFor();
      await expectAccessible(page, 'the interpreter portal');
      await offers.getByRole('button', { name: new RegExp(`^Aanvaarden: ${SUBJECT} op `) }).click();
      await page.getByRole('status').getByText(/^Je hebt de opdracht van .* aanvaard\.$/).waitFor();
      const assignments = page.getByRole('region', { name: 'Opdrachten' });
      await assignments.getByRole('article').filter({ hasText: SUBJECT }).getByText('Aanvaard', { exact: true }).waitFor();
      await page.getByText('Geen openstaande aanbiedingen.').waitFor();

      // French: the menu holds the language switch on a narrow screen.
      await page.getByRole('button', { name: 'Menu openen' }).click();
      await page.locator('button[lang="fr"]:visible').click();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('fr');
      await page.getByRole('heading', { name: 'Mes missions', level: 1 }).waitFor();
      await page.getByRole('region', { name: 'Missions' }).getByText('Acceptée', { exact: true }).waitFor();
      await page.getByRole('link', { name: 'Mes missions' }).waitFor();
      await expectAccessible(page, 'the interpreter portal in French');
      await screenshot(page, 'interpreting-portal-fr');
      await page.locator('button[lang="nl"]:visible').click();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('nl');
      await page.getByRole('button', { name: 'Menu sluiten' }).click();
      await signOut(page);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('the customer sees the request assigned and cancels it, on time or late by the clock', async () => {
    await signIn(page, CUSTOMER.email, PASSWORD);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/interpreting/requests');
    const row = page.getByRole('region', { name: 'Aanvragen' }).getByRole('row').filter({ hasText: SUBJECT });
    await row.getByText('Toegewezen aan een tolk').waitFor();
    await row.getByRole('cell', { name: INTERPRETER.name }).waitFor();
    await row.getByRole('button', { name: `Aanvraag ${SUBJECT} annuleren` }).click();
    const dialog = page.getByRole('dialog', { name: `Aanvraag ${SUBJECT} annuleren` });
    await dialog.getByText(/Kosteloos annuleren kan tot 10 uur/).waitFor();
    await dialog.getByRole('button', { name: 'Aanvraag annuleren' }).click();
    await page
      .getByRole('status')
      .getByText(new RegExp(`^Aanvraag ${SUBJECT} geannuleerd: (Tijdig geannuleerd \\(kosteloos\\)|Laattijdig geannuleerd \\(annulatiekost\\))\\.$`))
      .waitFor();
    await row.getByText('Niet uitgevoerd', { exact: true }).waitFor();
    await row.getByText(/^(Tijdig geannuleerd \(kosteloos\)|Laattijdig geannuleerd \(annulatiekost\))$/).waitFor();
    await row.getByText('Beantwoord – niet uitgevoerd').waitFor();
    await signOut(page);
  });
});
