import { sql } from 'drizzle-orm';
import { queryRows, textArray, type Executor } from '../../platform/db/database';
import type { PlacementStatus } from './rules/placement';

/* ---------- conversations, tests, advices ---------- */

export interface ConversationRow {
  id: string;
  person_id: string;
  kind: 'nt2-gesprek' | 'niveautest';
  starts_at: string | Date;
  ends_at: string | Date;
  location: string | null;
  region: string | null;
  consultant_id: string | null;
  temporary_protection: boolean;
  learning_aptitude: 'slow' | 'average' | 'fast' | null;
  note: string | null;
}

const CONVERSATION_COLUMNS = sql`id, person_id, kind, starts_at, ends_at, location, region, consultant_id, temporary_protection, learning_aptitude, note`;

export async function insertConversation(tx: Executor, tenantId: string, userId: string | null, c: Omit<ConversationRow, 'learning_aptitude'>) {
  await tx.execute(sql`insert into nt2_conversations (id, tenant_id, person_id, kind, starts_at, ends_at, location, region, consultant_id,
      temporary_protection, note, created_by)
    values (${c.id}, ${tenantId}, ${c.person_id}, ${c.kind}, ${String(c.starts_at)}::timestamptz, ${String(c.ends_at)}::timestamptz, ${c.location},
      ${c.region}, ${c.consultant_id}, ${c.temporary_protection}, ${c.note}, ${userId})`);
}

export async function findConversation(tx: Executor, id: string): Promise<ConversationRow | undefined> {
  return (await queryRows<ConversationRow>(tx, sql`select ${CONVERSATION_COLUMNS} from nt2_conversations where id = ${id}`))[0];
}

export async function listConversations(tx: Executor, f: { personId: string | null; from: string | null; to: string | null; limit: number }): Promise<ConversationRow[]> {
  return queryRows<ConversationRow>(
    tx,
    sql`select ${CONVERSATION_COLUMNS} from nt2_conversations
      where true ${f.personId ? sql`and person_id = ${f.personId}` : sql``}
        ${f.from ? sql`and starts_at >= (${f.from}::date)::timestamp at time zone 'Europe/Brussels'` : sql``}
        ${f.to ? sql`and starts_at < (${f.to}::date + 1)::timestamp at time zone 'Europe/Brussels'` : sql``}
      order by starts_at, id limit ${f.limit}`,
  );
}

export async function setConversationAptitude(tx: Executor, id: string, aptitude: string) {
  await tx.execute(sql`update nt2_conversations set learning_aptitude = ${aptitude} where id = ${id}`);
}

export interface TestRow {
  id: string;
  conversation_id: string;
  kind: string;
  taken_on: string;
  location: string | null;
  remote: boolean;
  passed: boolean | null;
  level: string | null;
  learning_aptitude: string | null;
  result: string | null;
  certificate_issued: boolean;
}

export async function insertTest(tx: Executor, tenantId: string, userId: string | null, personId: string, t: TestRow) {
  await tx.execute(sql`insert into nt2_tests (id, tenant_id, conversation_id, person_id, kind, taken_on, location, remote, passed, level,
      learning_aptitude, result, certificate_issued, created_by)
    values (${t.id}, ${tenantId}, ${t.conversation_id}, ${personId}, ${t.kind}, ${t.taken_on}::date, ${t.location}, ${t.remote}, ${t.passed},
      ${t.level}, ${t.learning_aptitude}, ${t.result}, ${t.certificate_issued}, ${userId})`);
}

export async function findTests(tx: Executor, conversationId: string): Promise<TestRow[]> {
  return queryRows<TestRow>(
    tx,
    sql`select id, conversation_id, kind, to_char(taken_on, 'YYYY-MM-DD') as taken_on, location, remote, passed, level, learning_aptitude, result,
        certificate_issued
      from nt2_tests where conversation_id = ${conversationId} order by taken_on, created_at, id`,
  );
}

export interface AdviceRow {
  id: string;
  conversation_id: string;
  person_id: string;
  advice_type: string;
  length_amount: number | null;
  length_unit: 'lesson-periods' | 'hours' | null;
  advised_on: string;
  region: string | null;
  note: string | null;
  created_at: string | Date;
}

const ADVICE_COLUMNS = sql`id, conversation_id, person_id, advice_type, length_amount, length_unit, to_char(advised_on, 'YYYY-MM-DD') as advised_on,
  region, note, created_at`;

export async function insertAdvice(tx: Executor, tenantId: string, userId: string | null, a: Omit<AdviceRow, 'created_at'>) {
  await tx.execute(sql`insert into nt2_advices (id, tenant_id, conversation_id, person_id, advice_type, length_amount, length_unit, advised_on,
      region, note, created_by)
    values (${a.id}, ${tenantId}, ${a.conversation_id}, ${a.person_id}, ${a.advice_type}, ${a.length_amount}, ${a.length_unit},
      ${a.advised_on}::date, ${a.region}, ${a.note}, ${userId})`);
}

export async function findAdviceOfConversation(tx: Executor, conversationId: string): Promise<AdviceRow | undefined> {
  return (await queryRows<AdviceRow>(tx, sql`select ${ADVICE_COLUMNS} from nt2_advices where conversation_id = ${conversationId}`))[0];
}

export async function findAdvicesOfPerson(tx: Executor, personId: string): Promise<AdviceRow[]> {
  return queryRows<AdviceRow>(tx, sql`select ${ADVICE_COLUMNS} from nt2_advices where person_id = ${personId} order by advised_on, created_at`);
}

/* ---------- providers, modules, start moments ---------- */

export interface ProviderRow {
  id: string;
  code: string;
  name: string;
}

export async function findProvider(tx: Executor, id: string): Promise<ProviderRow | undefined> {
  return (
    await queryRows<ProviderRow>(tx, sql`select id, code, name from organisations where id = ${id} and kind = 'partner' and partner_type = 'dutch-course-provider'`)
  )[0];
}

export async function listProviders(tx: Executor): Promise<ProviderRow[]> {
  return queryRows<ProviderRow>(tx, sql`select id, code, name from organisations where kind = 'partner' and partner_type = 'dutch-course-provider' order by name, id`);
}

export interface ModuleRow {
  id: string;
  provider_id: string;
  provider_name: string;
  provider_kind: 'CBE' | 'CVO' | 'UTC' | 'other';
  name: string;
  advice_types: string[];
  level: string;
  location: string;
  region: string | null;
}

const MODULE_SELECT = sql`select m.id, m.provider_id, o.name as provider_name, m.provider_kind, m.name, m.advice_types, m.level, m.location, m.region
  from nt2_modules m join organisations o on o.id = m.provider_id`;

export async function insertModule(tx: Executor, tenantId: string, userId: string | null, m: Omit<ModuleRow, 'provider_name'>) {
  await tx.execute(sql`insert into nt2_modules (id, tenant_id, provider_id, provider_kind, name, advice_types, level, location, region, created_by)
    values (${m.id}, ${tenantId}, ${m.provider_id}, ${m.provider_kind}, ${m.name}, ${textArray(m.advice_types)}, ${m.level}, ${m.location},
      ${m.region}, ${userId})`);
}

export async function findModule(tx: Executor, id: string): Promise<ModuleRow | undefined> {
  return (await queryRows<ModuleRow>(tx, sql`${MODULE_SELECT} where m.id = ${id}`))[0];
}

export async function listModules(tx: Executor, f: { providerId: string | null; adviceType: string | null }): Promise<ModuleRow[]> {
  return queryRows<ModuleRow>(
    tx,
    sql`${MODULE_SELECT} where true ${f.providerId ? sql`and m.provider_id = ${f.providerId}` : sql``}
      ${f.adviceType ? sql`and ${f.adviceType} = any(m.advice_types)` : sql``}
      order by o.name, m.name, m.id`,
  );
}

export interface StartMomentRow {
  id: string;
  module_id: string;
  provider_id: string;
  starts_on: string;
  ends_on: string | null;
  capacity: number;
  location: string | null;
  taken: number;
}

const START_MOMENT_COLUMNS = sql`s.id, s.module_id, s.provider_id, to_char(s.starts_on, 'YYYY-MM-DD') as starts_on,
  to_char(s.ends_on, 'YYYY-MM-DD') as ends_on, s.capacity, s.location`;
const TAKEN = sql`(select count(*)::int from nt2_placements p where p.start_moment_id = s.id and p.status in ('placed', 'enrolled'))`;

export async function insertStartMoment(tx: Executor, tenantId: string, userId: string | null, s: Omit<StartMomentRow, 'taken'>) {
  await tx.execute(sql`insert into nt2_start_moments (id, tenant_id, module_id, provider_id, starts_on, ends_on, capacity, location, created_by)
    values (${s.id}, ${tenantId}, ${s.module_id}, ${s.provider_id}, ${s.starts_on}::date, ${s.ends_on}::date, ${s.capacity}, ${s.location}, ${userId})`);
}

/**
 * A start moment with its seats taken. With `lock`, the row is locked until the transaction ends:
 * concurrent placements into the same start moment queue here, so each sees the seats the one
 * before it took and the last seat is given once.
 */
export async function findStartMoment(tx: Executor, id: string, lock = false): Promise<StartMomentRow | undefined> {
  if (lock) {
    const locked = (await queryRows<Omit<StartMomentRow, 'taken'>>(tx, sql`select ${START_MOMENT_COLUMNS} from nt2_start_moments s where s.id = ${id} for update`))[0];
    if (!locked) return undefined;
    // Counted after the lock is held: a placement that committed while this one waited is seen.
    const taken = (await queryRows<{ taken: number }>(tx, sql`select ${TAKEN} as taken from nt2_start_moments s where s.id = ${id}`))[0]!.taken;
    return { ...locked, taken };
  }
  return (await queryRows<StartMomentRow>(tx, sql`select ${START_MOMENT_COLUMNS}, ${TAKEN} as taken from nt2_start_moments s where s.id = ${id}`))[0];
}

export async function startMomentsOf(tx: Executor, moduleIds: readonly string[], from: string | null): Promise<StartMomentRow[]> {
  if (!moduleIds.length) return [];
  return queryRows<StartMomentRow>(
    tx,
    sql`select ${START_MOMENT_COLUMNS}, ${TAKEN} as taken from nt2_start_moments s
      where s.module_id = any(${textArray(moduleIds)}::uuid[]) ${from ? sql`and s.starts_on >= ${from}::date` : sql``}
      order by s.starts_on, s.id`,
  );
}

/* ---------- placements and results ---------- */

export interface PlacementRow {
  id: string;
  person_id: string;
  advice_id: string;
  advice_type: string;
  provider_id: string;
  module_id: string | null;
  start_moment_id: string | null;
  starts_on: string | null;
  status: PlacementStatus;
  region: string | null;
  placed_at: string | Date;
  enrolled_on: string | null;
  regular_participation: boolean | null;
  dossier_id: string | null;
  given_names?: string;
  family_name?: string;
  given_names_latin?: string | null;
  family_name_latin?: string | null;
  birth_date?: string | null;
}

const PLACEMENT_SELECT = sql`select p.id, p.person_id, p.advice_id, p.advice_type, p.provider_id, p.module_id, p.start_moment_id,
    to_char(s.starts_on, 'YYYY-MM-DD') as starts_on, p.status, p.region, p.placed_at, to_char(p.enrolled_on, 'YYYY-MM-DD') as enrolled_on,
    p.regular_participation, p.dossier_id
  from nt2_placements p left join nt2_start_moments s on s.id = p.start_moment_id`;

export async function insertPlacement(
  tx: Executor,
  tenantId: string,
  userId: string | null,
  p: Pick<PlacementRow, 'id' | 'person_id' | 'advice_id' | 'advice_type' | 'provider_id' | 'module_id' | 'start_moment_id' | 'status' | 'region'> & {
    placed_at: Date;
  },
) {
  await tx.execute(sql`insert into nt2_placements (id, tenant_id, person_id, advice_id, advice_type, provider_id, module_id, start_moment_id,
      status, region, placed_at, placed_by)
    values (${p.id}, ${tenantId}, ${p.person_id}, ${p.advice_id}, ${p.advice_type}, ${p.provider_id}, ${p.module_id}, ${p.start_moment_id},
      ${p.status}, ${p.region}, ${p.placed_at.toISOString()}::timestamptz, ${userId})`);
}

export async function findPlacement(tx: Executor, id: string, lock = false): Promise<PlacementRow | undefined> {
  return (await queryRows<PlacementRow>(tx, sql`${PLACEMENT_SELECT} where p.id = ${id} ${lock ? sql`for update of p` : sql``}`))[0];
}

export async function activePlacementIn(tx: Executor, startMomentId: string, personId: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select id from nt2_placements where start_moment_id = ${startMomentId} and person_id = ${personId} and status in ('placed', 'enrolled')`,
  );
  return rows.length > 0;
}

export async function isWaitingAt(tx: Executor, providerId: string, personId: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(tx, sql`select id from nt2_placements where provider_id = ${providerId} and person_id = ${personId} and status = 'waiting'`);
  return rows.length > 0;
}

/** Ends the person's waiting entries at the provider: they got a seat there. Returns the closed ids. */
export async function closeWaitingEntries(tx: Executor, providerId: string, personId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`update nt2_placements set status = 'closed', updated_at = now()
      where provider_id = ${providerId} and person_id = ${personId} and status = 'waiting' returning id`,
  );
  return rows.map((r) => r.id);
}

export async function markEnrolled(tx: Executor, id: string, enrolledOn: string, regular: boolean | null, dossierId: string | null) {
  await tx.execute(sql`update nt2_placements set status = 'enrolled', enrolled_on = ${enrolledOn}::date, regular_participation = ${regular},
      dossier_id = ${dossierId}, updated_at = now()
    where id = ${id}`);
}

export async function listPlacements(
  tx: Executor,
  f: { providerId: string | null; personId: string | null; status: PlacementStatus | null; limit: number; withPerson: boolean },
): Promise<PlacementRow[]> {
  const person = f.withPerson
    ? sql`, pe.given_names, pe.family_name, pe.given_names_latin, pe.family_name_latin, to_char(pe.birth_date, 'YYYY-MM-DD') as birth_date`
    : sql``;
  return queryRows<PlacementRow>(
    tx,
    sql`select p.id, p.person_id, p.advice_id, p.advice_type, p.provider_id, p.module_id, p.start_moment_id,
        to_char(s.starts_on, 'YYYY-MM-DD') as starts_on, p.status, p.region, p.placed_at, to_char(p.enrolled_on, 'YYYY-MM-DD') as enrolled_on,
        p.regular_participation, p.dossier_id ${person}
      from nt2_placements p left join nt2_start_moments s on s.id = p.start_moment_id
      ${f.withPerson ? sql`join persons pe on pe.id = p.person_id` : sql``}
      where true ${f.providerId ? sql`and p.provider_id = ${f.providerId}` : sql``}
        ${f.personId ? sql`and p.person_id = ${f.personId}` : sql``}
        ${f.status ? sql`and p.status = ${f.status}` : sql``}
      order by p.placed_at desc, p.id limit ${f.limit}`,
  );
}

export interface ResultRow {
  id: string;
  placement_id: string;
  kind: 'level' | 'standardised-test';
  result_on: string;
  oral: string | null;
  written: string | null;
  passed_skills: string[] | null;
  dossier_id: string | null;
}

export async function insertResult(tx: Executor, tenantId: string, userId: string | null, personId: string, r: ResultRow) {
  await tx.execute(sql`insert into nt2_results (id, tenant_id, placement_id, person_id, kind, result_on, oral, written, passed_skills, dossier_id, created_by)
    values (${r.id}, ${tenantId}, ${r.placement_id}, ${personId}, ${r.kind}, ${r.result_on}::date, ${r.oral}, ${r.written},
      ${r.passed_skills ? textArray(r.passed_skills) : null}, ${r.dossier_id}, ${userId})`);
}

/* ---------- needs plan ---------- */

export interface DemandRow {
  advice_type: string;
  region: string | null;
  since: string;
  source: 'advice' | 'waiting';
}

/**
 * Open demand: each person's binding (latest) advice that has no placement or waiting entry made
 * under it, and every waiting entry. "Zonder gevolg" is no demand.
 */
export async function openDemand(tx: Executor): Promise<DemandRow[]> {
  return queryRows<DemandRow>(
    tx,
    sql`with binding as (
        select distinct on (a.person_id) a.id, a.person_id, a.advice_type, a.region, a.advised_on
        from nt2_advices a order by a.person_id, a.advised_on desc, a.created_at desc
      )
      select b.advice_type, b.region, to_char(b.advised_on, 'YYYY-MM-DD') as since, 'advice' as source
        from binding b
        where b.advice_type <> 'no-follow-up'
          and not exists (select 1 from nt2_placements p where p.advice_id = b.id)
      union all
      select p.advice_type, p.region, to_char(p.placed_at at time zone 'Europe/Brussels', 'YYYY-MM-DD') as since, 'waiting' as source
        from nt2_placements p where p.status = 'waiting'`,
  );
}

export interface CapacityRow {
  advice_types: string[];
  region: string | null;
  starts_on: string;
  capacity: number;
  taken: number;
}

export async function plannedCapacity(tx: Executor, from: string, to: string): Promise<CapacityRow[]> {
  return queryRows<CapacityRow>(
    tx,
    sql`select m.advice_types, m.region, to_char(s.starts_on, 'YYYY-MM-DD') as starts_on, s.capacity, ${TAKEN} as taken
      from nt2_start_moments s join nt2_modules m on m.id = s.module_id
      where s.starts_on between ${from}::date and ${to}::date`,
  );
}
