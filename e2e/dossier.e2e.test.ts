/**
 * The trajectory dossier end to end (issue 3): the platform runs in-process on a fresh database and
 * Debian's Chromium drives the built web app. An administrator creates a case worker; the case
 * worker signs a person up from the person page, records the intake, confirms the proposed target
 * group, signs the contract, sees the four pillars and the deadlines, has a suspension with its
 * dates in the wrong order refused with the rule named, finds the dossier in the caseload, and
 * axe-core checks the dossier page.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { agiiId, apiCall, createUser, expectAccessible, field, screenshot, signIn, signInAsAdministrator, signOut, switchLanguage, useE2e } from './support';

const CASE_WORKER = { email: 'traject.begeleider@agii.test', name: 'Traject Begeleider', password: 'een lang geheim wachtwoord' };
const PERSON = {
  givenNames: 'فاطمة',
  familyName: 'الزهراء',
  givenNamesLatin: 'Fatima',
  familyNameLatin: 'Alzahraa',
  birthDate: '1990-03-14',
};

let page: Page;
let dossierPath = '';

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

useE2e((env) => {
  page = env.page;
}, { timezoneId: 'Europe/Brussels' });

describe('trajectory dossier in the web app', () => {
  it('the administrator creates a case worker', async () => {
    await signInAsAdministrator(page);
    await createUser(page, CASE_WORKER, await agiiId(page), 'case-worker');
    await signOut(page);
  });

  it('the case worker signs a person up, takes the intake, confirms the proposal and signs the contract', async () => {
    await signIn(page, CASE_WORKER.email, CASE_WORKER.password);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/persons');
    const person = await apiCall<{ id: string }>(page, 'POST', '/persons', {
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
    await screenshot(page, 'dossier-running');
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
    await screenshot(page, 'dossier-refusal');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'detached' });
    // While it closes, the dialog loses its title before it leaves the page; the next test runs axe.
    await page.waitForFunction(() => document.querySelectorAll('[role="dialog"]').length === 0);
    await page.getByRole('list', { name: 'Tijdlijn, nieuwste eerst' }).getByText(/geweigerd volgens regel R-19/).waitFor();
  });

  it('the dossier page is accessible in Dutch and English', async () => {
    await expectAccessible(page, 'dossier page (nl)');
    await switchLanguage(page, 'en');
    await page.getByRole('heading', { name: 'Pillars', level: 2 }).waitFor();
    await expectAccessible(page, 'dossier page (en)');
    await screenshot(page, 'dossier-en');
    await switchLanguage(page, 'nl');
    await page.getByRole('heading', { name: 'Pijlers', level: 2 }).waitFor();
  });

  it('lists the dossier in the case worker’s caseload', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Caseload' }).click();
    await page.getByRole('heading', { name: 'Caseload', level: 1 }).waitFor();
    const row = page.getByRole('row').filter({ hasText: `${PERSON.givenNamesLatin} ${PERSON.familyNameLatin}` });
    await row.waitFor();
    await expectAccessible(page, 'caseload (nl)');
    await screenshot(page, 'caseload');
    await row.getByRole('link', { name: /^Dossier van .* openen$/ }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(dossierPath);
  });
});
