import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ActorContext } from '../../platform/context';
import { isUniqueViolation, queryRows, withTenant, type Tx } from '../../platform/db/database';
import { AppError, notFound } from '../../platform/errors';
import { appendJournal } from '../../platform/journal';
import { renderCertificatePdf, type CertificateDocument } from '../../platform/pdf/certificate-pdf';
import { can, recordAudit, requirePermission, scopeOf, type AccessDeps, type Permission } from '../access';
import { personIdentity, type PersonIdentity } from '../persons';
import { COMMAND_PERMISSION, availableCommands } from './dossier/available';
import type { DossierCommand, SignUpCommand } from './dossier/commands';
import { CERTIFICATE_COMMANDS, decide, openDossier, RuleRefusal, type Decision, type DecisionContext } from './dossier/decide';
import { issuedCertificateRecords } from './dossier/certificate-documents';
import { certificateOn, dossierDeadlines, followUpOf } from './dossier/evaluate';
import { loadClientProfiles, type ClientProfile } from './dossier/profiles';
import { statusOn, type CertificateKind, type DossierState } from './dossier/state';
import * as q from './trajectory.queries';
import type { DossierView } from './trajectory.schema';

export type TrajectoryDeps = Pick<AccessDeps, 'db' | 'clock'>;

const SUBJECT = 'dossier';

let profiles: readonly ClientProfile[] | undefined;
/** The configured client profiles, read once. */
export function clientProfiles(): readonly ClientProfile[] {
  profiles ??= loadClientProfiles();
  return profiles;
}

/** Today in Belgium: deadlines are calendar days there, whatever the server's zone. */
export function belgianDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Pillars, deadlines and follow-up on `asOf`: what is stored beside the state and shown on the page. */
export function deriveDossier(state: DossierState, asOf: string): q.Derived & { deadlines: ReturnType<typeof dossierDeadlines>; certificate: ReturnType<typeof certificateOn> } {
  const certificate = certificateOn(state, asOf);
  const deadlines = dossierDeadlines(state, asOf);
  const followUp = followUpOf(state, asOf, deadlines, certificate);
  return {
    certificate,
    deadlines,
    pillars: certificate?.pillars ?? null,
    followUp: followUp.items,
    nextDueOn: followUp.nextDueOn,
    urgency: followUp.urgency,
    computedOn: asOf,
  };
}

function refusalError(refusal: RuleRefusal): AppError {
  return new AppError('rule-violation', {
    values: { ...refusal.values, rule: refusal.rule, refusal: refusal.refusal },
    extra: { rule: refusal.rule, refusal: refusal.refusal, ...refusal.details },
  });
}

/** A refused command is journaled in its own transaction: the refused change itself was rolled back. */
async function journalRefusal(deps: TrajectoryDeps, ctx: ActorContext, dossierId: string, type: string, refusal: RuleRefusal) {
  await withTenant(deps.db, scopeOf(ctx), (tx) =>
    appendJournal(tx, ctx, {
      dossierId,
      type: 'dossier.command-refused',
      payload: { command: type, refusal: refusal.refusal, rule: refusal.rule, values: refusal.values },
      effectiveAt: deps.clock(),
    }),
  );
}

async function decisionContext(tx: Tx, ctx: ActorContext, person: PersonIdentity, today: string, command: { type: string; date: string }): Promise<DecisionContext> {
  // A number is reserved only for commands that may issue a certificate; a refusal rolls it back.
  let number: string | null = null;
  if (CERTIFICATE_COMMANDS.has(command.type as DossierCommand['type'])) {
    const sequence = await q.nextCertificateSequence(tx, ctx.actor.tenantId, Number(command.date.slice(0, 4)));
    const agencyCode = await agencyCodeOf(tx, ctx.actor.tenantId);
    number = `${agencyCode.toUpperCase()}-${command.date.slice(0, 4)}-${String(sequence).padStart(6, '0')}`;
  }
  return {
    today,
    person: { birthDate: person.birthDate },
    profiles: clientProfiles(),
    newId: () => randomUUID().slice(0, 8),
    certificateNumber: () => {
      if (number === null) throw new Error('no certificate number reserved');
      return number;
    },
  };
}

async function agencyCodeOf(tx: Tx, tenantId: string): Promise<string> {
  const rows = await queryRows<{ code: string }>(tx, sql`select code from organisations where id = ${tenantId}`);
  return rows[0]?.code ?? 'kp';
}

/** Stores the certificates a decision issued, with the data their PDF prints. */
async function storeCertificates(tx: Tx, ctx: ActorContext, dossierId: string, personId: string, person: PersonIdentity, decision: Decision) {
  if (!decision.issued.length) return;
  const agencyName = (await queryRows<{ name: string }>(tx, sql`select name from organisations where id = ${ctx.actor.tenantId}`))[0]?.name ?? '';
  const printed = {
    givenNames: person.givenNames,
    familyName: person.familyName,
    givenNamesLatin: person.givenNamesLatin,
    familyNameLatin: person.familyNameLatin,
    birthDate: person.birthDate,
    inszFormatted: person.inszFormatted,
  };
  for (const record of issuedCertificateRecords(decision, printed, agencyName)) {
    await q.insertCertificate(tx, ctx.actor.tenantId, {
      id: randomUUID(),
      dossier_id: dossierId,
      person_id: personId,
      kind: record.kind,
      number: record.number,
      issued_on: record.issuedOn,
      rule_set_id: record.ruleSetId,
      document: record.document,
    });
  }
}

/** Aanmelding: opens a dossier for a person who has none running (WF-02). */
export async function signUp(deps: TrajectoryDeps, ctx: ActorContext, personId: string, input: Omit<SignUpCommand, 'area'> & { area?: SignUpCommand['area'] }): Promise<DossierView> {
  requirePermission(ctx, 'dossier.intake');
  const now = deps.clock();
  const today = belgianDate(now);
  const id = randomUUID();
  try {
    return await withTenant(deps.db, scopeOf(ctx), async (tx) => {
      const person = await personIdentity(tx, personId);
      if (!person) throw notFound('person');
      const area = input.area ?? (person.region === 'BR' ? 'brussels' : 'flanders');
      let decision: Decision;
      try {
        decision = openDossier({ ...input, area }, { today });
      } catch (error) {
        if (error instanceof RuleRefusal) throw refusalError(error);
        throw error;
      }
      if (ctx.actor.userId && ctx.actor.roles.includes('case-worker')) decision.state.caseWorkerId = ctx.actor.userId;
      await q.insertDossier(tx, { id, tenantId: ctx.actor.tenantId, personId, state: decision.state, derived: deriveDossier(decision.state, today) });
      await appendJournal(tx, ctx, { dossierId: id, type: decision.event.type, payload: { ...decision.event.payload, personId }, effectiveAt: new Date(`${input.date}T12:00:00Z`) });
      await recordAudit(tx, ctx, { action: 'create', subjectType: SUBJECT, subjectId: id, summary: 'signed up (aanmelding)' });
      return dossierView(tx, ctx, (await q.findDossier(tx, id))!, today);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', { values: { reason: 'dossier-already-running' } });
    throw error;
  }
}

/**
 * Runs one command on a dossier under optimistic concurrency (If-Match), in one transaction with
 * its journal entry, certificates and derived follow-up. A refusal names the rule and is journaled.
 */
export async function runCommand(
  deps: TrajectoryDeps,
  ctx: ActorContext,
  dossierId: string,
  expectedVersion: number,
  command: DossierCommand,
): Promise<DossierView> {
  requirePermission(ctx, COMMAND_PERMISSION[command.type]);
  const today = belgianDate(deps.clock());
  try {
    return await withTenant(deps.db, scopeOf(ctx), async (tx) => {
      const row = await q.findDossier(tx, dossierId, true);
      if (!row) throw notFound('dossier');
      if (row.version !== expectedVersion) throw new AppError('version-conflict', { extra: { currentVersion: row.version } });
      await applyCommand(tx, ctx, row, command, today);
      return dossierView(tx, ctx, (await q.findDossier(tx, dossierId))!, today);
    });
  } catch (error) {
    if (error instanceof RuleRefusal) {
      await journalRefusal(deps, ctx, dossierId, command.type, error);
      throw refusalError(error);
    }
    throw error;
  }
}

/** Decides `command` on a locked dossier row and stores the outcome, all in the caller's transaction. */
async function applyCommand(tx: Tx, ctx: ActorContext, row: q.DossierRow, command: DossierCommand, today: string): Promise<void> {
  const person = await personIdentity(tx, row.person_id);
  if (!person) throw notFound('person');
  const decision = decide(row.state, command, await decisionContext(tx, ctx, person, today, command));
  if (!(await q.updateDossier(tx, row.id, row.version, decision.state, deriveDossier(decision.state, today)))) {
    throw new AppError('version-conflict');
  }
  await storeCertificates(tx, ctx, row.id, row.person_id, person, decision);
  await appendJournal(tx, ctx, { dossierId: row.id, type: decision.event.type, payload: decision.event.payload, effectiveAt: new Date(`${command.date}T12:00:00Z`) });
  await recordAudit(tx, ctx, { action: 'update', subjectType: SUBJECT, subjectId: row.id, summary: command.type });
}

/**
 * For the planning modules (MO courses and tests, NT2 providers): records a pillar fact in the
 * person's running dossier through the same decision function, inside the caller's transaction,
 * so a course result and the pillar it completes are stored together or not at all. The caller
 * has checked its own permission. Returns the dossier id, or null when the person has no running
 * dossier (NT2 serves people outside a trajectory too). A refusal by the rules is thrown as the
 * 422 rule-violation problem and rolls the caller's transaction back.
 */
export async function recordInRunningDossier(tx: Tx, ctx: ActorContext, personId: string, command: DossierCommand, now: Date): Promise<string | null> {
  const row = (await q.findDossiersOfPerson(tx, personId)).find((d) => d.status !== 'closed' && d.status !== 'transferred');
  if (!row) return null;
  const locked = (await q.findDossier(tx, row.id, true))!;
  try {
    await applyCommand(tx, ctx, locked, command, belgianDate(now));
  } catch (error) {
    if (error instanceof RuleRefusal) throw refusalError(error);
    throw error;
  }
  return row.id;
}

/** The state of the person's running dossier, or null: what the planners need to know about the trajectory. */
export async function runningDossierState(tx: Tx, personId: string): Promise<{ dossierId: string; state: DossierState } | null> {
  const row = (await q.findDossiersOfPerson(tx, personId)).find((d) => d.status !== 'closed' && d.status !== 'transferred');
  return row ? { dossierId: row.id, state: row.state } : null;
}

async function dossierView(tx: Tx, ctx: ActorContext, row: q.DossierRow, asOf: string): Promise<DossierView> {
  const derived = deriveDossier(row.state, asOf);
  const certificates = await q.findCertificates(tx, row.id);
  const permissions = new Set<Permission>();
  for (const permission of Object.values(COMMAND_PERMISSION)) if (can(ctx.actor, permission)) permissions.add(permission);
  return {
    id: row.id,
    personId: row.person_id,
    version: row.version,
    status: statusOn(row.state, asOf),
    caseWorkerId: row.state.caseWorkerId,
    state: row.state,
    evaluation: {
      asOf,
      ruleSetId: derived.certificate?.ruleSetId ?? null,
      pillars: derived.certificate?.pillars ?? null,
      certificate: derived.certificate ? { canIssue: derived.certificate.canIssue, missing: derived.certificate.missing } : null,
      deadlines: derived.deadlines,
      followUp: derived.followUp,
    },
    certificates: certificates.map((c) => ({ id: c.id, kind: c.kind as CertificateKind, number: c.number, issuedOn: c.issued_on, ruleSetId: c.rule_set_id })),
    allowedActions: availableCommands(row.state, asOf).filter((type) => permissions.has(COMMAND_PERMISSION[type])),
  };
}

export async function getDossier(deps: TrajectoryDeps, ctx: ActorContext, id: string, asOf?: string): Promise<DossierView> {
  requirePermission(ctx, 'dossier.read');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const row = await q.findDossier(tx, id);
    if (!row) throw notFound('dossier');
    await recordAudit(tx, ctx, { action: 'read', subjectType: SUBJECT, subjectId: id, summary: 'read dossier' });
    return dossierView(tx, ctx, row, asOf ?? belgianDate(deps.clock()));
  });
}

export async function listPersonDossiers(deps: TrajectoryDeps, ctx: ActorContext, personId: string) {
  requirePermission(ctx, 'dossier.read');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const rows = await q.findDossiersOfPerson(tx, personId);
    const today = belgianDate(deps.clock());
    return rows.map((r) => ({
      id: r.id,
      status: statusOn(r.state, today),
      signedUpOn: r.state.signUp.date,
      contractSignedOn: r.state.contract?.signedOn ?? null,
      targetGroup: r.state.decision?.targetGroup ?? null,
      closure: r.state.closure,
      version: r.version,
    }));
  });
}

export async function dossierTimeline(deps: TrajectoryDeps, ctx: ActorContext, id: string, limit: number) {
  requirePermission(ctx, 'dossier.read');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    if (!(await q.findDossier(tx, id))) throw notFound('dossier');
    const rows = await q.dossierJournal(tx, id, limit);
    return rows.map((r) => ({
      id: r.id,
      type: r.entry_type,
      payload: r.payload,
      actor: r.actor_display_name,
      purpose: r.purpose,
      effectiveAt: new Date(r.effective_at).toISOString(),
      recordedAt: new Date(r.recorded_at).toISOString(),
    }));
  });
}

/** The caseload sorted by urgency (WF-04): overdue first, then due soon, then by due date. */
export async function caseload(
  deps: TrajectoryDeps,
  ctx: ActorContext,
  filter: { caseWorkerId?: string | undefined; unassigned?: boolean | undefined; limit: number; after?: string | undefined },
) {
  requirePermission(ctx, 'dossier.read');
  const after = filter.after ? decodeCursor(filter.after) : null;
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const rows = await q.caseload(tx, {
      caseWorkerId: filter.caseWorkerId ?? null,
      unassigned: filter.unassigned ?? false,
      limit: filter.limit,
      after,
    });
    const last = rows.at(-1);
    const today = belgianDate(deps.clock());
    return {
      items: rows.map((r) => ({
        dossierId: r.id,
        personId: r.person_id,
        status: statusOn({ status: r.status, periods: r.periods } as DossierState, today),
        caseWorkerId: r.case_worker_id,
        targetGroup: r.target_group,
        person: { givenNames: r.given_names, familyName: r.family_name, givenNamesLatin: r.given_names_latin, familyNameLatin: r.family_name_latin, birthDate: r.birth_date },
        urgency: r.urgency,
        nextDueOn: r.next_due_on,
        followUp: r.follow_up,
      })),
      next: rows.length === filter.limit && last ? encodeCursor({ urgency: last.urgency, nextDueOn: last.next_due_on, id: last.id }) : null,
    };
  });
}

function encodeCursor(c: { urgency: number; nextDueOn: string | null; id: string }): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(cursor: string): { urgency: number; nextDueOn: string | null; id: string } {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof c.urgency === 'number' && (c.nextDueOn === null || /^\d{4}-\d{2}-\d{2}$/.test(c.nextDueOn)) && /^[0-9a-f-]{36}$/.test(c.id)) return c;
  } catch {
    // falls through to the validation error
  }
  throw new AppError('validation', { fields: [{ field: 'after', code: 'cursor-invalid' }] });
}

export async function certificatePdf(deps: TrajectoryDeps, ctx: ActorContext, dossierId: string, certificateId: string) {
  requirePermission(ctx, 'dossier.read');
  const certificate = await withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const found = await q.findCertificate(tx, dossierId, certificateId);
    if (!found) throw notFound('certificate');
    await recordAudit(tx, ctx, { action: 'export', subjectType: SUBJECT, subjectId: dossierId, summary: `certificate ${found.number} as PDF` });
    return found;
  });
  return { number: certificate.number, pdf: await renderCertificatePdf(certificate.document as CertificateDocument, ctx.locale) };
}

/** Cases handed to the enforcement officer (WF-11), newest first. */
export async function enforcementCases(deps: TrajectoryDeps, ctx: ActorContext, limit: number) {
  requirePermission(ctx, 'enforcement.read');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const rows = await q.dossiersWithHandedOverInfringements(tx, limit);
    await recordAudit(tx, ctx, { action: 'search', subjectType: SUBJECT, subjectId: null, summary: 'listed enforcement cases' });
    return rows.flatMap((r) =>
      r.state.infringements
        .filter((i) => i.status === 'handed-over')
        .map((i) => ({ dossierId: r.id, personId: r.person_id, infringement: i, targetGroup: r.state.decision?.targetGroup ?? null })),
    );
  });
}
