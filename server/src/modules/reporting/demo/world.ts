/**
 * What every part of the simulation shares: the random streams, the simulated day and the agenda,
 * the dossiers, the staff and the row buffers. One World per generation run.
 */
import type { Rng } from '../../../platform/rng';
import type { Agenda, Day } from './calendar';
import type { Dossier, DossierBook } from './dossiers';
import type { DemoPerson, PeopleFactory } from './people';
import type { DemoRegion } from './published';
import type { RowSink } from './rows';
import type { Staff, StaffMember } from './staff';

export interface World {
  /** Model draws: who does what when. */
  rng: Rng;
  /** Ids of rows, kept apart so that ids do not shift every draw after them. */
  ids: Rng;
  agenda: Agenda;
  /** The simulated day being played. */
  today: Day;
  /** The last day generated: nothing is dated after it. */
  asOf: Day;
  scale: number;
  tenantId: string;
  sink: RowSink;
  book: DossierBook;
  staff: Staff;
  people: PeopleFactory;
  /** An instant during office hours on `date` (ISO), when something of that day was recorded. */
  recordedAt(date: string): string;
}

/** A person the simulation follows: the trajectory client, or someone who only comes for Dutch. */
export interface Client {
  person: DemoPerson;
  region: DemoRegion;
  dossier: Dossier | null;
  caseWorker: StaffMember;
  /** Traits drawn once: they steer the person's choices, never the rules' outcomes. */
  traits: Traits;
  mo: MoProgress;
  nt2: Nt2Progress;
  /** A certificate issue is planned. */
  certificatePlanned?: boolean;
}

export interface Traits {
  literacy: 'literate-latin' | 'literate-other-script' | 'low-literate' | 'illiterate';
  education: 'none' | 'primary' | 'secondary' | 'higher';
  working: boolean;
  studying: boolean;
  allowedToWork: boolean;
  diplomaAbroad: boolean;
  /** Share of the MO test questions the person answers right after a course (before: less). */
  knowledge: number;
  /** Chance to be present at an MO session. */
  presence: number;
  aptitude: 'slow' | 'average' | 'fast';
  temporaryProtection: boolean;
}

export interface MoProgress {
  /** In the waiting pool of this key (region|language|track). */
  pool?: string;
  /** Enrolled in a running course. */
  enrolled?: boolean;
  /** A test or exemption test is booked. */
  booked?: boolean;
}

export interface Nt2Progress {
  conversations: number;
  /** Courses ended in a level result (or a script module): the next advice may be a longer course. */
  attempts: number;
}

/** Plans `run` `days` from today (or on a given day); what is planned after the last day simply never happens. */
export function later(world: World, days: number, run: () => void): void {
  world.agenda.plan(world.today + Math.max(0, Math.round(days)), run);
}
