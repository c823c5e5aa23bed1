/**
 * Sociaal tolken en vertalen: the register, requests from customer organisations, matching,
 * offers and assignments, cancellation and completion (WF-16). Requests follow the published
 * table: answered (assigned, then completed or not completed), not answered (with the reason),
 * or in progress.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ActorContext } from '../../platform/context';
import { isUniqueViolation, withTenant, type Tx } from '../../platform/db/database';
import { AppError, forbidden, notFound } from '../../platform/errors';
import { can, recordAudit, requirePermission, scopeOf, type AccessDeps } from '../access';
import { isLanguageCode } from '../persons/rules/languages';
import * as q from './interpreting.queries';
import type { CreateRequestInput } from './interpreting.schema';
import { qualify, rankCandidates, requestSlot, type RankRequest } from './rules/ranking';
import { belgianDateHour, cancellationTiming, completedCharge, isShortNotice, lateCancellationCharge, tableRow, type Channel } from './rules/stv';
import type { InterpretingRefusal } from './rules/refusals';

export type InterpretingDeps = Pick<AccessDeps, 'db' | 'clock'>;

function refuse(refusal: InterpretingRefusal, rule: string, values: Record<string, string | number> = {}): never {
  throw new AppError('rule-violation', { values: { ...values, rule, refusal }, extra: { rule, refusal } });
}

function checkLanguage(field: string, code: string) {
  if (!isLanguageCode(code)) throw new AppError('validation', { fields: [{ field, code: 'language-unknown' }] });
}

export function interpreterView(i: q.InterpreterRow) {
  return {
    id: i.id,
    name: i.name,
    email: i.email,
    phone: i.phone,
    region: i.region,
    maxTravelKm: i.max_travel_km,
    active: i.active,
    userId: i.user_id,
    languages: i.languages,
    availability: i.availability,
  };
}

export async function createInterpreter(
  deps: InterpretingDeps,
  ctx: ActorContext,
  input: { name: string; email: string; phone?: string | undefined; region?: string | undefined; latitude?: number | undefined; longitude?: number | undefined; maxTravelKm: number; languages: Array<{ language: string; variant: string; status: string; channels: string[] }>; availability: Array<{ weekday: number; starts: string; ends: string }>; userId?: string | undefined },
) {
  requirePermission(ctx, 'interpreting.desk');
  input.languages.forEach((l, i) => checkLanguage(`languages.${i}.language`, l.language));
  const id = randomUUID();
  try {
    return await withTenant(deps.db, scopeOf(ctx), async (tx) => {
      await q.insertInterpreter(tx, ctx.actor.tenantId, {
        id,
        userId: input.userId ?? null,
        name: input.name,
        email: input.email,
        phone: input.phone ?? null,
        region: input.region ?? null,
        latitude: input.latitude ?? null,
        longitude: input.longitude ?? null,
        maxTravelKm: input.maxTravelKm,
      });
      await q.replaceLanguages(tx, ctx.actor.tenantId, id, input.languages);
      await q.replaceAvailability(tx, ctx.actor.tenantId, id, input.availability);
      await recordAudit(tx, ctx, { action: 'create', subjectType: 'interpreter', subjectId: id, summary: 'registered interpreter' });
      return interpreterView((await q.findInterpreter(tx, id))!);
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; constraint?: string } }).cause ?? (error as { code?: string; constraint?: string });
    if (cause.code === '23503') throw new AppError('validation', { fields: [{ field: 'userId', code: 'user-unknown' }] });
    if (isUniqueViolation(error)) {
      const field = cause.constraint === 'interpreters_user_key' ? 'userId' : 'languages';
      throw new AppError('validation', { fields: [{ field, code: field === 'userId' ? 'user-already-interpreter' : 'duplicate-language' }] });
    }
    throw error;
  }
}

export async function listInterpreters(deps: InterpretingDeps, ctx: ActorContext, filter: { language?: string | undefined; limit: number }) {
  requirePermission(ctx, 'interpreting.desk');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => (await q.listInterpreters(tx, filter)).map(interpreterView));
}

/** An absence; refused when it overlaps an accepted assignment (the desk must reassign first). */
export async function addAbsence(deps: InterpretingDeps, ctx: ActorContext, interpreterId: string, input: { startsAt: string; endsAt: string; reason?: string | undefined }) {
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const interpreter = await q.findInterpreter(tx, interpreterId, true);
    if (!interpreter) throw notFound('interpreter');
    if (!can(ctx.actor, 'interpreting.desk') && !(can(ctx.actor, 'interpreting.assignment.self') && interpreter.user_id === ctx.actor.userId)) {
      throw forbidden('interpreting.desk');
    }
    const clash = await q.assignmentsOf(tx, { interpreterId, from: new Date(input.startsAt), to: new Date(input.endsAt), statuses: ['offered', 'accepted'] });
    if (clash.some((a) => a.starts_at && a.ends_at && new Date(a.starts_at) < new Date(input.endsAt) && new Date(a.ends_at) > new Date(input.startsAt))) {
      refuse('absence-overlaps-assignment', 'WF-16');
    }
    await tx.execute(sql`insert into interpreter_absences (id, tenant_id, interpreter_id, starts_at, ends_at, reason)
      values (${randomUUID()}, ${ctx.actor.tenantId}, ${interpreterId}, ${input.startsAt}, ${input.endsAt}, ${input.reason ?? null})`);
    await recordAudit(tx, ctx, { action: 'update', subjectType: 'interpreter', subjectId: interpreterId, summary: 'absence' });
    return { interpreterId, startsAt: input.startsAt, endsAt: input.endsAt };
  });
}

function endsAtOf(r: Pick<q.RequestRow, 'starts_at' | 'expected_minutes'>): Date | null {
  return r.starts_at && r.expected_minutes ? new Date(new Date(r.starts_at).getTime() + r.expected_minutes * 60_000) : null;
}

function requestView(r: q.RequestRow) {
  return {
    id: r.id,
    customerOrganisationId: r.customer_organisation_id,
    customerName: r.customer_name,
    channel: r.channel,
    language: r.language,
    variant: r.variant,
    startsAt: r.starts_at ? new Date(r.starts_at).toISOString() : null,
    expectedMinutes: r.expected_minutes,
    deadline: r.deadline,
    document: r.document,
    address: r.address ? `${r.address.street} ${r.address.houseNumber}, ${r.address.postalCode} ${r.address.municipality}` : null,
    sector: r.sector,
    subject: r.subject,
    sensitive: r.sensitive,
    ukraineCrisis: r.ukraine_crisis,
    shortNotice: r.starts_at ? isShortNotice(new Date(r.created_at), new Date(r.starts_at)) : false,
    status: r.status,
    outcome: r.outcome,
    cancelledBy: r.cancelled_by,
    tableRow: tableRow(r),
    assignment: r.assignment ? { id: r.assignment.id, interpreterId: r.assignment.interpreterId, interpreterName: r.assignment.interpreterName, status: r.assignment.status, actualMinutes: r.assignment.actualMinutes } : null,
    version: r.version,
  };
}

/** A customer sees its own organisation's requests; the desk sees all of the agency's. */
function customerScope(ctx: ActorContext): string | null {
  if (can(ctx.actor, 'interpreting.desk')) return null;
  requirePermission(ctx, 'interpreting.request');
  return ctx.actor.organisationId;
}

async function visibleRequest(tx: Tx, ctx: ActorContext, id: string, forUpdate = false): Promise<q.RequestRow> {
  const scope = customerScope(ctx);
  const r = await q.findRequest(tx, id, forUpdate);
  if (!r || (scope && r.customer_organisation_id !== scope)) throw notFound('interpreting-request');
  return r;
}

/** A request from a customer organisation (WF-16 step 1). */
export async function createRequest(deps: InterpretingDeps, ctx: ActorContext, input: CreateRequestInput) {
  const scope = customerScope(ctx);
  checkLanguage('language', input.language);
  const now = deps.clock();
  const customer = scope ?? input.customerOrganisationId;
  if (!customer) throw new AppError('validation', { fields: [{ field: 'customerOrganisationId', code: 'required', values: { field: 'customerOrganisationId' } }] });
  if (input.channel === 'translation') {
    if (!input.deadline) throw new AppError('validation', { fields: [{ field: 'deadline', code: 'translation-needs-deadline' }] });
    if (input.deadline < belgianDateHour(now).date) refuse('request-in-past', 'STV-04');
  } else {
    if (!input.startsAt || !input.expectedMinutes) throw new AppError('validation', { fields: [{ field: input.startsAt ? 'expectedMinutes' : 'startsAt', code: 'interpreting-needs-time' }] });
    if (new Date(input.startsAt) <= now) refuse('request-in-past', 'STV-04');
    if (input.channel === 'on-site' && !input.address) throw new AppError('validation', { fields: [{ field: 'address', code: 'on-site-needs-address' }] });
  }
  const id = randomUUID();
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    await tx.execute(sql`insert into interpreting_requests (id, tenant_id, customer_organisation_id, requested_by, channel, language, variant, starts_at,
        expected_minutes, deadline, document, words, address, latitude, longitude, region, sector, subject, sensitive, ukraine_crisis, created_at)
      values (${id}, ${ctx.actor.tenantId}, ${customer}, ${ctx.actor.userId}, ${input.channel}, ${input.language}, ${input.variant},
        ${input.channel === 'translation' ? null : input.startsAt}, ${input.channel === 'translation' ? null : input.expectedMinutes},
        ${input.channel === 'translation' ? input.deadline : null}::date, ${input.document ?? null}, ${input.words ?? null},
        ${input.address ? JSON.stringify(input.address) : null}::jsonb, ${input.latitude ?? null}, ${input.longitude ?? null}, ${input.region ?? null},
        ${input.sector}, ${input.subject}, ${input.sensitive}, ${input.ukraineCrisis}, ${now.toISOString()})`);
    await recordAudit(tx, ctx, { action: 'create', subjectType: 'interpreting-request', subjectId: id, summary: `${input.channel} ${input.language}` });
    return requestView((await q.findRequest(tx, id))!);
  });
}

export async function listRequests(deps: InterpretingDeps, ctx: ActorContext, filter: { status?: string | undefined; from?: string | undefined; to?: string | undefined; limit: number }) {
  const scope = customerScope(ctx);
  return withTenant(deps.db, scopeOf(ctx), async (tx) => (await q.listRequests(tx, { customerOrganisationId: scope, ...filter })).map(requestView));
}

export async function getRequest(deps: InterpretingDeps, ctx: ActorContext, id: string) {
  return withTenant(deps.db, scopeOf(ctx), async (tx) => requestView(await visibleRequest(tx, ctx, id)));
}

function rankRequestOf(r: q.RequestRow, channel: Channel = r.channel): RankRequest {
  return {
    channel,
    language: r.language,
    variant: r.variant,
    sensitive: r.sensitive,
    startsAt: r.starts_at ? new Date(r.starts_at) : null,
    endsAt: endsAtOf(r),
    latitude: r.latitude,
    longitude: r.longitude,
    region: r.region,
  };
}

/**
 * The speakers of the request's language, with statistics loaded only for those who qualify: the
 * others are excluded whatever their statistics, and a common language has a thousand speakers.
 */
async function rankingPool(tx: Tx, r: q.RequestRow, now: Date, onlyInterpreterId?: string) {
  const around = r.starts_at ? new Date(r.starts_at) : null;
  const speakers = await q.candidatePool(tx, r.language, around, r.id);
  // An offer checks one interpreter: its statistics alone are loaded, not the whole language's.
  const pool = onlyInterpreterId ? speakers.filter((c) => c.interpreterId === onlyInterpreterId) : speakers;
  const request = rankRequestOf(r);
  const slot = requestSlot(request);
  // Phone and video are the on-site alternatives, so qualifying for any channel earns statistics.
  const channels: Channel[] = r.channel === 'on-site' ? ['on-site', 'phone', 'video'] : [r.channel];
  const qualified = pool.filter((c) => channels.some((channel) => !('excluded' in qualify({ ...request, channel }, c, slot))));
  const stats = await q.candidateStats(tx, qualified.map((c) => c.interpreterId), around ?? now);
  return pool.map((c) => ({ ...c, ...stats.get(c.interpreterId) }));
}

/** The ranked candidates with the reasons; for on-site work nobody can do, the phone and video alternatives. */
export async function candidates(deps: InterpretingDeps, ctx: ActorContext, requestId: string) {
  requirePermission(ctx, 'interpreting.desk');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const r = await visibleRequest(tx, ctx, requestId);
    const pool = await rankingPool(tx, r, deps.clock());
    const result = rankCandidates(rankRequestOf(r), pool);
    const alternatives =
      r.channel === 'on-site' && !result.ranked.length
        ? (['phone', 'video'] as const).map((channel) => ({ channel, candidates: rankCandidates(rankRequestOf(r, channel), pool).ranked.length }))
        : [];
    return { ...result, alternatives };
  });
}

/**
 * Offers the request to an interpreter. The interpreter row is locked first, so two desk users
 * offering the same interpreter overlapping work at once are served one after the other and the
 * second finds the overlap. Hard conditions are checked again here, not trusted from the ranking.
 */
export async function offer(deps: InterpretingDeps, ctx: ActorContext, requestId: string, interpreterId: string) {
  requirePermission(ctx, 'interpreting.desk');
  try {
    return await withTenant(deps.db, scopeOf(ctx), async (tx) => {
      const interpreter = await q.findInterpreter(tx, interpreterId, true);
      if (!interpreter) throw notFound('interpreter');
      const r = await visibleRequest(tx, ctx, requestId, true);
      if (r.status !== 'open') refuse('request-not-open', 'WF-16', { status: r.status });
      const [candidate] = await rankingPool(tx, r, deps.clock(), interpreterId);
      const checked = candidate ? qualify(rankRequestOf(r), candidate) : ({ excluded: 'language' } as const);
      if ('excluded' in checked) {
        const rule = checked.excluded === 'status' ? 'R-26' : 'WF-16';
        refuse(`interpreter-${checked.excluded}` as InterpretingRefusal, rule);
      }
      const id = randomUUID();
      const ranking = rankCandidates(rankRequestOf(r), [candidate!]).ranked[0] ?? null;
      await tx.execute(sql`insert into interpreting_assignments (id, tenant_id, request_id, interpreter_id, status, starts_at, ends_at, offered_at, ranking)
        values (${id}, ${ctx.actor.tenantId}, ${requestId}, ${interpreterId}, 'offered', ${r.starts_at}, ${endsAtOf(r)?.toISOString() ?? null},
          ${deps.clock().toISOString()}, ${JSON.stringify(ranking)}::jsonb)`);
      await queueMessage(tx, ctx, interpreter.email, 'offer', { subject: r.subject, language: r.language, startsAt: r.starts_at ?? r.deadline ?? '' });
      await recordAudit(tx, ctx, { action: 'update', subjectType: 'interpreting-request', subjectId: requestId, summary: 'offered to an interpreter' });
      return requestView((await q.findRequest(tx, requestId))!);
    });
  } catch (error) {
    // Another desk user offered this request at the same moment (one live offer per request).
    if (isUniqueViolation(error)) refuse('request-not-open', 'WF-16', { status: 'offered' });
    throw error;
  }
}

/** A message for the outbox, sent (and retried) by the mail job; the change never waits for the mail server. */
async function queueMessage(tx: Tx, ctx: ActorContext, recipient: string, kind: 'offer' | 'accepted' | 'cancelled', values: Record<string, string>) {
  await tx.execute(sql`insert into outbox_messages (id, tenant_id, recipient, subject, body)
    values (${randomUUID()}, ${ctx.actor.tenantId}, ${recipient}, ${`interpreting.${kind}`}, ${JSON.stringify(values)})`);
}

async function ownAssignment(tx: Tx, ctx: ActorContext, id: string) {
  const assignment = await q.findAssignment(tx, id, true);
  if (!assignment) throw notFound('assignment');
  if (can(ctx.actor, 'interpreting.desk')) return assignment;
  requirePermission(ctx, 'interpreting.assignment.self');
  const me = ctx.actor.userId ? await q.findInterpreterOfUser(tx, ctx.actor.userId) : undefined;
  if (!me || me.id !== assignment.interpreter_id) throw notFound('assignment');
  return assignment;
}

/** The interpreter accepts or declines in their portal (WF-16). */
export async function respond(deps: InterpretingDeps, ctx: ActorContext, assignmentId: string, accept: boolean) {
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const assignment = await ownAssignment(tx, ctx, assignmentId);
    if (assignment.status !== 'offered') refuse('offer-not-open', 'WF-16', { status: assignment.status });
    await tx.execute(sql`update interpreting_assignments set status = ${accept ? 'accepted' : 'declined'}, responded_at = ${deps.clock().toISOString()} where id = ${assignmentId}`);
    if (accept) await tx.execute(sql`update interpreting_requests set status = 'assigned', version = version + 1 where id = ${assignment.request_id}`);
    await recordAudit(tx, ctx, { action: 'update', subjectType: 'interpreting-request', subjectId: assignment.request_id, summary: accept ? 'offer accepted' : 'offer declined' });
    return assignmentView((await q.findAssignment(tx, assignmentId))!);
  });
}

export function assignmentView(a: q.AssignmentRow) {
  return {
    id: a.id,
    requestId: a.request_id,
    interpreterId: a.interpreter_id,
    status: a.status,
    startsAt: a.starts_at ? new Date(a.starts_at).toISOString() : null,
    endsAt: a.ends_at ? new Date(a.ends_at).toISOString() : null,
    channel: a.channel,
    language: a.language,
    variant: a.variant,
    subject: a.subject,
    address: a.address ? `${a.address.street} ${a.address.houseNumber}, ${a.address.postalCode} ${a.address.municipality}` : null,
    actualMinutes: a.actual_minutes,
    charge: a.charge,
  };
}

/**
 * Cancels a request (customer or desk) or an assignment (the interpreter): STV-08 decides whether it
 * was on time, from the Belgian clock; a late cancellation is charged, with transport when the
 * interpreter was en route. The request then counts as answered but not completed.
 */
export async function cancelRequest(deps: InterpretingDeps, ctx: ActorContext, requestId: string, travelKm: number) {
  const now = deps.clock();
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const r = await visibleRequest(tx, ctx, requestId, true);
    if (r.status !== 'open' && r.status !== 'assigned') refuse('request-not-open', 'WF-16', { status: r.status });
    const by = can(ctx.actor, 'interpreting.desk') ? 'desk' : 'customer';
    const live = r.assignment && ['offered', 'accepted'].includes(r.assignment.status) ? r.assignment : null;
    const timing = r.starts_at ? cancellationTiming(new Date(r.starts_at), now) : 'on-time';
    // Before anyone accepted, the request was never answered: it leaves the table as not answered (other).
    const answered = live?.status === 'accepted';
    await tx.execute(sql`update interpreting_requests set status = ${answered ? 'not-completed' : 'not-answered'},
        outcome = ${answered ? `cancelled-${timing}` : 'other'}, cancelled_by = ${by}, closed_at = ${now.toISOString()}, version = version + 1
      where id = ${requestId}`);
    if (live) {
      const charge = answered && timing === 'late' ? lateCancellationCharge({ date: belgianDateHour(new Date(r.starts_at!)).date, travelKm, ukraineCrisis: r.ukraine_crisis }) : null;
      await tx.execute(sql`update interpreting_assignments set status = 'cancelled', cancelled_by = ${by}, travel_km = ${travelKm},
          ranking = coalesce(ranking, '{}'::jsonb) || jsonb_build_object('charge', ${JSON.stringify(charge)}::jsonb) where id = ${live.id}`);
      const interpreter = await q.findInterpreter(tx, live.interpreterId);
      if (interpreter) await queueMessage(tx, ctx, interpreter.email, 'cancelled', { subject: r.subject, startsAt: r.starts_at ?? '' });
    }
    await recordAudit(tx, ctx, { action: 'update', subjectType: 'interpreting-request', subjectId: requestId, summary: `cancelled ${timing}` });
    return requestView((await q.findRequest(tx, requestId))!);
  });
}

/**
 * The interpreter can no longer do an accepted assignment (STV-10): it is cancelled as a let-down
 * (reliability in the ranking) and the request goes back to the desk, open, to find someone else.
 * The desk may record this on the interpreter's behalf (a phone call).
 */
export async function withdrawAssignment(deps: InterpretingDeps, ctx: ActorContext, assignmentId: string) {
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const assignment = await ownAssignment(tx, ctx, assignmentId);
    await q.findRequest(tx, assignment.request_id, true);
    const current = (await q.findAssignment(tx, assignmentId, true))!;
    if (current.status !== 'accepted') refuse('assignment-not-accepted', 'WF-16', { status: current.status });
    await tx.execute(sql`update interpreting_assignments set status = 'cancelled', cancelled_by = 'interpreter' where id = ${assignmentId}`);
    await tx.execute(sql`update interpreting_requests set status = 'open', version = version + 1 where id = ${assignment.request_id}`);
    await recordAudit(tx, ctx, { action: 'update', subjectType: 'interpreting-request', subjectId: assignment.request_id, summary: 'assignment withdrawn by the interpreter' });
    return assignmentView((await q.findAssignment(tx, assignmentId))!);
  });
}

/** The desk closes a request nobody could take, with the reason of the published table. */
export async function markNotAnswered(deps: InterpretingDeps, ctx: ActorContext, requestId: string, reason: 'interpreter-unavailable' | 'language-unavailable' | 'other') {
  requirePermission(ctx, 'interpreting.desk');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const r = await visibleRequest(tx, ctx, requestId, true);
    if (r.status !== 'open') refuse('request-not-open', 'WF-16', { status: r.status });
    await tx.execute(sql`update interpreting_requests set status = 'not-answered', outcome = ${reason}, closed_at = ${deps.clock().toISOString()}, version = version + 1 where id = ${requestId}`);
    await tx.execute(sql`update interpreting_assignments set status = 'withdrawn' where request_id = ${requestId} and status = 'offered'`);
    await recordAudit(tx, ctx, { action: 'update', subjectType: 'interpreting-request', subjectId: requestId, summary: `not answered: ${reason}` });
    return requestView((await q.findRequest(tx, requestId))!);
  });
}

/** The interpreter's performance record (prestatie): actual time and travel, after the assignment (STV-08, STV-09). */
export async function complete(deps: InterpretingDeps, ctx: ActorContext, assignmentId: string, input: { actualMinutes: number; travelKm: number; waitingMinutes: number }) {
  const now = deps.clock();
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const assignment = await ownAssignment(tx, ctx, assignmentId);
    if (assignment.status !== 'accepted') refuse('assignment-not-accepted', 'WF-16', { status: assignment.status });
    if (assignment.starts_at && new Date(assignment.starts_at) > now) refuse('assignment-in-future', 'WF-16');
    const r = (await q.findRequest(tx, assignment.request_id, true))!;
    const charge = completedCharge({
      date: belgianDateHour(new Date(assignment.starts_at ?? now)).date,
      channel: r.channel,
      actualMinutes: input.actualMinutes + input.waitingMinutes,
      travelKm: input.travelKm,
      ukraineCrisis: r.ukraine_crisis,
    });
    await tx.execute(sql`update interpreting_assignments set status = 'completed', actual_minutes = ${input.actualMinutes}, travel_km = ${input.travelKm},
        waiting_minutes = ${input.waitingMinutes}, ranking = coalesce(ranking, '{}'::jsonb) || jsonb_build_object('charge', ${JSON.stringify(charge)}::jsonb)
      where id = ${assignmentId}`);
    await tx.execute(sql`update interpreting_requests set status = 'completed', closed_at = ${now.toISOString()}, version = version + 1 where id = ${assignment.request_id}`);
    await recordAudit(tx, ctx, { action: 'update', subjectType: 'interpreting-request', subjectId: assignment.request_id, summary: 'completed' });
    return { assignment: assignmentView((await q.findAssignment(tx, assignmentId))!), charge };
  });
}

/** The interpreter's own assignments (portal), from today on. */
export async function myAssignments(deps: InterpretingDeps, ctx: ActorContext) {
  requirePermission(ctx, 'interpreting.assignment.self');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const me = ctx.actor.userId ? await q.findInterpreterOfUser(tx, ctx.actor.userId) : undefined;
    if (!me) throw notFound('interpreter');
    const now = deps.clock();
    const rows = await q.assignmentsOf(tx, { interpreterId: me.id, from: new Date(now.getTime() - 7 * 86_400_000), to: new Date(now.getTime() + 366 * 86_400_000), statuses: ['offered', 'accepted', 'completed'] });
    return { interpreter: interpreterView(me), items: rows.map(assignmentView) };
  });
}
