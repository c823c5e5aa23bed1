import { describe, expect, it } from 'vitest';
import { factOfAcceptedTask, type AcceptedTask } from './task-review';

const task = (kind: AcceptedTask['kind'], extra: Partial<AcceptedTask> = {}): AcceptedTask => ({ kind, title: null, activityName: null, submittedOn: '2026-02-20', ...extra });

describe('what an accepted portal task records in the dossier (issue 6 §4)', () => {
  it.each<[string, AcceptedTask, { hours?: number; date?: string }, ReturnType<typeof factOfAcceptedTask>]>([
    ['R-07: the registration, on the day submitted', task('register-employment-service'), {}, { command: { type: 'record-work-registration', date: '2026-03-02', registeredOn: '2026-02-20' } }],
    ['R-07: the registration, on the day the case worker says', task('register-employment-service'), { date: '2026-02-18' }, { command: { type: 'record-work-registration', date: '2026-03-02', registeredOn: '2026-02-18' } }],
    ['R-07: no hours for a registration', task('register-employment-service'), { hours: 3 }, { notAllowed: 'hours' }],
    [
      'R-08: the hours of the chosen activity',
      task('upload-participation-proof', { activityName: 'Taalcafé', title: 'Bewijs' }),
      { hours: 12 },
      { command: { type: 'record-participation', date: '2026-02-20', activity: 'Taalcafé', hours: 12 } },
    ],
    ['R-08: the task title when no activity was chosen', task('upload-participation-proof', { title: 'Buurtfeest' }), { hours: 4, date: '2026-02-01' }, { command: { type: 'record-participation', date: '2026-02-01', activity: 'Buurtfeest', hours: 4 } }],
    ['R-08: a proof needs its hours', task('upload-participation-proof'), {}, { missing: 'hours' }],
    ['choosing an activity records nothing yet', task('choose-participation-activity'), {}, { command: null }],
    ['other tasks record nothing', task('other'), {}, { command: null }],
    ['other tasks take no hours', task('other'), { hours: 1 }, { notAllowed: 'hours' }],
  ])('%s', (_name, accepted, review, expected) => {
    expect(factOfAcceptedTask(accepted, review, '2026-03-02')).toEqual(expected);
  });
});
