import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGII, createTestApp, type Caller, type TestApp } from '../../testing/test-app';

let t: TestApp;
let desk: Caller;
let customer: Caller;
let customerOrgId: string;

// Monday 7 October 2024, 09:00 in Brussels.
const NOW = new Date('2024-10-07T07:00:00Z');

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = NOW;
  desk = await t.user(['interpreting-desk']);
  const org = await t.admin.request('POST', '/api/v1/organisations', { body: { name: 'AZ Sint-Jan', code: 'az-sint-jan', partnerType: 'interpreter-customer' } });
  expect(org.statusCode).toBe(201);
  customerOrgId = org.json().id;
  customer = await t.user(['interpreting-customer'], { organisationId: customerOrgId });
});
afterAll(async () => {
  await t?.close();
});

let interpreterCount = 0;
async function interpreter(overrides: Record<string, unknown> = {}, withUser = false) {
  interpreterCount += 1;
  const user = withUser ? await t.user(['interpreter']) : null;
  const res = await desk.request('POST', '/api/v1/interpreting/interpreters', {
    body: {
      name: `Tolk ${String.fromCharCode(64 + interpreterCount)}`,
      email: `tolk${interpreterCount}@example.be`,
      region: 'WV',
      latitude: 51.2093,
      longitude: 3.2247,
      languages: [{ language: 'ar', variant: 'levantine', status: 'certified', channels: ['on-site', 'phone', 'video'] }],
      availability: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, starts: '08:00', ends: '18:00' })),
      ...(user ? { userId: user.userId } : {}),
      ...overrides,
    },
  });
  if (res.statusCode !== 201) throw new Error(`interpreter: ${res.statusCode} ${res.body}`);
  return { ...(res.json() as { id: string }), user };
}

const onSite = (overrides: Record<string, unknown> = {}) => ({
  channel: 'on-site',
  language: 'ar',
  variant: 'levantine',
  startsAt: '2024-10-07T09:00:00Z',
  expectedMinutes: 60,
  address: { street: 'Ruddershove', houseNumber: '10', postalCode: '8000', municipality: 'Brugge' },
  latitude: 51.2,
  longitude: 3.24,
  region: 'WV',
  sector: 'health',
  subject: 'Consultatie pediatrie',
  sensitive: true,
  ...overrides,
});

async function request(body: Record<string, unknown> = {}) {
  const res = await customer.request('POST', '/api/v1/interpreting/requests', { body: onSite(body) });
  if (res.statusCode !== 201) throw new Error(`request: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; status: string };
}

describe('interpreting requests from customer to completed (issue 5 §1, §3, §4)', () => {
  it('ranks qualified interpreters with reasons, refuses an uncertified one for a sensitive talk, and completes with the charge of the date', async () => {
    const near = await interpreter({}, true);
    const far = await interpreter({ latitude: 50.85, longitude: 4.35, maxTravelKm: 200 });
    const helper = await interpreter({ languages: [{ language: 'ar', variant: 'levantine', status: 'language-helper', channels: ['on-site'] }] });
    const r = await request();
    expect(r.status).toBe('open');

    const ranked = (await desk.request('GET', `/api/v1/interpreting/requests/${r.id}/candidates`)).json();
    expect(ranked.ranked.map((c: { interpreterId: string }) => c.interpreterId).slice(0, 2)).toEqual([near.id, far.id]);
    expect(ranked.ranked[0].reasons.map((x: { code: string }) => x.code)).toEqual(expect.arrayContaining(['variant-match', 'certified', 'distance', 'reliability']));
    expect(ranked.excluded.status).toBeGreaterThanOrEqual(1);

    const wrong = await desk.request('POST', `/api/v1/interpreting/requests/${r.id}/offer`, { body: { interpreterId: helper.id } });
    expect(wrong.json()).toMatchObject({ status: 422, rule: 'R-26', refusal: 'interpreter-status' });

    const offered = await desk.request('POST', `/api/v1/interpreting/requests/${r.id}/offer`, { body: { interpreterId: near.id } });
    expect(offered.statusCode).toBe(200);
    // The pending offer does not make its own interpreter look busy for this request.
    const again = (await desk.request('GET', `/api/v1/interpreting/requests/${r.id}/candidates`)).json();
    expect(again.ranked.map((c: { interpreterId: string }) => c.interpreterId)).toContain(near.id);
    const mine = (await near.user!.request('GET', '/api/v1/interpreting/my-assignments')).json();
    const assignment = mine.items.find((a: { requestId: string }) => a.requestId === r.id);
    expect(assignment).toMatchObject({ status: 'offered', language: 'ar' });
    const accepted = await near.user!.request('POST', `/api/v1/interpreting/assignments/${assignment.id}/respond`, { body: { accept: true } });
    expect(accepted.json().status).toBe('accepted');
    expect((await customer.request('GET', `/api/v1/interpreting/requests/${r.id}`)).json()).toMatchObject({ status: 'assigned', tableRow: 'in-progress' });

    const early = await near.user!.request('POST', `/api/v1/interpreting/assignments/${assignment.id}/complete`, { body: { actualMinutes: 80, travelKm: 12 } });
    expect(early.json().refusal).toBe('assignment-in-future');
    // Sessions last eight hours, so the test stays within the day.
    t.clock.now = new Date('2024-10-07T11:00:00Z');
    const done = await near.user!.request('POST', `/api/v1/interpreting/assignments/${assignment.id}/complete`, { body: { actualMinutes: 80, travelKm: 12 } });
    // STV-05: €8 first hour + 2 started quarters × €2 + 12 km × €0.33.
    expect(done.json().charge).toMatchObject({ customerCents: 800 + 400 + 396, ruleSetId: 'stv-2022-03' });
    expect((await customer.request('GET', `/api/v1/interpreting/requests/${r.id}`)).json()).toMatchObject({ status: 'completed', tableRow: 'completed', customerName: 'AZ Sint-Jan' });
    const portal = (await near.user!.request('GET', '/api/v1/interpreting/my-assignments')).json();
    expect(portal.items.find((a: { id: string }) => a.id === assignment.id).charge).toMatchObject({ customerCents: 1596 });
    t.clock.now = NOW;
  });

  it('two desk users offering the same interpreter overlapping work at once: only one succeeds', async () => {
    const only = await interpreter({ languages: [{ language: 'ti', variant: '', status: 'certified', channels: ['phone'] }] });
    const a = await request({ channel: 'phone', language: 'ti', variant: '', startsAt: '2024-10-11T08:00:00Z', expectedMinutes: 60 });
    const b = await request({ channel: 'phone', language: 'ti', variant: '', startsAt: '2024-10-11T08:30:00Z', expectedMinutes: 60 });
    const other = await t.user(['interpreting-desk']);
    const results = await Promise.all([
      desk.request('POST', `/api/v1/interpreting/requests/${a.id}/offer`, { body: { interpreterId: only.id } }),
      other.request('POST', `/api/v1/interpreting/requests/${b.id}/offer`, { body: { interpreterId: only.id } }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 422]);
    expect(results.find((r) => r.statusCode === 422)!.json().refusal).toBe('interpreter-overlap');
  });

  it('cancellation on time or late by STV-08, and the table identities', async () => {
    const i = await interpreter({}, true);
    const r = await request({ startsAt: '2024-10-08T08:00:00Z' }); // Tuesday 10:00
    await desk.request('POST', `/api/v1/interpreting/requests/${r.id}/offer`, { body: { interpreterId: i.id } });
    const offer = (await i.user!.request('GET', '/api/v1/interpreting/my-assignments')).json().items.find((x: { requestId: string }) => x.requestId === r.id);
    await i.user!.request('POST', `/api/v1/interpreting/assignments/${offer.id}/respond`, { body: { accept: true } });
    // Monday 7 October 11:00 is after 10:00 on the working day before Tuesday: late.
    t.clock.now = new Date('2024-10-07T09:00:00Z');
    const cancelled = (await customer.request('POST', `/api/v1/interpreting/requests/${r.id}/cancel`, { body: {} })).json();
    expect(cancelled).toMatchObject({ status: 'not-completed', outcome: 'cancelled-late', cancelledBy: 'customer', tableRow: 'not-completed' });
    t.clock.now = NOW;
    const onTime = await request({ startsAt: '2024-10-09T08:00:00Z' });
    expect((await customer.request('POST', `/api/v1/interpreting/requests/${onTime.id}/cancel`, { body: {} })).json()).toMatchObject({ status: 'not-answered', outcome: 'other' });
    const nobody = await request({ language: 'ln', variant: '', startsAt: '2024-10-16T08:00:00Z' });
    expect((await desk.request('POST', `/api/v1/interpreting/requests/${nobody.id}/not-answered`, { body: { reason: 'language-unavailable' } })).json()).toMatchObject({ tableRow: 'not-answered-unavailable' });
  });

  it('an interpreter who withdraws lets the request down: it goes back to the desk open, and the ranking shows the month and the reliability', async () => {
    const language = { language: 'so', variant: '', status: 'certified', channels: ['phone'] };
    const i = await interpreter({ languages: [language] }, true);
    const reasonsOf = async (requestId: string) => {
      const ranked = (await desk.request('GET', `/api/v1/interpreting/requests/${requestId}/candidates`)).json();
      const mine = ranked.ranked.find((c: { interpreterId: string }) => c.interpreterId === i.id);
      return Object.fromEntries(mine.reasons.map((x: { code: string; value?: number }) => [x.code, x.value]));
    };
    const offerTo = async (startsAt: string) => {
      const r = await request({ channel: 'phone', language: 'so', variant: '', startsAt, expectedMinutes: 90 });
      await desk.request('POST', `/api/v1/interpreting/requests/${r.id}/offer`, { body: { interpreterId: i.id } });
      const offer = (await i.user!.request('GET', '/api/v1/interpreting/my-assignments')).json().items.find((x: { requestId: string }) => x.requestId === r.id);
      return { request: r, offer };
    };
    const first = await offerTo('2024-10-14T08:00:00Z');
    await i.user!.request('POST', `/api/v1/interpreting/assignments/${first.offer.id}/respond`, { body: { accept: true } });
    const probe = await request({ channel: 'phone', language: 'so', variant: '', startsAt: '2024-10-21T08:00:00Z', expectedMinutes: 30 });
    // One accepted offer of 90 minutes this month, none let down.
    expect(await reasonsOf(probe.id)).toMatchObject({ 'fair-spread': 90, reliability: 1 });

    const stranger = await t.user(['interpreter']);
    expect((await stranger.request('POST', `/api/v1/interpreting/assignments/${first.offer.id}/withdraw`)).statusCode).toBe(404);
    const withdrawn = await i.user!.request('POST', `/api/v1/interpreting/assignments/${first.offer.id}/withdraw`);
    expect(withdrawn.json()).toMatchObject({ status: 'cancelled' });
    expect((await customer.request('GET', `/api/v1/interpreting/requests/${first.request.id}`)).json()).toMatchObject({ status: 'open', tableRow: 'in-progress' });
    const twice = await i.user!.request('POST', `/api/v1/interpreting/assignments/${first.offer.id}/withdraw`);
    expect(twice.json()).toMatchObject({ status: 422, refusal: 'assignment-not-accepted' });
    // The withdrawn minutes leave the month; the let-down counts against reliability.
    expect(await reasonsOf(probe.id)).toMatchObject({ 'fair-spread': 0, reliability: 0 });

    const second = await offerTo('2024-10-15T08:00:00Z');
    await i.user!.request('POST', `/api/v1/interpreting/assignments/${second.offer.id}/respond`, { body: { accept: false } });
    const third = await offerTo('2024-10-16T08:00:00Z');
    await i.user!.request('POST', `/api/v1/interpreting/assignments/${third.offer.id}/respond`, { body: { accept: true } });
    // Three offers, two let down (the withdrawal and the refusal).
    expect(await reasonsOf(probe.id)).toMatchObject({ 'fair-spread': 90, reliability: 0.33 });
    // The desk can offer the withdrawn request again.
    const reoffer = await desk.request('POST', `/api/v1/interpreting/requests/${first.request.id}/offer`, { body: { interpreterId: i.id } });
    expect(reoffer.statusCode).toBe(200);
  });

  it('refuses bad input with a clear problem', async () => {
    const past = await customer.request('POST', '/api/v1/interpreting/requests', { body: onSite({ startsAt: '2024-10-07T06:00:00Z' }) });
    expect(past.json()).toMatchObject({ status: 422, refusal: 'request-in-past' });
    const unknown = await customer.request('POST', '/api/v1/interpreting/requests', { body: onSite({ language: 'qqq' }) });
    expect(unknown.json().errors[0]).toMatchObject({ field: 'language', code: 'language-unknown' });
    const { address: _address, ...noAddress } = onSite();
    const homeless = await customer.request('POST', '/api/v1/interpreting/requests', { body: noAddress });
    expect(homeless.json().errors[0]).toMatchObject({ field: 'address', code: 'on-site-needs-address' });
    const absurd = await customer.request('POST', '/api/v1/interpreting/requests', { body: onSite({ expectedMinutes: -5 }) });
    expect(absurd.statusCode).toBe(400);
    const ghost = await desk.request('POST', '/api/v1/interpreting/interpreters', {
      body: { name: 'Spook', email: 'spook@example.be', languages: [{ language: 'ar', status: 'crisis', channels: ['phone'] }], userId: '00000000-0000-4000-8000-00000000dead' },
    });
    expect(ghost.json().errors[0]).toMatchObject({ field: 'userId', code: 'user-unknown' });
    const otherCustomer = await t.user(['interpreting-customer'], { organisationId: AGII });
    const r = await request();
    expect((await otherCustomer.request('GET', `/api/v1/interpreting/requests/${r.id}`)).statusCode).toBe(404);
  });
});
