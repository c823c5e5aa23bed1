/**
 * The training and certification track of social interpreters (WF-17, ENT-42), per candidate and
 * per language. Each step locks the candidate, asks the pure rules (./rules.ts) whether it may be
 * taken now, records it, and audits it. A certificate enters the language into the register
 * (interpreter_languages, status 'certified'), creating the interpreter when the candidate has none.
 */
import { randomUUID } from 'node:crypto';
import type { ActorContext } from '../../../platform/context';
import { isUniqueViolation, withTenant, type Tx } from '../../../platform/db/database';
import { AppError, notFound } from '../../../platform/errors';
import { recordAudit, requirePermission, scopeOf, type AccessDeps } from '../../access';
import { isLanguageCode } from '../../persons/rules/languages';
import { belgianDate } from '../../trajectory';
import * as q from './certification.queries';
import type { CreateCandidateInput, ExamResultInput, ModuleInput } from './certification.schema';
import {
  certificationRulesOn,
  entryTestResult,
  entryTestsOf,
  examResult,
  languageStage,
  maxEntryTestAttempts,
  nextSteps,
  refusalOf,
  trainingComplete,
  type CandidateState,
  type CertificationRefusal,
  type Step,
} from './rules';

export type CertificationDeps = Pick<AccessDeps, 'db' | 'clock'>;

const PERMISSION = 'interpreting.desk';
const SUBJECT = 'interpreter-candidate';

function refuse(refusal: CertificationRefusal, rule: string, values: Record<string, string | number> = {}): never {
  throw new AppError('rule-violation', { values: { ...values, rule, refusal }, extra: { rule, refusal } });
}

function checkLanguage(field: string, code: string) {
  if (!isLanguageCode(code)) throw new AppError('validation', { fields: [{ field, code: 'language-unknown' }] });
}

interface Loaded {
  candidate: q.CandidateRow;
  languages: q.LanguageRow[];
  entryTests: q.EntryTestRow[];
  modules: q.ModuleRow[];
  exams: q.ExamRow[];
  talks: q.FeedbackTalkRow[];
  certificates: q.CertificateRow[];
}

async function load(tx: Tx, id: string, forUpdate = false): Promise<Loaded> {
  const candidate = await q.findCandidate(tx, id, forUpdate);
  if (!candidate) throw notFound('candidate');
  const ids = [id];
  const exams = await q.findExams(tx, ids);
  return {
    candidate,
    languages: await q.findLanguages(tx, ids),
    entryTests: await q.findEntryTests(tx, ids),
    modules: await q.findModules(tx, ids),
    exams,
    talks: await q.findFeedbackTalks(tx, ids),
    certificates: await q.findCertificates(tx, ids),
  };
}

/** A module as the rules and the detail view both see it. */
function moduleFields(m: q.ModuleRow) {
  return {
    id: m.id,
    kind: m.kind,
    startsOn: m.starts_on,
    requiredHours: Number(m.required_hours),
    attendedHours: Number(m.attended_hours),
    result: m.result,
    decidedOn: m.decided_on,
    remediationOfModule: m.remediation_of_module,
    remediationOfExam: m.remediation_of_exam,
  };
}

function stateOf(l: Loaded): CandidateState {
  const c = l.candidate;
  return {
    infoSession: c.info_session_on && c.dutch_proof ? { on: c.info_session_on, dutchProof: c.dutch_proof } : null,
    admittedOn: c.admitted_on,
    languages: l.languages.map((x) => ({ language: x.language, variant: x.variant })),
    entryTests: l.entryTests.map((t) => ({ language: t.language, variant: t.variant, attempt: t.attempt, takenOn: t.taken_on, passed: t.passed })),
    modules: l.modules.map(moduleFields),
    exams: l.exams.map((e) => ({ id: e.id, language: e.language, variant: e.variant, heldOn: e.held_on, status: e.status, decidedOn: e.decided_on })),
    feedbackTalks: l.talks.map((f) => ({ examId: f.exam_id, heldOn: f.held_on, advice: f.advice })),
    certificates: l.certificates.map((x) => ({ language: x.language, variant: x.variant, issuedOn: x.issued_on })),
  };
}

function summaryView(l: Loaded, today: string) {
  const c = l.candidate;
  const state = stateOf(l);
  const allowed = maxEntryTestAttempts(certificationRulesOn(today));
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    phone: c.phone,
    interpreterId: c.interpreter_id,
    infoSession: c.info_session_on && c.dutch_proof ? { attendedOn: c.info_session_on, dutchProof: c.dutch_proof } : null,
    admittedOn: c.admitted_on,
    trainingComplete: trainingComplete(state),
    languages: state.languages.map((key) => ({ ...key, stage: languageStage(state, key, today), entryTestAttempts: entryTestsOf(state, key).length, entryTestAttemptsAllowed: allowed })),
    version: c.version,
  };
}

function detailView(l: Loaded, today: string) {
  const state = stateOf(l);
  return {
    ...summaryView(l, today),
    entryTests: l.entryTests.map((t) => ({ id: t.id, language: t.language, variant: t.variant, attempt: t.attempt, takenOn: t.taken_on, languagePart: t.language_part, basicSkillsPart: t.skills_part, passed: t.passed })),
    modules: l.modules.map((m) => ({ ...moduleFields(m), name: m.name })),
    exams: l.exams.map((e) => {
      const talk = l.talks.find((f) => f.exam_id === e.id);
      return {
        id: e.id,
        language: e.language,
        variant: e.variant,
        heldOn: e.held_on,
        jury: e.jury,
        status: e.status,
        rolePlay1: e.role_play_1,
        rolePlay2: e.role_play_2,
        decidedOn: e.decided_on,
        feedbackTalk: talk ? { id: talk.id, heldOn: talk.held_on, advice: talk.advice, note: talk.note } : null,
      };
    }),
    certificates: l.certificates.map((c) => ({ id: c.id, language: c.language, variant: c.variant, issuedOn: c.issued_on, channels: c.channels, examId: c.exam_id, interpreterId: c.interpreter_id })),
    nextSteps: nextSteps(state, today),
  };
}

/**
 * One step of the track: lock the candidate, ask the rules, then record and audit. Dates of results
 * (everything but a planned exam or module start) may not lie in the future.
 */
async function step<T>(
  deps: CertificationDeps,
  ctx: ActorContext,
  id: string,
  decide: (loaded: Loaded, state: CandidateState) => Step,
  record: (tx: Tx, loaded: Loaded) => Promise<string>,
  options: { resultDate?: string } = {},
): Promise<ReturnType<typeof detailView>> {
  requirePermission(ctx, PERMISSION);
  const today = belgianDate(deps.clock());
  if (options.resultDate && options.resultDate > today) refuse('certification-date-in-future', 'WF-17', { date: today });
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const loaded = await load(tx, id, true);
    const state = stateOf(loaded);
    const refused = refusalOf(state, decide(loaded, state));
    if (refused) refuse(refused.refusal, refused.rule, refused.values);
    const summary = await record(tx, loaded);
    await tx.execute(q.touchCandidate(id));
    await recordAudit(tx, ctx, { action: 'update', subjectType: SUBJECT, subjectId: id, summary });
    return detailView(await load(tx, id), today);
  });
}

export async function createCandidate(deps: CertificationDeps, ctx: ActorContext, input: CreateCandidateInput) {
  requirePermission(ctx, PERMISSION);
  input.languages.forEach((l, i) => checkLanguage(`languages.${i}.language`, l.language));
  const today = belgianDate(deps.clock());
  const id = randomUUID();
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    if (input.interpreterId && !(await q.interpreterExists(tx, input.interpreterId))) {
      throw new AppError('validation', { fields: [{ field: 'interpreterId', code: 'certification-interpreter-unknown' }] });
    }
    await q.insertCandidate(tx, { id, tenantId: ctx.actor.tenantId, interpreterId: input.interpreterId ?? null, name: input.name, email: input.email, phone: input.phone ?? null });
    for (const l of input.languages) await tx.execute(q.insertLanguage(ctx.actor.tenantId, id, l.language, l.variant ?? '', today));
    await recordAudit(tx, ctx, { action: 'create', subjectType: SUBJECT, subjectId: id, summary: 'interpreter candidate' });
    return detailView(await load(tx, id), today);
  });
}

export async function listCandidates(deps: CertificationDeps, ctx: ActorContext, filter: { search?: string | undefined; language?: string | undefined; limit: number }) {
  requirePermission(ctx, PERMISSION);
  const today = belgianDate(deps.clock());
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const rows = await q.listCandidates(tx, filter);
    const ids = rows.map((r) => r.id);
    const [languages, entryTests, modules, exams, talks, certificates] = [
      await q.findLanguages(tx, ids),
      await q.findEntryTests(tx, ids),
      await q.findModules(tx, ids),
      await q.findExams(tx, ids),
      await q.findFeedbackTalks(tx, ids),
      await q.findCertificates(tx, ids),
    ];
    const examCandidate = new Map(exams.map((e) => [e.id, e.candidate_id]));
    await recordAudit(tx, ctx, { action: 'search', subjectType: SUBJECT, subjectId: null, summary: 'listed interpreter candidates' });
    return rows.map((candidate) =>
      summaryView(
        {
          candidate,
          languages: languages.filter((x) => x.candidate_id === candidate.id),
          entryTests: entryTests.filter((x) => x.candidate_id === candidate.id),
          modules: modules.filter((x) => x.candidate_id === candidate.id),
          exams: exams.filter((x) => x.candidate_id === candidate.id),
          talks: talks.filter((x) => examCandidate.get(x.exam_id) === candidate.id),
          certificates: certificates.filter((x) => x.candidate_id === candidate.id),
        },
        today,
      ),
    );
  });
}

export async function getCandidate(deps: CertificationDeps, ctx: ActorContext, id: string) {
  requirePermission(ctx, PERMISSION);
  const today = belgianDate(deps.clock());
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const detail = detailView(await load(tx, id), today);
    await recordAudit(tx, ctx, { action: 'read', subjectType: SUBJECT, subjectId: id, summary: 'read interpreter candidate' });
    return detail;
  });
}

/** Adds a language to the track; adding one that is already followed changes nothing. */
export async function addLanguage(deps: CertificationDeps, ctx: ActorContext, id: string, input: { language: string; variant?: string | undefined }) {
  requirePermission(ctx, PERMISSION);
  checkLanguage('language', input.language);
  const today = belgianDate(deps.clock());
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    await load(tx, id, true);
    await tx.execute(q.insertLanguage(ctx.actor.tenantId, id, input.language, input.variant ?? '', today));
    await tx.execute(q.touchCandidate(id));
    await recordAudit(tx, ctx, { action: 'update', subjectType: SUBJECT, subjectId: id, summary: `track language ${input.language}` });
    return detailView(await load(tx, id), today);
  });
}

export async function recordInfoSession(deps: CertificationDeps, ctx: ActorContext, id: string, input: { attendedOn: string; dutchProof: 'b2-certificate' | 'dutch-test' }) {
  return step(
    deps,
    ctx,
    id,
    () => ({ kind: 'info-session', on: input.attendedOn }),
    async (tx) => {
      await tx.execute(q.setInfoSession(id, input.attendedOn, input.dutchProof));
      return `info session (${input.dutchProof})`;
    },
    { resultDate: input.attendedOn },
  );
}

export async function recordEntryTest(
  deps: CertificationDeps,
  ctx: ActorContext,
  id: string,
  input: { language: string; variant?: string | undefined; takenOn: string; languagePart: 'passed' | 'failed'; basicSkillsPart: 'passed' | 'failed' },
) {
  const key = { language: input.language, variant: input.variant ?? '' };
  return step(
    deps,
    ctx,
    id,
    () => ({ kind: 'entry-test', ...key, on: input.takenOn }),
    async (tx, loaded) => {
      const attempt = entryTestsOf(stateOf(loaded), key).length + 1;
      const passed = entryTestResult(input.languagePart, input.basicSkillsPart);
      await tx.execute(
        q.insertEntryTest({ id: randomUUID(), tenantId: ctx.actor.tenantId, candidateId: id, ...key, attempt, takenOn: input.takenOn, languagePart: input.languagePart, skillsPart: input.basicSkillsPart, passed }),
      );
      return `entry test ${key.language}, attempt ${attempt}: ${passed ? 'passed' : 'failed'}`;
    },
    { resultDate: input.takenOn },
  );
}

export async function admit(deps: CertificationDeps, ctx: ActorContext, id: string, input: { admittedOn: string }) {
  return step(
    deps,
    ctx,
    id,
    () => ({ kind: 'admission', on: input.admittedOn }),
    async (tx) => {
      await tx.execute(q.setAdmission(id, input.admittedOn));
      return 'admitted to the basic training';
    },
    { resultDate: input.admittedOn },
  );
}

export async function startModule(deps: CertificationDeps, ctx: ActorContext, id: string, input: ModuleInput) {
  const rules = certificationRulesOn(input.startsOn);
  const requiredHours = input.requiredHours ?? (input.kind === 'module-1' || input.kind === 'module-2' ? rules.moduleHours.value[input.kind] : 0);
  return step(
    deps,
    ctx,
    id,
    (loaded) => {
      if (input.kind !== 'remediation') return { kind: 'module', module: input.kind, on: input.startsOn };
      if (input.remediationOfModule) requireItem(loaded.modules, input.remediationOfModule, 'module');
      if (input.remediationOfExam) requireItem(loaded.exams, input.remediationOfExam, 'exam');
      return { kind: 'remediation', ...(input.remediationOfModule ? { ofModule: input.remediationOfModule } : {}), ...(input.remediationOfExam ? { ofExam: input.remediationOfExam } : {}), on: input.startsOn };
    },
    async (tx) => {
      await tx.execute(
        q.insertModule({
          id: randomUUID(),
          tenantId: ctx.actor.tenantId,
          candidateId: id,
          kind: input.kind,
          name: input.name ?? null,
          startsOn: input.startsOn,
          requiredHours,
          remediationOfModule: input.remediationOfModule ?? null,
          remediationOfExam: input.remediationOfExam ?? null,
        }),
      );
      return `started ${input.kind} (${requiredHours} h)`;
    },
  );
}

/** Throws a 404 for `what` unless one of the candidate's items has the id. */
function requireItem(items: readonly { id: string }[], id: string, what: 'module' | 'exam') {
  if (!items.some((item) => item.id === id)) throw notFound(what);
}

export async function recordModuleAttendance(deps: CertificationDeps, ctx: ActorContext, id: string, moduleId: string, input: { attendedHours: number }) {
  return step(
    deps,
    ctx,
    id,
    (loaded) => {
      requireItem(loaded.modules, moduleId, 'module');
      return { kind: 'module-attendance', moduleId };
    },
    async (tx) => {
      await tx.execute(q.setModuleAttendance(moduleId, input.attendedHours));
      return `module attendance ${input.attendedHours} h`;
    },
  );
}

export async function recordModuleResult(deps: CertificationDeps, ctx: ActorContext, id: string, moduleId: string, input: { result: 'passed' | 'failed'; decidedOn: string }) {
  return step(
    deps,
    ctx,
    id,
    (loaded) => {
      requireItem(loaded.modules, moduleId, 'module');
      return { kind: 'module-result', moduleId, result: input.result, on: input.decidedOn };
    },
    async (tx) => {
      await tx.execute(q.setModuleResult(moduleId, input.result, input.decidedOn));
      return `module ${input.result}`;
    },
    { resultDate: input.decidedOn },
  );
}

export async function planExam(
  deps: CertificationDeps,
  ctx: ActorContext,
  id: string,
  input: { language: string; variant?: string | undefined; heldOn: string; jury: { chair: string; masterRepresentative: string; assessors: string[] } },
) {
  const key = { language: input.language, variant: input.variant ?? '' };
  try {
    return await step(
      deps,
      ctx,
      id,
      () => ({ kind: 'exam', ...key, on: input.heldOn }),
      async (tx) => {
        await tx.execute(q.insertExam({ id: randomUUID(), tenantId: ctx.actor.tenantId, candidateId: id, ...key, heldOn: input.heldOn, jury: input.jury }));
        return `certification exam ${key.language} planned`;
      },
    );
  } catch (error) {
    if (isUniqueViolation(error)) refuse('certification-exam-planned', 'STV-13');
    throw error;
  }
}

export async function recordExamResult(deps: CertificationDeps, ctx: ActorContext, id: string, examId: string, input: ExamResultInput) {
  return step(
    deps,
    ctx,
    id,
    (loaded) => {
      requireItem(loaded.exams, examId, 'exam');
      return { kind: 'exam-result', examId, on: input.decidedOn };
    },
    async (tx, loaded) => {
      if (input.outcome === 'cancelled') {
        await tx.execute(q.setExamResult(examId, { status: 'cancelled', rolePlay1: null, rolePlay2: null, decidedOn: input.decidedOn }));
        return 'certification exam cancelled';
      }
      const exam = loaded.exams.find((e) => e.id === examId)!;
      const status = examResult([input.rolePlay1, input.rolePlay2], certificationRulesOn(exam.held_on));
      await tx.execute(q.setExamResult(examId, { status, rolePlay1: input.rolePlay1, rolePlay2: input.rolePlay2, decidedOn: input.decidedOn }));
      return `certification exam ${exam.language}: ${status}`;
    },
    { resultDate: input.decidedOn },
  );
}

export async function recordFeedbackTalk(deps: CertificationDeps, ctx: ActorContext, id: string, examId: string, input: { heldOn: string; advice: 'retake-exam' | 'follow-remediation' | 'stop'; note?: string | undefined }) {
  return step(
    deps,
    ctx,
    id,
    (loaded) => {
      requireItem(loaded.exams, examId, 'exam');
      return { kind: 'feedback-talk', examId, on: input.heldOn };
    },
    async (tx) => {
      await tx.execute(q.insertFeedbackTalk({ id: randomUUID(), tenantId: ctx.actor.tenantId, candidateId: id, examId, heldOn: input.heldOn, advice: input.advice, note: input.note ?? null }));
      return `feedback talk, advice ${input.advice}`;
    },
    { resultDate: input.heldOn },
  );
}

/**
 * The certificate for a language after a passed exam. The language enters the register as
 * certified with the given channels; a candidate without an interpreter becomes one.
 */
export async function issueCertificate(deps: CertificationDeps, ctx: ActorContext, id: string, input: { language: string; variant?: string | undefined; issuedOn: string; channels: string[] }) {
  const key = { language: input.language, variant: input.variant ?? '' };
  const channels = [...new Set(input.channels)];
  return step(
    deps,
    ctx,
    id,
    () => ({ kind: 'certificate', ...key, on: input.issuedOn }),
    async (tx, loaded) => {
      const c = loaded.candidate;
      let interpreterId = c.interpreter_id;
      if (!interpreterId) {
        interpreterId = randomUUID();
        await tx.execute(q.insertInterpreter({ id: interpreterId, tenantId: ctx.actor.tenantId, name: c.name, email: c.email, phone: c.phone }));
        await tx.execute(q.setInterpreter(id, interpreterId));
        await recordAudit(tx, ctx, { action: 'create', subjectType: 'interpreter', subjectId: interpreterId, summary: 'interpreter from the certification track' });
      }
      const exam = loaded.exams.find((e) => e.language === key.language && e.variant === key.variant && e.status === 'passed')!;
      await tx.execute(q.insertCertificate({ id: randomUUID(), tenantId: ctx.actor.tenantId, candidateId: id, examId: exam.id, interpreterId, ...key, issuedOn: input.issuedOn, channels }));
      await tx.execute(q.upsertRegisterLanguage({ tenantId: ctx.actor.tenantId, interpreterId, ...key, channels }));
      await tx.execute(q.bumpInterpreterVersion(interpreterId));
      await recordAudit(tx, ctx, { action: 'update', subjectType: 'interpreter', subjectId: interpreterId, summary: `certified for ${key.language} in the register` });
      return `certificate ${key.language}`;
    },
    { resultDate: input.issuedOn },
  );
}
