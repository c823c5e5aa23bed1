import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../platform/db/database';
import { ATLAS, createTestApp, makeInsz, type Caller, type TestApp } from '../../testing/test-app';

let t: TestApp;
let worker: Caller;

const arabic = { givenNames: 'محمد', familyName: 'الحسن', birthDate: '1990-05-14' };

beforeAll(async () => {
  t = await createTestApp();
  worker = await t.user(['case-worker']);
});
afterAll(async () => {
  await t?.close();
});

const create = (body: object, headers: Record<string, string> = {}) => worker.request('POST', '/api/v1/persons', { body, headers });

describe('person registry: create, find, read, update (issue 2 §5, §7)', () => {
  it('keeps the original script beside a Latin transliteration, derives the region, and finds the person in either script', async () => {
    const res = await create({
      ...arabic,
      insz: makeInsz('1990-05-14', 101),
      motherTongue: 'ar',
      contactLanguages: ['fr', 'en'],
      nationality: 'SY',
      address: { street: 'Lange Nieuwstraat', houseNumber: '12', postalCode: '2000', municipalityNis: '11002' },
    });
    expect(res.statusCode).toBe(201);
    const person = res.json();
    expect(person.givenNames).toBe('محمد');
    expect(person.givenNamesLatin).toMatch(/^[A-Za-z' -]+$/);
    expect(person.nameScript).toBe('arabic');
    expect(person.region).toBe('ANT');
    expect(person.responsibleAgency).toBe('atlas');
    expect(person.address.municipalityName).toBe('Antwerpen');
    expect(res.headers.etag).toBe('"1"');
    expect(res.headers.location).toBe(`/api/v1/persons/${person.id}`);

    const byLatin = await worker.request('GET', `/api/v1/persons?q=${encodeURIComponent(person.familyNameLatin.slice(0, 4))}`);
    expect(byLatin.json().items.map((p: { id: string }) => p.id)).toContain(person.id);
    const byArabic = await worker.request('GET', `/api/v1/persons?q=${encodeURIComponent('الحسن')}`);
    expect(byArabic.json().items.map((p: { id: string }) => p.id)).toContain(person.id);
    const byInsz = await worker.request('GET', `/api/v1/persons?q=${person.inszFormatted}`);
    expect(byInsz.json().items).toHaveLength(1);
    const byBirthDate = await worker.request('GET', '/api/v1/persons?q=14/05/1990');
    expect(byBirthDate.json().items.map((p: { id: string }) => p.id)).toContain(person.id);
  });

  it('finds Cyrillic names by their Latin spelling and Latin names by a spelling variant', async () => {
    const olek = (await create({ givenNames: 'Олександр', familyName: 'Шевченко', birthDate: '1985-02-03' })).json();
    const found = await worker.request('GET', '/api/v1/persons?q=shevchenko');
    expect(found.json().items.map((p: { id: string }) => p.id)).toContain(olek.id);
    const mohamed = (await create({ givenNames: 'Mohamed', familyName: 'Benali', birthDate: '1979-11-30' })).json();
    const variant = await worker.request('GET', '/api/v1/persons?q=Mohammed%20Benali');
    expect(variant.json().items.map((p: { id: string }) => p.id)).toContain(mohamed.id);
  });

  it('updates with If-Match, journals the change, and refuses a stale version with 409', async () => {
    const person = (await create({ givenNames: 'Tesfaye', familyName: 'Haile', birthDate: '1995-01-20' })).json();
    const got = await worker.request('GET', `/api/v1/persons/${person.id}`);
    expect(got.headers.etag).toBe('"1"');
    const noIfMatch = await worker.request('PATCH', `/api/v1/persons/${person.id}`, { body: { phone: '+32 470 12 34 56' } });
    expect(noIfMatch.statusCode).toBe(428);
    const changed = await worker.request('PATCH', `/api/v1/persons/${person.id}`, { body: { phone: '+32 470 12 34 56' }, headers: { 'if-match': '"1"' } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ phone: '+32 470 12 34 56', version: 2 });
    const stale = await worker.request('PATCH', `/api/v1/persons/${person.id}`, { body: { phone: '+32 470 99 99 99' }, headers: { 'if-match': '"1"' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().type).toBe('urn:kruispunt:problem:version-conflict');
    expect((await worker.request('GET', `/api/v1/persons/${person.id}`)).json().phone).toBe('+32 470 12 34 56');
    const journal = await withTenant(t.db, { tenantId: (await worker.request('GET', '/api/v1/session')).json().user.tenantId, userId: null, purpose: 'administration' }, (tx) =>
      tx.execute(sql`select entry_type, payload from journal_entries where dossier_id = ${person.id} order by id`),
    );
    const entries = (journal as unknown as { rows: { entry_type: string; payload: { old: object; new: object } }[] }).rows;
    expect(entries.map((e) => e.entry_type)).toEqual(['person.registered', 'person.changed']);
    expect(entries[1]!.payload.old).toEqual({ phone: null });
    expect(entries[1]!.payload.new).toEqual({ phone: '+32 470 12 34 56' });
  });

  it('a changed name is found by the new name and no longer by the old one', async () => {
    const person = (await create({ givenNames: 'Hamid', familyName: 'Oldname', birthDate: '1975-04-04' })).json();
    const renamed = await worker.request('PATCH', `/api/v1/persons/${person.id}`, { body: { familyName: 'Newname' }, headers: { 'if-match': '"1"' } });
    expect(renamed.json().familyNameLatin).toBe('Newname');
    expect((await worker.request('GET', '/api/v1/persons?q=oldname')).json().items).toEqual([]);
    expect((await worker.request('GET', '/api/v1/persons?q=hamid%20newn')).json().items.map((p: { id: string }) => p.id)).toEqual([person.id]);
  });

  it('an unknown person is 404 problem+json', async () => {
    const res = await worker.request('GET', `/api/v1/persons/${randomUUID()}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().type).toBe('urn:kruispunt:problem:not-found');
  });
});

describe('bad input is a 4xx problem naming the field, and nothing is saved (issue 2, bad input)', () => {
  const cases: [string, object, string, string][] = [
    ['invalid INSZ check digits', { givenNames: 'A', familyName: 'B', insz: '85073003329' }, 'insz', 'insz-checksum'],
    ['INSZ that contradicts the birth date', { givenNames: 'A', familyName: 'B', insz: makeInsz('1985-07-30', 33), birthDate: '1985-07-31' }, 'insz', 'insz-birth-date-mismatch'],
    ['impossible date', { givenNames: 'A', familyName: 'B', birthDate: '2023-02-30' }, 'birthDate', 'format-date'],
    ['birth date in the future', { givenNames: 'A', familyName: 'B', birthDate: '2099-01-01' }, 'birthDate', 'birth-date-out-of-range'],
    ['script injection in a name', { givenNames: '<script>alert(1)</script>', familyName: 'B' }, 'givenNames', 'name-characters'],
    ['a very long name', { givenNames: 'A'.repeat(201), familyName: 'B' }, 'givenNames', 'too-long'],
    ['an unknown field', { givenNames: 'A', familyName: 'B', shoeSize: 44 }, 'shoeSize', 'unknown-field'],
    ['a missing required field', { familyName: 'B' }, 'givenNames', 'required'],
    ['a wrong type', { givenNames: 42, familyName: 'B' }, 'givenNames', 'wrong-type'],
    ['an unknown language code', { givenNames: 'A', familyName: 'B', motherTongue: 'qq' }, 'motherTongue', 'unknown-language'],
    ['an unknown municipality', { givenNames: 'A', familyName: 'B', address: { street: 'Rue', houseNumber: '1', postalCode: '4000', municipalityNis: '62063' } }, 'address.municipalityNis', 'unknown-municipality'],
  ];
  it.each(cases)('%s', async (_name, body, field, code) => {
    const before = (await worker.request('GET', '/api/v1/persons?q=B')).json().items.length;
    const res = await create(body);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json();
    expect(problem.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]));
    expect(problem.errors.find((e: { field: string }) => e.field === field).message).not.toMatch(/^field\./);
    expect(JSON.stringify(problem)).not.toMatch(/at .*\.ts:\d+/);
    expect((await worker.request('GET', '/api/v1/persons?q=B')).json().items.length).toBe(before);
  });

  it('malformed JSON, an oversized body and a wrong content type are clear problems', async () => {
    const auth = { authorization: `Bearer ${worker.token}`, 'content-type': 'application/json' };
    const malformed = await t.app.inject({ method: 'POST', url: '/api/v1/persons', headers: auth, payload: '{"givenNames": "A",' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().type).toBe('urn:kruispunt:problem:malformed-json');
    const huge = await t.app.inject({ method: 'POST', url: '/api/v1/persons', headers: auth, payload: JSON.stringify({ givenNames: 'A'.repeat(300_000), familyName: 'B' }) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().type).toBe('urn:kruispunt:problem:payload-too-large');
    const text = await t.app.inject({ method: 'POST', url: '/api/v1/persons', headers: { ...auth, 'content-type': 'text/plain' }, payload: 'hello' });
    expect(text.statusCode).toBe(415);
  });

  it('answers in the caller’s language', async () => {
    const res = await create({ givenNames: 'A', familyName: 'B', insz: '12345678901' }, { 'accept-language': 'en' });
    expect(res.json().title).toBe('The data is not valid');
    expect(res.json().errors[0].message).toMatch(/national register number/);
  });
});

describe('possible duplicates are flagged before saving, with the candidates (issue 2 §5)', () => {
  it('same birth date and a similar name in another script: 409 with candidates; acknowledged, it saves and links', async () => {
    const first = (await create({ givenNames: 'Ahmad', familyName: 'Karimi', birthDate: '1988-03-21' })).json();
    const second = await create({ givenNames: 'احمد', familyName: 'کریمی', birthDate: '1988-03-21' });
    expect(second.statusCode).toBe(409);
    const problem = second.json();
    expect(problem.type).toBe('urn:kruispunt:problem:possible-duplicate');
    expect(problem.candidates[0]).toMatchObject({ id: first.id, reasons: ['same-birth-date-similar-name'] });
    const acknowledged = await create({ givenNames: 'احمد', familyName: 'کریمی', birthDate: '1988-03-21', acknowledgedDuplicateIds: [first.id] });
    expect(acknowledged.statusCode).toBe(201);
  });

  it('the same INSZ is always a duplicate and cannot be acknowledged away', async () => {
    const insz = makeInsz('1970-12-01', 55);
    const first = (await create({ givenNames: 'Jan', familyName: 'Peeters', insz })).json();
    const again = await create({ givenNames: 'Johan', familyName: 'Pieters', insz, acknowledgedDuplicateIds: [first.id] });
    expect(again.statusCode).toBe(409);
    expect(again.json().candidates[0].reasons).toContain('same-insz');
  });

  it('an INSZ held by another agency is refused without revealing that person', async () => {
    const insz = makeInsz('1966-06-06', 66);
    const atlasAdmin = await t.agencyAdmin('atlas');
    const atlasWorker = await t.user(['case-worker'], { organisationId: ATLAS, as: atlasAdmin });
    expect((await atlasWorker.request('POST', '/api/v1/persons', { body: { givenNames: 'Els', familyName: 'Claes', insz } })).statusCode).toBe(201);
    const res = await create({ givenNames: 'Els', familyName: 'Claes', insz });
    expect(res.statusCode).toBe(409);
    expect(res.json().type).toBe('urn:kruispunt:problem:insz-taken');
    expect(res.json()).not.toHaveProperty('candidates');
  });
});

describe('idempotent writes (issue 2 §7)', () => {
  it('a retried create with the same Idempotency-Key creates once and replays the answer', async () => {
    const key = randomUUID();
    const body = { givenNames: 'Idem', familyName: 'Potent', birthDate: '2001-01-01' };
    const a = await create(body, { 'idempotency-key': key });
    const b = await create(body, { 'idempotency-key': key });
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.json().id).toBe(a.json().id);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect((await worker.request('GET', '/api/v1/persons?q=potent')).json().items).toHaveLength(1);
    const other = await create({ ...body, givenNames: 'Other' }, { 'idempotency-key': key });
    expect(other.statusCode).toBe(422);
  });

  it('a failed write releases the key so that the corrected retry goes through', async () => {
    const key = randomUUID();
    expect((await create({ givenNames: 'Re', familyName: 'Try', birthDate: '2023-02-30' }, { 'idempotency-key': key })).statusCode).toBe(400);
  });
});

describe('merge and unmerge (issue 2 §5)', () => {
  it('a merge fills the survivor’s gaps, hides the duplicate from search, and is reversible', async () => {
    const insz = makeInsz('1992-08-08', 88);
    const survivor = (await create({ givenNames: 'Olena', familyName: 'Koval', birthDate: '1992-08-08' })).json();
    const duplicate = (await create({ givenNames: 'Олена', familyName: 'Коваль', birthDate: '1992-08-08', insz, phone: '+32 499 00 00 00', acknowledgedDuplicateIds: [survivor.id] })).json();
    const merged = await worker.request('POST', `/api/v1/persons/${duplicate.id}/merge`, { body: { intoId: survivor.id, reason: 'same person, two sign-ups' } });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ id: survivor.id, insz, phone: '+32 499 00 00 00' });
    expect((await worker.request('GET', `/api/v1/persons/${duplicate.id}`)).json().mergedIntoId).toBe(survivor.id);
    const search = (await worker.request('GET', '/api/v1/persons?q=koval')).json().items.map((p: { id: string }) => p.id);
    expect(search).toEqual([survivor.id]);
    const again = await worker.request('POST', `/api/v1/persons/${duplicate.id}/merge`, { body: { intoId: survivor.id, reason: 'again' } });
    expect(again.statusCode).toBe(409);

    const undone = await worker.request('POST', `/api/v1/persons/${duplicate.id}/unmerge`, { body: { reason: 'two different people after all' } });
    expect(undone.statusCode).toBe(200);
    expect(undone.json()).toMatchObject({ id: duplicate.id, mergedIntoId: null, insz });
    const restored = (await worker.request('GET', `/api/v1/persons/${survivor.id}`)).json();
    expect(restored).toMatchObject({ insz: null, phone: null });
  });
});

describe('audit: every read and change is logged with who, organisation, role and purpose (issue 2 §6)', () => {
  it('the data-protection officer lists who accessed a person; others may not', async () => {
    const person = (await create({ givenNames: 'Amina', familyName: 'Yusuf', birthDate: '1999-09-09' })).json();
    await worker.request('GET', `/api/v1/persons/${person.id}`);
    const dpo = await t.user(['data-protection-officer']);
    const log = await dpo.request('GET', `/api/v1/persons/${person.id}/access-log`);
    expect(log.statusCode).toBe(200);
    const items = log.json().items;
    expect(items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['create', 'read']));
    const read = items.find((e: { action: string }) => e.action === 'read');
    expect(read).toMatchObject({ purpose: 'trajectory-guidance', actor: { userId: worker.userId, roles: ['case-worker'], organisationName: 'Agentschap Integratie en Inburgering' } });
    expect(JSON.stringify(items)).not.toContain('Yusuf');
    expect((await worker.request('GET', `/api/v1/persons/${person.id}/access-log`)).statusCode).toBe(403);
  });

  it('an administrator exports the log for a period as CSV', async () => {
    // occurred_at is the database's own time, not the test clock.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const res = await t.admin.request('GET', `/api/v1/audit-events?from=${day(-1)}&to=${day(1)}&format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toBe('id,occurredAt,actorUserId,actorName,actorToken,organisation,roles,purpose,action,subjectType,subjectId,summary');
    expect(lines.length).toBeGreaterThan(5);
    const backwards = await t.admin.request('GET', '/api/v1/audit-events?from=2026-03-31&to=2026-03-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].code).toBe('period-ends-before-start');
  });

  it('the log is append-only, for the application role and even for the owner', async () => {
    const tenantId = (await worker.request('GET', '/api/v1/session')).json().user.tenantId;
    await expect(
      withTenant(t.db, { tenantId, userId: null, purpose: 'administration' }, (tx) => tx.execute(sql`update audit_events set summary = 'x'`)),
    ).rejects.toThrow();
    const causeOf = (p: Promise<unknown>) => p.then(() => 'no error', (e: Error & { cause?: Error }) => (e.cause ?? e).message);
    expect(await causeOf(t.db.owner.execute(sql`delete from audit_events`))).toMatch(/append-only/);
    expect(await causeOf(t.db.owner.execute(sql`update journal_entries set entry_type = 'x'`))).toMatch(/append-only/);
  });
});

describe('tenancy: one agency’s data is invisible to another, enforced by row-level security (issue 2 §4)', () => {
  it('an Antwerp user neither finds nor reads a person of the Flemish agency', async () => {
    const person = (await create({ givenNames: 'Secret', familyName: 'Tenantson', birthDate: '1980-01-01' })).json();
    const atlasAdmin = await t.agencyAdmin('atlas');
    const atlasWorker = await t.user(['case-worker'], { organisationId: ATLAS, as: atlasAdmin });
    expect((await atlasWorker.request('GET', `/api/v1/persons/${person.id}`)).statusCode).toBe(404);
    expect((await atlasWorker.request('GET', '/api/v1/persons?q=tenantson')).json().items).toEqual([]);
    expect((await atlasAdmin.request('GET', '/api/v1/users')).json().items.every((u: { tenantId: string }) => u.tenantId === ATLAS)).toBe(true);
  });

  it('the database itself hides other tenants’ rows and refuses writes into them, without any query filter', async () => {
    const scope = { tenantId: ATLAS, userId: null, purpose: 'administration' };
    const rows = await withTenant(t.db, scope, (tx) => tx.execute(sql`select tenant_id from persons`));
    const tenants = new Set((rows as unknown as { rows: { tenant_id: string }[] }).rows.map((r) => r.tenant_id));
    expect([...tenants].every((x) => x === ATLAS)).toBe(true);
    const everyone = await t.db.owner.execute(sql`select count(distinct tenant_id)::int as n from persons`);
    expect((everyone as unknown as { rows: { n: number }[] }).rows[0]!.n).toBeGreaterThan(1);
    await expect(
      withTenant(t.db, scope, (tx) =>
        tx.execute(sql`insert into persons (id, tenant_id, given_names, family_name, given_names_latin, family_name_latin, name_script, search_text)
          values (gen_random_uuid(), '00000000-0000-4000-8000-000000000001', 'X', 'Y', 'X', 'Y', 'latin', 'x y')`),
      ),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/row-level security/) } });
  });
});
