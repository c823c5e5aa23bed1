/**
 * MO planning end to end (issue 4 §9): the platform runs in-process on a fresh database and Debian's
 * Chromium drives the built web app. An administrator creates a course planner and a case worker;
 * the case worker gives two people a running contract (through the API, from the page); the planner
 * sees them on the waiting list (one over six months), plans a course, fills it from the waiting
 * list and sees the participants; then opens the test-centre view, adds a centre and a slot and
 * books one of them, in a language the centre lacks (so with a video interpreter). axe-core checks
 * the planner and test-centre pages.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { INTAKE } from '../server/src/testing/dossier-fixtures';
import { agiiId, apiCall, createUser, daysFromToday, expectAccessible, field, screenshot, signIn, signInAsAdministrator, signOut, switchLanguage, useE2e } from './support';

const PASSWORD = 'een lang geheim wachtwoord';
const PLANNER = { email: 'cursus.planner@agii.test', name: 'Cursus Planner' };
const CASE_WORKER = { email: 'traject.begeleider@agii.test', name: 'Traject Begeleider' };
/** Two people waiting for MO in Tigrinya in Oost-Vlaanderen (Aalst): one for 250 days, one for 30. */
const PEOPLE = [
  { givenNames: 'Selam', familyName: 'Tesfay', birthDate: '1988-04-02', contractDaysAgo: 250 },
  { givenNames: 'Yonas', familyName: 'Haile', birthDate: '1991-09-17', contractDaysAgo: 30 },
];

let page: Page;

interface Dossier {
  id: string;
  version: number;
  state: { intake: { targetGroupProposal: { group: string }; proposedProfileId: string } };
}

/** Sign-up, intake in Tigrinya, decision and contract, as the shared server fixtures do. */
async function runningContract(person: (typeof PEOPLE)[number]): Promise<void> {
  const signedOn = daysFromToday(-person.contractDaysAgo);
  const day = (offset: number) => new Date(Date.parse(signedOn) + offset * 86_400_000).toISOString().slice(0, 10);
  const created = await apiCall<{ id: string }>(page, 'POST', '/persons', {
    givenNames: person.givenNames,
    familyName: person.familyName,
    birthDate: person.birthDate,
    address: { street: 'Kerkstraat', houseNumber: '1', postalCode: '9300', municipalityNis: '41002' },
  });
  let dossier = await apiCall<Dossier>(page, 'POST', `/persons/${created.id}/dossiers`, { date: day(-21), channel: 'invitation-letter', letterSentOn: day(-41) });
  const act = (type: string, body: object) => apiCall<Dossier>(page, 'POST', `/dossiers/${dossier.id}/actions/${type}`, body, { 'If-Match': `"${dossier.version}"` });
  dossier = await act('record-intake', { ...INTAKE, date: day(-7), language: 'ti', targetGroupFacts: { ...INTAKE.targetGroupFacts, firstInscriptionDate: day(-80) } });
  dossier = await act('decide-intake', { date: day(-7), targetGroup: dossier.state.intake.targetGroupProposal.group, profileId: dossier.state.intake.proposedProfileId });
  await act('sign-contract', { date: signedOn, signedOn });
}

useE2e((env) => {
  page = env.page;
}, { timezoneId: 'Europe/Brussels' });

describe('MO planning in the web app', () => {
  it('the administrator creates a course planner and a case worker', async () => {
    await signInAsAdministrator(page);
    const agii = await agiiId(page);
    for (const [user, role] of [[PLANNER, 'course-planner'], [CASE_WORKER, 'case-worker']] as const) {
      await createUser(page, { ...user, password: PASSWORD }, agii, role);
    }
    await signOut(page);
  });

  it('the case worker gives two people a running contract', async () => {
    await signIn(page, CASE_WORKER.email, PASSWORD);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/persons');
    for (const person of PEOPLE) await runningContract(person);
    await signOut(page);
  });

  it('the planner sees them on the waiting list, with the six-month figure and the drill-down', async () => {
    await signIn(page, PLANNER.email, PASSWORD);
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Wachtlijst MO' }).click();
    await page.getByRole('heading', { name: 'Wachtlijst maatschappelijke oriëntatie', level: 1 }).waitFor();
    const headline = page.getByRole('region', { name: 'Meer dan zes maanden wachtend na het contract' });
    await headline.getByText('Onder de doelstelling').waitFor();
    expect(await headline.textContent()).toContain('1persoon');

    const groups = page.getByRole('table').first();
    const row = groups.getByRole('row').filter({ hasText: 'Oost-Vlaanderen' }).filter({ hasText: '(ti)' });
    await row.waitFor();
    await expectAccessible(page, 'waiting list (nl)');
    await row.getByRole('button', { name: /^Personen tonen:/ }).click();
    const persons = page.getByRole('region', { name: /^Wachtenden: .*\(ti\), Oost-Vlaanderen$/ });
    await persons.getByText('Selam Tesfay').waitFor();
    expect(await persons.getByText('Yonas Haile').count()).toBe(0);
    await persons.getByRole('checkbox', { name: 'Alleen wie meer dan zes maanden wacht' }).uncheck();
    await persons.getByText('Yonas Haile').waitFor();
    await screenshot(page, 'planning-waiting-list');
    await expectAccessible(page, 'waiting list with people (nl)');

    await switchLanguage(page, 'en');
    await page.getByRole('heading', { name: 'Social orientation waiting list', level: 1 }).waitFor();
    await expectAccessible(page, 'waiting list (en)');
    await switchLanguage(page, 'nl');
  });

  it('the planner plans a course, fills it from the waiting list and sees the participants', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Cursussen MO' }).click();
    await page.getByRole('heading', { name: 'Cursussen maatschappelijke oriëntatie', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Nieuwe cursus' }).click();
    const form = page.getByRole('region', { name: 'Nieuwe cursus plannen' });
    await field(form, 'Cursustaal').selectOption('ti');
    await field(form, 'Werkingsgebied').selectOption('OV');
    await field(form, 'Locatie').fill('Aalst, Stationsstraat 1');
    await field(form, 'Profiel').selectOption('not-working');
    await field(form, 'Aantal plaatsen').fill('5');
    await form.getByRole('button', { name: 'Lesmoment toevoegen' }).click();
    await field(form, 'Begin lesmoment 2').fill('18:00');
    await field(form, 'Einde lesmoment 2').fill('21:00');
    await expectAccessible(page, 'course form (nl)');
    await form.getByRole('button', { name: 'Cursus plannen' }).click();

    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/planning\/mo\/courses\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: /^Cursus MO-TI-OV-/, level: 1 }).waitFor();
    const sessions = page.getByRole('region', { name: 'Lesmomenten' });
    await sessions.getByRole('row').filter({ hasText: 'Overdag' }).waitFor();
    await sessions.getByRole('row').filter({ hasText: 'Avond' }).waitFor();

    await page.getByRole('button', { name: 'Aanvullen uit de wachtlijst' }).click();
    const dialog = page.getByRole('dialog', { name: 'Aanvullen uit de wachtlijst' });
    await dialog.getByRole('button', { name: 'Aanvullen', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('2 personen ingeschreven uit de wachtlijst.').waitFor();
    const participants = page.getByRole('region', { name: 'Deelnemers' });
    await participants.getByText('Selam Tesfay').waitFor();
    await participants.getByText('Yonas Haile').waitFor();
    expect(await page.getByRole('region', { name: 'Overzicht' }).textContent()).toContain('2 van 5 bezet');
    await page.waitForFunction(() => document.querySelectorAll('[role="dialog"]').length === 0);
    await screenshot(page, 'planning-course');
    await expectAccessible(page, 'course page (nl)');
  });

  it('the planner adds a test centre and a slot and books a person with a video interpreter', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Testcentra en toetsen' }).click();
    await page.getByRole('heading', { name: 'Testcentra en toetsen', level: 1 }).waitFor();
    await page.getByText('Nog geen testcentra.').waitFor();
    await page.getByRole('button', { name: 'Nieuw testcentrum' }).click();
    await field(page, 'Naam van het testcentrum').fill('Testcentrum Aalst');
    await field(page, 'Werkingsgebied').selectOption('OV');
    await field(page, 'Adres').fill('Stationsstraat 1, 9300 Aalst');
    await page.getByRole('button', { name: 'Testcentrum toevoegen' }).click();
    const centres = page.getByRole('region', { name: 'Testcentra' }).getByRole('table');
    await centres.getByRole('row').filter({ hasText: 'Testcentrum Aalst' }).waitFor();

    await page.getByRole('button', { name: 'Toetsmoment openen' }).click();
    await page.getByRole('status').filter({ hasText: 'Toetsmoment geopend' }).waitFor();
    const slotRow = page.getByRole('region', { name: 'Toetsmomenten', exact: true }).getByRole('row').filter({ hasText: 'Testcentrum Aalst' });
    await slotRow.getByRole('button', { name: /^Boekingen tonen:/ }).click();
    const bookings = page.getByRole('region', { name: /^Boekingen: Testcentrum Aalst/ });
    await bookings.getByText('Nog niemand geboekt.').waitFor();

    await field(bookings, 'Naam, INSZ of geboortedatum').fill('Tesfay');
    await bookings.getByRole('button', { name: 'Zoeken' }).click();
    await bookings.getByRole('radio', { name: /Selam Tesfay/ }).check();
    await field(bookings, 'Taal van de toets').selectOption('ti');
    await bookings.getByText('er wordt een videotolk geboekt').waitFor();
    await bookings.getByRole('button', { name: 'Boeken', exact: true }).click();
    await bookings.getByRole('status').filter({ hasText: 'Er wordt een videotolk geboekt' }).waitFor();
    const booked = bookings.getByRole('table').getByRole('row').filter({ hasText: 'Selam Tesfay' });
    await booked.getByText('Met videotolk').waitFor();
    await booked.getByText('Geboekt', { exact: true }).waitFor();
    await screenshot(page, 'planning-tests');
    await expectAccessible(page, 'test-centre page (nl)');
    await switchLanguage(page, 'en');
    await page.getByRole('heading', { name: 'Test centres and tests', level: 1 }).waitFor();
    await expectAccessible(page, 'test-centre page (en)');
  });
});
