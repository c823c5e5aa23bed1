/**
 * Management figures end to end (issue 7): the platform runs in-process on a fresh database (on the
 * real clock) and Debian's Chromium drives the built web app. A manager first sees the reports and
 * dashboards of an empty database (zeros, no errors); then a case worker gives four people in three
 * regions a sign-up, three of them a contract, all in last year (through the staff API), a planner
 * plans an MO course and a customer asks for a telephone interpreter. The manager picks a report
 * from the catalogue (grouped by theme, the unavailable ones greyed with their reason), runs it for
 * last year and sees the published rows with the computed totals, drills into a cell and reaches the
 * dossier behind it, downloads the CSV (same figures), gets a clear problem for a period that ends
 * before it starts (checked in the browser, and by the server when the address asks for it), opens
 * the MO, regional (map regions focusable in order), interpreting and trend dashboards ("Tabel
 * tonen" shows the same data; printing shows the tables and hides the navigation) and the
 * data-quality view. axe-core checks every page for serious and critical violations.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { INTAKE } from '../server/src/testing/dossier-fixtures';
import { agiiId, apiCall, createUser, daysFromToday, expectAccessible, field, screenshot, signIn, signInAsAdministrator, signOut, staffApi, switchLanguage, useE2e, type StaffApi } from './support';

const PASSWORD = 'een lang geheim wachtwoord';
const MANAGER = { email: 'regio.manager@agii.test', name: 'Regio Manager' };
const CASE_WORKER = { email: 'cijfers.begeleider@agii.test', name: 'Cijfers Begeleider' };
const PLANNER = { email: 'cijfers.planner@agii.test', name: 'Cijfers Planner' };
const CUSTOMER = { email: 'onthaal@ocmw-brugge.test', name: 'Onthaal OCMW Brugge' };

/** Everything happens in last year: a whole calendar year in the past, whatever today is. */
const YEAR = new Date().getFullYear() - 1;
const PREVIOUS = YEAR - 1;
const on = (monthDay: string) => `${YEAR}-${monthDay}`;

/** Addresses in three operating regions: Aalst (OV), Mechelen (PA), Bruges (WV). */
const ADDRESS = {
  OV: { street: 'Kerkstraat', houseNumber: '1', postalCode: '9300', municipalityNis: '41002' },
  PA: { street: 'Bruul', houseNumber: '1', postalCode: '2800', municipalityNis: '12025' },
  WV: { street: 'Markt', houseNumber: '1', postalCode: '8000', municipalityNis: '31005' },
} as const;

/** Four people: three with a first contract last year (two in Oost-Vlaanderen, one in Provincie Antwerpen), one only signed up. */
const PEOPLE = [
  { key: 'selam', givenNames: 'Selam', familyName: 'Tesfay', birthDate: '1988-04-02', region: 'OV', signUp: on('02-01'), contract: on('02-20') },
  { key: 'omar', givenNames: 'Omar', familyName: 'Haddad', birthDate: '1990-06-11', region: 'PA', signUp: on('03-01'), contract: on('03-15') },
  { key: 'lina', givenNames: 'Lina', familyName: 'Karimi', birthDate: '1993-01-23', region: 'OV', signUp: on('04-01'), contract: on('04-20') },
  { key: 'yonas', givenNames: 'Yonas', familyName: 'Haile', birthDate: '1985-11-30', region: 'WV', signUp: on('05-02'), contract: null },
] as const;

const REGION_NAMES = ['Provincie Antwerpen', 'Brussel', 'Limburg', 'Oost-Vlaanderen', 'Vlaams-Brabant', 'West-Vlaanderen'];

let page: Page;
let baseUrl = '';
const dossierIds: Record<string, string> = {};

useE2e((env) => {
  page = env.page;
  baseUrl = env.baseUrl;
}, { timezoneId: 'Europe/Brussels' });

interface Dossier {
  id: string;
  version: number;
  state: { intake: { targetGroupProposal: { group: string }; proposedProfileId: string } };
}

/** Sign-up, and for those with a contract date: intake (obligated), decision and the signed contract, as the server fixtures do. */
async function trajectory(api: StaffApi, person: (typeof PEOPLE)[number]): Promise<string> {
  const created = await api.call<{ id: string }>('POST', '/persons', {
    givenNames: person.givenNames,
    familyName: person.familyName,
    birthDate: person.birthDate,
    address: ADDRESS[person.region],
  });
  let dossier = await api.call<Dossier>('POST', `/persons/${created.id}/dossiers`, { date: person.signUp, channel: 'spontaneous' });
  if (!person.contract) return dossier.id;
  const act = async (type: string, body: object) => {
    dossier = await api.call<Dossier>('POST', `/dossiers/${dossier.id}/actions/${type}`, body, { 'if-match': `"${dossier.version}"` });
  };
  const intakeOn = new Date(Date.parse(person.signUp) + 7 * 86_400_000).toISOString().slice(0, 10);
  await act('record-intake', { ...INTAKE, date: intakeOn, targetGroupFacts: { ...INTAKE.targetGroupFacts, firstInscriptionDate: `${YEAR}-01-02` } });
  await act('decide-intake', { date: intakeOn, targetGroup: dossier.state.intake.targetGroupProposal.group, profileId: dossier.state.intake.proposedProfileId });
  await act('sign-contract', { date: person.contract, signedOn: person.contract });
  return dossier.id;
}

/** The report table (named by its caption's figure and title). */
const reportTable = (name: string) => page.getByRole('region', { name, exact: true });

/** The cells of a table row, as their text, by the row's header. */
async function rowCells(table: Locator, rowHeader: string): Promise<string[]> {
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: rowHeader, exact: true }) });
  return (await row.getByRole('cell').allInnerTexts()).map((s) => s.trim());
}

/** Waits until nothing on the page is loading any more. */
async function settled(): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.getByLabel('Bezig met laden…').count()).toBe(0);
}

describe('management figures in the web app', () => {
  it('the administrator creates a manager, a case worker, a planner and an interpreting customer', async () => {
    await signInAsAdministrator(page);
    const agii = await agiiId(page);
    await createUser(page, { ...MANAGER, password: PASSWORD }, agii, 'manager');
    await createUser(page, { ...CASE_WORKER, password: PASSWORD }, agii, 'case-worker');
    await createUser(page, { ...PLANNER, password: PASSWORD }, agii, 'course-planner');
    const customerOrg = await apiCall<{ id: string }>(page, 'POST', '/organisations', { code: 'ocmw-brugge', name: 'OCMW Brugge', partnerType: 'interpreter-customer' });
    await createUser(page, { ...CUSTOMER, password: PASSWORD }, customerOrg.id, 'interpreting-customer');
    await signOut(page);
  });

  it('on an empty database a report shows its published rows with zeros, and the dashboards open without errors', async () => {
    await signIn(page, MANAGER.email, PASSWORD);
    // A manager who works no dossiers starts at the MO dashboard, not at the persons.
    await expect.poll(() => new URL(page.url()).pathname).toBe('/dashboards/mo');
    await page.goto(`/reports/B12?year=${YEAR}`);
    const table = reportTable('Fig. 12 · Eerste ondertekende inburgeringscontracten');
    await table.waitFor();
    for (const region of REGION_NAMES) expect(await rowCells(table, region)).toEqual(['0', '0']);
    expect(await rowCells(table, 'Totaal')).toEqual(['0', '0']);
    // Nothing lies behind a zero: no drill-down buttons.
    expect(await table.locator('.kp-cell-button').count()).toBe(0);
    await expectAccessible(page, 'an empty report');

    for (const path of ['/dashboards/mo', '/dashboards/regions', '/dashboards/interpreting', '/dashboards/trends', '/reports/data-quality', `/reports/B49?year=${YEAR}`]) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await settled();
      expect(await page.getByRole('alert').count(), `no problem on ${path}`).toBe(0);
    }
    await page.getByRole('region', { name: 'Fig. 49 · Sociaal tolken en vertalen: aanvragen', exact: true }).getByRole('rowheader', { name: 'Vraag' }).waitFor();
    await signOut(page);
  });

  it('a case worker gives people sign-ups and contracts, a planner plans a course, a customer asks for an interpreter', async () => {
    const worker = await staffApi(baseUrl, CASE_WORKER.email, PASSWORD);
    for (const person of PEOPLE) dossierIds[person.key] = await trajectory(worker, person);

    const planner = await staffApi(baseUrl, PLANNER.email, PASSWORD);
    await planner.call('POST', '/mo/courses', {
      language: 'ar',
      format: 'classroom',
      region: 'OV',
      location: 'Vrijheidstraat 3, 9300 Aalst',
      capacity: 12,
      startsOn: daysFromToday(14),
      endsOn: daysFromToday(60),
      sessions: [{ startsAt: `${daysFromToday(15)}T08:00:00Z`, endsAt: `${daysFromToday(15)}T11:00:00Z` }],
    });

    const customer = await staffApi(baseUrl, CUSTOMER.email, PASSWORD);
    await customer.call('POST', '/interpreting/requests', {
      channel: 'phone',
      language: 'ar',
      startsAt: `${daysFromToday(2)}T09:00:00Z`,
      expectedMinutes: 30,
      region: 'WV',
      sector: 'health',
      subject: 'Consultatie huisarts',
      sensitive: false,
    });
  });

  it('the manager finds the report in the catalogue, grouped by theme, with the unavailable ones greyed and explained', async () => {
    await signIn(page, MANAGER.email, PASSWORD);
    const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
    const figures = nav.getByRole('group', { name: 'Cijfers' });
    for (const name of ['Rapporten', 'Dashboard MO', "Dashboard regio's", 'Dashboard tolken', 'Trends', 'Datakwaliteit']) await figures.getByRole('link', { name }).waitFor();
    await figures.getByRole('link', { name: 'Rapporten' }).click();
    await page.getByRole('heading', { name: 'Rapporten', level: 1 }).waitFor();
    for (const theme of ['Inburgeringstraject', 'Maatschappelijke oriëntatie (MO)', 'Nederlands als tweede taal (NT2)', 'Sociaal tolken en vertalen', 'Atlas (Antwerpen)']) {
      await page.getByRole('heading', { name: theme, level: 2 }).waitFor();
    }
    // Figure 1 (inflow from the national register) cannot be produced: listed, not a link, with the reason.
    const trajectoryReports = page.getByRole('region', { name: 'Rapporten: Inburgeringstraject', exact: true });
    const inflow = trajectoryReports.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Fig. 1', exact: true }) });
    await inflow.getByText(/^Niet beschikbaar: /).waitFor();
    expect(await inflow.getByRole('link').count()).toBe(0);
    await expectAccessible(page, 'the report catalogue');
    await screenshot(page, 'reports-catalogue');
    await trajectoryReports.getByRole('link', { name: 'Eerste ondertekende inburgeringscontracten' }).click();
    await page.getByRole('heading', { name: 'Fig. 12 · Eerste ondertekende inburgeringscontracten', level: 1 }).waitFor();
  });

  it('the manager runs the report for last year: the published rows, the computed totals, the counting rule', async () => {
    const form = page.getByRole('form', { name: 'Parameters van het rapport' });
    await field(form, 'Jaar').selectOption(String(YEAR));
    await field(form, 'Tijdelijke bescherming').selectOption('include');
    await form.getByRole('button', { name: 'Rapport tonen' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe(String(YEAR));
    const table = reportTable('Fig. 12 · Eerste ondertekende inburgeringscontracten');
    await table.getByRole('columnheader', { name: String(YEAR), exact: true }).waitFor();
    // The published rows in the published order, then the totals row.
    const headers = await table.getByRole('rowheader').allInnerTexts();
    expect(headers.map((h) => h.trim())).toEqual([...REGION_NAMES, 'Totaal']);
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual(['Werkingsgebied', String(PREVIOUS), String(YEAR)]);
    expect(await rowCells(table, 'Oost-Vlaanderen')).toEqual(['0', '2']);
    expect(await rowCells(table, 'Provincie Antwerpen')).toEqual(['0', '1']);
    expect(await rowCells(table, 'West-Vlaanderen')).toEqual(['0', '0']);
    expect(await rowCells(table, 'Totaal')).toEqual(['0', '3']);
    await page.getByRole('heading', { name: 'Telregel', level: 2 }).waitFor();
    await page.getByText(/Het allereerste contract van een persoon/).waitFor();
    await expectAccessible(page, 'a report');
    await screenshot(page, 'reports-b12');
  });

  it('a figure drills down to the dossiers behind it, and on to a dossier', async () => {
    const table = reportTable('Fig. 12 · Eerste ondertekende inburgeringscontracten');
    await table.getByRole('button', { name: `2 (Oost-Vlaanderen, ${YEAR}): lijst tonen` }).click();
    const list = page.getByRole('region', { name: `Achter het cijfer: Oost-Vlaanderen, ${YEAR}`, exact: true });
    await list.getByText('2 dossiers').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('drill-down-title');
    const names = await list.getByRole('row').allInnerTexts();
    expect(names.filter((r) => r.includes('Selam') || r.includes('Lina'))).toHaveLength(2);
    await expectAccessible(page, 'a drill-down');
    // The totals row drills down too: the three contracts.
    await table.getByRole('button', { name: `3 (Totaal, ${YEAR}): lijst tonen` }).click();
    await page.getByRole('region', { name: `Achter het cijfer: Totaal, ${YEAR}`, exact: true }).getByText('3 dossiers').waitFor();
    await table.getByRole('button', { name: `2 (Oost-Vlaanderen, ${YEAR}): lijst tonen` }).click();
    // In date order: Selam's contract (February) first.
    await list.getByRole('link', { name: /^Dossier van Selam/ }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/dossiers/${dossierIds.selam}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.goBack();
    await list.getByText('2 dossiers').waitFor();
  });

  it('the CSV and XLSX exports hold the same figures, with the same parameters', async () => {
    const csvLink = page.getByRole('link', { name: 'Exporteren naar CSV' });
    const xlsxLink = page.getByRole('link', { name: 'Exporteren naar XLSX' });
    const csvHref = (await csvLink.getAttribute('href')) ?? '';
    expect(csvHref).toBe(`/api/v1/reports/B12.csv?year=${YEAR}&ukraine=include&lang=nl`);
    expect(await xlsxLink.getAttribute('href')).toBe(`/api/v1/reports/B12.xlsx?year=${YEAR}&ukraine=include&lang=nl`);
    const files = await page.evaluate(async (paths) => {
      const csv = await fetch(paths.csv);
      const xlsx = await fetch(paths.xlsx);
      return { csv: await csv.text(), csvType: csv.headers.get('content-type'), xlsxType: xlsx.headers.get('content-type'), xlsxBytes: (await xlsx.arrayBuffer()).byteLength };
    }, { csv: csvHref, xlsx: (await xlsxLink.getAttribute('href')) ?? '' });
    expect(files.csvType).toContain('text/csv');
    const lines = files.csv.replace(/^\uFEFF/, '').split(/\r?\n/);
    const line = (label: string) => lines.find((l) => l.replace(/"/g, '').startsWith(`${label};`))?.replace(/"/g, '');
    expect(line('Oost-Vlaanderen')).toBe('Oost-Vlaanderen;0;2');
    expect(line('Provincie Antwerpen')).toBe('Provincie Antwerpen;0;1');
    expect(line('Totaal')).toBe('Totaal;0;3');
    expect(files.xlsxType).toContain('spreadsheetml');
    expect(files.xlsxBytes).toBeGreaterThan(1000);
  });

  it('a period that ends before it starts is a clear problem, in the browser and from the server', async () => {
    await page.goto('/reports/B14');
    await page.getByRole('heading', { name: 'Fig. 14 · Eerste contracten naar doelgroep', level: 1 }).waitFor();
    await settled();
    const form = page.getByRole('form', { name: 'Parameters van het rapport' });
    await field(form, 'Van').fill(on('06-01'));
    await field(form, 'Tot en met').fill(on('01-31'));
    await form.getByRole('button', { name: 'Rapport tonen' }).click();
    await form.getByText('De periode eindigt vóór ze begint.').waitFor();
    await expect.poll(() => field(form, 'Tot en met').getAttribute('aria-invalid')).toBe('true');

    // The same period in the address: the server's problem, on the field.
    await page.goto(`/reports/B14?from=${on('06-01')}&to=${on('01-31')}`);
    await page.getByRole('alert').getByText('Controleer de gemarkeerde velden.').waitFor();
    await form.getByText('De periode eindigt vóór ze begint.').waitFor();
    await expect.poll(() => field(form, 'Tot en met').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'a report with a bad period');

    // A good period: the target groups (verplicht) with the share computed, and its total.
    await field(form, 'Van').fill(on('01-01'));
    await field(form, 'Tot en met').fill(on('12-31'));
    await form.getByRole('button', { name: 'Rapport tonen' }).click();
    const table = reportTable('Fig. 14 · Eerste contracten naar doelgroep');
    await table.waitFor();
    const total = await rowCells(table, 'Totaal');
    expect(total.at(-1)).toBe('3');
    expect(total.some((cell) => /^\d+,\d\s?%$/.test(cell.replace(/[\u00a0\u202f]/g, ' ')))).toBe(true);
  });

  it('the report reads in English too', async () => {
    await page.goto(`/reports/B12?year=${YEAR}`);
    await switchLanguage(page, 'en');
    await page.getByRole('link', { name: 'Export to CSV' }).waitFor();
    await page.getByRole('rowheader', { name: 'Total', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Counting rule', level: 2 }).waitFor();
    await expectAccessible(page, 'a report in English');
    await switchLanguage(page, 'nl');
  });

  it('the MO dashboard: waiting against the target, courses, pass rates; "Tabel tonen" shows the data; print keeps the tables', async () => {
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Dashboard MO' }).click();
    await page.getByRole('heading', { name: 'Dashboard maatschappelijke oriëntatie', level: 1 }).waitFor();
    await settled();
    // Selam, Omar and Lina signed their contracts last year and wait for a course: over six months.
    const headline = page.getByRole('region', { name: 'Meer dan zes maanden wachtend na het contract', exact: true });
    await headline.getByText('3', { exact: true }).waitFor();
    await headline.getByText(/Doelstelling \(RPT-K01\): minder dan 1\.000/).waitFor();
    const chart = page.getByRole('region', { name: 'Wachtenden per werkingsgebied', exact: true });
    const image = chart.getByRole('img');
    expect(await image.getAttribute('aria-label')).toMatch(/^Staafdiagram: Wachtenden per werkingsgebied\./);
    const toggle = chart.getByRole('button', { name: 'Tabel tonen' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await chart.getByRole('table').isVisible()).toBe(false);
    await toggle.click();
    expect(await chart.getByRole('button', { name: 'Tabel verbergen' }).getAttribute('aria-expanded')).toBe('true');
    const table = chart.getByRole('table');
    await table.waitFor();
    expect(await rowCells(table, 'Oost-Vlaanderen')).toEqual(['2', '2']);
    expect(await rowCells(table, 'Provincie Antwerpen')).toEqual(['1', '1']);
    await page.getByRole('region', { name: 'Cursussen per startmaand', exact: true }).getByRole('img').waitFor();
    await page.getByRole('region', { name: 'Slaagpercentage standaard MO-test per maand en taal', exact: true }).getByRole('img').waitFor();
    await expectAccessible(page, 'the MO dashboard');
    await screenshot(page, 'dashboard-mo');

    // Print: every chart's table is there, the navigation and the controls are not.
    await page.emulateMedia({ media: 'print' });
    const courses = page.getByRole('region', { name: 'Cursussen per startmaand', exact: true });
    expect(await courses.getByRole('table').isVisible()).toBe(true);
    expect(await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).isVisible()).toBe(false);
    expect(await courses.getByRole('button', { name: 'Tabel tonen' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });

  it('the regional dashboard: a map whose regions are focusable in order, named with their figure, and the table', async () => {
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: "Dashboard regio's" }).click();
    await page.getByRole('heading', { name: 'Dashboard werkingsgebieden', level: 1 }).waitFor();
    await field(page, 'Jaar').selectOption(String(YEAR));
    await page.getByRole('heading', { name: `Kaart: Eerste contracten in ${YEAR}` }).waitFor();
    await settled();
    const map = page.getByRole('group', { name: 'Kaart van de werkingsgebieden: Eerste contracten' });
    const expected = { 'Provincie Antwerpen': 1, Brussel: 0, Limburg: 0, 'Oost-Vlaanderen': 2, 'Vlaams-Brabant': 0, 'West-Vlaanderen': 0 };
    for (const [name, value] of Object.entries(expected)) await map.getByRole('button', { name: `${name}: ${value} eerste contracten`, exact: true }).waitFor();
    // Keyboard: from the figure's select, Tab walks the regions in the published order.
    await field(page, 'Kaart kleuren volgens').focus();
    const focused: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      focused.push((await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) ?? '');
    }
    expect(focused.map((label) => label.split(':')[0])).toEqual(REGION_NAMES);
    // Enter on Oost-Vlaanderen (the fourth) shows all its figures.
    await map.getByRole('button', { name: /^Oost-Vlaanderen:/ }).focus();
    await page.keyboard.press('Enter');
    expect(await map.getByRole('button', { name: /^Oost-Vlaanderen:/ }).getAttribute('aria-pressed')).toBe('true');
    const detail = page.getByRole('region', { name: 'Oost-Vlaanderen', exact: true });
    await detail.getByText('Eerste aanmeldingen').waitFor();
    // The same figures as a table, with the totals row.
    const table = page.getByRole('region', { name: `Kerncijfers per werkingsgebied in ${YEAR}`, exact: true });
    expect((await rowCells(table, 'Oost-Vlaanderen')).slice(0, 2)).toEqual(['2', '2']);
    expect((await rowCells(table, 'West-Vlaanderen')).slice(0, 2)).toEqual(['1', '0']);
    expect((await rowCells(table, 'Totaal')).slice(0, 2)).toEqual(['4', '3']);
    await expectAccessible(page, 'the regional dashboard');
    await screenshot(page, 'dashboard-regions');
  });

  it('the interpreting dashboard: requests by channel and month, the answered rate, bottleneck languages', async () => {
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Dashboard tolken' }).click();
    await page.getByRole('heading', { name: 'Dashboard sociaal tolken en vertalen', level: 1 }).waitFor();
    await settled();
    const byChannel = page.getByRole('region', { name: 'Aanvragen per kanaal', exact: true });
    expect(await byChannel.getByRole('img').getAttribute('aria-label')).toMatch(/^Gestapeld staafdiagram: Aanvragen per kanaal\./);
    await byChannel.getByRole('button', { name: 'Tabel tonen' }).click();
    // The customer's telephone request waits for an interpreter: in progress.
    expect(await rowCells(byChannel.getByRole('table'), 'Telefonisch')).toEqual(['0', '0', '0', '1', '1']);
    await page.getByRole('region', { name: 'Aandeel beantwoorde aanvragen per maand', exact: true }).getByRole('img').waitFor();
    await page.getByRole('region', { name: 'Knelpunttalen', exact: true }).waitFor();
    await expectAccessible(page, 'the interpreting dashboard');
    await screenshot(page, 'dashboard-interpreting');
  });

  it('the trend view: a key figure per month over a range, with the table', async () => {
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Trends' }).click();
    await page.getByRole('heading', { name: 'Trends', level: 1 }).waitFor();
    // The first key figure is shown at once; the form then holds it.
    await page.getByRole('region', { name: 'Eerste aanmeldingen (RPT-B08)', exact: true }).getByRole('img').waitFor();
    const form = page.getByRole('form', { name: 'Kerncijfer en periode' });
    await field(form, 'Kerncijfer').selectOption('first-contracts');
    await field(form, 'Korrel').selectOption('month');
    await field(form, 'Van (maand)').fill(`${YEAR}-12`);
    await field(form, 'Tot en met (maand)').fill(`${YEAR}-01`);
    await form.getByRole('button', { name: 'Tonen' }).click();
    await form.getByText('De periode eindigt vóór ze begint.').waitFor();
    await field(form, 'Van (maand)').fill(`${YEAR}-01`);
    await field(form, 'Tot en met (maand)').fill(`${YEAR}-12`);
    await form.getByRole('button', { name: 'Tonen' }).click();
    const chart = page.getByRole('region', { name: 'Eerste contracten (RPT-B12)', exact: true });
    expect(await chart.getByRole('img').getAttribute('aria-label')).toMatch(/^Lijndiagram: Eerste contracten \(RPT-B12\)\. 12 waarden op de as\./);
    await chart.getByRole('button', { name: 'Tabel tonen' }).click();
    const values = await chart.getByRole('table').getByRole('cell').allInnerTexts();
    expect(values).toEqual(['0', '1', '1', '1', '0', '0', '0', '0', '0', '0', '0', '0']);
    await expectAccessible(page, 'the trend view');

    // The waiting-over-six-months figure shows its target.
    await field(form, 'Kerncijfer').selectOption('mo-waiting-over-six-months');
    await form.getByRole('button', { name: 'Tonen' }).click();
    await page.getByRole('region', { name: 'Langer dan zes maanden na contract wachtend op MO (RPT-K01)', exact: true }).getByText(/Doelstelling: minder dan 1\.000/).waitFor();
  });

  it('the data-quality view lists every check with its rule and count', async () => {
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Datakwaliteit' }).click();
    await page.getByRole('heading', { name: 'Datakwaliteit', level: 1 }).waitFor();
    await settled();
    const checks = page.getByRole('heading', { level: 2 });
    expect(await checks.count()).toBeGreaterThanOrEqual(10);
    await page.getByRole('region', { name: 'Inburgeringsattest zonder afgerond MO', exact: true }).getByText(/^Regel:/).waitFor();
    await page.getByText(/controles zijn in orde|controles? vind/).waitFor();
    await expectAccessible(page, 'the data-quality view');
    await screenshot(page, 'reports-data-quality');
  });
});
