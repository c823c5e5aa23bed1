/**
 * Test fixtures for anything that needs people with a running trajectory: persons made through the
 * API, dossiers taken through sign-up, intake, decision and contract by a case worker.
 */
import { makeInsz, type Caller } from './test-app';

let personCount = 0;

/** A distinct person (name and birth date vary, so the duplicate check never stops it). */
export async function newPerson(caller: Caller, extra: Record<string, unknown> = {}): Promise<{ id: string }> {
  personCount += 1;
  const year = 1962 + (personCount % 40);
  const birthDate = `${year}-${String(1 + (Math.floor(personCount / 40) % 12)).padStart(2, '0')}-15`;
  const res = await caller.request('POST', '/api/v1/persons', {
    body: {
      givenNames: 'Amina',
      familyName: `Test${[...String(personCount)].map((d) => String.fromCharCode(97 + Number(d))).join('')}`,
      birthDate,
      insz: makeInsz(birthDate, 100 + (personCount % 800)),
      address: { street: 'Kerkstraat', houseNumber: '1', postalCode: '9300', municipalityNis: '41002' },
      ...extra,
    },
  });
  if (res.statusCode !== 201) throw new Error(`person: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Runs a dossier action with the dossier's current version; returns the response. */
export function act(caller: Caller, dossier: { id: string; version: number }, type: string, body: object) {
  return caller.request('POST', `/api/v1/dossiers/${dossier.id}/actions/${type}`, { body, headers: { 'if-match': `"${dossier.version}"` } });
}

export async function actOk(caller: Caller, dossier: { id: string; version: number }, type: string, body: object) {
  const res = await act(caller, dossier, type, body);
  if (res.statusCode !== 200) throw new Error(`${type}: ${res.statusCode} ${res.body}`);
  return res.json();
}

export const INTAKE = {
  date: '2024-02-05',
  language: 'ar',
  interpreterUsed: true,
  education: { level: 'secondary', diplomaAbroad: true },
  working: false,
  studying: false,
  allowedToWork: true,
  literacy: 'literate-other-script',
  digitalSkills: { hasDevice: true, hasInternet: true, answers: { smartphone: 2, email: 1, onlineForms: 1, videoCall: 2 } },
  family: { partner: true, children: 2 },
  goals: ['werk vinden'],
  targetGroupFacts: { firstInscriptionDate: '2023-11-20', register: 'foreigners', nationality: 'non-eu', residence: 'residence-over-3-months', firstResidenceTitle: true },
};

/**
 * An obligated person with a contract signed on `signedOn` (default 2024-02-12), signed up three
 * weeks before; `language` is the intake (and so MO) language.
 */
export async function runningDossier(caller: Caller, opts: { signedOn?: string; language?: string; person?: Record<string, unknown> } = {}) {
  const signedOn = opts.signedOn ?? '2024-02-12';
  const day = (offset: number) => new Date(Date.parse(signedOn) + offset * 86_400_000).toISOString().slice(0, 10);
  const person = await newPerson(caller, opts.person);
  const signUp = await caller.request('POST', `/api/v1/persons/${person.id}/dossiers`, {
    body: { date: day(-21), channel: 'invitation-letter', letterSentOn: day(-41) },
  });
  if (signUp.statusCode !== 201) throw new Error(`sign-up: ${signUp.statusCode} ${signUp.body}`);
  let dossier = signUp.json();
  dossier = await actOk(caller, dossier, 'record-intake', {
    ...INTAKE,
    date: day(-7),
    language: opts.language ?? INTAKE.language,
    targetGroupFacts: { ...INTAKE.targetGroupFacts, firstInscriptionDate: day(-80) },
  });
  dossier = await actOk(caller, dossier, 'decide-intake', {
    date: day(-7),
    targetGroup: dossier.state.intake.targetGroupProposal.group,
    profileId: dossier.state.intake.proposedProfileId,
  });
  dossier = await actOk(caller, dossier, 'sign-contract', { date: signedOn, signedOn });
  return { person, dossier };
}
