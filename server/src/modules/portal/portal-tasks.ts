/**
 * "My tasks" (issue 6 §4): a case worker gives the newcomer a task (register with the employment
 * service, upload a proof of participation, choose an activity from the catalogue); the newcomer
 * adds files and submits; the case worker accepts or rejects it with a reason. Accepting a
 * registration or a proof records it in the dossier through the trajectory's own command, in the
 * same transaction, so the portal never goes around the rules.
 */
import { createHash, randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { ActorContext } from '../../platform/context';
import type { UploadSettings } from '../../platform/config';
import { queryRows, withTenant, type Tx } from '../../platform/db/database';
import { AppError, invalidField, notFound } from '../../platform/errors';
import { recordAudit, requirePermission, scopeOf } from '../access';
import { isLanguageCode } from '../persons/rules/languages';
import { belgianDate, recordInRunningDossier } from '../trajectory';
import { COMMAND_PERMISSION } from '../trajectory/dossier/available';
import { scanWithClamd, ScannerUnavailable } from './clamav';
import type { PortalContext } from './portal-identity';
import type { ReviewInput, TaskKind } from './portal-data.schema';
import type { PortalDataDeps } from './portal-trajectory';
import { factOfAcceptedTask } from './rules/task-review';
import { isWellFormed, sniffUploadType, type UploadType } from './uploads';

type TaskStatus = 'open' | 'submitted' | 'accepted' | 'rejected';

interface TaskRow {
  id: string;
  person_id: string;
  dossier_id: string;
  kind: TaskKind;
  title: string | null;
  due_on: string | null;
  status: TaskStatus;
  activity_id: string | null;
  activity_name: string | null;
  note: string | null;
  submitted_at: string | null;
  rejection_reason: string | null;
  hours: string | null;
  reviewed_by_name: string | null;
  reviewed_at: string | null;
  created_at: string;
}

interface FileRow {
  id: string;
  task_id: string;
  name: string;
  content_type: UploadType;
  size: number;
  sha256: string;
  scanned: boolean;
  uploaded_at: string;
}

const TASK_SELECT = sql`select t.id, t.person_id, t.dossier_id, t.kind, t.title, to_char(t.due_on, 'YYYY-MM-DD') as due_on, t.status, t.activity_id,
    a.name as activity_name, t.note, t.submitted_at, t.rejection_reason, t.hours, u.display_name as reviewed_by_name, t.reviewed_at, t.created_at
  from portal_tasks t left join participation_activities a on a.id = t.activity_id left join users u on u.id = t.reviewed_by`;

/** Tasks matching `where`, newest first, each with its files (never their bytes). */
async function findTasks(tx: Tx, where: SQL) {
  const tasks = await queryRows<TaskRow>(tx, sql`${TASK_SELECT} where ${where} order by t.created_at desc, t.id`);
  const files = tasks.length
    ? await queryRows<FileRow>(
        tx,
        sql`select id, task_id, name, content_type, size, sha256, scanned, uploaded_at from portal_files
          where task_id in (${sql.join(tasks.map((t) => sql`${t.id}`), sql`, `)}) order by uploaded_at, id`,
      )
    : [];
  return tasks.map((task) => ({ task, files: files.filter((f) => f.task_id === task.id) }));
}

const iso = (at: string | null) => (at ? new Date(at).toISOString() : null);

function taskView({ task, files }: { task: TaskRow; files: FileRow[] }) {
  return {
    id: task.id,
    kind: task.kind,
    title: task.title,
    dueDate: task.due_on,
    status: task.status,
    rejectionReason: task.status === 'rejected' ? task.rejection_reason : null,
    files: files.map((f) => ({ id: f.id, name: f.name, size: f.size, contentType: f.content_type })),
    activity: task.activity_id && task.activity_name ? { id: task.activity_id, name: task.activity_name } : null,
  };
}

function staffTaskView(entry: { task: TaskRow; files: FileRow[] }) {
  const { task, files } = entry;
  return {
    ...taskView(entry),
    personId: task.person_id,
    dossierId: task.dossier_id,
    rejectionReason: task.rejection_reason,
    note: task.note,
    submittedAt: iso(task.submitted_at),
    hours: task.hours === null ? null : Number(task.hours),
    reviewedBy: task.reviewed_by_name,
    reviewedAt: iso(task.reviewed_at),
    createdAt: iso(task.created_at)!,
    files: files.map((f) => ({ id: f.id, name: f.name, size: f.size, contentType: f.content_type, sha256: f.sha256, scanned: f.scanned, uploadedAt: iso(f.uploaded_at)! })),
  };
}

// ---------------------------------------------------------------------------------------------
// The newcomer

export async function myTasks(deps: PortalDataDeps, ctx: PortalContext) {
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const tasks = await findTasks(tx, sql`t.person_id = ${ctx.portal.personId}`);
    await recordAudit(tx, ctx, { action: 'read', subjectType: 'person', subjectId: ctx.portal.personId, summary: 'portal: my tasks' });
    return { items: tasks.map(taskView) };
  });
}

/** A task locked for a change, then read: two changes of one task wait for each other. */
async function lockedTask(tx: Tx, taskId: string, personId: string | null = null) {
  await tx.execute(sql`select id from portal_tasks where id = ${taskId} ${personId ? sql`and person_id = ${personId}` : sql``} for update`);
  return (await findTasks(tx, sql`t.id = ${taskId} ${personId ? sql`and t.person_id = ${personId}` : sql``}`))[0];
}

/** One of the newcomer's own tasks, locked; someone else's task is "not found", never "forbidden". */
async function ownTask(tx: Tx, ctx: PortalContext, taskId: string) {
  const entry = await lockedTask(tx, taskId, ctx.portal.personId);
  if (!entry) throw notFound('portal-task');
  return entry;
}

/** Files may be added and a task submitted while it is open, or again after a rejection. */
function requireEditable(task: TaskRow) {
  if (task.status !== 'open' && task.status !== 'rejected') throw new AppError('conflict', { values: { reason: `task-${task.status}` } });
}

/** Before the upload is read: the task must be the newcomer's own and still take files. */
export async function checkUploadTarget(deps: PortalDataDeps, ctx: PortalContext, taskId: string): Promise<void> {
  await withTenant(deps.db, scopeOf(ctx), async (tx) => requireEditable((await ownTask(tx, ctx, taskId)).task));
}

/**
 * Keeps an uploaded file once it proved to be an accepted type (by its bytes), whole, and clean
 * when a scanner is configured. A configured scanner that cannot be reached refuses the file: it
 * is never kept unscanned then.
 */
export async function addFile(deps: PortalDataDeps, ctx: PortalContext, settings: UploadSettings, taskId: string, file: { name: string; bytes: Buffer }) {
  const type = sniffUploadType(file.bytes);
  if (!type) throw new AppError('upload-type-not-allowed');
  if (!isWellFormed(type, file.bytes)) throw new AppError('upload-malformed');
  if (settings.clamavUrl) {
    try {
      const verdict = await scanWithClamd(settings.clamavUrl, file.bytes);
      if (!verdict.clean) throw new AppError('upload-infected');
    } catch (error) {
      if (error instanceof ScannerUnavailable) throw new AppError('upload-scan-unavailable', { headers: { 'retry-after': '60' } });
      throw error;
    }
  }
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    requireEditable((await ownTask(tx, ctx, taskId)).task);
    const id = randomUUID();
    await tx.execute(sql`insert into portal_files (id, tenant_id, task_id, person_id, name, content_type, size, sha256, bytes, scanned, uploaded_at)
      values (${id}, ${ctx.actor.tenantId}, ${taskId}, ${ctx.portal.personId}, ${file.name}, ${type}, ${file.bytes.length},
        ${createHash('sha256').update(file.bytes).digest('hex')}, ${file.bytes}::bytea, ${settings.clamavUrl !== null}, ${deps.clock().toISOString()})`);
    await recordAudit(tx, ctx, { action: 'create', subjectType: 'person', subjectId: ctx.portal.personId, summary: 'portal: uploaded a file for a task' });
    return { id, name: file.name, size: file.bytes.length, contentType: type };
  });
}

export async function submitTask(deps: PortalDataDeps, ctx: PortalContext, taskId: string, input: { activityId?: string | undefined; note?: string | undefined }) {
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const { task, files } = await ownTask(tx, ctx, taskId);
    requireEditable(task);
    if (input.activityId && !(await activeActivity(tx, input.activityId))) throw invalidField('activityId', 'participation-activity-unknown');
    const activityId = input.activityId ?? task.activity_id;
    if (task.kind === 'choose-participation-activity' && !activityId) throw invalidField('activityId', 'required');
    if (task.kind === 'upload-participation-proof' && files.length === 0) throw invalidField('files', 'portal-task-file-required');
    // Sent again after a rejection without a new note or activity, the earlier ones stay.
    await tx.execute(sql`update portal_tasks set status = 'submitted', activity_id = ${activityId}, note = coalesce(${input.note ?? null}, note),
      submitted_at = ${deps.clock().toISOString()} where id = ${taskId}`);
    await recordAudit(tx, ctx, { action: 'update', subjectType: 'person', subjectId: ctx.portal.personId, summary: `portal: submitted a ${task.kind} task` });
    return taskView((await findTasks(tx, sql`t.id = ${taskId}`))[0]!);
  });
}

// ---------------------------------------------------------------------------------------------
// The participation catalogue (ENT-27)

interface ActivityRow {
  id: string;
  name: string;
  organisation: string;
  hours: string;
  place: string | null;
  language: string | null;
  active: boolean;
}

const activityView = (a: ActivityRow) => ({ id: a.id, name: a.name, organisation: a.organisation, hours: Number(a.hours), place: a.place, language: a.language });

async function activeActivity(tx: Tx, id: string): Promise<boolean> {
  return (await queryRows(tx, sql`select 1 from participation_activities where id = ${id} and active`)).length === 1;
}

const listActivityRows = (tx: Tx, onlyActive: boolean) =>
  queryRows<ActivityRow>(tx, sql`select id, name, organisation, hours, place, language, active from participation_activities
    ${onlyActive ? sql`where active` : sql``} order by name, id`);

export async function myActivities(deps: PortalDataDeps, ctx: PortalContext) {
  return withTenant(deps.db, scopeOf(ctx), async (tx) => ({ items: (await listActivityRows(tx, true)).map(activityView) }));
}

export async function listActivities(deps: PortalDataDeps, ctx: ActorContext) {
  requirePermission(ctx, 'dossier.guide');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => ({ items: (await listActivityRows(tx, false)).map((a) => ({ ...activityView(a), active: a.active })) }));
}

export async function addActivity(
  deps: PortalDataDeps,
  ctx: ActorContext,
  input: { name: string; organisation: string; hours: number; place?: string | undefined; language?: string | undefined; active: boolean },
) {
  requirePermission(ctx, 'dossier.guide');
  if (input.language !== undefined && !isLanguageCode(input.language)) throw invalidField('language', 'language-unknown');
  const id = randomUUID();
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    await tx.execute(sql`insert into participation_activities (id, tenant_id, name, organisation, hours, place, language, active, created_by)
      values (${id}, ${ctx.actor.tenantId}, ${input.name}, ${input.organisation}, ${input.hours}, ${input.place ?? null}, ${input.language ?? null},
        ${input.active}, ${ctx.actor.userId})`);
    const [row] = await queryRows<ActivityRow>(tx, sql`select id, name, organisation, hours, place, language, active from participation_activities where id = ${id}`);
    return { ...activityView(row!), active: row!.active };
  });
}

// ---------------------------------------------------------------------------------------------
// The case worker

async function openDossierOf(tx: Tx, dossierId: string) {
  const [dossier] = await queryRows<{ person_id: string; status: string }>(tx, sql`select person_id, status from dossiers where id = ${dossierId}`);
  if (!dossier) throw notFound('dossier');
  return dossier;
}

export async function giveTask(deps: PortalDataDeps, ctx: ActorContext, dossierId: string, input: { kind: TaskKind; title?: string | undefined; dueDate?: string | undefined }) {
  requirePermission(ctx, 'dossier.guide');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const dossier = await openDossierOf(tx, dossierId);
    if (dossier.status === 'closed' || dossier.status === 'transferred') throw new AppError('conflict', { values: { reason: 'dossier-not-open' } });
    const id = randomUUID();
    await tx.execute(sql`insert into portal_tasks (id, tenant_id, person_id, dossier_id, kind, title, due_on, created_by, created_at)
      values (${id}, ${ctx.actor.tenantId}, ${dossier.person_id}, ${dossierId}, ${input.kind}, ${input.title ?? null}, ${input.dueDate ?? null}::date,
        ${ctx.actor.userId}, ${deps.clock().toISOString()})`);
    await recordAudit(tx, ctx, { action: 'create', subjectType: 'dossier', subjectId: dossierId, summary: `portal task ${input.kind}` });
    return staffTaskView((await findTasks(tx, sql`t.id = ${id}`))[0]!);
  });
}

export async function dossierTasks(deps: PortalDataDeps, ctx: ActorContext, dossierId: string) {
  requirePermission(ctx, 'dossier.read');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    await openDossierOf(tx, dossierId);
    const tasks = await findTasks(tx, sql`t.dossier_id = ${dossierId}`);
    await recordAudit(tx, ctx, { action: 'read', subjectType: 'dossier', subjectId: dossierId, summary: 'portal tasks' });
    return { items: tasks.map(staffTaskView) };
  });
}

export async function taskFile(deps: PortalDataDeps, ctx: ActorContext, taskId: string, fileId: string) {
  requirePermission(ctx, 'dossier.read');
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const [file] = await queryRows<{ name: string; content_type: UploadType; bytes: Uint8Array; dossier_id: string }>(
      tx,
      sql`select f.name, f.content_type, f.bytes, t.dossier_id from portal_files f join portal_tasks t on t.id = f.task_id
        where f.id = ${fileId} and f.task_id = ${taskId}`,
    );
    if (!file) throw notFound('portal-file');
    await recordAudit(tx, ctx, { action: 'export', subjectType: 'dossier', subjectId: file.dossier_id, summary: 'portal task file downloaded' });
    return { name: file.name, contentType: file.content_type, bytes: Buffer.from(file.bytes) };
  });
}

/** Accepts (recording the fact in the dossier) or rejects a submitted task; a rejection says why. */
export async function reviewTask(deps: PortalDataDeps, ctx: ActorContext, taskId: string, review: ReviewInput) {
  requirePermission(ctx, 'dossier.guide');
  const now = deps.clock();
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const entry = await lockedTask(tx, taskId);
    if (!entry) throw notFound('portal-task');
    const { task } = entry;
    if (task.status !== 'submitted') throw new AppError('conflict', { values: { reason: `task-${task.status}` } });
    if (review.decision === 'accept') {
      const fact = factOfAcceptedTask(
        { kind: task.kind, title: task.title, activityName: task.activity_name, submittedOn: belgianDate(new Date(task.submitted_at!)) },
        review,
        belgianDate(now),
      );
      if ('missing' in fact) throw invalidField(fact.missing, 'required');
      if ('notAllowed' in fact) throw invalidField(fact.notAllowed, 'unknown-field');
      if (fact.command) {
        // Recording a pillar result needs the permission the trajectory asks for that command.
        requirePermission(ctx, COMMAND_PERMISSION[fact.command.type]);
        if (!(await recordInRunningDossier(tx, ctx, task.person_id, fact.command, now))) throw new AppError('conflict', { values: { reason: 'dossier-not-open' } });
      }
    }
    await tx.execute(sql`update portal_tasks set status = ${review.decision === 'accept' ? 'accepted' : 'rejected'},
      rejection_reason = ${review.decision === 'reject' ? review.reason! : task.rejection_reason}, hours = ${review.decision === 'accept' ? (review.hours ?? null) : null},
      reviewed_by = ${ctx.actor.userId}, reviewed_at = ${now.toISOString()} where id = ${taskId}`);
    await recordAudit(tx, ctx, { action: 'update', subjectType: 'dossier', subjectId: task.dossier_id, summary: `portal task ${review.decision}ed` });
    return staffTaskView((await findTasks(tx, sql`t.id = ${taskId}`))[0]!);
  });
}
