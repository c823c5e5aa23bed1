/**
 * NT2 for the demo population, as the consultants and providers work with dutch.service.ts: a
 * conversation (or a level test) with the tests taken in it and the one binding advice (ENT-20
 * types, lengths from the advice table), a placement in the next start moment of a module that
 * serves the advice (`checkPlacementFitsAdvice`, R-15) or the provider's waiting list, the
 * provider's enrolment and results, which reach a running dossier through the trajectory's own
 * commands. People without a trajectory come too; their entries are journaled under their person
 * id, as the service does. Brussels has no NT2 desk here (Huis van het Nederlands Brussel).
 */
import type { DossierCommand } from '../../trajectory/dossier/commands';
import { requiredStandardisedSkills } from '../../trajectory/rules/pillars';
import { ruleSetOn } from '../../trajectory/rules/rule-sets';
import { ADVICE_TYPES, checkPlacementFitsAdvice, type AdviceType, type ProviderKind } from '../../dutch/rules/advice';
import { belgianInstant, dayOf, isoOf, workingDayFrom, type Day } from './calendar';
import { NT2, REGION_TOWNS, regionalFigure } from './model';
import { NT2_ADVICES_2023, total, PUBLISHED, type DemoRegion } from './published';
import type { StaffMember } from './staff';
import { later, type Client, type World } from './world';

const NT2_REGIONS: readonly DemoRegion[] = ['PA', 'LI', 'OV', 'VB', 'WV'];

export interface Nt2Hooks {
  /** A level or standardised-test result reached the client's running dossier. */
  resultRecorded(client: Client, reachedA2: boolean): void;
  /** The client still has a running dossier that can take NT2 commands today (not suspended); else when to try again. */
  dossierReady(client: Client): { ready: true } | { ready: false; retryInDays: number } | null;
}

interface Module {
  id: string;
  provider: Provider;
  adviceTypes: AdviceType[];
  moments: Moment[];
}

interface Moment {
  id: string;
  module: Module;
  day: Day;
  capacity: number;
  taken: number;
  /** Persons placed in it: a person is placed once per start moment (nt2-already-placed). */
  persons: Set<string>;
}

interface Provider {
  id: string;
  name: string;
  kind: ProviderKind;
  region: DemoRegion;
  staff: StaffMember;
  modules: Module[];
  /** Who waits on this provider's list: once per person (nt2_placements_once_per_waiting_list). */
  waiting: Map<string, Placement>;
}

interface Placement {
  id: string;
  client: Client;
  adviceId: string;
  adviceType: AdviceType;
  provider: Provider;
  moment: Moment | null;
  status: 'waiting' | 'placed' | 'enrolled' | 'closed';
  placedAt: string;
  placedBy: string;
  enrolledOn: string | null;
  dossierId: string | null;
  updatedAt: string;
}

/** Modules per provider kind, with the advice types they serve (ENT-20: only the kind's own). */
const MODULES: Readonly<Record<'CBE' | 'CVO' | 'UTC', ReadonlyArray<readonly [string, AdviceType[]]>>> = {
  CBE: [['Alfa NT2', ['cbe-alfa-long', 'cbe-alfa-short']], ['NT2 basis', ['cbe-nt2']], ['Latijns schrift', ['latin-script-cbe']]],
  CVO: [['Richtgraad 1 standaard', ['cvo-standard']], ['Richtgraad 1 verlengd', ['cvo-extended']], ['Richtgraad 1 verkort', ['cvo-utc-shortened']]],
  UTC: [['Nederlands intensief', ['cvo-utc-shortened']]],
};

/** Months from the start moment to the level result, by advice type. */
const COURSE_MONTHS: Readonly<Record<AdviceType, readonly [number, number]>> = {
  'cbe-alfa-long': [20, 32], 'cbe-alfa-short': [14, 22], 'cbe-nt2': [12, 20], 'latin-script-cbe': [3, 5], 'latin-script-cvo': [2, 3],
  'cvo-standard': [10, 16], 'cvo-extended': [14, 20], 'cvo-utc-shortened': [5, 9], other: [6, 9], 'no-follow-up': [0, 0],
};

/** Share of each advice type among the advices (Fig. 43), to size the start moments. */
const ADVICE_SHARE: Readonly<Record<AdviceType, number>> = (() => {
  const all = Object.values(NT2_ADVICES_2023).reduce((a, b) => a + b, 0);
  const share = (n: number) => n / all;
  return {
    'latin-script-cbe': share(NT2_ADVICES_2023.CBE), 'cbe-alfa-long': share(NT2_ADVICES_2023['CBE alfa']) * 0.6, 'cbe-alfa-short': share(NT2_ADVICES_2023['CBE alfa']) * 0.4,
    'cbe-nt2': share(NT2_ADVICES_2023['CBE NT2']), 'cvo-standard': share(NT2_ADVICES_2023['CVO standaard']), 'cvo-utc-shortened': share(NT2_ADVICES_2023['CVO verkort of UTC']),
    'cvo-extended': share(NT2_ADVICES_2023['CVO verlengd']), 'latin-script-cvo': 0, other: share(NT2_ADVICES_2023.Andere), 'no-follow-up': share(NT2_ADVICES_2023['Zonder vervolg']),
  };
})();

export class Nt2Desk {
  private readonly providers = new Map<DemoRegion, Provider[]>();
  private readonly yearsPlanned = new Set<number>();
  /** Placements not yet written: written once enrolled or closed, or at the end. */
  private readonly open = new Set<Placement>();

  constructor(
    private readonly world: World,
    private readonly hooks: Nt2Hooks,
  ) {
    const createdAt = world.recordedAt(isoOf(world.today));
    for (const region of NT2_REGIONS) {
      const kinds: Array<'CBE' | 'CVO' | 'UTC'> = region === 'VB' || region === 'LI' ? ['CBE', 'CVO', 'UTC'] : ['CBE', 'CVO'];
      const town = REGION_TOWNS[region][0]!;
      this.providers.set(
        region,
        kinds.map((kind) => {
          const id = world.ids.uuid();
          const name = `${kind} Demo ${town}`;
          world.sink.add('organisations', { id, kind: 'partner', partner_type: 'dutch-course-provider', code: `demo-${kind.toLowerCase()}-${region.toLowerCase()}`, name, requires_mfa: false, created_at: createdAt });
          const provider: Provider = { id, name, kind, region, staff: world.staff.member('course-provider', id, `aanbieder-${kind.toLowerCase()}`, region), modules: [], waiting: new Map() };
          for (const [moduleName, adviceTypes] of MODULES[kind]) {
            const module: Module = { id: world.ids.uuid(), provider, adviceTypes: [...adviceTypes], moments: [] };
            provider.modules.push(module);
            world.sink.add('nt2_modules', {
              id: module.id, provider_id: id, provider_kind: kind, name: moduleName, advice_types: module.adviceTypes, level: 'A2', location: `${name}, Schoolstraat 1`, region, created_at: createdAt, created_by: provider.staff.userId,
            });
          }
          return provider;
        }),
      );
    }
  }

  /** Each provider publishes the year's start moments (4–5 a year, ACT-43), sized to the expected advices. */
  planYear(year: number): void {
    if (this.yearsPlanned.has(year)) return;
    this.yearsPlanned.add(year);
    const world = this.world;
    // Start moments that have passed take no more placements: forgotten, with whom they placed.
    for (const providers of this.providers.values()) for (const p of providers) for (const m of p.modules) m.moments = m.moments.filter((x) => x.day >= world.today);
    const createdAt = world.recordedAt(isoOf(world.today));
    for (const [region, providers] of this.providers) {
      const advices = regionalFigure(year, (p) => p.nt2Persons, region) * (PUBLISHED[2023].nt2Advices / total(PUBLISHED[2023].nt2Persons)) * world.scale;
      for (const provider of providers) {
        for (const module of provider.modules) {
          const share = module.adviceTypes.reduce((sum, t) => sum + ADVICE_SHARE[t], 0) / providers.filter((p) => p.modules.some((m) => m.adviceTypes.some((t) => module.adviceTypes.includes(t)))).length;
          const capacity = Math.max(6, Math.ceil((advices * share * 1.6) / NT2.startMonths.length));
          for (const month of NT2.startMonths) {
            const day = workingDayFrom(dayOf(`${year}-${String(month).padStart(2, '0')}-03`));
            const moment: Moment = { id: world.ids.uuid(), module, day, capacity, taken: 0, persons: new Set() };
            module.moments.push(moment);
            world.sink.add('nt2_start_moments', {
              id: moment.id, module_id: module.id, provider_id: provider.id, starts_on: isoOf(day), ends_on: null, capacity, location: null, created_at: createdAt, created_by: provider.staff.userId,
            });
          }
        }
      }
    }
  }

  /** Someone without a trajectory asks for Dutch (ACT-19): registered by the consultant, then a conversation. */
  newcomer(client: Client): void {
    const consultant = this.world.staff.take(this.world.staff.consultants, client.region);
    this.plan(client, consultant, this.world.rng.int(7, 21));
  }

  /** A conversation for a client, in `inDays` days (0: at the integrated intake). */
  conversation(client: Client, inDays: number): void {
    if (!NT2_REGIONS.includes(client.region)) return;
    this.plan(client, this.world.staff.take(this.world.staff.consultants, client.region), inDays);
  }

  /** createConversation: planned today for a day ahead, then held. */
  private plan(client: Client, consultant: StaffMember, inDays: number): void {
    const world = this.world;
    const day = workingDayFrom(world.today + inDays);
    const id = world.ids.uuid();
    const kind = client.nt2.conversations === 0 && !client.dossier && world.rng.chance(NT2.niveautest) ? 'niveautest' : 'nt2-gesprek';
    const startsAt = belgianInstant(day, world.rng.int(9, 15));
    const endsAt = new Date(Date.parse(startsAt) + 3_600_000).toISOString();
    const plannedAt = world.recordedAt(isoOf(world.today));
    const target = this.journalTarget(client);
    world.book.journal(target, 'nt2.conversation-planned', { conversationId: id, personId: client.person.id, kind, startsAt, endsAt }, consultant, startsAt, plannedAt);
    client.nt2.conversations += 1;
    world.agenda.plan(day, () => this.hold(client, consultant, { id, kind, startsAt, endsAt, plannedAt }));
  }

  /** The conversation: tests taken (ENT-22), the learning aptitude, and its one binding advice. */
  private hold(client: Client, consultant: StaffMember, c: { id: string; kind: string; startsAt: string; endsAt: string; plannedAt: string }): void {
    const world = this.world;
    const rng = world.rng;
    const date = isoOf(world.today);
    const traits = client.traits;
    const tests: Array<{ kind: string; passed: boolean | null; level: string | null; aptitude: Client['traits']['aptitude'] | null }> = [];
    if (c.kind === 'niveautest' || rng.chance(NT2.tests['cvo-entry'])) tests.push({ kind: 'cvo-entry', passed: true, level: rng.chance(0.7) ? 'A1' : 'A2', aptitude: null });
    if (c.kind === 'nt2-gesprek' && rng.chance(NT2.tests.covaar)) tests.push({ kind: 'covaar', passed: null, level: null, aptitude: traits.aptitude });
    if (traits.literacy === 'literate-other-script' && rng.chance(NT2.tests['latin-script'] * 2)) tests.push({ kind: 'latin-script', passed: rng.chance(0.7), level: null, aptitude: null });
    if (traits.literacy === 'low-literate' && rng.chance(NT2.tests['cbe-entry'] * 8)) tests.push({ kind: 'cbe-entry', passed: rng.chance(0.5), level: null, aptitude: null });
    if (rng.chance(NT2.tests.certifying)) tests.push({ kind: rng.pick(['certifying-a1-a2', 'certifying-a1-a2', 'certifying-pre-screening', 'certifying-b1-b2']), passed: rng.chance(0.8), level: null, aptitude: null });
    const aptitude = tests.find((t) => t.aptitude)?.aptitude ?? null;
    world.sink.add('nt2_conversations', {
      id: c.id, person_id: client.person.id, kind: c.kind, starts_at: c.startsAt, ends_at: c.endsAt, location: `AgII ${rng.pick(REGION_TOWNS[client.region])}`, region: client.region,
      consultant_id: consultant.userId, temporary_protection: traits.temporaryProtection, learning_aptitude: aptitude, note: null, created_at: c.plannedAt, created_by: consultant.userId,
    });
    const target = this.journalTarget(client);
    const noon = `${date}T12:00:00.000Z`;
    for (const t of tests) {
      const testId = world.ids.uuid();
      world.sink.add('nt2_tests', {
        id: testId, conversation_id: c.id, person_id: client.person.id, kind: t.kind, taken_on: date, location: null, remote: false, passed: t.passed, level: t.level,
        learning_aptitude: t.aptitude, result: null, certificate_issued: false, created_at: world.recordedAt(date), created_by: consultant.userId,
      });
      world.book.journal(target, 'nt2.test-recorded', { conversationId: c.id, testId, personId: client.person.id, kind: t.kind, passed: t.passed, level: t.level, learningAptitude: t.aptitude }, consultant, noon, world.recordedAt(date));
    }
    const who = client.dossier ? 'trajectory' : 'other';
    if (c.kind === 'niveautest') return;
    if (client.nt2.conversations === 1 && rng.chance(NT2.followUpConversation)) {
      // The advice waits for a second conversation (a test to take first, the results to discuss).
      this.conversationAfter(client, rng.int(7, 40));
      return;
    }
    if (!rng.chance(NT2.advice[who])) return;
    const type = this.adviceType(client);
    const adviceId = world.ids.uuid();
    const length = ADVICE_TYPES[type].length;
    world.sink.add('nt2_advices', {
      id: adviceId, conversation_id: c.id, person_id: client.person.id, advice_type: type, length_amount: length?.amount ?? null, length_unit: length?.unit ?? null,
      advised_on: date, region: client.region, note: null, created_at: world.recordedAt(date), created_by: consultant.userId,
    });
    world.book.journal(target, 'nt2.advice-given', { conversationId: c.id, adviceId, personId: client.person.id, adviceType: type, length, rule: 'R-15' }, consultant, noon, world.recordedAt(date));
    if (!('noFollowUp' in ADVICE_TYPES[type]) && type !== 'other' && rng.chance(NT2.placed[who])) later(world, rng.int(0, 14), () => this.place(client, consultant, adviceId, type));
  }

  /** The advice follows literacy and learning aptitude (WF-06 step 3): non-literate to CBE, fast learners to a shortened course. */
  private adviceType(client: Client): AdviceType {
    const rng = this.world.rng;
    const t = client.traits;
    if (rng.chance(0.005)) return 'no-follow-up';
    if (t.literacy === 'illiterate') return rng.chance(0.6) ? 'cbe-alfa-long' : 'cbe-alfa-short';
    if (t.literacy === 'low-literate') return rng.chance(0.85) ? 'cbe-nt2' : 'latin-script-cbe';
    if (t.literacy === 'literate-other-script' && rng.chance(0.05)) return 'latin-script-cbe';
    // A new try after a course without A2: sometimes the longer course.
    if (client.nt2.attempts > 0 && rng.chance(0.3)) return 'cvo-extended';
    return t.aptitude === 'fast' ? 'cvo-utc-shortened' : t.aptitude === 'slow' ? 'cvo-extended' : rng.chance(0.12) ? 'cvo-utc-shortened' : 'cvo-standard';
  }

  /** place: the next start moment with a free seat of a module that serves the advice, else the waiting list. */
  private place(client: Client, consultant: StaffMember, adviceId: string, type: AdviceType, at?: Provider): void {
    const world = this.world;
    const providers = (this.providers.get(client.region) ?? []).filter((p) => p.modules.some((m) => !checkPlacementFitsAdvice({ type }, m)));
    if (!providers.length) return;
    const provider = at ?? (type === 'cvo-utc-shortened' && providers.length > 1 && world.rng.chance(0.4) ? providers.at(-1)! : providers[0]!);
    const module = provider.modules.find((m) => !checkPlacementFitsAdvice({ type }, m))!;
    this.planYear(Number(isoOf(world.today).slice(0, 4)) + 1);
    const moment = module.moments.find((m) => m.day >= world.today + 7 && m.taken < m.capacity && !m.persons.has(client.person.id)) ?? null;
    const now = world.recordedAt(isoOf(world.today));
    const waiting = provider.waiting.get(client.person.id);
    // Already on this provider's list and no seat yet: the entry there stands (putOnWaitingList refuses a second).
    if (!moment && waiting) return;
    const placement: Placement = {
      id: world.ids.uuid(), client, adviceId, adviceType: type, provider, moment, status: moment ? 'placed' : 'waiting', placedAt: now, placedBy: consultant.userId,
      enrolledOn: null, dossierId: null, updatedAt: now,
    };
    this.open.add(placement);
    const target = this.journalTarget(client);
    if (moment) {
      moment.taken += 1;
      moment.persons.add(client.person.id);
      // place() closes the person's waiting entries at the provider.
      if (waiting) this.closeWaiting(waiting, now);
      world.book.journal(target, 'nt2.placed', { placementId: placement.id, personId: client.person.id, adviceId, adviceType: type, providerId: provider.id, moduleId: module.id, startMomentId: moment.id, startsOn: isoOf(moment.day), closedWaitingEntries: waiting ? 1 : 0 }, consultant, now, now);
      world.agenda.plan(moment.day, () => this.enrol(placement));
    } else {
      provider.waiting.set(client.person.id, placement);
      world.book.journal(target, 'nt2.waiting-list-joined', { placementId: placement.id, personId: client.person.id, adviceId, adviceType: type, providerId: provider.id, moduleId: null }, consultant, now, now);
      // The consultant places from the waiting list once the provider publishes new start moments.
      later(world, world.rng.int(40, 90), () => this.fromWaitingList(placement, consultant));
    }
  }

  private closeWaiting(waiting: Placement, at: string): void {
    waiting.status = 'closed';
    waiting.updatedAt = at;
    waiting.provider.waiting.delete(waiting.client.person.id);
    this.write(waiting);
  }

  /** From the waiting list into the first start moment with room; the entry is closed only then (place closes it). */
  private fromWaitingList(waiting: Placement, consultant: StaffMember): void {
    const world = this.world;
    if (waiting.status !== 'waiting') return;
    this.planYear(Number(isoOf(world.today).slice(0, 4)) + 1);
    const module = waiting.provider.modules.find((m) => m.adviceTypes.includes(waiting.adviceType))!;
    if (!module.moments.some((m) => m.day >= world.today + 7 && m.taken < m.capacity && !m.persons.has(waiting.client.person.id))) {
      later(world, world.rng.int(30, 60), () => this.fromWaitingList(waiting, consultant));
      return;
    }
    this.place(waiting.client, consultant, waiting.adviceId, waiting.adviceType, waiting.provider);
  }

  /** confirmEnrolment: the provider confirms; a running dossier records the NT2 enrolment in the same step. */
  private enrol(placement: Placement): void {
    const world = this.world;
    const client = placement.client;
    if (!world.rng.chance(NT2.enrolled[client.dossier ? 'trajectory' : 'other'])) {
      // Never came: the placement stays as it was made.
      this.write(placement);
      return;
    }
    const readiness = this.hooks.dossierReady(client);
    if (readiness && !readiness.ready) {
      later(world, readiness.retryInDays, () => this.enrol(placement));
      return;
    }
    const date = isoOf(world.today);
    const staff = placement.provider.staff;
    if (readiness?.ready && !world.book.run(client.dossier!, { type: 'record-nt2-enrolment', date, provider: placement.provider.name }, staff, date)) return;
    placement.status = 'enrolled';
    placement.enrolledOn = date;
    placement.dossierId = readiness?.ready ? client.dossier!.id : null;
    placement.updatedAt = world.recordedAt(date);
    world.book.journal(
      placement.dossierId ? client.dossier! : { id: client.person.id },
      'nt2.enrolment-confirmed',
      { placementId: placement.id, personId: client.person.id, providerId: placement.provider.id, enrolledOn: date, regularParticipation: null },
      staff,
      `${date}T12:00:00.000Z`,
      placement.updatedAt,
    );
    this.write(placement);
    const [min, max] = COURSE_MONTHS[placement.adviceType];
    later(world, world.rng.int(min * 30, max * 30), () => this.levelResult(placement));
  }

  /** The provider reports the level reached; the standardised A2 test follows where the contract's rules ask for it. */
  private levelResult(placement: Placement): void {
    const world = this.world;
    const rng = world.rng;
    const client = placement.client;
    const readiness = this.hooks.dossierReady(client);
    if (readiness && !readiness.ready) {
      later(world, readiness.retryInDays, () => this.levelResult(placement));
      return;
    }
    const type = placement.adviceType;
    if (type === 'latin-script-cbe' || type === 'latin-script-cvo') {
      // A script module ends in a new conversation for the Dutch course itself.
      client.nt2.attempts += 1;
      this.conversationAfter(client, rng.int(14, 45));
      return;
    }
    const reached = rng.chance(NT2.reachesA2[client.traits.aptitude] + (client.nt2.attempts > 0 ? 0.1 : 0));
    const alfa = client.traits.literacy === 'illiterate';
    const high = reached && rng.chance(client.traits.aptitude === 'fast' ? 0.3 : 0.08);
    const oral = reached ? (high ? 'B1' : 'A2') : 'A1';
    const written = alfa ? (reached ? 'A1' : null) : reached ? (high ? 'B1' : 'A2') : rng.chance(0.6) ? 'A1' : null;
    this.report(placement, { type: 'record-nt2-result', date: isoOf(world.today), oral, written }, { kind: 'level', oral, written, passed_skills: null });
    client.nt2.attempts += 1;
    if (reached) this.standardisedTest(placement, 1);
    else if (client.dossier?.open && client.nt2.attempts < 2) this.conversationAfter(client, rng.int(30, 120));
    // Back for the next level: most often people without a trajectory, who learn on after A2.
    if ((reached || !client.dossier?.open) && rng.chance(client.dossier?.open ? NT2.nextLevel / 2 : NT2.nextLevel)) this.conversationAfter(client, rng.int(30, 200));
    if (readiness?.ready) this.hooks.resultRecorded(client, reached);
  }

  /** The standardised test, only for a running contract whose rule set requires it; a failed one is retaken once or twice. */
  private standardisedTest(placement: Placement, attempt: number): void {
    const world = this.world;
    const dossier = placement.client.dossier;
    const contract = dossier?.open ? dossier.state.contract : null;
    if (!dossier || !contract) return;
    const skills = requiredStandardisedSkills(placement.client.traits.literacy === 'illiterate', ruleSetOn(contract.signedOn, dossier.state.area));
    if (!skills.length) return;
    later(world, world.rng.int(14, 60), () => {
      const readiness = this.hooks.dossierReady(placement.client);
      if (!readiness) return;
      if (!readiness.ready) {
        later(world, readiness.retryInDays, () => this.standardisedTest(placement, attempt));
        return;
      }
      const passes = world.rng.chance(NT2.standardisedTestPasses + (attempt - 1) * 0.08);
      const passedSkills = passes ? skills : skills.slice(1);
      this.report(placement, { type: 'record-nt2-standardised-test', date: isoOf(world.today), passedSkills }, { kind: 'standardised-test', oral: null, written: null, passed_skills: passedSkills });
      this.hooks.resultRecorded(placement.client, passes);
      if (!passes && attempt < 3) this.standardisedTest(placement, attempt + 1);
    });
  }

  /** recordResult: the result row, the command in a running dossier, and the journal entry. */
  private report(placement: Placement, command: Extract<DossierCommand, { type: 'record-nt2-result' | 'record-nt2-standardised-test' }>, result: { kind: string; oral: string | null; written: string | null; passed_skills: string[] | null }): void {
    const world = this.world;
    const client = placement.client;
    const staff = placement.provider.staff;
    const dossier = client.dossier?.open ? client.dossier : null;
    if (dossier && !world.book.run(dossier, command, staff, command.date)) return;
    const resultId = world.ids.uuid();
    const recordedAt = world.recordedAt(command.date);
    world.sink.add('nt2_results', {
      id: resultId, placement_id: placement.id, person_id: client.person.id, kind: result.kind, result_on: command.date, oral: result.oral, written: result.written,
      passed_skills: result.passed_skills, dossier_id: dossier?.id ?? null, created_at: recordedAt, created_by: staff.userId,
    });
    const { type: _type, ...input } = command;
    world.book.journal(
      dossier ?? { id: client.person.id },
      result.kind === 'level' ? 'nt2.level-result-reported' : 'nt2.standardised-test-reported',
      { placementId: placement.id, resultId, personId: client.person.id, providerId: placement.provider.id, kind: result.kind, ...input },
      staff,
      `${command.date}T12:00:00.000Z`,
      recordedAt,
    );
  }

  /** A follow-up conversation some time from now. */
  conversationAfter(client: Client, days: number): void {
    later(this.world, days, () => this.conversation(client, this.world.rng.int(5, 20)));
  }

  /** The running dossier (journal entries go there) or the person (ENT-18: NT2 serves people outside a trajectory too). */
  private journalTarget(client: Client): { id: string } {
    return client.dossier?.open ? client.dossier : { id: client.person.id };
  }

  private write(placement: Placement): void {
    this.open.delete(placement);
    const module = placement.moment?.module ?? placement.provider.modules.find((m) => m.adviceTypes.includes(placement.adviceType)) ?? null;
    this.world.sink.add('nt2_placements', {
      id: placement.id, person_id: placement.client.person.id, advice_id: placement.adviceId, advice_type: placement.adviceType, provider_id: placement.provider.id,
      module_id: placement.moment ? module?.id ?? null : null, start_moment_id: placement.moment?.id ?? null, status: placement.status, region: placement.client.region,
      placed_at: placement.placedAt, placed_by: placement.placedBy, enrolled_on: placement.enrolledOn, regular_participation: null, dossier_id: placement.dossierId, updated_at: placement.updatedAt,
    });
  }

  /** The end of the generation: placements still waiting or placed are written as they stand. */
  finish(): void {
    for (const placement of [...this.open]) this.write(placement);
  }
}
