/**
 * NT2 (Dutch learning) end to end (issue 4 §5–7, §9): the platform runs in-process on a fresh
 * database and Debian's Chromium drives the built web app. An administrator creates a course
 * provider organisation with a provider user, and a Dutch-learning consultant; the provider
 * publishes a module with a start moment; the consultant plans a conversation for a person found by
 * name, records a test, gives the binding advice and places the person (a second placement is
 * refused with the problem shown); the provider sees the placement in the inbox and confirms the
 * enrolment and reports the standardised A2 test; the needs plan shows the seat left over.
 * axe-core checks the consultant, provider and needs-plan pages.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { agiiId, apiCall, createUser, daysFromToday, expectAccessible, field, screenshot, signIn, signInAsAdministrator, signOut, useE2e } from './support';

const PASSWORD = 'een lang geheim wachtwoord';
const CONSULTANT = { email: 'nt2.consulent@agii.test', name: 'NT2 Consulent' };
const PROVIDER = { email: 'cvo.medewerker@cvo-gent.test', name: 'CVO Medewerker' };
const PERSON = { givenNames: 'Amina', familyName: 'Rahimi', birthDate: '1992-06-21' };
const MODULE = 'NT2 richtgraad 1';

let page: Page;

useE2e((env) => {
  page = env.page;
}, { timezoneId: 'Europe/Brussels' });

describe('NT2 in the web app', () => {
  it('the administrator creates a course provider with its user, and a consultant', async () => {
    await signInAsAdministrator(page);
    const agency = await agiiId(page);
    const provider = await apiCall<{ id: string }>(page, 'POST', '/organisations', { code: 'cvo-gent', name: 'CVO Gent', partnerType: 'dutch-course-provider' });
    for (const [user, organisationId, role] of [
      [CONSULTANT, agency, 'dutch-learning-consultant'],
      [PROVIDER, provider.id, 'course-provider'],
    ] as const) {
      await createUser(page, { ...user, password: PASSWORD }, organisationId, role);
    }
    await signOut(page);
  });

  it('the provider publishes a module with a start moment', async () => {
    await signIn(page, PROVIDER.email, PASSWORD);
    await page.getByRole('link', { name: 'NT2-aanbod en inbox' }).click();
    await page.getByRole('heading', { name: 'NT2-aanbieder', level: 1 }).waitFor();
    await page.getByText('Nog geen modules gepubliceerd.').waitFor();

    await page.getByRole('button', { name: 'Module publiceren' }).click();
    const form = page.getByRole('form', { name: 'Module publiceren' });
    await field(form, 'Naam van de module').fill(MODULE);
    await field(form, 'Soort aanbieder').selectOption('CVO');
    // Only the advice types a CVO serves are offered (ENT-20), with their length.
    expect(await form.getByRole('checkbox', { name: /CBE alfa/ }).count()).toBe(0);
    await form.getByRole('checkbox', { name: 'CVO standaard (240 uur)' }).check();
    await field(form, 'Module of niveau').fill('1.1');
    await field(form, 'Locatie').fill('Kouter 1, Gent');
    await field(form, 'Werkingsgebied').selectOption('OV');
    await form.getByRole('button', { name: 'Module publiceren' }).click();
    await page.getByRole('status').getByText(`Module ${MODULE} gepubliceerd. Voeg nu een startmoment toe.`).waitFor();

    await page.getByRole('button', { name: `Startmoment toevoegen aan ${MODULE}` }).click();
    const momentForm = page.getByRole('form', { name: `Startmoment toevoegen aan ${MODULE}` });
    await field(momentForm, 'Startdatum').fill(daysFromToday(30));
    await field(momentForm, 'Einddatum').fill(daysFromToday(120));
    await field(momentForm, 'Capaciteit').fill('2');
    await momentForm.getByRole('button', { name: 'Startmoment toevoegen' }).click();
    await page.getByRole('status').getByText(/^Startmoment op .* toegevoegd\.$/).waitFor();
    const moments = page.getByRole('region', { name: `Startmomenten van ${MODULE}` });
    await moments.getByRole('cell', { name: 'Kouter 1, Gent' }).waitFor();
    await page.getByRole('link', { name: 'Alle startmomenten als agenda-feed (.ics)' }).waitFor();
    await expectAccessible(page, 'the provider page');
    await screenshot(page, 'nt2-provider-offer');
    await signOut(page);
  });

  it('the consultant plans a conversation, records a test, gives the advice and places the person', async () => {
    await signIn(page, CONSULTANT.email, PASSWORD);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/persons');
    const person = await apiCall<{ id: string }>(page, 'POST', '/persons', {
      ...PERSON,
      address: { street: 'Kerkstraat', houseNumber: '1', postalCode: '9300', municipalityNis: '41002' },
    });

    await page.getByRole('link', { name: 'Nederlands leren (NT2)' }).click();
    await page.getByRole('heading', { name: 'Nederlands leren (NT2)', level: 1 }).waitFor();
    await expectAccessible(page, 'the consultant page');
    await field(page, 'Naam of INSZ van de persoon').fill('Rahimi');
    await page.getByRole('search', { name: 'Persoon zoeken voor het gesprek' }).getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('button', { name: `${PERSON.givenNames} ${PERSON.familyName} kiezen` }).click();
    const planForm = page.getByRole('form', { name: 'Gesprek plannen' });
    await field(planForm, 'Beginuur').fill('09:30');
    await field(planForm, 'Einduur').fill('10:30');
    await field(planForm, 'Locatie').fill('Agentschap, Gent');
    await planForm.getByRole('button', { name: 'Gesprek plannen' }).click();

    // The conversation page.
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/nt2\/conversations\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'NT2-gesprek', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Afspraak downloaden voor de agenda (.ics)' }).waitFor();

    await page.getByRole('button', { name: 'Test toevoegen' }).click();
    const testForm = page.getByRole('form', { name: 'Test toevoegen' });
    await field(testForm, 'Test').selectOption('covaar');
    await field(testForm, 'Taal-leervermogen').selectOption('average');
    await field(testForm, 'Resultaat of opmerking').fill('62/100');
    await testForm.getByRole('button', { name: 'Test registreren' }).click();
    await page.getByRole('status').getByText('De test is geregistreerd.').waitFor();
    await page.getByRole('region', { name: 'Afgelegde testen' }).getByRole('cell', { name: 'Covaartest (leervermogen)' }).waitFor();

    const adviceForm = page.getByRole('form', { name: 'Advies geven' });
    await adviceForm.getByText('1140 lestijden', { exact: false }).first().waitFor();
    await adviceForm.getByRole('radio', { name: 'CVO standaard' }).check();
    await adviceForm.getByRole('button', { name: 'Bindend advies geven' }).click();
    await page.getByRole('status').getByText(/Het advies is geregistreerd/).waitFor();
    const advice = page.getByRole('region', { name: 'Bindend advies' });
    await advice.getByText('240 uur').waitFor();
    expect(await page.getByRole('form', { name: 'Advies geven' }).count()).toBe(0);

    // The offer that serves the advice, and the placement.
    const placement = page.getByRole('region', { name: 'Toewijzing aan een cursus' });
    const place = placement.getByRole('button', { name: new RegExp(`^Toewijzen aan startmoment .* van CVO Gent · ${MODULE}$`) });
    await place.click();
    await placement.getByRole('status').getByText(new RegExp(`^Toegewezen aan CVO Gent · ${MODULE}, start op`)).waitFor();
    await placement.getByRole('region', { name: 'NT2-toewijzingen' }).getByText('Toegewezen', { exact: true }).waitFor();
    await placement.getByText('1 van 2 vrij').waitFor();
    // Placing twice is refused (409) and the problem is shown.
    await place.click();
    await placement.getByRole('alert').getByText('Al geplaatst', { exact: true }).waitFor();
    await expectAccessible(page, 'the conversation page');
    await screenshot(page, 'nt2-conversation');

    // The person page lists the conversation and the placement.
    await page.goto(`/persons/${person.id}`);
    const section = page.getByRole('region', { name: 'Nederlands leren (NT2)' });
    await section.getByRole('link', { name: /^Gesprek van .* openen$/ }).waitFor();
    await section.getByText('CVO standaard').first().waitFor();
    await section.getByRole('button', { name: 'NT2-gesprek plannen' }).waitFor();

    // The needs plan: one of two seats is taken and the advice is placed, so one seat is left over.
    await page.getByRole('link', { name: 'NT2-behoefteplan' }).click();
    await page.getByRole('heading', { name: 'NT2-behoefteplan', level: 1 }).waitFor();
    const rows = page.getByRole('region', { name: 'Vraag en aanbod per kwartaal' });
    await rows.getByRole('row', { name: /CVO standaard/ }).getByText('Overschot: 1 plaats', { exact: true }).waitFor();
    await expectAccessible(page, 'the needs plan');
    await signOut(page);
  });

  it('the provider sees the placement in the inbox and confirms the enrolment', async () => {
    await signIn(page, PROVIDER.email, PASSWORD);
    await page.getByRole('link', { name: 'NT2-aanbod en inbox' }).click();
    const inbox = page.getByRole('region', { name: 'Inbox', exact: true });
    await inbox.getByText(`${PERSON.givenNames} ${PERSON.familyName}`).waitFor();
    await inbox.getByText('Toegewezen', { exact: true }).waitFor();
    await inbox.getByRole('button', { name: `Inschrijving bevestigen voor ${PERSON.givenNames} ${PERSON.familyName}` }).click();
    const dialog = page.getByRole('dialog', { name: `Inschrijving bevestigen voor ${PERSON.givenNames} ${PERSON.familyName}` });
    await dialog.getByRole('button', { name: 'Inschrijving bevestigen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').getByText(new RegExp(`^Inschrijving van ${PERSON.givenNames} ${PERSON.familyName} bevestigd op`)).waitFor();
    await inbox.getByText('Ingeschreven', { exact: true }).waitFor();
    await inbox.getByRole('button', { name: `Resultaat melden voor ${PERSON.givenNames} ${PERSON.familyName}` }).click();
    const resultDialog = page.getByRole('dialog', { name: `Resultaat melden voor ${PERSON.givenNames} ${PERSON.familyName}` });
    await resultDialog.getByRole('radio', { name: 'Gestandaardiseerde A2-test' }).check();
    await resultDialog.getByRole('checkbox', { name: 'Lezen' }).check();
    await resultDialog.getByRole('checkbox', { name: 'Luisteren' }).check();
    await resultDialog.getByRole('button', { name: 'Resultaat melden' }).click();
    await resultDialog.waitFor({ state: 'detached' });
    await page.getByRole('status').getByText(`Resultaat van de gestandaardiseerde A2-test van ${PERSON.givenNames} ${PERSON.familyName} gemeld.`).waitFor();
    await expectAccessible(page, 'the provider inbox');
    await screenshot(page, 'nt2-provider-inbox');
  });
});
