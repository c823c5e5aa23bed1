import { describe, expect, it } from 'vitest';
import { hasMessage } from '../../../platform/i18n/i18n';
import type { DossierCommand, SignUpCommand } from './commands';
import { decide, openDossier, RuleRefusal, type DecisionContext } from './decide';
import { dossierDeadlines, followUpOf, shiftedDueDate } from './evaluate';
import { digitalSkillsLevel, loadClientProfiles, proposeProfile } from './profiles';
import { REFUSALS } from './refusals';
import type { DossierState, Period } from './state';

const profiles = loadClientProfiles();
let counter = 0;
const context = (today = '2030-01-01'): DecisionContext => ({
  today,
  person: { birthDate: '1990-01-15' },
  profiles,
  certificateNumber: (kind) => `TEST-${kind}-${++counter}`,
  newId: () => `id${++counter}`,
});

type Step = DossierCommand | ((s: DossierState) => DossierCommand);

/** Builds a dossier's state by running commands through the real decision function. */
function dossier(signUp: Partial<SignUpCommand>, ...steps: Step[]): DossierState {
  let state = openDossier({ type: 'sign-up', date: '2024-01-22', channel: 'spontaneous', area: 'flanders', ...signUp }, context()).state;
  for (const step of steps) state = decide(state, typeof step === 'function' ? step(state) : step, context()).state;
  return state;
}

function refusalOf(state: DossierState, command: DossierCommand, today?: string): { refusal: string; rule: string } | null {
  try {
    decide(state, command, context(today));
    return null;
  } catch (error) {
    if (error instanceof RuleRefusal) return { refusal: error.refusal, rule: error.rule };
    throw error;
  }
}

const intake = (date: string, facts: object = {}): DossierCommand => ({
  type: 'record-intake',
  date,
  language: 'ar',
  interpreterUsed: false,
  mode: 'physical',
  education: { level: 'secondary', diplomaAbroad: false },
  workHistory: '',
  working: false,
  studying: false,
  allowedToWork: true,
  literacy: 'literate-latin',
  digitalSkills: { hasDevice: true, hasInternet: true, answers: { smartphone: 2, email: 2, onlineForms: 1, videoCall: 1 } },
  family: { partner: false, children: 0, childcareNeeded: false },
  goals: [],
  targetGroupFacts: {
    firstInscriptionDate: date,
    register: 'foreigners',
    nationality: 'non-eu',
    residence: 'residence-over-3-months',
    firstResidenceTitle: true,
    priorLegalStayYears: 0,
    ...facts,
  },
});
const decideAs = (date: string, targetGroup: 'verplicht' | 'rechthebbend', extra: object = {}): DossierCommand => ({
  type: 'decide-intake',
  date,
  targetGroup,
  profileId: 'profile-3',
  // Whatever the proposal, these tests fix the group; the reason makes any override valid.
  overrideReason: 'set by the test',
  ...extra,
});
const contract = (signedOn: string, participationAddendum = false): DossierCommand => ({ type: 'sign-contract', date: signedOn, signedOn, participationAddendum });

/** A running Flemish dossier, contract signed on `signedOn`, obligated unless said otherwise. */
function running(signedOn: string, targetGroup: 'verplicht' | 'rechthebbend' = 'verplicht', signUpDate = '2021-01-04', area: 'flanders' | 'brussels' = 'flanders') {
  return dossier(
    { date: signUpDate, area },
    intake(signUpDate),
    decideAs(signUpDate, targetGroup, area === 'brussels' ? { brusselsTrack: 'dutch' } : {}),
    contract(signedOn),
  );
}

describe('refusals name their rule and have words in Dutch and English', () => {
  it.each(REFUSALS)('refusal.%s has nl and en messages', (code) => {
    expect(hasMessage(`refusal.${code}`)).toBe(true);
  });
});

describe('WF-02 / R-01 / ENT-08: sign-up, intake, decision', () => {
  it.each([
    ['partner referral without referrer (ENT-02)', { channel: 'partner-referral' as const }, 'referrer-required', 'ENT-02'],
    ['letter sent after the sign-up (FL-DL-02)', { letterSentOn: '2024-02-01' }, 'letter-after-sign-up', 'FL-DL-02'],
    ['sign-up in the future', { date: '2031-01-01' }, 'date-in-future', 'WF-02'],
  ])('%s is refused', (_name, signUp, refusal, rule) => {
    expect(() => openDossier({ type: 'sign-up', date: '2024-01-22', channel: 'spontaneous', area: 'flanders', ...signUp }, context())).toThrow(
      expect.objectContaining({ refusal, rule }),
    );
  });

  it('proposes the target group under the rule set of the first inscription and the profile from the configuration', () => {
    const state = dossier({}, intake('2024-02-01'));
    expect(state.intake?.targetGroupProposal).toMatchObject({ group: 'verplicht', ruleSetId: 'fl-2023-09' });
    expect(state.intake?.proposedProfileId).toBe('profile-3');
    expect(state.intake?.digitalSkills).toMatchObject({ score: 6, level: 'sufficient' });
  });

  it('R-01: an override of the proposal needs a reason; confirming does not', () => {
    const state = dossier({}, intake('2024-02-01'));
    expect(refusalOf(state, { type: 'decide-intake', date: '2024-02-01', targetGroup: 'rechthebbend', profileId: 'profile-3' })).toEqual({
      refusal: 'override-reason-required',
      rule: 'R-01',
    });
    expect(refusalOf(state, { type: 'decide-intake', date: '2024-02-01', targetGroup: 'verplicht', profileId: 'profile-3' })).toBeNull();
    expect(refusalOf(state, { type: 'decide-intake', date: '2024-02-01', targetGroup: 'verplicht', profileId: 'profile-9' })?.refusal).toBe('unknown-profile');
  });

  it('R-32: Brussels needs the choice of track, and a French-track person signs no contract here', () => {
    const state = dossier({ area: 'brussels' }, intake('2024-02-01'));
    expect(refusalOf(state, decideAs('2024-02-01', 'verplicht'))).toEqual({ refusal: 'brussels-track-required', rule: 'R-32' });
    const french = decide(state, decideAs('2024-02-01', 'verplicht', { brusselsTrack: 'french' }), context()).state;
    expect(refusalOf(french, contract('2024-02-05'))).toEqual({ refusal: 'french-track-elsewhere', rule: 'R-32' });
  });
});

describe('WF-03: the contract', () => {
  it.each([
    ['a second contract while one runs', (s: DossierState) => s, contract('2024-03-01'), 'contract-already-running', 'WF-03'],
    ['a date before the sign-up', (s: DossierState) => s, { type: 'record-situation', date: '2020-01-01', working: true, studying: false, allowedToWork: true }, 'date-before-sign-up', 'WF-02'],
  ] as const)('%s is refused', (_name, prepare, command, refusal, rule) => {
    expect(refusalOf(prepare(running('2024-02-01', 'verplicht', '2024-01-08')), command as DossierCommand)).toEqual({ refusal, rule });
  });

  it('a contract needs a decided, determined target group (R-01)', () => {
    const undecided = dossier({}, intake('2024-02-01'));
    expect(refusalOf(undecided, contract('2024-02-05'))?.refusal).toBe('intake-decision-required');
    const outside = decide(undecided, { type: 'decide-intake', date: '2024-02-01', targetGroup: 'geen-doelgroep', overrideReason: 'verhuist', profileId: 'profile-3' }, context()).state;
    expect(refusalOf(outside, contract('2024-02-05'))).toEqual({ refusal: 'not-in-target-group', rule: 'R-01' });
  });

  it.each([
    ['2022-02-28', 'fl-2013'],
    ['2022-03-01', 'fl-2022-03'],
    ['2023-08-31', 'fl-2023-03'],
    ['2023-09-01', 'fl-2023-09'],
  ])('R-03: a contract signed on %s runs under %s', (signedOn, ruleSetId) => {
    expect(running(signedOn).contract?.ruleSetId).toBe(ruleSetId);
  });

  it('ENT-06 / FL-DL-09: the participation addendum is for entitled persons with a contract from 2023', () => {
    const entitled = dossier({ date: '2021-01-04' }, intake('2021-01-04'), decideAs('2021-01-04', 'rechthebbend'));
    expect(refusalOf(entitled, contract('2022-12-31', true))).toEqual({ refusal: 'participation-not-in-force', rule: 'FL-DL-09' });
    expect(refusalOf(entitled, contract('2023-01-02', true))).toBeNull();
    const obligated = dossier({ date: '2021-01-04' }, intake('2021-01-04'), decideAs('2021-01-04', 'verplicht'));
    expect(refusalOf(obligated, contract('2023-01-02', true))?.refusal).toBe('addendum-only-for-entitled');
  });
});

describe('pillar results the contract does not have are refused', () => {
  it.each([
    ['work registration, contract before 1 Mar 2022 (FL-AT-02)', '2022-02-28', { type: 'record-work-registration', date: '2022-04-01', registeredOn: '2022-04-01' }, 'pillar-not-in-contract', 'FL-AT-02'],
    ['work registration, contract from 1 Mar 2022', '2022-03-01', { type: 'record-work-registration', date: '2022-04-01', registeredOn: '2022-04-01' }, null, null],
    ['participation, contract before 2023 (FL-DL-09)', '2022-12-31', { type: 'record-participation', date: '2023-02-01', activity: 'buddy', hours: 10 }, 'pillar-not-in-contract', 'FL-DL-09'],
    ['participation, contract from 2023', '2023-01-01', { type: 'record-participation', date: '2023-02-01', activity: 'buddy', hours: 10 }, null, null],
    ['an MO test under the old regime (R-35)', '2022-02-28', { type: 'record-mo-test', date: '2022-04-01', kind: 'test', core: { correct: 9, total: 11 }, practical: { correct: 20, total: 30 } }, 'pillar-not-in-contract', 'R-35'],
    ['a process evaluation before 1 Mar 2023 (R-06)', '2022-06-01', { type: 'record-mo-process-evaluation', date: '2023-02-28', score: { correct: 8, total: 10 } }, 'no-process-evaluation', 'R-06'],
  ] as const)('%s', (_name, signedOn, command, refusal, rule) => {
    const outcome = refusalOf(running(signedOn), command as DossierCommand);
    expect(outcome).toEqual(refusal ? { refusal, rule } : null);
  });
});

describe('deadlines (WF-03 step 5) and their shifts', () => {
  const period = (from: string, to: string, endedOn?: string): Period => ({
    id: 'p',
    kind: 'suspension',
    reason: 'sick-leave',
    proof: 'x',
    proofReceivedOn: from,
    from,
    to,
    ...(endedOn ? { endedOn } : {}),
    certificateNumber: 'n',
  });

  it.each([
    ['no period', [], '2024-04-01', 0],
    ['a period after the due date does not move it', [period('2024-05-01', '2024-05-31')], '2024-04-01', 0],
    ['a period inside the term adds its days', [period('2024-02-01', '2024-02-10')], '2024-04-11', 10],
    ['a period that started before the term counts from the anchor', [period('2023-12-01', '2024-01-10')], '2024-04-11', 10],
    ['a period ended early counts to the day before it ended', [period('2024-02-01', '2024-02-29', '2024-02-05')], '2024-04-05', 4],
    ['a period starting in the extended term extends again (BX-SU-05)', [period('2024-02-01', '2024-02-10'), period('2024-04-05', '2024-04-09')], '2024-04-16', 15],
  ])('%s', (_name, periods, dueOn, shiftedDays) => {
    expect(shiftedDueDate('2024-01-01', '2024-04-01', periods)).toEqual({ dueOn, shiftedDays });
  });

  const deadline = (state: DossierState, kind: string, asOf = '2024-06-01') => dossierDeadlines(state, asOf).find((d) => d.kind === kind);

  it.each([
    ['FL-DL-01: sign-up within 3 months of the letter', 'flanders' as const, '2024-04-02'],
    ['BX-DL-02: within 6 months in Brussels', 'brussels' as const, '2024-07-02'],
  ])('%s', (_name, area, dueOn) => {
    const state = dossier({ date: '2024-01-22', letterSentOn: '2024-01-02', area });
    expect(deadline(state, 'sign-up')).toMatchObject({ dueOn, status: 'met' });
  });

  it('FL-DL-05: employment-service registration within 60 days of the contract, only from 1 Mar 2022', () => {
    expect(deadline(running('2022-02-28'), 'work-registration')).toBeUndefined();
    expect(deadline(running('2022-03-01'), 'work-registration')).toMatchObject({ dueOn: '2022-04-30', status: 'overdue', rule: 'FL-DL-05' });
  });

  it('R-20 and R-16: the six-month MO start target and the three-year diploma window', () => {
    const state = dossier({ date: '2024-01-08' }, { ...intake('2024-01-08'), education: { level: 'higher', diplomaAbroad: true } } as DossierCommand, decideAs('2024-01-08', 'verplicht'), contract('2024-02-01'));
    expect(deadline(state, 'mo-start')).toMatchObject({ dueOn: '2024-08-01', status: 'open' });
    expect(deadline(state, 'diploma-recognition')).toMatchObject({ dueOn: '2027-02-01', status: 'open' });
  });

  it('BX-DL-03: Brussels obligated persons complete within 18 months of registration', () => {
    expect(deadline(running('2023-02-01', 'verplicht', '2023-01-09', 'brussels'), 'completion')).toMatchObject({ dueOn: '2024-07-09', rule: 'BX-DL-03' });
    expect(deadline(running('2023-02-01'), 'completion')).toBeUndefined();
  });
});

describe('follow-up list (WF-04)', () => {
  it('puts overdue first and suggests an infringement for an obligated person only (WF-11, R-02)', () => {
    const obligated = followUpOf(running('2024-02-01', 'verplicht', '2024-01-08'), '2024-06-01');
    expect(obligated.urgency).toBe(0);
    expect(obligated.items[0]).toMatchObject({ reason: 'work-registration', nextAction: 'consider-infringement', severity: 'overdue' });
    const entitled = followUpOf(running('2024-02-01', 'rechthebbend', '2024-01-08'), '2024-06-01');
    expect(entitled.items.find((i) => i.reason === 'work-registration')?.nextAction).toBe('check-work-registration');
  });

  it('a closed dossier has nothing to follow up', () => {
    const closed = decide(running('2024-02-01'), { type: 'close', date: '2024-03-01', reason: 'deceased' }, context()).state;
    expect(followUpOf(closed, '2024-06-01')).toEqual({ items: [], nextDueOn: null, urgency: 3 });
  });
});

describe('suspension, postponement and exemption (WF-09)', () => {
  const suspend = (reason: string, from = '2024-03-01', to = '2024-04-30'): DossierCommand =>
    ({ type: 'start-suspension', date: '2024-03-01', kind: 'suspension', reason, proofReceivedOn: '2024-03-01', proof: 'medisch attest', from, to }) as DossierCommand;

  it.each([
    ['flanders', 'sick-leave', null],
    ['flanders', 'no-childcare', null],
    ['flanders', 'work-or-training-schedule', 'suspension-reason-not-allowed'],
    ['brussels', 'work-or-training-schedule', null],
    ['brussels', 'no-childcare', 'suspension-reason-not-allowed'],
  ] as const)('R-19 / BX-SU: in %s, %s is %s', (area, reason, refusal) => {
    const state = running('2024-02-01', 'verplicht', '2024-01-08', area);
    expect(refusalOf(state, suspend(reason))?.refusal ?? null).toBe(refusal);
  });

  it('issues a numbered suspension certificate, suspends on its dates only, and refuses overlaps', () => {
    const state = decide(running('2024-02-01', 'verplicht', '2024-01-08'), suspend('sick-leave'), context()).state;
    expect(state.periods[0]?.certificateNumber).toMatch(/^TEST-suspension-/);
    expect(refusalOf(state, { type: 'record-mo-course', date: '2024-03-15', enrolledOn: '2024-03-15', attendedHours: 0 })?.refusal).toBe('dossier-suspended');
    expect(refusalOf(state, { type: 'record-mo-course', date: '2024-05-02', enrolledOn: '2024-05-02', attendedHours: 0 })).toBeNull();
    expect(refusalOf(state, suspend('sick-leave', '2024-04-01', '2024-05-31'))?.refusal).toBe('period-overlaps');
    const ended = decide(state, { type: 'end-suspension', date: '2024-04-10' }, context()).state;
    expect(refusalOf(ended, { type: 'record-mo-course', date: '2024-04-10', enrolledOn: '2024-04-10', attendedHours: 0 })).toBeNull();
  });

  it('R-18: exemption only for obligated persons; it issues the certificate and closes the dossier', () => {
    const exempt: DossierCommand = { type: 'grant-exemption', date: '2024-03-01', reason: 'serious-illness', proof: 'attest arts' };
    expect(refusalOf(running('2024-02-01', 'rechthebbend', '2024-01-08'), exempt)).toEqual({ refusal: 'exemption-only-for-obligated', rule: 'R-18' });
    const state = decide(running('2024-02-01', 'verplicht', '2024-01-08'), exempt, context()).state;
    expect(state).toMatchObject({ status: 'closed', closure: { reason: 'exempted' } });
    expect(state.certificates[0]?.kind).toBe('exemption');
  });
});

describe('certificates and closure (WF-10)', () => {
  it('R-17: proof of regular participation for an obligated person who attended but did not pass', () => {
    const state = running('2024-02-01', 'verplicht', '2024-01-08');
    const issue: DossierCommand = { type: 'issue-certificate', date: '2024-06-01', kind: 'regular-participation' };
    expect(refusalOf(state, issue)).toEqual({ refusal: 'regular-participation-not-shown', rule: 'R-17' });
    const attended = decide(state, { type: 'record-mo-course', date: '2024-05-01', enrolledOn: '2024-02-15', attendedHours: 60, completedOn: '2024-04-30' }, context()).state;
    expect(decide(attended, issue, context()).state.closure?.reason).toBe('certificate');
  });

  it.each([
    ['obligation before 1 Mar 2022', '2021-06-01', 'declaration-not-in-rule-set'],
    ['obligation from 1 Mar 2022', '2022-03-01', null],
  ])('FL-DL-06: declaration of effort, %s', (_name, inscription, refusal) => {
    const state = dossier(
      { date: inscription },
      intake(inscription),
      decideAs(inscription, 'verplicht'),
      contract('2022-06-01'),
      { type: 'record-limited-learning-capacity', date: '2022-09-01', basis: 'covaar-test' },
    );
    expect(refusalOf(state, { type: 'issue-certificate', date: '2023-01-01', kind: 'declaration-of-effort' })?.refusal ?? null).toBe(refusal);
  });

  it('WF-10: closing with reason certificate or exempted goes through their own actions; other needs a note', () => {
    const state = running('2024-02-01');
    expect(refusalOf(state, { type: 'close', date: '2024-03-01', reason: 'certificate' })?.refusal).toBe('close-with-certificate-command');
    expect(refusalOf(state, { type: 'close', date: '2024-03-01', reason: 'other' })?.refusal).toBe('closure-note-required');
    expect(refusalOf(state, { type: 'close', date: '2024-03-01', reason: 'moved-out-of-area' })).toBeNull();
  });
});

describe('enforcement (WF-11, R-02, R-21, R-22)', () => {
  const infringement = (date: string): DossierCommand => ({ type: 'record-infringement', date, kind: 'irregular-participation', description: 'afwezig' });

  it.each([
    ['entitled, 28 Feb 2022', 'rechthebbend', 'flanders', '2022-02-28', null],
    ['entitled, 1 Mar 2022', 'rechthebbend', 'flanders', '2022-03-01', 'entitled-not-sanctioned'],
    ['obligated, 1 Mar 2022', 'verplicht', 'flanders', '2022-03-01', null],
    ['Brussels obligated, 31 May 2022', 'verplicht', 'brussels', '2022-05-31', 'enforcement-not-in-force'],
    ['Brussels obligated, 1 Jun 2022', 'verplicht', 'brussels', '2022-06-01', null],
  ] as const)('%s', (_name, group, area, date, refusal) => {
    const state = running('2021-06-01', group, '2021-01-04', area);
    expect(refusalOf(state, infringement(date))?.refusal ?? null).toBe(refusal);
  });

  it.each([
    ['flanders', '2024-03-01', '2024-03-31'],
    ['brussels', '2024-03-01', '2024-05-01'],
  ] as const)('R-22: in %s a notice sent on %s gives until %s to comply; hand-over only after', (area, sent, complyBy) => {
    let state = decide(running('2023-06-01', 'verplicht', '2023-01-09', area), infringement('2024-02-20'), context()).state;
    const id = state.infringements[0]!.id;
    state = decide(state, { type: 'send-notice-of-default', date: sent, infringementId: id }, context()).state;
    expect(state.infringements[0]?.notice?.complyBy).toBe(complyBy);
    expect(refusalOf(state, { type: 'hand-over-to-enforcement', date: complyBy, infringementId: id, evidence: ['brief'] })?.refusal).toBe('notice-term-running');
    const handed = decide(state, { type: 'hand-over-to-enforcement', date: '2024-06-01', infringementId: id, evidence: ['brief'] }, context()).state;
    expect(handed.infringements[0]?.status).toBe('handed-over');
  });

  it('R-21: changed data annuls the chain in any phase, including after hand-over; complied ones stay', () => {
    let state = decide(running('2023-06-01'), infringement('2024-02-20'), context()).state;
    state = decide(state, infringement('2024-02-21'), context()).state;
    const [first, second] = state.infringements.map((i) => i.id);
    state = decide(state, { type: 'record-compliance', date: '2024-02-22', infringementId: first! }, context()).state;
    state = decide(state, { type: 'send-notice-of-default', date: '2024-02-22', infringementId: second! }, context()).state;
    state = decide(state, { type: 'hand-over-to-enforcement', date: '2024-04-01', infringementId: second!, evidence: ['brief'] }, context()).state;
    state = decide(state, { type: 'record-change-of-circumstances', date: '2024-04-02', change: 'residence-status' }, context()).state;
    expect(state.infringements.map((i) => i.status)).toEqual(['complied', 'annulled']);
    expect(state.infringements[1]?.annulled).toEqual({ on: '2024-04-02', change: 'residence-status' });
  });

  it('R-21: a change of target group at the decision annuls the running chain', () => {
    let state = decide(running('2023-06-01'), infringement('2024-02-20'), context()).state;
    state = { ...state, contract: null };
    state = decide(state, { type: 'decide-intake', date: '2024-03-01', targetGroup: 'rechthebbend', overrideReason: 'nieuwe verblijfskaart', profileId: 'profile-3' }, context()).state;
    expect(state.infringements[0]?.status).toBe('annulled');
  });
});

describe('client profiles are configuration (ENT-08) and the digital-skills screening (WF-02)', () => {
  it.each([
    [{ educationLevel: 'higher', literacy: 'literate-latin', working: false }, 'profile-1'],
    [{ educationLevel: 'secondary', literacy: 'literate-latin', working: true }, 'profile-2'],
    [{ educationLevel: 'higher', literacy: 'illiterate', working: true }, 'profile-4'],
    [{ educationLevel: 'primary', literacy: 'low-literate', working: false }, 'profile-3'],
  ] as const)('%o is proposed %s', (facts, id) => {
    expect(proposeProfile(profiles, facts).id).toBe(id);
  });

  it.each([
    [{ hasDevice: true, hasInternet: true, answers: { a: 2, b: 2, c: 1, d: 1 } }, 'sufficient'],
    [{ hasDevice: false, hasInternet: true, answers: { a: 2, b: 2, c: 2, d: 2 } }, 'basic'],
    [{ hasDevice: true, hasInternet: true, answers: { a: 1, b: 1, c: 0, d: 0 } }, 'none'],
  ])('%o screens as %s', (screening, level) => {
    expect(digitalSkillsLevel(screening).level).toBe(level);
  });
});
