import { describe, expect, it } from 'vitest';
import type { DossierCommand } from '../../trajectory/dossier/commands';
import { decide, openDossier, type DecisionContext } from '../../trajectory/dossier/decide';
import { loadClientProfiles } from '../../trajectory/dossier/profiles';
import type { DossierState } from '../../trajectory/dossier/state';
import { NO_PLANNING, trajectoryView, type PlanningFacts } from './trajectory-view';

const context: DecisionContext = {
  today: '2030-01-01',
  person: { birthDate: '1990-01-15' },
  profiles: loadClientProfiles(),
  certificateNumber: (kind) => `TEST-${kind}`,
  newId: () => 'id1',
};

const intake: DossierCommand = {
  type: 'record-intake',
  date: '2024-01-29',
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
  goals: ['werk vinden'],
  targetGroupFacts: { firstInscriptionDate: '2023-11-20', register: 'foreigners', nationality: 'non-eu', residence: 'residence-over-3-months', firstResidenceTitle: true, priorLegalStayYears: 0 },
};

/** A Flemish dossier signed up on 22 Jan 2024, taken through the trajectory's own decision function. */
function dossier(...steps: DossierCommand[]): DossierState {
  let state = openDossier({ type: 'sign-up', date: '2024-01-22', channel: 'spontaneous', area: 'flanders' }, context).state;
  for (const step of steps) state = decide(state, step, context).state;
  return state;
}

const decided = (targetGroup: 'verplicht' | 'rechthebbend'): DossierCommand => ({
  type: 'decide-intake',
  date: '2024-01-29',
  targetGroup,
  profileId: 'profile-3',
  overrideReason: 'set by the test',
});
const contract: DossierCommand = { type: 'sign-contract', date: '2024-02-12', signedOn: '2024-02-12', participationAddendum: false };
/** Obligated, contract 12 Feb 2024: every pillar is part of the certificate (fl-2023-09). */
const running = (...steps: DossierCommand[]) => dossier(intake, decided('verplicht'), contract, ...steps);
const moTest = (date: string, core: number, practical: number, kind: 'test' | 'exemption-test' = 'test'): DossierCommand => ({
  type: 'record-mo-test',
  date,
  kind,
  core: { correct: core, total: 11 },
  practical: { correct: practical, total: 30 },
});

const pillar = (view: ReturnType<typeof trajectoryView>, name: string) => view.pillars.find((p) => p.pillar === name);
const step = (view: ReturnType<typeof trajectoryView>, code: string) => view.nextSteps.find((s) => s.code === code);

describe('the newcomer’s trajectory, read through the trajectory rules (issue 6 §2)', () => {
  it('without a dossier there is nothing to show yet', () => {
    expect(trajectoryView(null, '2024-03-01')).toEqual({ status: null, contractSignedOn: null, pillars: [], nextSteps: [], missingForCertificate: [] });
  });

  it('WF-02, R-02: before the contract the intake and the contract are the steps, the pillars wait for the contract', () => {
    const view = trajectoryView(dossier(), '2024-01-25');
    expect(view.status).toBe('signed-up');
    expect(view.nextSteps).toEqual([
      { code: 'sign-contract', pillar: null, dueDate: '2024-04-22' },
      { code: 'intake', pillar: null, dueDate: null },
    ]);
    expect(view.pillars.map((p) => [p.pillar, p.state, p.detail])).toEqual([
      ['mo', 'todo', 'after-contract'],
      ['nt2', 'todo', 'after-contract'],
      ['work', 'todo', 'after-contract'],
      ['participation', 'todo', 'after-contract'],
    ]);
    expect(view.missingForCertificate).toEqual([]);
  });

  it('R-07 / FL-DL-05, R-20, R-08: a fresh contract — register with VDAB within 60 days, wait for an MO course (six-month target), 40 participation hours', () => {
    const view = trajectoryView(running(), '2024-03-01');
    expect(view).toMatchObject({ status: 'running', contractSignedOn: '2024-02-12' });
    expect(view.nextSteps).toEqual([
      { code: 'register-employment-service', pillar: 'work', dueDate: '2024-04-12' },
      { code: 'mo-waiting-list', pillar: 'mo', dueDate: '2024-08-12' },
      { code: 'nt2-conversation-to-plan', pillar: 'nt2', dueDate: null },
      { code: 'participation-hours', pillar: 'participation', dueDate: null },
    ]);
    expect(pillar(view, 'mo')).toEqual({ pillar: 'mo', state: 'todo', detail: 'waiting-for-course', progress: null });
    expect(pillar(view, 'work')).toMatchObject({ state: 'in-progress', detail: 'to-register' });
    expect(pillar(view, 'participation')).toEqual({ pillar: 'participation', state: 'todo', detail: 'to-choose-activity', progress: { done: 0, required: 40 } });
    expect(view.missingForCertificate).toEqual(['mo-course', 'mo-test', 'nt2-course', 'nt2-a2', 'nt2-standardised-test', 'work-registration', 'participation-hours']);
  });

  it.each<[string, DossierCommand[], string, { state: string; detail: string }, string | null]>([
    ['FL-DL-05: registration late stays to do', [], '2024-05-01', { state: 'todo', detail: 'registration-overdue' }, 'register-employment-service'],
    ['R-07: registered', [{ type: 'record-work-registration', date: '2024-03-01', registeredOn: '2024-03-01' }], '2024-03-02', { state: 'done', detail: 'registered' }, null],
  ])('work pillar — %s', (_name, steps, asOf, expected, nextStep) => {
    const view = trajectoryView(running(...steps), asOf);
    expect(pillar(view, 'work')).toMatchObject(expected);
    expect(step(view, 'register-employment-service')?.code ?? null).toBe(nextStep);
  });

  it.each<[string, DossierCommand[], Partial<PlanningFacts>, { state: string; detail: string }, string]>([
    ['R-05: enrolled, hours counted against the profile', [{ type: 'record-mo-course', date: '2024-03-01', enrolledOn: '2024-03-01', attendedHours: 12 }], {}, { state: 'in-progress', detail: 'course-enrolled' }, 'mo-attend-course'],
    [
      'R-09: course followed, test booked',
      [{ type: 'record-mo-course', date: '2024-06-01', enrolledOn: '2024-03-01', attendedHours: 60, completedOn: '2024-06-01' }],
      { moTestOn: '2024-06-20' },
      { state: 'in-progress', detail: 'test-booked' },
      'mo-take-test',
    ],
    ['R-12: a failed test means a new course', [moTest('2024-06-03', 3, 10)], {}, { state: 'todo', detail: 'test-failed' }, 'mo-redo-course'],
    ['R-10, R-11: a passed exemption test exempts from MO', [moTest('2024-03-04', 10, 28, 'exemption-test')], {}, { state: 'exempt', detail: 'exemption-test-passed' }, ''],
  ])('MO pillar — %s', (_name, steps, planning, expected, nextStep) => {
    const view = trajectoryView(running(...steps), '2024-06-10', { ...NO_PLANNING, ...planning });
    expect(pillar(view, 'mo')).toMatchObject(expected);
    expect(view.nextSteps.find((s) => s.pillar === 'mo')?.code ?? '').toBe(nextStep);
  });

  it('R-05: the MO course shows the hours attended against the profile’s hours', () => {
    const view = trajectoryView(running({ type: 'record-mo-course', date: '2024-03-01', enrolledOn: '2024-03-01', attendedHours: 12 }), '2024-03-02');
    expect(pillar(view, 'mo')?.progress).toEqual({ done: 12, required: 60 });
  });

  it('a booked test dates the MO step; an NT2 placement dates the NT2 step (WF-05, WF-06)', () => {
    const planned = trajectoryView(running(), '2024-03-01', { ...NO_PLANNING, nt2Advised: true, nt2StartsOn: '2024-09-02' });
    expect(step(planned, 'nt2-start-course')).toEqual({ code: 'nt2-start-course', pillar: 'nt2', dueDate: '2024-09-02' });
    expect(pillar(planned, 'nt2')?.detail).toBe('course-planned');
    const conversation = trajectoryView(running(), '2024-03-01', { ...NO_PLANNING, nt2ConversationOn: '2024-03-12' });
    expect(step(conversation, 'nt2-conversation')?.dueDate).toBe('2024-03-12');
    const advised = trajectoryView(running(), '2024-03-01', { ...NO_PLANNING, nt2Advised: true });
    expect([step(advised, 'nt2-await-placement')?.code, pillar(advised, 'nt2')?.detail]).toEqual(['nt2-await-placement', 'advice-given']);
  });

  it('R-13: A2 reached in the course leaves the standardised test', () => {
    const view = trajectoryView(
      running({ type: 'record-nt2-enrolment', date: '2024-03-01', provider: 'CVO' }, { type: 'record-nt2-result', date: '2024-06-01', oral: 'A2', written: 'A2' }),
      '2024-06-02',
    );
    expect(pillar(view, 'nt2')).toMatchObject({ state: 'in-progress', detail: 'standardised-test-to-take' });
    expect(view.missingForCertificate).toContain('nt2-standardised-test');
    expect(view.missingForCertificate).not.toContain('nt2-a2');
  });

  it.each<[string, 'verplicht' | 'rechthebbend', number, { state: string; detail: string; progress: object }]>([
    ['R-08: obligated, hours on the way', 'verplicht', 12, { state: 'in-progress', detail: 'hours-in-progress', progress: { done: 12, required: 40 } }],
    ['R-08: obligated, 40 hours done', 'verplicht', 40, { state: 'done', detail: 'hours-complete', progress: { done: 40, required: 40 } }],
    ['R-08: entitled, participation is optional', 'rechthebbend', 0, { state: 'not-required', detail: 'optional', progress: { done: 0, required: 40 } }],
  ])('participation pillar — %s', (_name, group, hours, expected) => {
    // ENT-06: an entitled person joins the participation track through the addendum.
    const signed: DossierCommand = { ...contract, participationAddendum: group === 'rechthebbend' } as DossierCommand;
    const steps: DossierCommand[] = hours ? [{ type: 'record-participation', date: '2024-03-01', activity: 'Buurtwerk', hours }] : [];
    const view = trajectoryView(dossier(intake, decided(group), signed, ...steps), '2024-03-02');
    expect(pillar(view, 'participation')).toMatchObject(expected);
  });

  it('FL-SU-04: a suspension shows when it ends; a closed dossier has no steps left', () => {
    const suspended = running({ type: 'start-suspension', date: '2024-03-01', kind: 'suspension', reason: 'sick-leave', proofReceivedOn: '2024-03-01', proof: 'medisch attest', from: '2024-03-01', to: '2024-05-31' });
    const view = trajectoryView(suspended, '2024-03-10');
    expect(view.status).toBe('suspended');
    expect(step(view, 'suspension-ends')).toEqual({ code: 'suspension-ends', pillar: null, dueDate: '2024-05-31' });
    // R-20 and FL-DL-05: the suspension's 92 days move the terms it falls in.
    expect(step(view, 'register-employment-service')?.dueDate).toBe('2024-07-13');

    const closed = trajectoryView(running({ type: 'close', date: '2024-03-01', reason: 'moved-out-of-area' }), '2024-03-02');
    expect(closed).toMatchObject({ status: 'closed', nextSteps: [], missingForCertificate: [] });
  });
});
