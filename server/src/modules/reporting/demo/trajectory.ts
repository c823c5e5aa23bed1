/**
 * One demo client's trajectory, step by step, as case workers record it through the trajectory's
 * commands: sign-up, intake and decision (the target group the rules propose), contract and plan,
 * then the pillars as they come (MO through the planner, NT2 through the desk, VDAB registration,
 * participation), with suspensions, exemptions, stops, moves and enforcement along the way, and
 * the certificate once `certificateOn` says it can be issued. The generator decides what people
 * do and when; whether it completes a pillar, passes a test or closes the dossier is the rules'.
 */
import { searchTermsOf } from '../../persons/rules/person-record';
import type { CommandOf, DossierCommand, SignUpCommand } from '../../trajectory/dossier/commands';
import { certificateOn, contractRuleSet, regularParticipationShown } from '../../trajectory/dossier/evaluate';
import { activeSuspension, lastDayOf, statusOn } from '../../trajectory/dossier/state';
import { moRequiredHours, participationRequired } from '../../trajectory/rules/pillars';
import { addDays } from '../../trajectory/rules/dates';
import { ruleSetOn, type SuspensionReason } from '../../trajectory/rules/rule-sets';
import { dayOf, isoOf, workingDayFrom } from './calendar';
import type { Nt2Desk, Nt2Hooks } from './dutch';
import { drawTraits, inscriptionBefore, intakeCommand, targetGroupFacts, type Aim } from './intake';
import { OBLIGATED_AT_SIGN_UP, OUTSIDE_TARGET_GROUP, TRAJECTORY, UNDETERMINED_AT_SIGN_UP } from './model';
import type { MoHooks, MoPlanner } from './orientation';
import type { DemoRegion } from './published';
import type { Actor } from './rows';
import { later, type Client, type World } from './world';

const REFERRERS = ['OCMW', 'VDAB', 'CAW', 'Lokaal bestuur', 'Vluchtelingenwerk Vlaanderen', 'Fedasil'];
const ACTIVITIES = ['Vrijwilliger bij de buurtwerking', 'Taalcafé', 'Sportclub', 'Lid van een vereniging', 'Vrijwilliger in een woonzorgcentrum', 'Buddyproject', 'Repair café', 'Schoolraad'];
const DONE = new Set(['completed', 'exempted', 'not-required']);

export class Trajectories implements MoHooks, Nt2Hooks {
  /** Clients whose dossier is open: finished at the end with the state of the last day. */
  readonly openClients = new Set<Client>();
  mo!: MoPlanner;
  nt2!: Nt2Desk;

  constructor(private readonly world: World) {}

  private get date(): string {
    return isoOf(this.world.today);
  }

  // ---------------------------------------------------------------------------------------------
  // Sign-up, intake, decision, contract

  /** A newcomer signs up (WF-02): the person is registered, the dossier opened by their case worker. */
  arrive(region: DemoRegion, temporaryProtection: boolean): void {
    const world = this.world;
    const rng = world.rng;
    const date = this.date;
    const aim: Aim = temporaryProtection
      ? 'tijdelijke-bescherming'
      : rng.chance(OUTSIDE_TARGET_GROUP) ? 'outside'
        : rng.chance(UNDETERMINED_AT_SIGN_UP) ? 'onbepaald'
          : rng.chance(OBLIGATED_AT_SIGN_UP[region]) ? 'verplicht' : 'rechthebbend';
    const person = world.people.make({
      region,
      on: date,
      ...(temporaryProtection ? { language: rng.chance(0.7) ? 'uk' : 'ru' } : {}),
      nonEu: aim === 'verplicht' || temporaryProtection,
      senior: aim === 'rechthebbend' && rng.chance(0.04),
    });
    const caseWorker = world.staff.take(world.staff.caseWorkers, region);
    const client: Client = { person, region, dossier: null, caseWorker, traits: drawTraits(rng, person, temporaryProtection, aim === 'verplicht'), mo: {}, nt2: { conversations: 0, attempts: 0 } };
    const intakeActor = { userId: caseWorker.userId, purpose: 'intake' };
    registerPerson(world, person, intakeActor);
    const brussels = region === 'BR';
    const inscribedOn = inscriptionBefore(rng, date);
    const letter = !temporaryProtection && (aim === 'verplicht' ? rng.chance(brussels ? 0.2 : 0.75) : rng.chance(brussels ? 0.05 : 0.35));
    const notified = brussels && aim === 'verplicht' && !letter && date >= '2022-06-01' && rng.chance(0.8);
    const channel: SignUpCommand['channel'] = letter ? 'invitation-letter' : notified ? 'municipality-notification' : rng.chance(temporaryProtection ? 0.5 : 0.7) ? 'spontaneous' : 'partner-referral';
    const letterSentOn = letter ? maxDate(addDays(inscribedOn, 5), addDays(date, -rng.int(10, aim === 'verplicht' && rng.chance(0.12) ? 130 : 80))) : undefined;
    const command: SignUpCommand = {
      type: 'sign-up',
      date,
      channel,
      area: brussels ? 'brussels' : 'flanders',
      ...(channel === 'partner-referral' ? { referrer: temporaryProtection ? 'Lokaal bestuur' : rng.pick(REFERRERS) } : {}),
      ...(letterSentOn && letterSentOn <= date ? { letterSentOn } : {}),
    };
    client.dossier = world.book.signUp(person, command, { ...intakeActor, caseWorker: true }, date);
    if (!client.dossier) return;
    this.openClients.add(client);
    if (rng.chance(TRAJECTORY.noIntake)) {
      later(world, rng.int(120, 200), () => this.close(client, 'other', 'Geen reactie op de uitnodigingen voor de intake'));
      return;
    }
    later(world, workingDayFrom(world.today + rng.int(7, 42)) - world.today, () => this.intake(client, aim, inscribedOn));
  }

  private intake(client: Client, aim: Aim, inscribedOn: string): void {
    const world = this.world;
    const rng = world.rng;
    if (!client.dossier?.open) return;
    const facts = targetGroupFacts(rng, aim, client.person, inscribedOn, client.region === 'BR');
    if (!this.run(client, intakeCommand(rng, this.date, client.person, client.traits, facts), { userId: client.caseWorker.userId, purpose: 'intake' })) return;
    if (client.nt2.conversations === 0 && (client.traits.temporaryProtection || rng.chance(TRAJECTORY.nt2Conversation)) && client.person.language !== 'nl') {
      // From 1 April 2023 the intake and the NT2 conversation are one (integrated intake).
      this.nt2.conversation(client, this.date >= '2023-04-01' ? 0 : rng.int(7, 40));
    }
    if (aim === 'onbepaald') {
      // The missing register fact is found later; the intake is recorded again, complete.
      const settled: Aim = !client.person.eu && rng.chance(0.5) ? 'verplicht' : 'rechthebbend';
      later(world, rng.int(14, 60), () => this.intake(client, settled, inscribedOn));
      return;
    }
    later(world, rng.chance(0.7) ? 0 : rng.int(1, 10), () => this.decide(client));
  }

  /** The case worker confirms the proposed group and profile (WF-02 steps 3 and 6). */
  private decide(client: Client): void {
    const world = this.world;
    const rng = world.rng;
    const dossier = client.dossier;
    if (!dossier?.open || !dossier.state.intake) return;
    const intake = dossier.state.intake;
    const group = intake.targetGroupProposal.group;
    const brussels = client.region === 'BR';
    const french = brussels && group === 'verplicht' && rng.chance(TRAJECTORY.brusselsFrenchTrack);
    const decided = this.run(client, {
      type: 'decide-intake',
      date: this.date,
      targetGroup: group,
      profileId: intake.proposedProfileId,
      ...(brussels ? { brusselsTrack: french ? 'french' : 'dutch' } : {}),
    });
    if (!decided) return;
    if (group === 'geen-doelgroep' || group === 'onbepaald') {
      later(world, rng.int(0, 14), () => this.close(client, 'other', 'Niet in de doelgroep van inburgering'));
      return;
    }
    if (french) {
      later(world, rng.int(0, 20), () => this.close(client, 'other', 'Kiest het Franstalige traject bij een BAPA'));
      return;
    }
    if (rng.chance(client.traits.education === 'higher' ? TRAJECTORY.exemptionTest.higher : TRAJECTORY.exemptionTest.other) && group !== 'tijdelijke-bescherming') {
      later(world, rng.int(0, 20), () => this.mo.bookTest(client, 'exemption-test', world.today + 7));
    }
    if (rng.chance(TRAJECTORY.contract[group])) {
      later(world, rng.int(3, 45), () => this.contract(client));
      return;
    }
    if (group === 'verplicht') this.enforce(client, rng.int(100, 150), 'contract-not-signed', 'Geen inburgeringscontract ondertekend na de uitnodiging.');
    const reason = group === 'tijdelijke-bescherming' ? 'Voortraject tijdelijk beschermden afgerond' : 'Geen interesse in een traject';
    later(world, group === 'verplicht' ? rng.int(300, 420) : rng.int(60, 300), () => this.close(client, 'other', reason));
  }

  /** Inburgeringscontract (WF-03), then everything the contract sets in motion. */
  private contract(client: Client): void {
    const world = this.world;
    const rng = world.rng;
    if (!this.ready(client, () => this.contract(client))) return;
    const state = client.dossier!.state;
    const entitled = state.decision!.targetGroup !== 'verplicht';
    const addendum = entitled && ruleSetOn(this.date, state.area).participation.inForce && rng.chance(TRAJECTORY.participationAddendum);
    if (!this.run(client, { type: 'sign-contract', date: this.date, signedOn: this.date, participationAddendum: addendum })) return;
    const contract = client.dossier!.state.contract!;
    const rules = contractRuleSet(client.dossier!.state);
    const contractDay = this.world.today;
    if (rng.chance(0.6)) {
      later(world, rng.int(0, 21), () =>
        this.guarded(client, () => this.run(client, { type: 'update-pip', date: this.date, goals: client.dossier!.state.intake!.goals.length ? client.dossier!.state.intake!.goals : ['Nederlands leren'], steps: [{ description: 'Inschrijven bij de VDAB', done: false }, { description: 'Cursus MO volgen', done: false }] })),
      );
    }
    if (!DONE.has(this.pillar(client, 'mo')) && !client.mo.booked) this.mo.join(client);
    // Pillar 3: VDAB (Actiris in Brussels) within 60 days (FL-DL-05), some late, a few never.
    if (rules.work.registrationRequired && client.traits.allowedToWork) {
      const roll = rng.next();
      if (roll < TRAJECTORY.workRegistration.onTime + TRAJECTORY.workRegistration.late) {
        const registeredAfter = roll < TRAJECTORY.workRegistration.onTime ? rng.int(3, 55) : rng.int(65, 160);
        later(world, registeredAfter + rng.int(0, 10), () => this.workRegistration(client, isoOf(contractDay + registeredAfter)));
      }
    }
    if (client.traits.diplomaAbroad && rng.chance(TRAJECTORY.diplomaRecognition)) {
      later(world, rng.int(14, 700), () => this.guarded(client, () => this.run(client, { type: 'record-diploma-recognition-request', date: this.date })));
    }
    this.dutch(client);
    this.participation(client);
    this.fate(client, contract.obligated);
    later(world, 365 + rng.int(0, 30), () => this.review(client, 1));
    this.checkCertificate(client);
  }

  /**
   * The case worker's yearly look at a running trajectory: someone who never got to an NT2 course is
   * referred again; an entitled client without a certificate after three years, anyone after five,
   * is closed.
   */
  private review(client: Client, year: number): void {
    const dossier = client.dossier;
    if (!dossier?.open) return;
    if (this.pillar(client, 'nt2') === 'not-started' && client.region !== 'BR' && client.person.language !== 'nl') this.nt2.conversation(client, this.world.rng.int(7, 30));
    if (year >= 5 || (year >= 3 && !dossier.state.contract!.obligated)) this.close(client, 'other', 'Traject beëindigd zonder attest');
    // One review planned at a time, so a closed dossier is not kept in memory for years by its future reviews.
    else later(this.world, 365 + this.world.rng.int(0, 30), () => this.review(client, year + 1));
  }

  private workRegistration(client: Client, registeredOn: string): void {
    this.guarded(client, () => {
      if (client.dossier!.state.work.registeredOn) return;
      if (this.run(client, { type: 'record-work-registration', date: this.date, registeredOn })) this.checkCertificate(client);
    });
  }

  /** Pillar 2 outside the NT2 desk: Dutch speakers show a diploma; Brussels clients learn at HvN Brussel. */
  private dutch(client: Client): void {
    const world = this.world;
    const rng = world.rng;
    const state = client.dossier!.state;
    const standardised = ruleSetOn(state.contract!.signedOn, state.area).nt2.standardisedTestSkills.length > 0;
    if (client.person.language === 'nl') {
      later(world, rng.int(7, 30), () =>
        this.guarded(client, () => {
          if (!this.run(client, { type: 'record-nt2-result', date: this.date, oral: 'B2', written: 'B2' })) return;
          if (standardised) this.run(client, { type: 'record-nt2-standardised-test', date: this.date, passedSkills: ['reading', 'writing', 'listening', 'speaking'] });
          this.checkCertificate(client);
        }),
      );
      return;
    }
    if (client.region !== 'BR') return;
    later(world, rng.int(14, 90), () =>
      this.guarded(client, () => {
        if (!this.run(client, { type: 'record-nt2-enrolment', date: this.date, provider: rng.pick(['Huis van het Nederlands Brussel', 'CVO Brussel', 'CBE Brussel']) })) return;
        later(world, rng.int(240, 480), () => this.brusselsResult(client, 1));
      }),
    );
  }

  private brusselsResult(client: Client, attempt: number): void {
    const rng = this.world.rng;
    this.guarded(client, () => {
      const reached = rng.chance(client.traits.aptitude === 'slow' ? 0.6 : 0.8);
      const alfa = client.traits.literacy === 'illiterate';
      if (!this.run(client, { type: 'record-nt2-result', date: this.date, oral: reached ? 'A2' : 'A1', written: alfa ? null : reached ? 'A2' : 'A1' })) return;
      const skills = ruleSetOn(client.dossier!.state.contract!.signedOn, 'brussels').nt2.standardisedTestSkills;
      if (reached && skills.length) this.run(client, { type: 'record-nt2-standardised-test', date: this.date, passedSkills: alfa ? skills.filter((s) => s === 'listening' || s === 'speaking') : [...skills] });
      if (!reached && attempt < 3) later(this.world, rng.int(120, 300), () => this.brusselsResult(client, attempt + 1));
      this.checkCertificate(client);
    });
  }

  /** Pillar 4 (from 2023): obligated clients who neither work nor study must do 40 hours; entitled ones with the addendum may. */
  private participation(client: Client): void {
    const world = this.world;
    const rng = world.rng;
    const state = client.dossier!.state;
    const rules = contractRuleSet(state);
    const contract = state.contract!;
    if (!rules.participation.inForce) return;
    const required = participationRequired({ obligated: contract.obligated, working: state.situation.working, studying: state.situation.studying }, rules);
    if (!required && !(contract.participationAddendum && rng.chance(0.6))) return;
    const activities = rng.int(2, 4);
    const target = rules.participation.minHours + rng.int(0, 16) - (required ? 0 : rng.int(0, 20));
    let planned = 0;
    for (let k = 0; k < activities; k++) {
      const hours = k === activities - 1 ? Math.max(4, target - planned) : Math.max(4, Math.round(target / activities) + rng.int(-4, 4));
      planned += hours;
      // Obligated clients fit the hours in over a longer time than those who chose to take part.
      later(world, required ? rng.int(60, 700) : rng.int(45, 420), () =>
        this.guarded(client, () => {
          if (this.run(client, { type: 'record-participation', date: this.date, activity: rng.pick(ACTIVITIES), hours })) this.checkCertificate(client);
        }),
      );
    }
  }

  /** What else may happen during the trajectory: a job, a suspension, an exemption, a stop, a move, an infringement. */
  private fate(client: Client, obligated: boolean): void {
    const world = this.world;
    const rng = world.rng;
    const brussels = client.region === 'BR';
    if (!client.traits.working && rng.chance(0.1)) {
      later(world, rng.int(100, 600), () =>
        this.guarded(client, () => {
          if (this.run(client, { type: 'record-situation', date: this.date, working: true, studying: false, allowedToWork: true })) this.checkCertificate(client);
        }),
      );
    }
    if (rng.chance(brussels ? TRAJECTORY.suspension.brussels : TRAJECTORY.suspension.flanders)) later(world, rng.int(45, 600), () => this.suspend(client, 3));
    if (obligated && rng.chance(TRAJECTORY.exemption)) {
      later(world, rng.int(30, 500), () =>
        this.guarded(client, () => this.run(client, { type: 'grant-exemption', date: this.date, reason: rng.chance(0.6) ? 'serious-illness' : 'disability', proof: 'Medisch attest van de behandelende arts' }), true),
      );
    }
    if (!obligated && rng.chance(TRAJECTORY.stops)) later(world, rng.int(60, 700), () => this.close(client, 'other', 'Stopgezet op eigen vraag'));
    if (rng.chance(TRAJECTORY.moves)) {
      later(world, rng.int(30, 800), () =>
        this.guarded(client, () => {
          if (rng.chance(0.5)) this.run(client, { type: 'record-change-of-circumstances', date: this.date, change: 'address', note: 'Verhuisd buiten het werkingsgebied' });
          this.close(client, 'moved-out-of-area');
        }, true),
      );
    }
    if (obligated && !brussels && rng.chance(TRAJECTORY.infringement)) {
      const late = contractRuleSet(client.dossier!.state).work.registrationRequired && !client.dossier!.state.work.registeredOn;
      this.enforce(client, rng.int(75, 400), late ? 'late-work-registration' : 'irregular-participation', late ? 'Niet ingeschreven bij de VDAB binnen de termijn.' : 'Onregelmatige deelname aan de cursus MO.');
    }
  }

  /** Opschorting (WF-09) with a reason of the rule set, not while enrolled in a course or booked for a test. */
  private suspend(client: Client, tries: number): void {
    const world = this.world;
    const rng = world.rng;
    this.guarded(client, () => {
      const state = client.dossier!.state;
      if (client.mo.enrolled || client.mo.booked || !state.contract) {
        if (tries > 1) later(world, rng.int(30, 90), () => this.suspend(client, tries - 1));
        return;
      }
      const reasons = ruleSetOn(this.date, state.area).suspensionReasons.filter((r): r is Exclude<SuspensionReason, 'flexible-trajectory'> => r !== 'flexible-trajectory');
      const from = this.date;
      const to = addDays(from, rng.int(30, 180));
      const proofReceivedOn = maxDate(state.signUp.date, addDays(from, -rng.int(0, 7)));
      const started = this.run(client, { type: 'start-suspension', date: from, kind: 'suspension', reason: rng.pick(reasons), proofReceivedOn, proof: 'Attest van de behandelende arts of de werkgever', from, to });
      if (started && rng.chance(0.25)) {
        later(world, Math.round((dayOf(to) - world.today) / 2), () => {
          if (client.dossier?.open && activeSuspension(client.dossier.state, this.date)) this.run(client, { type: 'end-suspension', date: this.date });
        });
      }
    });
  }

  /** Handhaving (WF-11): infringement, notice of default, then compliance, hand-over or annulment. */
  private enforce(client: Client, inDays: number, kind: CommandOf<'record-infringement'>['kind'], description: string): void {
    const world = this.world;
    const rng = world.rng;
    later(world, inDays, () =>
      this.guarded(client, () => {
        const recorded = this.run(client, { type: 'record-infringement', date: this.date, kind, description });
        const infringementId = recorded?.event.payload.infringementId as string | undefined;
        if (!infringementId) return;
        later(world, rng.int(3, 20), () =>
          this.guarded(client, () => {
            const notice = this.run(client, { type: 'send-notice-of-default', date: this.date, infringementId });
            const complyBy = notice?.event.payload.complyBy as string | undefined;
            if (!complyBy) return;
            const roll = rng.next();
            if (roll < TRAJECTORY.afterNotice.complies) {
              later(world, rng.int(2, Math.max(3, dayOf(complyBy) - world.today)), () => {
                this.guarded(client, () => this.run(client, { type: 'record-compliance', date: this.date, infringementId }), true);
                if (kind === 'late-work-registration') this.workRegistration(client, this.date);
              });
            } else if (roll < TRAJECTORY.afterNotice.complies + TRAJECTORY.afterNotice.handedOver) {
              later(world, dayOf(complyBy) - world.today + rng.int(1, 30), () =>
                this.guarded(client, () => this.run(client, { type: 'hand-over-to-enforcement', date: this.date, infringementId, evidence: [`Aangetekende ingebrekestelling van ${notice!.state.infringements.find((i) => i.id === infringementId)!.notice!.sentOn}`, 'Geen reactie binnen de termijn'] })),
              );
            } else {
              later(world, rng.int(3, 20), () => this.guarded(client, () => this.run(client, { type: 'record-change-of-circumstances', date: this.date, change: 'residence-status', note: 'Verblijfsstatus gewijzigd' }), true));
            }
          }),
        );
      }),
    );
  }

  // ---------------------------------------------------------------------------------------------
  // Certificate and closure

  /** Plans the certificate once the rules say it can be issued (the follow-up list's 'certificate-ready'). */
  checkCertificate(client: Client): void {
    const dossier = client.dossier;
    if (client.certificatePlanned || !dossier?.open || !certificateOn(dossier.state, this.date)?.canIssue) return;
    client.certificatePlanned = true;
    later(this.world, this.world.rng.int(3, 30), () =>
      this.guarded(client, () => {
        client.certificatePlanned = false;
        if (certificateOn(client.dossier!.state, this.date)?.canIssue) this.run(client, { type: 'issue-certificate', date: this.date, kind: 'civic-integration' });
      }),
    );
  }

  private close(client: Client, reason: 'other' | 'moved-out-of-area', note?: string): void {
    if (!client.dossier?.open) return;
    this.run(client, { type: 'close', date: this.date, reason, ...(note ? { note } : {}) });
  }

  // ---------------------------------------------------------------------------------------------
  // MO and NT2 hooks

  courseCompleted(client: Client): void {
    const dossier = client.dossier;
    if (!dossier?.open || !dossier.state.contract) return;
    const rules = contractRuleSet(dossier.state);
    const course = dossier.state.mo.course;
    if (rules.mo.completion === 'regular-participation') {
      // the teacher's finding of regular participation where the hours fall just short.
      const required = moRequiredHours(dossier.state.decision?.moProfile, rules);
      if (course && course.attendedHours < required && course.attendedHours >= 0.75 * required && course.completedOn) {
        this.run(client, { type: 'record-mo-course', date: this.date, enrolledOn: course.enrolledOn ?? course.completedOn, attendedHours: course.attendedHours, regularParticipation: true, completedOn: course.completedOn }, this.world.staff.take(this.world.staff.teachers, client.region));
      }
      if (!DONE.has(this.pillar(client, 'mo'))) this.mo.join(client);
    } else {
      this.mo.bookTest(client, 'test', this.world.today + this.world.rng.int(7, 35));
    }
    this.checkCertificate(client);
  }

  testTaken(client: Client): void {
    const dossier = client.dossier;
    if (!dossier?.open) return;
    const pillar = certificateOn(dossier.state, this.date)?.pillars.mo;
    if (pillar?.missing.includes('mo.process-evaluation')) {
      // A course that ended before 1 March 2023, tested after: the teacher adds the process evaluation.
      this.run(client, { type: 'record-mo-process-evaluation', date: this.date, score: { correct: this.world.rng.int(6, 10), total: 10 } }, this.world.staff.take(this.world.staff.teachers, client.region));
    }
    // a failed test (or exemption test) means a course: back on the waiting list.
    if (!DONE.has(this.pillar(client, 'mo')) && dossier.state.contract) this.mo.join(client);
    this.checkCertificate(client);
  }

  resultRecorded(client: Client, reachedA2: boolean): void {
    const dossier = client.dossier;
    if (!dossier?.open) return;
    this.checkCertificate(client);
    // Bewijs van regelmatige deelname: obligated, attended, results not reached after several tries.
    if (!reachedA2 && client.nt2.attempts >= 2 && dossier.state.contract?.obligated && regularParticipationShown(dossier.state) && this.world.rng.chance(TRAJECTORY.regularParticipation)) {
      later(this.world, this.world.rng.int(7, 40), () =>
        this.guarded(client, () => {
          if (!certificateOn(client.dossier!.state, this.date)?.canIssue) this.run(client, { type: 'issue-certificate', date: this.date, kind: 'regular-participation' });
        }),
      );
    }
  }

  dossierReady(client: Client): { ready: true } | { ready: false; retryInDays: number } | null {
    const dossier = client.dossier;
    if (!dossier?.open || !dossier.state.intake) return null;
    const suspension = activeSuspension(dossier.state, this.date);
    return suspension ? { ready: false, retryInDays: dayOf(lastDayOf(suspension)) - this.world.today + 1 } : { ready: true };
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private pillar(client: Client, name: 'mo' | 'nt2' | 'work' | 'participation'): string {
    return certificateOn(client.dossier!.state, this.date)?.pillars[name].status ?? 'not-started';
  }

  /** Runs `step` if the dossier is open; while it is suspended, again on the day after the suspension (unless `anyway`). */
  private guarded(client: Client, step: () => void, anyway = false): void {
    if (anyway ? client.dossier?.open : this.ready(client, () => this.guarded(client, step))) step();
  }

  /** The dossier is open and not suspended today; a suspended one retries `retry` after the suspension. */
  private ready(client: Client, retry: () => void): boolean {
    const dossier = client.dossier;
    if (!dossier?.open) return false;
    if (statusOn(dossier.state, this.date) !== 'suspended') return true;
    const suspension = activeSuspension(dossier.state, this.date)!;
    this.world.agenda.plan(dayOf(lastDayOf(suspension)) + 1, retry);
    return false;
  }

  /** A command by the client's case worker (or `actor`); a dossier it closes leaves the MO list and is finished. */
  private run(client: Client, command: DossierCommand, actor: Actor = client.caseWorker) {
    const dossier = client.dossier!;
    const decision = this.world.book.run(dossier, command, actor, this.date);
    if (decision && !dossier.open) {
      this.mo.leave(client);
      this.openClients.delete(client);
      this.world.book.finish(dossier, isoOf(this.world.asOf));
      // What still comes for the person (an NT2 result, a test booked before) finds no running dossier, as in the service.
      client.dossier = null;
    }
    return decision;
  }
}

/** Registers the person as createPerson does: the record, its search terms and the journal entry under the person's id. */
export function registerPerson(world: World, person: Client['person'], actor: Actor): void {
  const date = isoOf(world.today);
  const at = world.recordedAt(date);
  const r = person.record;
  world.sink.add('persons', {
    id: person.id, insz: r.insz, given_names: r.givenNames, family_name: r.familyName, given_names_latin: r.givenNamesLatin, family_name_latin: r.familyNameLatin,
    name_script: r.nameScript, search_text: r.searchText, birth_date: r.birthDate, sex: r.sex, mother_tongue: r.motherTongue, contact_languages: r.contactLanguages,
    nationality: r.nationality, street: r.street, house_number: r.houseNumber, box: r.box, postal_code: r.postalCode, municipality_nis: r.municipalityNis,
    municipality_name: r.municipalityName, region: r.region, responsible_agency: r.responsibleAgency, phone: r.phone, email: r.email, created_at: at, updated_at: at, created_by: actor.userId,
  });
  world.sink.add('person_search_terms', { person_id: person.id, terms: searchTermsOf(r) });
  world.book.journal({ id: person.id }, 'person.registered', { new: r }, actor, at, at);
}

const maxDate = (a: string, b: string) => (a > b ? a : b);
