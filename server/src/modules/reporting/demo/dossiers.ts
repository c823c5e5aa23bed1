/**
 * Dossiers of the demo population, played through the trajectory's own pure functions exactly as
 * trajectory.service.ts plays them: `openDossier` for the sign-up, `decide` for every later
 * command, certificates from `issuedCertificateRecords`, journal entries with the decision's event
 * type and payload dated at noon on the command date, and the derived columns from `deriveDossier`.
 * A refused command is a fault of the generator: it is counted (and reported), never stored.
 */
import { dossierCommand, signUpCommand, type DossierCommand, type SignUpCommand } from '../../trajectory/dossier/commands';
import { issuedCertificateRecords } from '../../trajectory/dossier/certificate-documents';
import { decide, openDossier, RuleRefusal, type Decision, type DecisionContext } from '../../trajectory/dossier/decide';
import { isOpen, type DossierState } from '../../trajectory/dossier/state';
import { clientProfiles, deriveDossier } from '../../trajectory/trajectory.service';
import type { Rng } from '../../../platform/rng';
import type { DemoPerson } from './people';
import type { Actor, Row, RowSink } from './rows';

/** Numbers certificates as the service does: `AGII-<year of the command>-<sequence>`, per year. */
export class CertificateNumbers {
  readonly last = new Map<number, number>();

  constructor(private readonly agencyCode: string) {}

  next(date: string): string {
    const year = Number(date.slice(0, 4));
    const n = (this.last.get(year) ?? 0) + 1;
    this.last.set(year, n);
    return `${this.agencyCode.toUpperCase()}-${year}-${String(n).padStart(6, '0')}`;
  }
}

/** Refused commands by type and refusal: should stay empty. */
export class Refusals {
  readonly counts = new Map<string, number>();
  readonly examples: string[] = [];

  add(command: string, refusal: RuleRefusal): void {
    const key = `${command}: ${refusal.refusal} (${refusal.rule})`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (this.examples.length < 20) this.examples.push(`${key} ${JSON.stringify(refusal.values)}`);
  }

  get total(): number {
    let n = 0;
    for (const c of this.counts.values()) n += c;
    return n;
  }
}

export interface DossierBookOptions {
  sink: RowSink;
  ids: Rng;
  agencyName: string;
  certificateNumbers: CertificateNumbers;
  refusals: Refusals;
  /** The instant a command of `date` was recorded (office hours that day). */
  recordedAt: (date: string) => string;
  /** Parse every command with the API's schemas first (tests): a malformed one is a generator fault. */
  validate: boolean;
}

/** One person's dossier being played. */
export class Dossier {
  /** What the service's version column holds: 1 at the sign-up, one more per command. */
  version = 1;
  /** The day of the last command: closed dossiers keep the derived columns of that day. */
  lastToday: string;
  /** Written to the database already: its final state becomes an update. */
  written = false;
  final = false;

  constructor(
    readonly id: string,
    readonly person: DemoPerson,
    public state: DossierState,
    today: string,
  ) {
    this.lastToday = today;
  }

  get open(): boolean {
    return isOpen(this.state);
  }
}

/** Plays commands on dossiers and turns what the rules decide into rows. */
export class DossierBook {
  /** Opened and not yet written: written with their state of the moment at the next flush. */
  private readonly unwritten = new Set<Dossier>();

  constructor(private readonly o: DossierBookOptions) {}

  /** Aanmelding, as signUp() does it; a case worker signing up becomes the dossier's case worker. */
  signUp(person: DemoPerson, command: SignUpCommand, actor: Actor & { caseWorker: boolean }, today: string): Dossier | null {
    const checked = this.o.validate ? signUpCommand.parse(command) : command;
    let decision: Decision;
    try {
      decision = openDossier(checked, { today });
    } catch (error) {
      if (error instanceof RuleRefusal) {
        this.o.refusals.add(command.type, error);
        return null;
      }
      throw error;
    }
    if (actor.caseWorker) decision.state.caseWorkerId = actor.userId;
    const dossier = new Dossier(this.o.ids.uuid(), person, decision.state, today);
    this.unwritten.add(dossier);
    this.journal(dossier, decision.event.type, { ...decision.event.payload, personId: person.id }, actor, `${command.date}T12:00:00.000Z`, this.o.recordedAt(today));
    return dossier;
  }

  /** One command, as applyCommand() runs it; null when the rules refused it (counted). */
  run(dossier: Dossier, command: DossierCommand, actor: Actor, today: string): Decision | null {
    const checked = this.o.validate ? dossierCommand.parse(command) : command;
    let certificateNumber: string | null = null;
    const context: DecisionContext = {
      today,
      person: { birthDate: dossier.person.record.birthDate },
      profiles: clientProfiles(),
      newId: () => this.o.ids.uuid().slice(0, 8),
      certificateNumber: () => (certificateNumber ??= this.o.certificateNumbers.next(command.date)),
    };
    let decision: Decision;
    try {
      decision = decide(dossier.state, checked, context);
    } catch (error) {
      if (error instanceof RuleRefusal) {
        this.o.refusals.add(command.type, error);
        return null;
      }
      throw error;
    }
    dossier.state = decision.state;
    dossier.version += 1;
    dossier.lastToday = today;
    const recordedAt = this.o.recordedAt(today);
    for (const record of issuedCertificateRecords(decision, dossier.person.printed, this.o.agencyName)) {
      this.o.sink.add('certificates', {
        id: this.o.ids.uuid(),
        dossier_id: dossier.id,
        person_id: dossier.person.id,
        kind: record.kind,
        number: record.number,
        issued_on: record.issuedOn,
        rule_set_id: record.ruleSetId,
        document: record.document,
        created_at: recordedAt,
      });
    }
    this.journal(dossier, decision.event.type, decision.event.payload, actor, `${command.date}T12:00:00.000Z`, recordedAt);
    return decision;
  }

  /** A journal entry of another module about this dossier (MO, NT2), as appendJournal writes it. */
  journal(dossier: Dossier | { id: string }, type: string, payload: unknown, actor: Actor, effectiveAt: string, recordedAt: string): void {
    this.o.sink.add('journal_entries', {
      dossier_id: dossier.id,
      entry_type: type,
      payload,
      actor_user_id: actor.userId,
      purpose: actor.purpose,
      effective_at: effectiveAt,
      recorded_at: recordedAt,
    });
  }

  /** Before a flush: dossiers opened since the last one are written with their state of `today`. */
  writeOpened(today: string): void {
    for (const dossier of this.unwritten) this.o.sink.add('dossiers', this.row(dossier, dossier.open ? today : dossier.lastToday));
    for (const dossier of this.unwritten) dossier.written = true;
    this.unwritten.clear();
  }

  /**
   * The dossier's last state: closed ones with the derived columns of their last command, open ones
   * as the daily follow-up job leaves them on `asOf`.
   */
  finish(dossier: Dossier, asOf: string): void {
    if (dossier.final) return;
    dossier.final = true;
    const row = this.row(dossier, dossier.open ? asOf : dossier.lastToday);
    if (dossier.written) this.o.sink.add('dossier_updates', row);
    else {
      this.unwritten.delete(dossier);
      dossier.written = true;
      this.o.sink.add('dossiers', row);
    }
  }

  private row(dossier: Dossier, on: string): Row {
    const state = dossier.state;
    const derived = deriveDossier(state, on);
    return {
      id: dossier.id,
      person_id: dossier.person.id,
      area: state.area,
      status: state.status,
      state,
      case_worker_id: state.caseWorkerId,
      signed_up_on: state.signUp.date,
      contract_signed_on: state.contract?.signedOn ?? null,
      target_group: state.decision?.targetGroup ?? null,
      closed_on: state.closure?.date ?? null,
      closure_reason: state.closure?.reason ?? null,
      version: dossier.version,
      pillars: derived.pillars,
      follow_up: derived.followUp,
      next_due_on: derived.nextDueOn,
      urgency: derived.urgency,
      computed_on: derived.computedOn,
      created_at: `${state.signUp.date}T12:00:00.000Z`,
      updated_at: this.o.recordedAt(dossier.lastToday),
    };
  }
}
