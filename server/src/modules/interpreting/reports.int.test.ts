/**
 * Issue 5 §4–§6 end to end: monthly billing from the stored charges, the interpreter's secret
 * calendar feed and the desk's .ics export, the outbox under a mail-server outage, and the
 * published figures. The report routes are mounted on a second app over the same database (the
 * test app registers only what server.ts lists); the bearer tokens of the test app work on both.
 */
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/database';
import { buildApp, type AppDeps, type ZodApp } from '../../platform/http/app';
import type { MailMessage, MailTransport } from '../../platform/mail';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app';
import { sendPendingMessages } from './outbox';
import { registerInterpretingReportRoutes } from './routes/reports.routes';

let t: TestApp;
let reports: ZodApp;
let desk: Caller;
let customer: Caller;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp();
  const deps: AppDeps = { db: t.db, clock: t.clock.read, sessionTtlMs: 8 * 3600_000, sleep: async () => undefined, webDist: null, cookieSecure: false, logger: pino({ level: 'silent' }) };
  reports = await buildApp(deps);
  registerInterpretingReportRoutes(reports, deps);
  await reports.ready();
  desk = await t.user(['interpreting-desk']);
  const org = await t.admin.request('POST', '/api/v1/organisations', { body: { name: 'OCMW Brugge', code: 'ocmw-brugge', partnerType: 'interpreter-customer' } });
  expect(org.statusCode).toBe(201);
  orgId = org.json().id;
  customer = await t.user(['interpreting-customer'], { organisationId: orgId });
}, 60_000);
afterAll(async () => {
  await reports?.close();
  await t?.close();
});

const get = (caller: Caller | null, url: string) => reports.inject({ method: 'GET', url, headers: caller ? { authorization: `Bearer ${caller.token}` } : {} });
const post = (caller: Caller, url: string) => reports.inject({ method: 'POST', url, headers: { authorization: `Bearer ${caller.token}` } });

let count = 0;
async function interpreter(overrides: Record<string, unknown> = {}, withUser = false) {
  count += 1;
  const user = withUser ? await t.user(['interpreter']) : null;
  const res = await desk.request('POST', '/api/v1/interpreting/interpreters', {
    body: {
      name: `Tolk ${count}`,
      email: `rapport-tolk${count}@example.be`,
      region: 'WV',
      latitude: 51.2093,
      longitude: 3.2247,
      languages: [{ language: 'ar', variant: '', status: 'certified', channels: ['on-site', 'phone', 'video'] }],
      availability: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, starts: '00:00', ends: '24:00' })),
      ...(user ? { userId: user.userId } : {}),
      ...overrides,
    },
  });
  if (res.statusCode !== 201) throw new Error(`interpreter: ${res.statusCode} ${res.body}`);
  return { id: (res.json() as { id: string }).id, user };
}

async function request(body: Record<string, unknown>) {
  const res = await desk.request('POST', '/api/v1/interpreting/requests', {
    body: {
      customerOrganisationId: orgId,
      channel: 'on-site',
      language: 'ar',
      variant: '',
      expectedMinutes: 60,
      address: { street: 'Kartuizerinnenstraat', houseNumber: '4', postalCode: '8000', municipality: 'Brugge' },
      latitude: 51.2,
      longitude: 3.23,
      region: 'WV',
      sector: 'welfare',
      subject: 'Gesprek maatschappelijk werker',
      sensitive: true,
      ...body,
    },
  });
  if (res.statusCode !== 201) throw new Error(`request: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}

async function offer(requestId: string, interpreterId: string, accept = true): Promise<string> {
  const res = await desk.request('POST', `/api/v1/interpreting/requests/${requestId}/offer`, { body: { interpreterId } });
  if (res.statusCode !== 200) throw new Error(`offer: ${res.statusCode} ${res.body}`);
  const assignmentId = (res.json() as { assignment: { id: string } }).assignment.id;
  if (accept) {
    const r = await desk.request('POST', `/api/v1/interpreting/assignments/${assignmentId}/respond`, { body: { accept: true } });
    if (r.statusCode !== 200) throw new Error(`accept: ${r.statusCode} ${r.body}`);
  }
  return assignmentId;
}

async function complete(assignmentId: string, actualMinutes: number, travelKm = 0) {
  const res = await desk.request('POST', `/api/v1/interpreting/assignments/${assignmentId}/complete`, { body: { actualMinutes, travelKm } });
  if (res.statusCode !== 200) throw new Error(`complete: ${res.statusCode} ${res.body}`);
}

async function cancel(requestId: string, travelKm = 0) {
  const res = await desk.request('POST', `/api/v1/interpreting/requests/${requestId}/cancel`, { body: { travelKm } });
  if (res.statusCode !== 200) throw new Error(`cancel: ${res.statusCode} ${res.body}`);
  return res.json() as { status: string; outcome: string };
}

describe('monthly billing from the stored charges (§4)', () => {
  let i1: string;
  let i2: string;
  it('invoices per organisation and statements per interpreter, Belgian month, Ukrainian-crisis lines at zero; JSON, CSV and PDF', async () => {
    t.clock.now = new Date('2023-10-02T07:00:00Z'); // Monday 09:00 in Brussels
    i1 = (await interpreter()).id;
    i2 = (await interpreter({ languages: [{ language: 'ar', variant: '', status: 'certified', channels: ['phone'] }] })).id;
    const a = await offer(await request({ startsAt: '2023-10-03T08:00:00Z' }), i1);
    const b = await offer(await request({ startsAt: '2023-10-03T11:00:00Z', ukraineCrisis: true }), i1);
    const cRequest = await request({ startsAt: '2023-10-04T08:00:00Z' });
    await offer(cRequest, i1);
    // 31 October 22:30 and 1 November 00:45 in Brussels (both 31 October in UTC): the first is October's, the second November's.
    const e = await offer(await request({ channel: 'phone', startsAt: '2023-10-31T21:30:00Z', address: undefined }), i2);
    const d = await offer(await request({ channel: 'phone', startsAt: '2023-10-31T23:45:00Z', address: undefined }), i2);

    t.clock.now = new Date('2023-10-03T09:00:00Z'); // Tuesday 11:00: too late to cancel Wednesday for free
    expect(await cancel(cRequest, 10)).toMatchObject({ status: 'not-completed', outcome: 'cancelled-late' });
    t.clock.now = new Date('2023-10-03T17:00:00Z');
    await complete(a, 80, 12);
    await complete(b, 60);
    t.clock.now = new Date('2023-11-01T03:00:00Z');
    await complete(e, 60);
    await complete(d, 60);

    const invoices = await get(desk, '/api/v1/interpreting/billing/invoices?month=2023-10');
    expect(invoices.statusCode).toBe(200);
    const [invoice, ...others] = invoices.json().items;
    expect(others).toEqual([]);
    // A: €8 + 2 quarters × €2 + 12 km × €0.33; B funded (€8 at tariff, charged 0); C late: €8 + 10 km; E phone: €8. D is November's.
    expect(invoice).toMatchObject({ number: 'F-2023-10-ocmw-brugge', organisation: { id: orgId, name: 'OCMW Brugge' }, assignments: 4, totalCents: 1596 + 0 + 1130 + 800, grossCents: 1596 + 800 + 1130 + 800, fundedCents: 800, ruleSetIds: ['stv-2022-03'] });
    const funded = invoice.lines.filter((l: { assignmentId: string }) => l.assignmentId === b);
    expect(funded).toEqual([expect.objectContaining({ code: 'first-hour', grossCents: 800, cents: 0, funded: true })]);
    expect(invoice.lines.some((l: { code: string }) => l.code === 'ukraine-funded')).toBe(false);
    expect(invoice.lines.filter((l: { kind: string }) => l.kind === 'late-cancellation').map((l: { code: string; cents: number }) => [l.code, l.cents])).toEqual([
      ['late-cancellation', 800],
      ['transport', 330],
    ]);
    expect(invoice.lines.map((l: { date: string }) => l.date)).toContain('2023-10-31');

    const statements = (await get(desk, '/api/v1/interpreting/billing/statements?month=2023-10')).json().items;
    const s1 = statements.find((s: { interpreter: { id: string } }) => s.interpreter.id === i1);
    const s2 = statements.find((s: { interpreter: { id: string } }) => s.interpreter.id === i2);
    // €48 an hour (80 min = €64) + travel; 60 min = €48 (funding does not change the pay); late cancellation €8 + travel.
    expect(s1.totalCents).toBe(6400 + 396 + 4800 + 800 + 330);
    expect(s2).toMatchObject({ totalCents: 4800, lines: [expect.objectContaining({ assignmentId: e, minutes: 60 })] });
    const november = (await get(desk, '/api/v1/interpreting/billing/statements?month=2023-11')).json().items;
    expect(november).toEqual([expect.objectContaining({ totalCents: 4800, lines: [expect.objectContaining({ assignmentId: d })] })]);

    const csv = await get(desk, '/api/v1/interpreting/billing/export.csv?month=2023-10');
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = csv.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(rows[0]).toBe('document;number;month;party_code;party_name;date;assignment;request;channel;language;kind;line;quantity;gross_eur;amount_eur;funding;rule_set');
    expect(rows).toContain(`invoice;F-2023-10-ocmw-brugge;2023-10;ocmw-brugge;OCMW Brugge;2023-10-03;${a};${invoice.lines.find((l: { assignmentId: string }) => l.assignmentId === a).requestId};on-site;ar;completed;transport;12;3,96;3,96;;stv-2022-03`);
    expect(rows.find((r) => r.includes(b))).toMatch(/;first-hour;1;8,00;0,00;ukraine-crisis;/);
    const invoiceRows = rows.filter((r) => r.startsWith('invoice;'));
    expect(invoiceRows).toHaveLength(invoice.lines.length);
    const sum = invoiceRows.reduce((s, r) => s + Math.round(Number(r.split(';')[14]!.replace(',', '.')) * 100), 0);
    expect(sum).toBe(invoice.totalCents);
    expect(rows.filter((r) => r.startsWith('statement;'))).toHaveLength(4);

    for (const url of ['/api/v1/interpreting/billing/invoices.pdf?month=2023-10', `/api/v1/interpreting/billing/statements.pdf?month=2023-10&interpreterId=${i1}`, '/api/v1/interpreting/billing/invoices.pdf?month=2022-01']) {
      const pdf = await get(desk, url);
      expect(pdf.statusCode, url).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect((await get(desk, `/api/v1/interpreting/billing/invoices.pdf?month=2023-10&organisationId=${i1}`)).statusCode).toBe(404);
  });

  it('is for the desk only, and checks the month', async () => {
    expect((await get(customer, '/api/v1/interpreting/billing/invoices?month=2023-10')).statusCode).toBe(403);
    expect((await get(desk, '/api/v1/interpreting/billing/invoices?month=2023-13')).statusCode).toBe(400);
  });
});

describe('calendars: the interpreter feed and the desk export (§5a, §5b)', () => {
  it('serves offered and accepted assignments at a secret URL; re-issuing the token ends the old URL', async () => {
    t.clock.now = new Date('2023-11-06T07:00:00Z');
    const me = await interpreter({}, true);
    const other = await interpreter({}, true);
    const f = await offer(await request({ startsAt: '2023-11-07T08:00:00Z', subject: 'Vertrouwelijk gesprek' }), me.id, false);
    const g = await offer(await request({ startsAt: '2023-11-08T08:00:00Z' }), me.id);

    expect((await post(other.user!, `/api/v1/interpreting/interpreters/${me.id}/calendar-token`)).statusCode).toBe(403);
    const issued = await post(me.user!, `/api/v1/interpreting/interpreters/${me.id}/calendar-token`);
    expect(issued.statusCode).toBe(201);
    const { token, path } = issued.json();
    expect(path).toBe(`/api/v1/interpreting/calendar/${token}.ics`);
    const [stored] = await queryRows<{ calendar_token_hash: string }>(t.db.owner, sql`select calendar_token_hash from interpreters where id = ${me.id}`);
    expect(stored!.calendar_token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.calendar_token_hash).not.toContain(token);

    const feed = await get(null, path);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const ics = feed.body.replace(/\r\n /g, '');
    expect(ics).toContain(`UID:interpreting-${f}@kruispunt`);
    expect(ics).toContain(`UID:interpreting-${g}@kruispunt`);
    expect(ics).toContain('STATUS:TENTATIVE');
    expect(ics).toContain('STATUS:CONFIRMED');
    expect(ics).toContain('DTSTART:20231107T080000Z');
    expect(ics).toContain('LOCATION:Kartuizerinnenstraat 4\\, 8000 Brugge');
    expect(ics).not.toContain('Vertrouwelijk');

    const again = (await post(desk, `/api/v1/interpreting/interpreters/${me.id}/calendar-token`)).json();
    expect((await get(null, path)).statusCode).toBe(404);
    expect((await get(null, again.path)).statusCode).toBe(200);
    expect((await get(null, '/api/v1/interpreting/calendar/not-a-token.ics')).statusCode).toBe(404);
    expect((await reports.inject({ method: 'DELETE', url: `/api/v1/interpreting/interpreters/${me.id}/calendar-token`, headers: { authorization: `Bearer ${desk.token}` } })).statusCode).toBe(200);
    expect((await get(null, again.path)).statusCode).toBe(404);

    const two = (await get(desk, '/api/v1/interpreting/assignments/export?days=2')).body.replace(/\r\n /g, '');
    expect(two).toContain(`UID:interpreting-${f}@kruispunt`);
    expect(two).not.toContain(`UID:interpreting-${g}@kruispunt`);
    expect(two).toContain('SUMMARY:Tolk ');
    const three = (await get(desk, '/api/v1/interpreting/assignments/export?days=3')).body;
    expect(three).toContain(`UID:interpreting-${g}@kruispunt`);
    expect((await get(customer, '/api/v1/interpreting/assignments/export?days=3')).statusCode).toBe(403);
  });
});

describe('the outbox under a mail-server outage (§5c)', () => {
  it('keeps messages queued with the error and backs off, then sends them when the server is back', async () => {
    const pending = async () => queryRows<{ id: string; attempts: number; last_error: string | null; next_attempt_at: string; sent_at: string | null }>(t.db.owner, sql`select id, attempts, last_error, next_attempt_at, sent_at from outbox_messages order by created_at`);
    const before = await pending();
    expect(before.length).toBeGreaterThan(0); // every offer queued one, without waiting for any mail server
    expect(before.every((m) => m.sent_at === null)).toBe(true);

    // The outbox rows carry the database's own time (next_attempt_at defaults to now()), so this clock runs from the real time.
    let now = new Date(Date.now() + 1000);
    const clock = () => new Date(now);
    const down: MailTransport = { kind: 'test', send: async () => { throw new Error('connect ECONNREFUSED 127.0.0.1:25'); } };
    const failed = await sendPendingMessages(t.db, down, clock);
    expect(failed).toEqual({ claimed: before.length, sent: 0, failed: before.length });
    const afterFailure = await pending();
    expect(afterFailure.every((m) => m.sent_at === null && m.attempts === 1 && m.last_error === 'connect ECONNREFUSED 127.0.0.1:25')).toBe(true);
    expect(afterFailure.every((m) => new Date(m.next_attempt_at).getTime() === now.getTime() + 60_000)).toBe(true);

    // Within the backoff nothing is due.
    const sent: MailMessage[] = [];
    const up: MailTransport = { kind: 'test', send: async (m) => void sent.push(m) };
    expect(await sendPendingMessages(t.db, up, clock)).toEqual({ claimed: 0, sent: 0, failed: 0 });

    now = new Date(now.getTime() + 2 * 60_000);
    expect(await sendPendingMessages(t.db, up, clock)).toEqual({ claimed: before.length, sent: before.length, failed: 0 });
    const afterRecovery = await pending();
    expect(afterRecovery.every((m) => m.sent_at !== null && m.attempts === 2 && m.last_error === null)).toBe(true);
    expect(sent[0]).toMatchObject({ to: expect.stringContaining('@example.be'), subject: 'Nieuwe tolkopdracht aangeboden: AR' });
    expect(sent[0]!.text).toContain('tolkenportaal');
    expect(await sendPendingMessages(t.db, up, clock)).toEqual({ claimed: 0, sent: 0, failed: 0 });
  });
});

describe('the published figures and the bottleneck languages (§6)', () => {
  it('counts each request once in the row of the table, by channel, language, sector and month, with the identities', async () => {
    t.clock.now = new Date('2025-03-03T07:00:00Z'); // Monday 08:00
    const i = (await interpreter()).id;
    const p1 = await offer(await request({ startsAt: '2025-03-04T08:00:00Z' }), i);
    const p2 = await request({ channel: 'phone', startsAt: '2025-03-04T10:00:00Z', address: undefined, sector: 'health' });
    await offer(p2, i);
    const p3 = await request({ channel: 'video', startsAt: '2025-03-06T10:00:00Z', address: undefined });
    await offer(p3, i);
    expect(await cancel(p3)).toMatchObject({ outcome: 'cancelled-on-time' });
    const p5 = await request({ startsAt: '2025-03-05T10:00:00Z' });
    await offer(p5, i, false);
    expect(await cancel(p5)).toMatchObject({ status: 'not-answered', outcome: 'other' });
    const p4 = await request({ language: 'ln', startsAt: '2025-03-05T12:00:00Z' });
    expect((await desk.request('POST', `/api/v1/interpreting/requests/${p4}/not-answered`, { body: { reason: 'language-unavailable' } })).statusCode).toBe(200);
    await offer(await request({ startsAt: '2025-03-07T10:00:00Z' }), i); // assigned: in progress
    await request({ startsAt: '2025-03-10T10:00:00Z' }); // open: in progress
    await request({ channel: 'translation', deadline: '2025-03-20', words: 800, address: undefined, sector: 'education' }); // open translation
    t.clock.now = new Date('2025-03-03T10:00:00Z');
    expect(await cancel(p2)).toMatchObject({ outcome: 'cancelled-late' });
    t.clock.now = new Date('2025-03-04T12:00:00Z');
    await complete(p1, 60);

    const res = await get(desk, '/api/v1/interpreting/figures?year=2025');
    expect(res.statusCode).toBe(200);
    const table = res.json();
    expect(table.byChannel.total).toEqual({
      requests: 8,
      answered: 3,
      completed: 1,
      notCompleted: 2,
      cancelledOnTime: 1,
      cancelledLate: 1,
      notAnswered: 2,
      interpreterOrLanguageUnavailable: 1,
      otherReason: 1,
      inProgress: 3,
    });
    expect(table.byChannel.phone).toMatchObject({ requests: 1, notCompleted: 1, cancelledLate: 1 });
    expect(table.byChannel.translation).toMatchObject({ requests: 1, inProgress: 1 });
    expect(table.byMonth).toHaveLength(12);
    expect(table.byMonth.find((m: { month: string }) => m.month === '2025-03').counts.requests).toBe(8);
    // March by channel: p1, p4, p5 and the two in progress on site; p2 by phone, p3 by video, one translation.
    expect(table.byMonth.find((m: { month: string }) => m.month === '2025-03').requestsByChannel).toEqual({ 'on-site': 5, 'phone': 1, 'video': 1, 'translation': 1 });
    expect(table.byMonth.find((m: { month: string }) => m.month === '2025-04').requestsByChannel).toEqual({ 'on-site': 0, 'phone': 0, 'video': 0, 'translation': 0 });
    expect(table.bySector.map((s: { sector: string; counts: { requests: number } }) => [s.sector, s.counts.requests])).toEqual([
      ['welfare', 6],
      ['education', 1],
      ['health', 1],
    ]);
    expect(table.byLanguage.find((l: { language: string }) => l.language === 'ln').counts).toMatchObject({ requests: 1, notAnswered: 1, interpreterOrLanguageUnavailable: 1 });
    // The 2023 requests of the billing test are 2023's, not 2025's.
    expect((await get(desk, '/api/v1/interpreting/figures?year=2024')).json().byChannel.total.requests).toBe(0);
    expect((await get(desk, '/api/v1/interpreting/figures?year=2023')).json().byChannel.total.requests).toBeGreaterThan(0);

    const bottleneck = (await get(desk, '/api/v1/interpreting/figures/bottleneck-languages?year=2025')).json();
    expect(bottleneck.items[0]).toEqual({
      language: 'ln',
      requests: 1,
      notAnswered: 1,
      unavailable: 1,
      unavailableShare: 1,
      interpreters: { certified: 0, sworn: 0, 'in-training': 0, crisis: 0, 'language-helper': 0, total: 0 },
      unavailablePerInterpreter: null,
    });
    expect(bottleneck.items[1]).toMatchObject({ language: 'ar', notAnswered: 1, unavailable: 0, interpreters: { certified: count, total: count } });
    expect((await get(customer, '/api/v1/interpreting/figures?year=2025')).statusCode).toBe(403);
  });
});
