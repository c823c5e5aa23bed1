import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ActorContext } from '../../platform/context';
import { isUniqueViolation, withTenant, type Tx } from '../../platform/db/database';
import { AppError, forbidden, notFound } from '../../platform/errors';
import { translate } from '../../platform/i18n/i18n';
import { appendJournal } from '../../platform/journal';
import { can, recordAudit, requirePermission, scopeOf, type AccessDeps, type Permission } from '../access';
import { personIdentity } from '../persons';
import { recordInRunningDossier, runningDossierState, type DossierCommand } from '../trajectory';
import type {
  ConversationView,
  ModuleView,
  NeedsPlanView,
  PlacementView,
  ResultBody,
  ResultView,
  createConversationBody,
  createModuleBody,
  createStartMomentBody,
  recordAdviceBody,
  recordTestBody,
} from './dutch.schema';
import * as q from './dutch.queries';
import { nextDay, writeCalendar, type IcsEvent } from '../../platform/ical';
import {
  ADVICE_TYPES,
  ADVICE_TYPE_IDS,
  bindingAdvice,
  checkModuleAdviceTypes,
  checkPlacementFitsAdvice,
  type AdviceType,
  type Nt2Refusal,
} from './rules/advice';
import { freeSeats, placementAllows, quarterOf, type PlacementAction } from './rules/placement';

export type DutchDeps = Pick<AccessDeps, 'db' | 'clock'>;

const SUBJECT_CONVERSATION = 'nt2-conversation';
const SUBJECT_PLACEMENT = 'nt2-placement';
const SUBJECT_OFFER = 'nt2-offer';

/* ---------- helpers ---------- */

function requireAny(ctx: ActorContext, permissions: readonly Permission[]): void {
  if (!permissions.some((p) => can(ctx.actor, p))) throw forbidden(permissions.join(' | '));
}

function refusalError(r: Nt2Refusal): AppError {
  return new AppError('rule-violation', { values: { ...r.values, rule: r.rule, refusal: r.refusal }, extra: { rule: r.rule, refusal: r.refusal, ...r.values } });
}

const iso = (v: string | Date) => new Date(v).toISOString();

/** The dossier a change of this person is journaled under: the running dossier, else the person itself. */
async function journalTarget(tx: Tx, personId: string): Promise<{ dossierId: string; running: boolean }> {
  const running = await runningDossierState(tx, personId);
  return running ? { dossierId: running.dossierId, running: true } : { dossierId: personId, running: false };
}

/** The Dutch-course provider the acting user works for; anybody else is refused. */
async function actingProvider(tx: Tx, ctx: ActorContext): Promise<q.ProviderRow> {
  requirePermission(ctx, 'nt2.provider.manage');
  const provider = await q.findProvider(tx, ctx.actor.organisationId);
  if (!provider) throw forbidden('nt2.provider.manage');
  return provider;
}

const isProviderUser = (ctx: ActorContext) =>
  can(ctx.actor, 'nt2.provider.manage') && !can(ctx.actor, 'nt2.conversation.manage') && !can(ctx.actor, 'nt2.needs.read');

/* ---------- advice types ---------- */

export function adviceTypes(ctx: ActorContext) {
  requireAny(ctx, ['nt2.conversation.manage', 'nt2.needs.read', 'nt2.provider.manage']);
  return ADVICE_TYPE_IDS.map((id) => {
    const d = ADVICE_TYPES[id];
    return {
      id,
      label: d.label,
      providers: [...d.providers],
      length: d.length ? { ...d.length } : null,
      targetLevel: d.targetLevel,
      noFollowUp: 'noFollowUp' in d,
      source: d.source,
    };
  });
}

/* ---------- conversations ---------- */

function adviceView(a: q.AdviceRow) {
  const type = a.advice_type as AdviceType;
  return {
    id: a.id,
    conversationId: a.conversation_id,
    personId: a.person_id,
    adviceType: type,
    label: ADVICE_TYPES[type]?.label ?? a.advice_type,
    length: a.length_amount !== null && a.length_unit ? { amount: a.length_amount, unit: a.length_unit } : null,
    advisedOn: a.advised_on,
    region: a.region,
    note: a.note,
  };
}

async function conversationView(tx: Tx, row: q.ConversationRow): Promise<ConversationView> {
  const tests = await q.findTests(tx, row.id);
  const advice = await q.findAdviceOfConversation(tx, row.id);
  const running = await runningDossierState(tx, row.person_id);
  return {
    id: row.id,
    personId: row.person_id,
    kind: row.kind,
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    location: row.location,
    region: row.region,
    consultantId: row.consultant_id,
    temporaryProtection: row.temporary_protection,
    learningAptitude: row.learning_aptitude,
    note: row.note,
    runningDossierId: running?.dossierId ?? null,
    tests: tests.map((t) => ({
      id: t.id,
      kind: t.kind as ConversationView['tests'][number]['kind'],
      takenOn: t.taken_on,
      location: t.location,
      remote: t.remote,
      passed: t.passed,
      level: t.level as ConversationView['tests'][number]['level'],
      learningAptitude: t.learning_aptitude as ConversationView['tests'][number]['learningAptitude'],
      result: t.result,
      certificateIssued: t.certificate_issued,
    })),
    advice: advice ? adviceView(advice) : null,
  };
}

/** Plans an NT2-gesprek or niveautest (ENT-18), also for a person without a trajectory. */
export async function createConversation(deps: DutchDeps, ctx: ActorContext, input: z.infer<typeof createConversationBody>): Promise<ConversationView> {
  requirePermission(ctx, 'nt2.conversation.manage');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const person = await personIdentity(tx, input.personId);
    if (!person) throw notFound('person');
    const id = randomUUID();
    await q.insertConversation(tx, ctx.actor.tenantId, ctx.actor.userId, {
      id,
      person_id: input.personId,
      kind: input.kind,
      starts_at: input.startsAt,
      ends_at: input.endsAt,
      location: input.location ?? null,
      region: input.region ?? person.region,
      consultant_id: ctx.actor.userId,
      temporary_protection: input.temporaryProtection,
      note: input.note ?? null,
    });
    const target = await journalTarget(tx, input.personId);
    await appendJournal(tx, ctx, {
      dossierId: target.dossierId,
      type: 'nt2.conversation-planned',
      payload: { conversationId: id, personId: input.personId, kind: input.kind, startsAt: input.startsAt, endsAt: input.endsAt },
      effectiveAt: new Date(input.startsAt),
    });
    await recordAudit(tx, ctx, { action: 'create', subjectType: SUBJECT_CONVERSATION, subjectId: id, summary: `planned ${input.kind}` });
    return conversationView(tx, (await q.findConversation(tx, id))!);
  });
}

export async function getConversation(deps: DutchDeps, ctx: ActorContext, id: string): Promise<ConversationView> {
  requirePermission(ctx, 'nt2.conversation.manage');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const row = await q.findConversation(tx, id);
    if (!row) throw notFound('nt2-conversation');
    await recordAudit(tx, ctx, { action: 'read', subjectType: SUBJECT_CONVERSATION, subjectId: id, summary: 'read NT2 conversation' });
    return conversationView(tx, row);
  });
}

export async function listConversations(deps: DutchDeps, ctx: ActorContext, f: { personId?: string | undefined; from?: string | undefined; to?: string | undefined; limit: number }) {
  requirePermission(ctx, 'nt2.conversation.manage');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const rows = await q.listConversations(tx, { personId: f.personId ?? null, from: f.from ?? null, to: f.to ?? null, limit: f.limit });
    await recordAudit(tx, ctx, { action: 'search', subjectType: SUBJECT_CONVERSATION, subjectId: f.personId ?? null, summary: 'listed NT2 conversations' });
    const views: ConversationView[] = [];
    for (const row of rows) views.push(await conversationView(tx, row));
    return views;
  });
}

/** Records a Dutch test taken in the conversation (ENT-22); a covaar test sets the learning aptitude. */
export async function recordTest(deps: DutchDeps, ctx: ActorContext, conversationId: string, input: z.infer<typeof recordTestBody>): Promise<ConversationView> {
  requirePermission(ctx, 'nt2.conversation.manage');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const row = await q.findConversation(tx, conversationId);
    if (!row) throw notFound('nt2-conversation');
    const id = randomUUID();
    await q.insertTest(tx, ctx.actor.tenantId, ctx.actor.userId, row.person_id, {
      id,
      conversation_id: conversationId,
      kind: input.kind,
      taken_on: input.takenOn,
      location: input.location ?? null,
      remote: input.remote,
      passed: input.passed,
      level: input.level,
      learning_aptitude: input.learningAptitude ?? null,
      result: input.result ?? null,
      certificate_issued: input.certificateIssued,
    });
    if (input.learningAptitude) await q.setConversationAptitude(tx, conversationId, input.learningAptitude);
    const target = await journalTarget(tx, row.person_id);
    await appendJournal(tx, ctx, {
      dossierId: target.dossierId,
      type: 'nt2.test-recorded',
      payload: { conversationId, testId: id, personId: row.person_id, kind: input.kind, passed: input.passed, level: input.level, learningAptitude: input.learningAptitude ?? null },
      effectiveAt: new Date(`${input.takenOn}T12:00:00Z`),
    });
    await recordAudit(tx, ctx, { action: 'update', subjectType: SUBJECT_CONVERSATION, subjectId: conversationId, summary: `recorded test ${input.kind}` });
    return conversationView(tx, (await q.findConversation(tx, conversationId))!);
  });
}

/** Ends the conversation in its ONE binding advice of an ENT-20 type, with that type's length. */
export async function recordAdvice(deps: DutchDeps, ctx: ActorContext, conversationId: string, input: z.infer<typeof recordAdviceBody>): Promise<ConversationView> {
  requirePermission(ctx, 'nt2.conversation.manage');
  try {
    return await withTenant(deps.db, scopeOf(ctx), async (tx) => {
      const row = await q.findConversation(tx, conversationId);
      if (!row) throw notFound('nt2-conversation');
      if (await q.findAdviceOfConversation(tx, conversationId)) throw new AppError('nt2-advice-exists');
      const definition = ADVICE_TYPES[input.adviceType];
      const id = randomUUID();
      await q.insertAdvice(tx, ctx.actor.tenantId, ctx.actor.userId, {
        id,
        conversation_id: conversationId,
        person_id: row.person_id,
        advice_type: input.adviceType,
        length_amount: definition.length?.amount ?? null,
        length_unit: definition.length?.unit ?? null,
        advised_on: input.advisedOn,
        region: row.region,
        note: input.note ?? null,
      });
      if (input.learningAptitude) await q.setConversationAptitude(tx, conversationId, input.learningAptitude);
      const target = await journalTarget(tx, row.person_id);
      await appendJournal(tx, ctx, {
        dossierId: target.dossierId,
        type: 'nt2.advice-given',
        payload: { conversationId, adviceId: id, personId: row.person_id, adviceType: input.adviceType, length: definition.length, rule: 'R-15' },
        effectiveAt: new Date(`${input.advisedOn}T12:00:00Z`),
      });
      await recordAudit(tx, ctx, { action: 'update', subjectType: SUBJECT_CONVERSATION, subjectId: conversationId, summary: `binding advice ${input.adviceType}` });
      return conversationView(tx, (await q.findConversation(tx, conversationId))!);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('nt2-advice-exists');
    throw error;
  }
}

/* ---------- providers and their offer ---------- */

export async function listProviders(deps: DutchDeps, ctx: ActorContext) {
  requireAny(ctx, ['nt2.conversation.manage', 'nt2.needs.read', 'nt2.provider.manage']);
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const all = await q.listProviders(tx);
    return isProviderUser(ctx) ? all.filter((p) => p.id === ctx.actor.organisationId) : all;
  });
}

function moduleView(m: q.ModuleRow, moments: readonly q.StartMomentRow[]): ModuleView {
  return {
    id: m.id,
    providerId: m.provider_id,
    providerName: m.provider_name,
    providerKind: m.provider_kind,
    name: m.name,
    adviceTypes: m.advice_types as AdviceType[],
    level: m.level,
    location: m.location,
    region: m.region,
    startMoments: moments.filter((s) => s.module_id === m.id).map((s) => startMomentView(s, m)),
  };
}

function startMomentView(s: q.StartMomentRow, m: Pick<q.ModuleRow, 'location'>) {
  return {
    id: s.id,
    moduleId: s.module_id,
    providerId: s.provider_id,
    startsOn: s.starts_on,
    endsOn: s.ends_on,
    capacity: s.capacity,
    taken: s.taken,
    free: freeSeats(s.capacity, s.taken),
    location: s.location ?? m.location,
  };
}

/** A provider publishes a module of its own offer; its advice types must suit its kind (ENT-20). */
export async function createModule(deps: DutchDeps, ctx: ActorContext, providerId: string, input: z.infer<typeof createModuleBody>): Promise<ModuleView> {
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const provider = await actingProvider(tx, ctx);
    if (provider.id !== providerId) throw forbidden('nt2.provider.manage');
    const types = [...new Set(input.adviceTypes)];
    const refusal = checkModuleAdviceTypes(input.providerKind, types);
    if (refusal) throw refusalError(refusal);
    const id = randomUUID();
    await q.insertModule(tx, ctx.actor.tenantId, ctx.actor.userId, {
      id,
      provider_id: provider.id,
      provider_kind: input.providerKind,
      name: input.name,
      advice_types: types,
      level: input.level,
      location: input.location,
      region: input.region ?? null,
    });
    await recordAudit(tx, ctx, { action: 'create', subjectType: SUBJECT_OFFER, subjectId: id, summary: `published NT2 module ${input.name}` });
    return moduleView((await q.findModule(tx, id))!, []);
  });
}

/** A provider adds a start moment (startmoment) with its capacity to one of its modules. */
export async function createStartMoment(deps: DutchDeps, ctx: ActorContext, moduleId: string, input: z.infer<typeof createStartMomentBody>) {
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const provider = await actingProvider(tx, ctx);
    const module = await q.findModule(tx, moduleId);
    if (!module || module.provider_id !== provider.id) throw notFound('nt2-module');
    const id = randomUUID();
    await q.insertStartMoment(tx, ctx.actor.tenantId, ctx.actor.userId, {
      id,
      module_id: moduleId,
      provider_id: provider.id,
      starts_on: input.startsOn,
      ends_on: input.endsOn ?? null,
      capacity: input.capacity,
      location: input.location ?? null,
    });
    await recordAudit(tx, ctx, { action: 'create', subjectType: SUBJECT_OFFER, subjectId: id, summary: `start moment ${input.startsOn} of module ${module.name}` });
    return startMomentView((await q.findStartMoment(tx, id))!, module);
  });
}

/** The offer: modules with their start moments and free seats; a provider sees only its own. */
export async function listModules(deps: DutchDeps, ctx: ActorContext, f: { providerId?: string | undefined; adviceType?: AdviceType | undefined; from?: string | undefined }) {
  requireAny(ctx, ['nt2.conversation.manage', 'nt2.needs.read', 'nt2.provider.manage']);
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    let providerId = f.providerId ?? null;
    if (isProviderUser(ctx)) {
      if (providerId && providerId !== ctx.actor.organisationId) return [];
      providerId = ctx.actor.organisationId;
    }
    const modules = await q.listModules(tx, { providerId, adviceType: f.adviceType ?? null });
    const moments = await q.startMomentsOf(tx, modules.map((m) => m.id), f.from ?? null);
    return modules.map((m) => moduleView(m, moments));
  });
}

/* ---------- placements ---------- */

function placementView(p: q.PlacementRow): PlacementView {
  return {
    id: p.id,
    personId: p.person_id,
    ...(p.given_names !== undefined
      ? {
          person: {
            id: p.person_id,
            givenNames: p.given_names,
            familyName: p.family_name!,
            givenNamesLatin: p.given_names_latin ?? null,
            familyNameLatin: p.family_name_latin ?? null,
            birthDate: p.birth_date ?? null,
          },
        }
      : {}),
    adviceId: p.advice_id,
    adviceType: p.advice_type as AdviceType,
    providerId: p.provider_id,
    moduleId: p.module_id,
    startMomentId: p.start_moment_id,
    startsOn: p.starts_on,
    status: p.status,
    placedAt: iso(p.placed_at),
    enrolledOn: p.enrolled_on,
    regularParticipation: p.regular_participation,
    runningDossierId: p.dossier_id,
  };
}

async function bindingAdviceOf(tx: Tx, personId: string) {
  const advices = await q.findAdvicesOfPerson(tx, personId);
  return bindingAdvice(advices.map((a) => ({ ...a, advisedOn: a.advised_on, createdAt: iso(a.created_at), type: a.advice_type as AdviceType })));
}

/**
 * Places a person into a start moment (ENT-21). The start moment row is locked first, so that
 * concurrent placements queue and the last seat goes to one of them (409 for the others). The
 * module must serve the person's binding advice; a person is placed once per start moment.
 */
export async function place(deps: DutchDeps, ctx: ActorContext, input: { personId: string; startMomentId: string }): Promise<PlacementView> {
  requirePermission(ctx, 'nt2.conversation.manage');
  const now = deps.clock();
  try {
    return await withTenant(deps.db, scopeOf(ctx), async (tx) => {
      const moment = await q.findStartMoment(tx, input.startMomentId, true);
      if (!moment) throw notFound('nt2-start-moment');
      if (!(await personIdentity(tx, input.personId))) throw notFound('person');
      const module = (await q.findModule(tx, moment.module_id))!;
      const advice = await bindingAdviceOf(tx, input.personId);
      const refusal = checkPlacementFitsAdvice(advice, { adviceTypes: module.advice_types });
      if (refusal) throw refusalError(refusal);
      if (await q.activePlacementIn(tx, moment.id, input.personId)) throw new AppError('nt2-already-placed');
      if (moment.taken >= moment.capacity) throw new AppError('nt2-start-moment-full', { values: { capacity: moment.capacity } });
      const id = randomUUID();
      await q.insertPlacement(tx, ctx.actor.tenantId, ctx.actor.userId, {
        id,
        person_id: input.personId,
        advice_id: advice!.id,
        advice_type: advice!.type,
        provider_id: moment.provider_id,
        module_id: module.id,
        start_moment_id: moment.id,
        status: 'placed',
        region: advice!.region,
        placed_at: now,
      });
      const closed = await q.closeWaitingEntries(tx, moment.provider_id, input.personId);
      const target = await journalTarget(tx, input.personId);
      await appendJournal(tx, ctx, {
        dossierId: target.dossierId,
        type: 'nt2.placed',
        payload: {
          placementId: id,
          personId: input.personId,
          adviceId: advice!.id,
          adviceType: advice!.type,
          providerId: moment.provider_id,
          moduleId: module.id,
          startMomentId: moment.id,
          startsOn: moment.starts_on,
          closedWaitingEntries: closed,
        },
        effectiveAt: now,
      });
      await recordAudit(tx, ctx, { action: 'create', subjectType: SUBJECT_PLACEMENT, subjectId: id, summary: `placed in start moment ${moment.starts_on}` });
      return placementView((await q.findPlacement(tx, id))!);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('nt2-already-placed');
    throw error;
  }
}

/** Puts a person on a provider's waiting list under the binding advice (PAIN-17: counted as demand). */
export async function putOnWaitingList(deps: DutchDeps, ctx: ActorContext, providerId: string, input: { personId: string; moduleId?: string | undefined }): Promise<PlacementView> {
  requirePermission(ctx, 'nt2.conversation.manage');
  const now = deps.clock();
  try {
    return await withTenant(deps.db, scopeOf(ctx), async (tx) => {
      const provider = await q.findProvider(tx, providerId);
      if (!provider) throw notFound('nt2-provider');
      if (!(await personIdentity(tx, input.personId))) throw notFound('person');
      const advice = await bindingAdviceOf(tx, input.personId);
      let moduleId: string | null = null;
      if (input.moduleId) {
        const module = await q.findModule(tx, input.moduleId);
        if (!module || module.provider_id !== providerId) throw notFound('nt2-module');
        const refusal = checkPlacementFitsAdvice(advice, { adviceTypes: module.advice_types });
        if (refusal) throw refusalError(refusal);
        moduleId = module.id;
      } else {
        // Without a module, the provider must at least offer something for the advice.
        const offered = await q.listModules(tx, { providerId, adviceType: null });
        const refusal = checkPlacementFitsAdvice(advice, { adviceTypes: [...new Set(offered.flatMap((m) => m.advice_types))] });
        if (refusal) throw refusalError(refusal);
      }
      if (await q.isWaitingAt(tx, providerId, input.personId)) throw new AppError('nt2-already-placed');
      const id = randomUUID();
      await q.insertPlacement(tx, ctx.actor.tenantId, ctx.actor.userId, {
        id,
        person_id: input.personId,
        advice_id: advice!.id,
        advice_type: advice!.type,
        provider_id: providerId,
        module_id: moduleId,
        start_moment_id: null,
        status: 'waiting',
        region: advice!.region,
        placed_at: now,
      });
      const target = await journalTarget(tx, input.personId);
      await appendJournal(tx, ctx, {
        dossierId: target.dossierId,
        type: 'nt2.waiting-list-joined',
        payload: { placementId: id, personId: input.personId, adviceId: advice!.id, adviceType: advice!.type, providerId, moduleId },
        effectiveAt: now,
      });
      await recordAudit(tx, ctx, { action: 'create', subjectType: SUBJECT_PLACEMENT, subjectId: id, summary: 'put on NT2 waiting list' });
      return placementView((await q.findPlacement(tx, id))!);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('nt2-already-placed');
    throw error;
  }
}

/** Placements and waiting entries, for the consultant (of a person, or all). */
export async function listPlacements(deps: DutchDeps, ctx: ActorContext, f: { personId?: string | undefined; status?: PlacementView['status'] | undefined; limit: number }) {
  requirePermission(ctx, 'nt2.conversation.manage');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const rows = await q.listPlacements(tx, { providerId: null, personId: f.personId ?? null, status: f.status ?? null, limit: f.limit, withPerson: false });
    await recordAudit(tx, ctx, { action: 'search', subjectType: SUBJECT_PLACEMENT, subjectId: f.personId ?? null, summary: 'listed NT2 placements' });
    return rows.map(placementView);
  });
}

/** The provider's inbox: placements and waiting entries at its own organisation only. */
export async function providerInbox(deps: DutchDeps, ctx: ActorContext, f: { status?: PlacementView['status'] | undefined; limit: number }) {
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const provider = await actingProvider(tx, ctx);
    const rows = await q.listPlacements(tx, { providerId: provider.id, personId: null, status: f.status ?? null, limit: f.limit, withPerson: true });
    await recordAudit(tx, ctx, { action: 'search', subjectType: SUBJECT_PLACEMENT, subjectId: null, summary: `read NT2 provider inbox (${rows.length})` });
    return rows.map(placementView);
  });
}

/** Locks a placement of the acting provider and checks that its status allows the action. */
async function providerPlacement(tx: Tx, ctx: ActorContext, id: string, action: PlacementAction) {
  const provider = await actingProvider(tx, ctx);
  const placement = await q.findPlacement(tx, id, true);
  // Another provider's placement is not shown to exist.
  if (!placement || placement.provider_id !== provider.id) throw notFound('nt2-placement');
  if (!placementAllows(placement.status, action)) throw new AppError('conflict', { values: { reason: `placement-${placement.status}` }, extra: { status: placement.status } });
  return { provider, placement };
}

/**
 * The provider confirms the enrolment (inschrijving); in the same transaction it is recorded in the
 * person's running dossier (record-nt2-enrolment), where the NT2 pillar counts it.
 */
export async function confirmEnrolment(deps: DutchDeps, ctx: ActorContext, id: string, input: { enrolledOn: string; regularParticipation?: boolean | undefined }): Promise<PlacementView> {
  requirePermission(ctx, 'nt2.provider.manage');
  const now = deps.clock();
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const { provider, placement } = await providerPlacement(tx, ctx, id, 'confirm-enrolment');
    const command: DossierCommand = {
      type: 'record-nt2-enrolment',
      date: input.enrolledOn,
      provider: provider.name,
      ...(input.regularParticipation !== undefined ? { regularParticipation: input.regularParticipation } : {}),
    };
    const dossierId = await recordInRunningDossier(tx, ctx, placement.person_id, command, now);
    await q.markEnrolled(tx, id, input.enrolledOn, input.regularParticipation ?? null, dossierId);
    await appendJournal(tx, ctx, {
      dossierId: dossierId ?? placement.person_id,
      type: 'nt2.enrolment-confirmed',
      payload: { placementId: id, personId: placement.person_id, providerId: provider.id, enrolledOn: input.enrolledOn, regularParticipation: input.regularParticipation ?? null },
      effectiveAt: new Date(`${input.enrolledOn}T12:00:00Z`),
    });
    await recordAudit(tx, ctx, { action: 'update', subjectType: SUBJECT_PLACEMENT, subjectId: id, summary: 'confirmed NT2 enrolment' });
    return placementView((await q.findPlacement(tx, id))!);
  });
}

/**
 * The provider reports a level result or the standardised A2 test (R-13, FL-NT-03); it reaches the
 * NT2 pillar of the running dossier in the same transaction.
 */
export async function recordResult(deps: DutchDeps, ctx: ActorContext, id: string, input: ResultBody): Promise<ResultView> {
  requirePermission(ctx, 'nt2.provider.manage');
  const now = deps.clock();
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const { provider, placement } = await providerPlacement(tx, ctx, id, 'record-result');
    if (placement.enrolled_on && input.date < placement.enrolled_on) {
      throw refusalError({ rule: 'WF-06', refusal: 'nt2-result-before-enrolment', values: { enrolledOn: placement.enrolled_on } });
    }
    const command: DossierCommand =
      input.kind === 'level'
        ? { type: 'record-nt2-result', date: input.date, oral: input.oral, written: input.written }
        : { type: 'record-nt2-standardised-test', date: input.date, passedSkills: input.passedSkills };
    const dossierId = await recordInRunningDossier(tx, ctx, placement.person_id, command, now);
    const resultId = randomUUID();
    const row: q.ResultRow = {
      id: resultId,
      placement_id: id,
      kind: input.kind,
      result_on: input.date,
      oral: input.kind === 'level' ? input.oral : null,
      written: input.kind === 'level' ? input.written : null,
      passed_skills: input.kind === 'standardised-test' ? input.passedSkills : null,
      dossier_id: dossierId,
    };
    await q.insertResult(tx, ctx.actor.tenantId, ctx.actor.userId, placement.person_id, row);
    await appendJournal(tx, ctx, {
      dossierId: dossierId ?? placement.person_id,
      type: input.kind === 'level' ? 'nt2.level-result-reported' : 'nt2.standardised-test-reported',
      payload: { placementId: id, resultId, personId: placement.person_id, providerId: provider.id, ...input },
      effectiveAt: new Date(`${input.date}T12:00:00Z`),
    });
    await recordAudit(tx, ctx, { action: 'update', subjectType: SUBJECT_PLACEMENT, subjectId: id, summary: `reported NT2 ${input.kind} result` });
    return {
      id: resultId,
      placementId: id,
      kind: row.kind,
      date: row.result_on,
      oral: input.kind === 'level' ? input.oral : null,
      written: input.kind === 'level' ? input.written : null,
      passedSkills: row.passed_skills,
      runningDossierId: dossierId,
    };
  });
}

/* ---------- needs plan ---------- */

function startOfQuarter(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
}

function addYear(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Behoefteplan NT2 (PAIN-17, RPT-D07): open demand (binding advices without a placement, and
 * waiting persons) against the providers' planned seats, by quarter, region and advice type.
 * Demand that arose before `from` is counted in the first quarter (it is still waiting); a start
 * moment that serves several advice types counts for each of them.
 */
export async function needsPlan(deps: DutchDeps, ctx: ActorContext, f: { from?: string | undefined; to?: string | undefined; region?: string | undefined }): Promise<NeedsPlanView> {
  requirePermission(ctx, 'nt2.needs.read');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(deps.clock());
  const from = f.from ?? startOfQuarter(today);
  const to = f.to ?? addYear(from);
  if (to < from) throw new AppError('validation', { fields: [{ field: 'query.to', code: 'nt2-end-before-start' }] });
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const demand = await q.openDemand(tx);
    const capacity = await q.plannedCapacity(tx, from, to);
    type Row = NeedsPlanView['rows'][number];
    const rows = new Map<string, Row>();
    const row = (quarter: string, region: string | null, adviceType: AdviceType): Row => {
      const key = `${quarter}|${region ?? ''}|${adviceType}`;
      let r = rows.get(key);
      if (!r) {
        r = { quarter, region, adviceType, unplacedAdvices: 0, waiting: 0, demand: 0, startMoments: 0, plannedSeats: 0, takenSeats: 0, freeSeats: 0, gap: 0 };
        rows.set(key, r);
      }
      return r;
    };
    const inRegion = (region: string | null) => !f.region || region === f.region;
    let totalDemand = 0;
    for (const d of demand) {
      if (!inRegion(d.region) || d.since > to) continue;
      const r = row(quarterOf(d.since < from ? from : d.since), d.region, d.advice_type as AdviceType);
      if (d.source === 'advice') r.unplacedAdvices += 1;
      else r.waiting += 1;
      r.demand += 1;
      totalDemand += 1;
    }
    let totalFree = 0;
    let totalPlanned = 0;
    for (const c of capacity) {
      if (!inRegion(c.region)) continue;
      const free = freeSeats(c.capacity, c.taken);
      totalFree += free;
      totalPlanned += c.capacity;
      for (const type of c.advice_types) {
        const r = row(quarterOf(c.starts_on), c.region, type as AdviceType);
        r.startMoments += 1;
        r.plannedSeats += c.capacity;
        r.takenSeats += c.taken;
        r.freeSeats += free;
      }
    }
    for (const r of rows.values()) r.gap = r.demand - r.freeSeats;
    await recordAudit(tx, ctx, { action: 'search', subjectType: 'nt2-needs-plan', subjectId: null, summary: `NT2 needs plan ${from} to ${to}` });
    const sorted = [...rows.values()].sort(
      (a, b) => a.quarter.localeCompare(b.quarter) || (a.region ?? '').localeCompare(b.region ?? '') || ADVICE_TYPE_IDS.indexOf(a.adviceType) - ADVICE_TYPE_IDS.indexOf(b.adviceType),
    );
    return { from, to, rows: sorted, totals: { demand: totalDemand, freeSeats: totalFree, plannedSeats: totalPlanned } };
  });
}

/* ---------- iCalendar ---------- */

/** A conversation appointment as an iCalendar event; the text says no more than the appointment itself. */
export async function conversationCalendar(deps: DutchDeps, ctx: ActorContext, id: string): Promise<string> {
  requirePermission(ctx, 'nt2.conversation.manage');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const row = await q.findConversation(tx, id);
    if (!row) throw notFound('nt2-conversation');
    await recordAudit(tx, ctx, { action: 'export', subjectType: SUBJECT_CONVERSATION, subjectId: id, summary: 'NT2 conversation as iCalendar' });
    const event: IcsEvent = {
      uid: `nt2-conversation-${row.id}@kruispunt`,
      stamp: deps.clock(),
      start: { kind: 'date-time', at: new Date(row.starts_at) },
      end: { kind: 'date-time', at: new Date(row.ends_at) },
      summary: translate(ctx.locale, `ical.nt2-conversation.${row.kind}`),
      description: translate(ctx.locale, 'ical.nt2-conversation.description', { id: row.id }),
      location: row.location ?? undefined,
      status: 'CONFIRMED',
    };
    return writeCalendar([event]);
  });
}

function startMomentEvent(ctx: ActorContext, stamp: Date, s: q.StartMomentRow, m: q.ModuleRow): IcsEvent {
  return {
    uid: `nt2-start-moment-${s.id}@kruispunt`,
    stamp,
    start: { kind: 'date', on: s.starts_on },
    end: { kind: 'date', on: nextDay(s.starts_on) },
    summary: translate(ctx.locale, 'ical.nt2-start-moment.summary', { module: m.name, provider: m.provider_name }),
    description: translate(ctx.locale, 'ical.nt2-start-moment.description', {
      level: m.level,
      capacity: s.capacity,
      free: freeSeats(s.capacity, s.taken),
      endsOn: s.ends_on ?? '-',
    }),
    location: s.location ?? m.location,
    status: 'CONFIRMED',
  };
}

/** A start moment as an all-day iCalendar event on its first day. */
export async function startMomentCalendar(deps: DutchDeps, ctx: ActorContext, id: string): Promise<string> {
  requireAny(ctx, ['nt2.conversation.manage', 'nt2.needs.read', 'nt2.provider.manage']);
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const s = await q.findStartMoment(tx, id);
    if (!s || (isProviderUser(ctx) && s.provider_id !== ctx.actor.organisationId)) throw notFound('nt2-start-moment');
    const m = (await q.findModule(tx, s.module_id))!;
    return writeCalendar([startMomentEvent(ctx, deps.clock(), s, m)]);
  });
}

/** Every start moment of a provider from `from` on, as one calendar. */
export async function providerCalendar(deps: DutchDeps, ctx: ActorContext, providerId: string, from: string | undefined): Promise<string> {
  requireAny(ctx, ['nt2.conversation.manage', 'nt2.needs.read', 'nt2.provider.manage']);
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const provider = await q.findProvider(tx, providerId);
    if (!provider || (isProviderUser(ctx) && providerId !== ctx.actor.organisationId)) throw notFound('nt2-provider');
    const modules = await q.listModules(tx, { providerId, adviceType: null });
    const moments = await q.startMomentsOf(tx, modules.map((m) => m.id), from ?? null);
    const stamp = deps.clock();
    const byId = new Map(modules.map((m) => [m.id, m]));
    return writeCalendar(
      moments.map((s) => startMomentEvent(ctx, stamp, s, byId.get(s.module_id)!)),
      { name: translate(ctx.locale, 'ical.nt2-provider.name', { provider: provider.name }) },
    );
  });
}
