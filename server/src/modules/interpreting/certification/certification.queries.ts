import { sql, type SQL } from 'drizzle-orm';
import { queryRows, textArray, type Executor } from '../../../platform/db/database';

export interface CandidateRow {
  id: string;
  interpreter_id: string | null;
  name: string;
  email: string;
  phone: string | null;
  info_session_on: string | null;
  dutch_proof: 'b2-certificate' | 'dutch-test' | null;
  admitted_on: string | null;
  version: number;
}

const CANDIDATE_COLUMNS = sql`c.id, c.interpreter_id, c.name, c.email, c.phone, to_char(c.info_session_on, 'YYYY-MM-DD') as info_session_on, c.dutch_proof,
  to_char(c.admitted_on, 'YYYY-MM-DD') as admitted_on, c.version`;

export async function insertCandidate(tx: Executor, c: { id: string; tenantId: string; interpreterId: string | null; name: string; email: string; phone: string | null }) {
  await tx.execute(sql`insert into interpreter_candidates (id, tenant_id, interpreter_id, name, email, phone)
    values (${c.id}, ${c.tenantId}, ${c.interpreterId}, ${c.name}, ${c.email}, ${c.phone})`);
}

/** The candidate, locked for the step to come when `forUpdate`: steps of one candidate run one at a time. */
export async function findCandidate(tx: Executor, id: string, forUpdate = false): Promise<CandidateRow | undefined> {
  return (await queryRows<CandidateRow>(tx, sql`select ${CANDIDATE_COLUMNS} from interpreter_candidates c where c.id = ${id} ${forUpdate ? sql`for update` : sql``}`))[0];
}

export async function listCandidates(tx: Executor, f: { search?: string | undefined; language?: string | undefined; limit: number }) {
  const where: SQL[] = [sql`true`];
  if (f.search) {
    const like = `%${f.search.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
    where.push(sql`(lower(c.name) like ${like} or lower(c.email) like ${like})`);
  }
  if (f.language) where.push(sql`exists (select 1 from interpreter_candidate_languages l where l.candidate_id = c.id and l.language = ${f.language})`);
  return queryRows<CandidateRow>(tx, sql`select ${CANDIDATE_COLUMNS} from interpreter_candidates c where ${sql.join(where, sql` and `)} order by lower(c.name), c.id limit ${f.limit}`);
}

export const touchCandidate = (id: string) => sql`update interpreter_candidates set version = version + 1 where id = ${id}`;
export const setInfoSession = (id: string, on: string, proof: string) =>
  sql`update interpreter_candidates set info_session_on = ${on}::date, dutch_proof = ${proof}, version = version + 1 where id = ${id}`;
export const setAdmission = (id: string, on: string) => sql`update interpreter_candidates set admitted_on = ${on}::date, version = version + 1 where id = ${id}`;
export const setInterpreter = (id: string, interpreterId: string) =>
  sql`update interpreter_candidates set interpreter_id = ${interpreterId}, version = version + 1 where id = ${id}`;

export interface LanguageRow {
  candidate_id: string;
  language: string;
  variant: string;
}

export const insertLanguage = (tenantId: string, candidateId: string, language: string, variant: string, on: string) =>
  sql`insert into interpreter_candidate_languages (tenant_id, candidate_id, language, variant, added_on)
    values (${tenantId}, ${candidateId}, ${language}, ${variant}, ${on}::date) on conflict do nothing`;

export async function findLanguages(tx: Executor, candidateIds: readonly string[]): Promise<LanguageRow[]> {
  if (!candidateIds.length) return [];
  return queryRows<LanguageRow>(tx, sql`select candidate_id, language, variant from interpreter_candidate_languages
    where candidate_id = any(${textArray(candidateIds)}::uuid[]) order by added_on, language, variant`);
}

export interface EntryTestRow {
  id: string;
  candidate_id: string;
  language: string;
  variant: string;
  attempt: number;
  taken_on: string;
  language_part: 'passed' | 'failed';
  skills_part: 'passed' | 'failed';
  passed: boolean;
}

export async function findEntryTests(tx: Executor, candidateIds: readonly string[]): Promise<EntryTestRow[]> {
  if (!candidateIds.length) return [];
  return queryRows<EntryTestRow>(tx, sql`select id, candidate_id, language, variant, attempt, to_char(taken_on, 'YYYY-MM-DD') as taken_on, language_part, skills_part, passed
    from interpreter_entry_tests where candidate_id = any(${textArray(candidateIds)}::uuid[]) order by language, variant, attempt`);
}

export const insertEntryTest = (t: { id: string; tenantId: string; candidateId: string; language: string; variant: string; attempt: number; takenOn: string; languagePart: string; skillsPart: string; passed: boolean }) =>
  sql`insert into interpreter_entry_tests (id, tenant_id, candidate_id, language, variant, attempt, taken_on, language_part, skills_part, passed)
    values (${t.id}, ${t.tenantId}, ${t.candidateId}, ${t.language}, ${t.variant}, ${t.attempt}, ${t.takenOn}::date, ${t.languagePart}, ${t.skillsPart}, ${t.passed})`;

export interface ModuleRow {
  id: string;
  candidate_id: string;
  kind: 'module-1' | 'module-2' | 'continuous' | 'remediation';
  name: string | null;
  starts_on: string;
  required_hours: string;
  attended_hours: string;
  result: 'passed' | 'failed' | null;
  decided_on: string | null;
  remediation_of_module: string | null;
  remediation_of_exam: string | null;
}

export async function findModules(tx: Executor, candidateIds: readonly string[]): Promise<ModuleRow[]> {
  if (!candidateIds.length) return [];
  return queryRows<ModuleRow>(tx, sql`select id, candidate_id, kind, name, to_char(starts_on, 'YYYY-MM-DD') as starts_on, required_hours::text as required_hours,
      attended_hours::text as attended_hours, result, to_char(decided_on, 'YYYY-MM-DD') as decided_on, remediation_of_module, remediation_of_exam
    from interpreter_training_modules where candidate_id = any(${textArray(candidateIds)}::uuid[]) order by starts_on, created_at`);
}

export const insertModule = (m: { id: string; tenantId: string; candidateId: string; kind: string; name: string | null; startsOn: string; requiredHours: number; remediationOfModule: string | null; remediationOfExam: string | null }) =>
  sql`insert into interpreter_training_modules (id, tenant_id, candidate_id, kind, name, starts_on, required_hours, remediation_of_module, remediation_of_exam)
    values (${m.id}, ${m.tenantId}, ${m.candidateId}, ${m.kind}, ${m.name}, ${m.startsOn}::date, ${m.requiredHours}, ${m.remediationOfModule}, ${m.remediationOfExam})`;

export const setModuleAttendance = (id: string, hours: number) => sql`update interpreter_training_modules set attended_hours = ${hours} where id = ${id}`;
export const setModuleResult = (id: string, result: string, on: string) => sql`update interpreter_training_modules set result = ${result}, decided_on = ${on}::date where id = ${id}`;

export interface ExamRow {
  id: string;
  candidate_id: string;
  language: string;
  variant: string;
  held_on: string;
  jury: { chair: string; masterRepresentative: string; assessors: string[] };
  status: 'planned' | 'passed' | 'failed' | 'cancelled';
  role_play_1: 'passed' | 'failed' | null;
  role_play_2: 'passed' | 'failed' | null;
  decided_on: string | null;
}

export async function findExams(tx: Executor, candidateIds: readonly string[]): Promise<ExamRow[]> {
  if (!candidateIds.length) return [];
  return queryRows<ExamRow>(tx, sql`select id, candidate_id, language, variant, to_char(held_on, 'YYYY-MM-DD') as held_on, jury, status, role_play_1, role_play_2,
      to_char(decided_on, 'YYYY-MM-DD') as decided_on
    from interpreter_certification_exams where candidate_id = any(${textArray(candidateIds)}::uuid[]) order by held_on, created_at`);
}

export const insertExam = (e: { id: string; tenantId: string; candidateId: string; language: string; variant: string; heldOn: string; jury: unknown }) =>
  sql`insert into interpreter_certification_exams (id, tenant_id, candidate_id, language, variant, held_on, jury)
    values (${e.id}, ${e.tenantId}, ${e.candidateId}, ${e.language}, ${e.variant}, ${e.heldOn}::date, ${JSON.stringify(e.jury)}::jsonb)`;

export const setExamResult = (id: string, r: { status: string; rolePlay1: string | null; rolePlay2: string | null; decidedOn: string }) =>
  sql`update interpreter_certification_exams set status = ${r.status}, role_play_1 = ${r.rolePlay1}, role_play_2 = ${r.rolePlay2}, decided_on = ${r.decidedOn}::date
    where id = ${id}`;

export interface FeedbackTalkRow {
  id: string;
  exam_id: string;
  held_on: string;
  advice: 'retake-exam' | 'follow-remediation' | 'stop';
  note: string | null;
}

export async function findFeedbackTalks(tx: Executor, candidateIds: readonly string[]): Promise<FeedbackTalkRow[]> {
  if (!candidateIds.length) return [];
  return queryRows<FeedbackTalkRow>(tx, sql`select id, exam_id, to_char(held_on, 'YYYY-MM-DD') as held_on, advice, note
    from interpreter_feedback_talks where candidate_id = any(${textArray(candidateIds)}::uuid[]) order by held_on, created_at`);
}

export const insertFeedbackTalk = (f: { id: string; tenantId: string; candidateId: string; examId: string; heldOn: string; advice: string; note: string | null }) =>
  sql`insert into interpreter_feedback_talks (id, tenant_id, candidate_id, exam_id, held_on, advice, note)
    values (${f.id}, ${f.tenantId}, ${f.candidateId}, ${f.examId}, ${f.heldOn}::date, ${f.advice}, ${f.note})`;

export interface CertificateRow {
  id: string;
  candidate_id: string;
  exam_id: string;
  interpreter_id: string;
  language: string;
  variant: string;
  issued_on: string;
  channels: string[];
}

export async function findCertificates(tx: Executor, candidateIds: readonly string[]): Promise<CertificateRow[]> {
  if (!candidateIds.length) return [];
  return queryRows<CertificateRow>(tx, sql`select id, candidate_id, exam_id, interpreter_id, language, variant, to_char(issued_on, 'YYYY-MM-DD') as issued_on, channels
    from interpreter_certificates where candidate_id = any(${textArray(candidateIds)}::uuid[]) order by issued_on, language`);
}

export const insertCertificate = (c: { id: string; tenantId: string; candidateId: string; examId: string; interpreterId: string; language: string; variant: string; issuedOn: string; channels: readonly string[] }) =>
  sql`insert into interpreter_certificates (id, tenant_id, candidate_id, exam_id, interpreter_id, language, variant, issued_on, channels)
    values (${c.id}, ${c.tenantId}, ${c.candidateId}, ${c.examId}, ${c.interpreterId}, ${c.language}, ${c.variant}, ${c.issuedOn}::date, ${textArray(c.channels)})`;

/** The register (migration 0009): does the interpreter exist in this tenant? */
export async function interpreterExists(tx: Executor, id: string): Promise<boolean> {
  return (await queryRows<{ id: string }>(tx, sql`select id from interpreters where id = ${id}`)).length === 1;
}

export const insertInterpreter = (i: { id: string; tenantId: string; name: string; email: string; phone: string | null }) =>
  sql`insert into interpreters (id, tenant_id, name, email, phone) values (${i.id}, ${i.tenantId}, ${i.name}, ${i.email}, ${i.phone})`;

/** The certified language enters the register: a new row, or the existing one becomes certified with the given channels. */
export const upsertRegisterLanguage = (r: { tenantId: string; interpreterId: string; language: string; variant: string; channels: readonly string[] }) =>
  sql`insert into interpreter_languages (tenant_id, interpreter_id, language, variant, status, channels)
    values (${r.tenantId}, ${r.interpreterId}, ${r.language}, ${r.variant}, 'certified', ${textArray(r.channels)})
    on conflict (interpreter_id, language, variant) do update set status = 'certified', channels = excluded.channels`;

export const bumpInterpreterVersion = (id: string) => sql`update interpreters set version = version + 1 where id = ${id}`;

export async function registerLanguage(tx: Executor, interpreterId: string, language: string, variant: string) {
  return (await queryRows<{ status: string; channels: string[] }>(tx, sql`select status, channels from interpreter_languages
    where interpreter_id = ${interpreterId} and language = ${language} and variant = ${variant}`))[0];
}
