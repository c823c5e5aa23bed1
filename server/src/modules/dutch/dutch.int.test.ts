import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/database';
import { ATLAS, createTestApp, makeInsz, type Caller, type TestApp } from '../../testing/test-app';
import { INTAKE } from '../../testing/dossier-fixtures';

let t: TestApp;
let consultant: Caller;
let worker: Caller;
let cvo: { id: string; user: Caller };
let cbe: { id: string; user: Caller };
let personCount = 0;

async function providerOrganisation(code: string, name: string) {
  const res = await t.admin.request('POST', '/api/v1/organisations', { body: { code, name, partnerType: 'dutch-course-provider' } });
  expect(res.statusCode).toBe(201);
  const id = res.json().id as string;
  return { id, user: await t.user(['course-provider'], { organisationId: id }) };
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2024-06-03T09:00:00Z');
  consultant = await t.user(['dutch-learning-consultant']);
  worker = await t.user(['case-worker']);
  cvo = await providerOrganisation('cvo-test', 'CVO Test');
  cbe = await providerOrganisation('cbe-test', 'CBE Test');
});
afterAll(async () => {
  await t?.close();
});

async function newPerson(): Promise<{ id: string }> {
  personCount += 1;
  const birthDate = `${1950 + (personCount % 45)}-${String(1 + Math.floor(personCount / 45)).padStart(2, '0')}-15`;
  const res = await consultant.request('POST', '/api/v1/persons', {
    body: {
      givenNames: 'Nadia',
      familyName: `Nt${[...String(personCount)].map((d) => String.fromCharCode(97 + Number(d))).join('')}`,
      birthDate,
      insz: makeInsz(birthDate, 301),
      address: { street: 'Kerkstraat', houseNumber: '1', postalCode: '9300', municipalityNis: '41002' },
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

async function ok(res: { statusCode: number; body: string; json(): any }, status = 201) {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res.json();
}

async function conversation(personId: string, kind = 'nt2-gesprek') {
  return ok(
    await consultant.request('POST', '/api/v1/nt2/conversations', {
      body: { personId, kind, startsAt: '2024-05-06T08:30:00Z', endsAt: '2024-05-06T09:30:00Z', location: 'Kouter 1, Gent' },
    }),
  );
}

async function advised(personId: string, adviceType: string) {
  const c = await conversation(personId);
  return ok(await consultant.request('POST', `/api/v1/nt2/conversations/${c.id}/advice`, { body: { adviceType, advisedOn: '2024-05-06' } }));
}

async function module(provider: { id: string; user: Caller }, body: object) {
  return ok(await provider.user.request('POST', `/api/v1/nt2/providers/${provider.id}/modules`, { body }));
}

async function startMoment(provider: { user: Caller }, moduleId: string, capacity: number, startsOn = '2024-09-02', endsOn?: string) {
  return ok(await provider.user.request('POST', `/api/v1/nt2/modules/${moduleId}/start-moments`, { body: { startsOn, capacity, ...(endsOn ? { endsOn } : {}) } }));
}

const place = (personId: string, startMomentId: string, headers?: Record<string, string>) =>
  consultant.request('POST', '/api/v1/nt2/placements', { body: { personId, startMomentId }, ...(headers ? { headers } : {}) });

const journalTypes = async (dossierId: string) =>
  (await queryRows<{ entry_type: string }>(t.db.owner, sql`select entry_type from journal_entries where dossier_id = ${dossierId} order by id`)).map((r) => r.entry_type);


async function act(dossier: { id: string; version: number }, type: string, body: object) {
  return ok(await worker.request('POST', `/api/v1/dossiers/${dossier.id}/actions/${type}`, { body, headers: { 'if-match': `"${dossier.version}"` } }), 200);
}

async function personWithRunningDossier() {
  const person = await newPerson();
  let dossier = await ok(
    await worker.request('POST', `/api/v1/persons/${person.id}/dossiers`, { body: { date: '2024-01-22', channel: 'invitation-letter', letterSentOn: '2024-01-02' } }),
  );
  dossier = await act(dossier, 'record-intake', INTAKE);
  dossier = await act(dossier, 'decide-intake', { date: '2024-02-05', targetGroup: 'verplicht', profileId: dossier.state.intake.proposedProfileId });
  dossier = await act(dossier, 'sign-contract', { date: '2024-02-12', signedOn: '2024-02-12' });
  return { person, dossier };
}

describe('NT2 conversation, tests and binding advice (WF-06, ENT-18 to ENT-20, R-15)', () => {
  it('lists the ENT-20 advice types with their length as data', async () => {
    const items = (await ok(await consultant.request('GET', '/api/v1/nt2/advice-types'), 200)).items;
    expect(items).toHaveLength(10);
    expect(items.find((a: { id: string }) => a.id === 'cbe-alfa-long')).toMatchObject({ length: { amount: 1140, unit: 'lesson-periods' }, providers: ['CBE'], source: 'ENT-20' });
    expect(items.find((a: { id: string }) => a.id === 'latin-script-cvo')).toMatchObject({ length: { amount: 40, unit: 'hours' } });
  });

  it('holds a conversation for a person without a trajectory: tests, one binding advice, journaled under the person', async () => {
    const person = await newPerson();
    const c = await conversation(person.id);
    expect(c).toMatchObject({ kind: 'nt2-gesprek', region: 'OV', runningDossierId: null, advice: null, tests: [] });
    let view = await ok(
      await consultant.request('POST', `/api/v1/nt2/conversations/${c.id}/tests`, { body: { kind: 'covaar', takenOn: '2024-05-06', learningAptitude: 'average', result: '62/100' } }),
    );
    view = await ok(await consultant.request('POST', `/api/v1/nt2/conversations/${c.id}/tests`, { body: { kind: 'cvo-entry', takenOn: '2024-05-06', level: 'A1', passed: true } }));
    expect(view.learningAptitude).toBe('average');
    expect(view.tests.map((x: { kind: string }) => x.kind)).toEqual(['covaar', 'cvo-entry']);
    view = await ok(await consultant.request('POST', `/api/v1/nt2/conversations/${c.id}/advice`, { body: { adviceType: 'cvo-standard', advisedOn: '2024-05-06' } }));
    expect(view.advice).toMatchObject({ adviceType: 'cvo-standard', label: 'CVO standaard', length: { amount: 240, unit: 'hours' }, region: 'OV' });

    const second = await consultant.request('POST', `/api/v1/nt2/conversations/${c.id}/advice`, { body: { adviceType: 'cvo-extended', advisedOn: '2024-05-07' } });
    expect(second.statusCode).toBe(409);
    expect(second.json().type).toBe('urn:kruispunt:problem:nt2-advice-exists');

    expect((await journalTypes(person.id)).filter((x) => x.startsWith('nt2.'))).toEqual(['nt2.conversation-planned', 'nt2.test-recorded', 'nt2.test-recorded', 'nt2.advice-given']);
    const read = await ok(await consultant.request('GET', `/api/v1/nt2/conversations/${c.id}`), 200);
    expect(read.advice.adviceType).toBe('cvo-standard');
    const list = await ok(await consultant.request('GET', `/api/v1/nt2/conversations?personId=${person.id}`), 200);
    expect(list.items).toHaveLength(1);
  });

  it('keeps another agency out (row-level security)', async () => {
    const person = await newPerson();
    const c = await conversation(person.id);
    const atlasAdmin = await t.agencyAdmin('atlas');
    const atlasConsultant = await t.user(['dutch-learning-consultant'], { as: atlasAdmin, organisationId: ATLAS });
    expect((await atlasConsultant.request('GET', `/api/v1/nt2/conversations/${c.id}`)).statusCode).toBe(404);
    expect((await ok(await atlasConsultant.request('GET', '/api/v1/nt2/providers'), 200)).items).toEqual([]);
    expect((await atlasConsultant.request('POST', '/api/v1/nt2/placements', { body: { personId: person.id, startMomentId: c.id } })).statusCode).toBe(404);
  });

  it('keeps a test-only conversation (niveautest) with a certifying test', async () => {
    const person = await newPerson();
    const c = await conversation(person.id, 'niveautest');
    const view = await ok(
      await consultant.request('POST', `/api/v1/nt2/conversations/${c.id}/tests`, {
        body: { kind: 'certifying-a1-a2', takenOn: '2024-05-06', level: 'A2', passed: true, certificateIssued: true },
      }),
    );
    expect(view).toMatchObject({ kind: 'niveautest', tests: [{ kind: 'certifying-a1-a2', level: 'A2', certificateIssued: true }] });
  });

  it('refuses bad input with specific problems', async () => {
    const person = await newPerson();
    const c = await conversation(person.id);
    const unknownType = await consultant.request('POST', `/api/v1/nt2/conversations/${c.id}/advice`, { body: { adviceType: 'cvo-turbo', advisedOn: '2024-05-06' } });
    expect(unknownType.statusCode).toBe(400);
    expect(unknownType.json().errors).toEqual([expect.objectContaining({ field: 'adviceType', code: 'not-allowed-value', message: expect.stringContaining('cvo-standard') })]);

    const backwards = await consultant.request('POST', '/api/v1/nt2/conversations', {
      body: { personId: person.id, kind: 'nt2-gesprek', startsAt: '2024-05-06T10:00:00Z', endsAt: '2024-05-06T09:00:00Z' },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0]).toMatchObject({ field: 'endsAt', code: 'nt2-end-before-start' });

    const aptitude = await consultant.request('POST', `/api/v1/nt2/conversations/${c.id}/tests`, { body: { kind: 'cbe-entry', takenOn: '2024-05-06', learningAptitude: 'fast' } });
    expect(aptitude.statusCode).toBe(400);
    expect(aptitude.json().errors[0]).toMatchObject({ field: 'learningAptitude', code: 'nt2-aptitude-only-covaar' });

    const unknownKind = await consultant.request('POST', `/api/v1/nt2/conversations/${c.id}/tests`, { body: { kind: 'iq-test', takenOn: '2024-05-06' } });
    expect(unknownKind.statusCode).toBe(400);

    const nobody = await consultant.request('POST', '/api/v1/nt2/conversations', {
      body: { personId: '00000000-0000-4000-8000-00000000abcd', kind: 'nt2-gesprek', startsAt: '2024-05-06T08:00:00Z', endsAt: '2024-05-06T09:00:00Z' },
    });
    expect(nobody.statusCode).toBe(404);

    const noConversation = await consultant.request('POST', '/api/v1/nt2/conversations/00000000-0000-4000-8000-00000000abcd/advice', { body: { adviceType: 'cbe-nt2', advisedOn: '2024-05-06' } });
    expect(noConversation.statusCode).toBe(404);

    const caseWorker = await worker.request('POST', '/api/v1/nt2/conversations', {
      body: { personId: person.id, kind: 'nt2-gesprek', startsAt: '2024-05-06T08:00:00Z', endsAt: '2024-05-06T09:00:00Z' },
    });
    expect(caseWorker.statusCode).toBe(403);
  });
});

describe('providers, placements and results (ENT-21, R-15, R-13)', () => {
  let cvoModule: any;
  let cvoMoment: any;

  beforeAll(async () => {
    cvoModule = await module(cvo, { name: 'NT2 richtgraad 1', providerKind: 'CVO', adviceTypes: ['cvo-standard', 'cvo-extended'], level: '1.1', location: 'Gent', region: 'OV' });
    cvoMoment = await startMoment(cvo, cvoModule.id, 3, '2024-09-02', '2024-12-20');
  });

  it('lets a provider publish only its own offer, with advice types that suit its kind (ENT-20)', async () => {
    expect(cvoModule).toMatchObject({ providerId: cvo.id, providerName: 'CVO Test', adviceTypes: ['cvo-standard', 'cvo-extended'] });
    expect(cvoMoment).toMatchObject({ endsOn: '2024-12-20', capacity: 3, taken: 0, free: 3, location: 'Gent', startsOn: '2024-09-02' });

    const wrongKind = await cvo.user.request('POST', `/api/v1/nt2/providers/${cvo.id}/modules`, {
      body: { name: 'Alfa', providerKind: 'CVO', adviceTypes: ['cbe-alfa-long'], level: 'alfa', location: 'Gent' },
    });
    expect(wrongKind.statusCode).toBe(422);
    expect(wrongKind.json()).toMatchObject({ rule: 'ENT-20', refusal: 'nt2-advice-type-not-for-provider' });

    const forOther = await cvo.user.request('POST', `/api/v1/nt2/providers/${cbe.id}/modules`, {
      body: { name: 'X', providerKind: 'CBE', adviceTypes: ['cbe-nt2'], level: '1', location: 'Gent' },
    });
    expect(forOther.statusCode).toBe(403);
    const momentOfOther = await cbe.user.request('POST', `/api/v1/nt2/modules/${cvoModule.id}/start-moments`, { body: { startsOn: '2024-10-01', capacity: 5 } });
    expect(momentOfOther.statusCode).toBe(404);
    const backwards = await cvo.user.request('POST', `/api/v1/nt2/modules/${cvoModule.id}/start-moments`, { body: { startsOn: '2024-10-01', endsOn: '2024-09-01', capacity: 5 } });
    expect(backwards.json().errors[0]).toMatchObject({ field: 'endsOn', code: 'nt2-end-before-start' });
    const noSeats = await cvo.user.request('POST', `/api/v1/nt2/modules/${cvoModule.id}/start-moments`, { body: { startsOn: '2024-10-01', capacity: 0 } });
    expect(noSeats.statusCode).toBe(400);
    const consultantPublishes = await consultant.request('POST', `/api/v1/nt2/providers/${cvo.id}/modules`, {
      body: { name: 'X', providerKind: 'CVO', adviceTypes: ['cvo-standard'], level: '1', location: 'Gent' },
    });
    expect(consultantPublishes.statusCode).toBe(403);

    const other = await t.admin.request('POST', '/api/v1/organisations', { body: { code: 'ocmw-test', name: 'OCMW Test', partnerType: 'social-services' } });
    const impostor = await t.user(['course-provider'], { organisationId: other.json().id });
    expect((await impostor.request('GET', '/api/v1/nt2/provider-inbox')).statusCode).toBe(403);

    const offer = await ok(await consultant.request('GET', '/api/v1/nt2/modules?adviceType=cvo-standard'), 200);
    expect(offer.items.map((m: { id: string }) => m.id)).toContain(cvoModule.id);
    const none = await ok(await consultant.request('GET', '/api/v1/nt2/modules?adviceType=cbe-alfa-long'), 200);
    expect(none.items.map((m: { id: string }) => m.id)).not.toContain(cvoModule.id);
    const providers = await ok(await cbe.user.request('GET', '/api/v1/nt2/providers'), 200);
    expect(providers.items).toEqual([{ id: cbe.id, code: 'cbe-test', name: 'CBE Test' }]);
    expect((await ok(await cbe.user.request('GET', '/api/v1/nt2/modules'), 200)).items).toEqual([]);
  });

  it('places only under a fitting binding advice (R-15), once per start moment, never over capacity', async () => {
    const noAdvice = await newPerson();
    const r1 = await place(noAdvice.id, cvoMoment.id);
    expect(r1.statusCode).toBe(422);
    expect(r1.json()).toMatchObject({ rule: 'R-15', refusal: 'nt2-advice-required' });

    const cbeAdvised = await newPerson();
    await advised(cbeAdvised.id, 'cbe-nt2');
    const r2 = await place(cbeAdvised.id, cvoMoment.id);
    expect(r2.statusCode).toBe(422);
    expect(r2.json()).toMatchObject({ type: 'urn:kruispunt:problem:rule-violation', rule: 'R-15', refusal: 'nt2-placement-contradicts-advice', adviceType: 'cbe-nt2' });
    expect(r2.json().detail).toContain('R-15');

    const noFollowUp = await newPerson();
    await advised(noFollowUp.id, 'no-follow-up');
    expect((await place(noFollowUp.id, cvoMoment.id)).json()).toMatchObject({ refusal: 'nt2-advice-no-follow-up' });

    const persons = [await newPerson(), await newPerson(), await newPerson(), await newPerson()];
    for (const p of persons) await advised(p.id, 'cvo-standard');
    const first = await ok(await place(persons[0]!.id, cvoMoment.id));
    expect(first).toMatchObject({ status: 'placed', adviceType: 'cvo-standard', providerId: cvo.id, startsOn: '2024-09-02' });
    const twice = await place(persons[0]!.id, cvoMoment.id);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().type).toBe('urn:kruispunt:problem:nt2-already-placed');

    // Idempotent: the same key replays the placement instead of taking a second seat.
    const key = { 'idempotency-key': `place-${persons[1]!.id}` };
    const a = await ok(await place(persons[1]!.id, cvoMoment.id, key));
    const b = await place(persons[1]!.id, cvoMoment.id, key);
    expect(b.statusCode).toBe(201);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.json().id).toBe(a.id);

    await ok(await place(persons[2]!.id, cvoMoment.id));
    const full = await place(persons[3]!.id, cvoMoment.id);
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ type: 'urn:kruispunt:problem:nt2-start-moment-full' });
    expect(full.json().detail).toContain('3');

    const offer = await ok(await consultant.request('GET', `/api/v1/nt2/modules?providerId=${cvo.id}`), 200);
    expect(offer.items[0].startMoments[0]).toMatchObject({ taken: 3, free: 0 });

    // The fourth waits at the provider, once; a later seat ends the waiting entry.
    const waiting = await ok(await consultant.request('POST', `/api/v1/nt2/providers/${cvo.id}/waiting-list`, { body: { personId: persons[3]!.id } }));
    expect(waiting).toMatchObject({ status: 'waiting', startMomentId: null });
    const again = await consultant.request('POST', `/api/v1/nt2/providers/${cvo.id}/waiting-list`, { body: { personId: persons[3]!.id } });
    expect(again.statusCode).toBe(409);
    const wrongProvider = await consultant.request('POST', `/api/v1/nt2/providers/${cbe.id}/waiting-list`, { body: { personId: persons[3]!.id } });
    expect(wrongProvider.statusCode).toBe(422);
    const later = await startMoment(cvo, cvoModule.id, 10, '2024-11-04');
    await ok(await place(persons[3]!.id, later.id));
    const mine = await ok(await consultant.request('GET', `/api/v1/nt2/placements?personId=${persons[3]!.id}`), 200);
    expect(mine.items.map((p: { status: string }) => p.status).sort()).toEqual(['closed', 'placed']);

    // Without a trajectory the enrolment is kept and journaled under the person.
    const enrolled = await ok(await cvo.user.request('POST', `/api/v1/nt2/placements/${first.id}/enrolment`, { body: { enrolledOn: '2024-05-27' } }), 200);
    expect(enrolled).toMatchObject({ status: 'enrolled', runningDossierId: null });
    expect(await journalTypes(persons[0]!.id)).toEqual(expect.arrayContaining(['nt2.placed', 'nt2.enrolment-confirmed']));
  });

  it('shows a provider only its own placements; confirming and results reach the NT2 pillar of the running dossier', async () => {
    const { person, dossier } = await personWithRunningDossier();
    await advised(person.id, 'cvo-extended');
    const moment = await startMoment(cvo, cvoModule.id, 5, '2024-03-04');
    const placement = await ok(await place(person.id, moment.id));

    const cbeModule = await module(cbe, { name: 'Alfa lang', providerKind: 'CBE', adviceTypes: ['cbe-alfa-long'], level: 'alfa', location: 'Aalst', region: 'OV' });
    const cbeMoment = await startMoment(cbe, cbeModule.id, 4);
    const alfa = await newPerson();
    await advised(alfa.id, 'cbe-alfa-long');
    const cbePlacement = await ok(await place(alfa.id, cbeMoment.id));

    const cvoInbox = (await ok(await cvo.user.request('GET', '/api/v1/nt2/provider-inbox'), 200)).items;
    expect(cvoInbox.map((p: { id: string }) => p.id)).toContain(placement.id);
    expect(cvoInbox.map((p: { id: string }) => p.id)).not.toContain(cbePlacement.id);
    expect(cvoInbox.every((p: { providerId: string }) => p.providerId === cvo.id)).toBe(true);
    expect(cvoInbox.find((p: { id: string }) => p.id === placement.id).person).toMatchObject({ id: person.id, givenNames: 'Nadia' });
    const cbeInbox = (await ok(await cbe.user.request('GET', '/api/v1/nt2/provider-inbox'), 200)).items;
    expect(cbeInbox.map((p: { id: string }) => p.id)).toEqual([cbePlacement.id]);

    expect((await cbe.user.request('POST', `/api/v1/nt2/placements/${placement.id}/enrolment`, { body: { enrolledOn: '2024-03-04' } })).statusCode).toBe(404);
    const early = await cvo.user.request('POST', `/api/v1/nt2/placements/${placement.id}/results`, { body: { kind: 'level', date: '2024-05-15', oral: 'A2', written: 'A2' } });
    expect(early.statusCode).toBe(409);
    expect((await consultant.request('GET', '/api/v1/nt2/provider-inbox')).statusCode).toBe(403);

    const enrolled = await ok(
      await cvo.user.request('POST', `/api/v1/nt2/placements/${placement.id}/enrolment`, { body: { enrolledOn: '2024-03-04', regularParticipation: true } }),
      200,
    );
    expect(enrolled).toMatchObject({ status: 'enrolled', enrolledOn: '2024-03-04', runningDossierId: dossier.id });
    expect((await cvo.user.request('POST', `/api/v1/nt2/placements/${placement.id}/enrolment`, { body: { enrolledOn: '2024-03-04' } })).statusCode).toBe(409);

    let view = await ok(await worker.request('GET', `/api/v1/dossiers/${dossier.id}`), 200);
    expect(view.state.nt2).toMatchObject({ enrolledOn: '2024-03-04', provider: 'CVO Test' });
    expect(view.evaluation.pillars.nt2.status).toBe('in-progress');

    const beforeEnrolment = await cvo.user.request('POST', `/api/v1/nt2/placements/${placement.id}/results`, { body: { kind: 'level', date: '2024-03-01', oral: 'A2', written: 'A2' } });
    expect(beforeEnrolment.statusCode).toBe(422);
    const badLevel = await cvo.user.request('POST', `/api/v1/nt2/placements/${placement.id}/results`, { body: { kind: 'level', date: '2024-05-15', oral: 'A3', written: 'A2' } });
    expect(badLevel.statusCode).toBe(400);

    const level = await ok(await cvo.user.request('POST', `/api/v1/nt2/placements/${placement.id}/results`, { body: { kind: 'level', date: '2024-05-15', oral: 'A2', written: 'A2' } }));
    expect(level).toMatchObject({ kind: 'level', oral: 'A2', runningDossierId: dossier.id });
    view = await ok(await worker.request('GET', `/api/v1/dossiers/${dossier.id}`), 200);
    expect(view.evaluation.pillars.nt2).toMatchObject({ status: 'in-progress', missing: ['nt2.standardised-test'] });

    await ok(await cvo.user.request('POST', `/api/v1/nt2/placements/${placement.id}/results`, { body: { kind: 'standardised-test', date: '2024-05-20', passedSkills: ['reading', 'writing'] } }));
    view = await ok(await worker.request('GET', `/api/v1/dossiers/${dossier.id}`), 200);
    expect(view.evaluation.pillars.nt2).toEqual({ status: 'completed', missing: [] });

    const types = await journalTypes(dossier.id);
    expect(types).toEqual(
      expect.arrayContaining([
        'nt2.advice-given',
        'nt2.placed',
        'dossier.nt2-enrolment-recorded',
        'nt2.enrolment-confirmed',
        'dossier.nt2-result-recorded',
        'nt2.level-result-reported',
        'dossier.nt2-standardised-test-recorded',
        'nt2.standardised-test-reported',
      ]),
    );
    const audit = await queryRows<{ summary: string; purpose: string }>(
      t.db.owner,
      sql`select summary, purpose from audit_events where subject_type = 'nt2-placement' and subject_id = ${placement.id} order by id`,
    );
    expect(audit.map((a) => a.summary)).toEqual(['placed in start moment 2024-03-04', 'confirmed NT2 enrolment', 'reported NT2 level result', 'reported NT2 standardised-test result']);
    expect(audit.every((a) => a.purpose === 'dutch-learning')).toBe(true);
  });

  it('rolls the enrolment back when the trajectory rules refuse it (same transaction)', async () => {
    // A dossier without intake refuses record-nt2-enrolment (WF-06): the placement stays "placed".
    const person = await newPerson();
    await ok(await worker.request('POST', `/api/v1/persons/${person.id}/dossiers`, { body: { date: '2024-01-22', channel: 'spontaneous' } }));
    await advised(person.id, 'cvo-standard');
    const moment = await startMoment(cvo, cvoModule.id, 2, '2024-04-01');
    const placement = await ok(await place(person.id, moment.id));
    const refused = await cvo.user.request('POST', `/api/v1/nt2/placements/${placement.id}/enrolment`, { body: { enrolledOn: '2024-04-01' } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().type).toBe('urn:kruispunt:problem:rule-violation');
    const inbox = (await ok(await cvo.user.request('GET', '/api/v1/nt2/provider-inbox?status=placed'), 200)).items;
    expect(inbox.find((p: { id: string }) => p.id === placement.id)).toMatchObject({ status: 'placed', enrolledOn: null });
  });
});

describe('needs plan and calendars (PAIN-17, RPT-D07)', () => {
  it('sets open demand against planned seats by quarter, region and advice type', async () => {
    const org = await providerOrganisation('utc-test', 'UTC Test');
    const m = await module(org, { name: 'Verkort', providerKind: 'UTC', adviceTypes: ['cvo-utc-shortened'], level: 'A2', location: 'Leuven', region: 'VB' });
    await startMoment(org, m.id, 6, '2024-10-07');
    const p1 = await newPerson();
    const p2 = await newPerson();
    await advised(p1.id, 'cvo-utc-shortened');
    await advised(p2.id, 'cvo-utc-shortened');
    await ok(await consultant.request('POST', `/api/v1/nt2/providers/${org.id}/waiting-list`, { body: { personId: p2.id } }));

    const plan = await ok(await consultant.request('GET', '/api/v1/nt2/needs-plan?from=2024-04-01&to=2025-03-31'), 200);
    expect(plan).toMatchObject({ from: '2024-04-01', to: '2025-03-31' });
    const demand = plan.rows.find((r: any) => r.adviceType === 'cvo-utc-shortened' && r.quarter === '2024-Q2' && r.region === 'OV');
    expect(demand).toMatchObject({ unplacedAdvices: 1, waiting: 1, demand: 2, freeSeats: 0, gap: 2 });
    const seats = plan.rows.find((r: any) => r.adviceType === 'cvo-utc-shortened' && r.quarter === '2024-Q4' && r.region === 'VB');
    expect(seats).toMatchObject({ startMoments: 1, plannedSeats: 6, freeSeats: 6, demand: 0, gap: -6 });
    // Placed persons and "zonder gevolg" are no demand.
    expect(plan.rows.some((r: any) => r.adviceType === 'no-follow-up' && r.demand > 0)).toBe(false);

    const ov = await ok(await consultant.request('GET', '/api/v1/nt2/needs-plan?from=2024-04-01&to=2025-03-31&region=VB'), 200);
    expect(ov.rows.every((r: any) => r.region === 'VB')).toBe(true);
    expect((await consultant.request('GET', '/api/v1/nt2/needs-plan?from=2024-04-01&to=2024-01-01')).statusCode).toBe(400);
    expect((await cvo.user.request('GET', '/api/v1/nt2/needs-plan')).statusCode).toBe(403);
    const manager = await t.user(['manager']);
    expect((await manager.request('GET', '/api/v1/nt2/needs-plan')).statusCode).toBe(200);
  });

  it('exports a conversation appointment and start moments as iCalendar', async () => {
    const person = await newPerson();
    const c = await conversation(person.id);
    const res = await consultant.request('GET', `/api/v1/nt2/conversations/${c.id}/calendar`, { headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const lines = res.body.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('DTSTART:20240506T083000Z');
    expect(lines).toContain('DTEND:20240506T093000Z');
    expect(lines).toContain('SUMMARY:NT2 conversation');
    expect(lines).toContain('LOCATION:Kouter 1\\, Gent');
    expect(lines).toContain(`UID:nt2-conversation-${c.id}@kruispunt`);
    expect(res.body).not.toContain('Nadia');
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);

    const m = await module(cvo, { name: 'NT2 richtgraad 2', providerKind: 'CVO', adviceTypes: ['cvo-standard'], level: '1.2', location: 'Gent' });
    const s = await startMoment(cvo, m.id, 12, '2025-01-06');
    const ics = await cvo.user.request('GET', `/api/v1/nt2/start-moments/${s.id}/calendar`);
    expect(ics.statusCode).toBe(200);
    expect(ics.body.split('\r\n')).toEqual(expect.arrayContaining(['DTSTART;VALUE=DATE:20250106', 'DTEND;VALUE=DATE:20250107', 'SUMMARY:Start NT2 richtgraad 2 (CVO Test)']));
    expect((await cbe.user.request('GET', `/api/v1/nt2/start-moments/${s.id}/calendar`)).statusCode).toBe(404);
    const feed = await consultant.request('GET', `/api/v1/nt2/providers/${cvo.id}/calendar?from=2025-01-01`);
    expect(feed.statusCode).toBe(200);
    expect(feed.body.split('\r\n').filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
  });
});

describe('concurrency on PostgreSQL', () => {
  it.skipIf(!process.env.DATABASE_URL)('20 parallel placements into a start moment with 5 seats: exactly 5 succeed, 15 get 409', async () => {
    const m = await module(cvo, { name: 'Laatste plaatsen', providerKind: 'CVO', adviceTypes: ['cvo-standard'], level: '1.1', location: 'Gent' });
    const s = await startMoment(cvo, m.id, 5, '2024-12-02');
    const persons = [];
    for (let i = 0; i < 20; i += 1) {
      const p = await newPerson();
      await advised(p.id, 'cvo-standard');
      persons.push(p);
    }
    const results = await Promise.all(persons.map((p) => place(p.id, s.id)));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(5);
    expect(codes.filter((c) => c === 409)).toHaveLength(15);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().type === 'urn:kruispunt:problem:nt2-start-moment-full')).toBe(true);
    const taken = await queryRows<{ n: number }>(t.db.owner, sql`select count(*)::int as n from nt2_placements where start_moment_id = ${s.id} and status = 'placed'`);
    expect(taken[0]!.n).toBe(5);
  });
});
