/**
 * The demo population's only SQL: rows in bulk (insert … select from jsonb_to_recordset, a few
 * thousand a statement) inside the agency's tenant, so row-level security checks every row as it
 * checks a request's; the final states of dossiers written earlier as one update per batch; the
 * certificate counters; and the checks before a run.
 */
import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, withTenant, type Database, type Executor, type Tx } from '../../../platform/db/database';
import { insertSyntheticAbsences, insertSyntheticRegister, insertSyntheticRequests } from '../../interpreting/interpreting.queries';
import type { SyntheticAssignment, SyntheticInterpreter, SyntheticRequest } from '../../interpreting/synthetic';
import type { Row, TableName } from './rows';

/** Column definitions of each table as the rows carry them (jsonb_to_recordset's record type). */
const COLUMNS: Readonly<Record<Exclude<TableName, 'person_search_terms' | 'dossier_updates'>, string>> = {
  organisations: 'id uuid, kind text, partner_type text, code text, name text, requires_mfa bool, created_at timestamptz',
  users: 'id uuid, organisation_id uuid, email text, display_name text, password_hash text, roles text[], locale text, created_at timestamptz',
  persons:
    'id uuid, insz text, given_names text, family_name text, given_names_latin text, family_name_latin text, name_script text, search_text text, birth_date date, sex text, ' +
    'mother_tongue text, contact_languages text[], nationality text, street text, house_number text, box text, postal_code text, municipality_nis text, municipality_name text, ' +
    'region text, responsible_agency text, phone text, email text, created_at timestamptz, updated_at timestamptz, created_by uuid',
  dossiers:
    'id uuid, person_id uuid, area text, status text, state jsonb, case_worker_id uuid, signed_up_on date, contract_signed_on date, target_group text, closed_on date, ' +
    'closure_reason text, version int, pillars jsonb, follow_up jsonb, next_due_on date, urgency smallint, computed_on date, created_at timestamptz, updated_at timestamptz',
  certificates: 'id uuid, dossier_id uuid, person_id uuid, kind text, number text, issued_on date, rule_set_id text, document jsonb, created_at timestamptz',
  journal_entries: 'dossier_id uuid, entry_type text, payload jsonb, actor_user_id uuid, purpose text, effective_at timestamptz, recorded_at timestamptz',
  test_centres: 'id uuid, name text, region text, address text, languages text[], created_at timestamptz',
  test_slots: 'id uuid, centre_id uuid, starts_at timestamptz, capacity int, booked int',
  test_bookings: 'id uuid, slot_id uuid, person_id uuid, dossier_id uuid, kind text, language text, video_interpreter bool, audio_support bool, status text, result jsonb, created_at timestamptz',
  mo_courses:
    'id uuid, code text, language text, teacher_language text, with_interpreter bool, format text, region text, location text, teacher_name text, teacher_user_id uuid, ' +
    'mo_profile text, hours numeric, capacity int, starts_on date, ends_on date, status text, version int, created_at timestamptz',
  mo_sessions: 'id uuid, course_id uuid, starts_at timestamptz, ends_at timestamptz, location text',
  mo_enrolments:
    'id uuid, course_id uuid, person_id uuid, dossier_id uuid, status text, enrolled_on date, ended_on date, waiting_since date, exception_reason text, process_evaluation jsonb, created_at timestamptz',
  mo_attendance: 'session_id uuid, enrolment_id uuid, present bool, recorded_at timestamptz',
  nt2_modules: 'id uuid, provider_id uuid, provider_kind text, name text, advice_types text[], level text, location text, region text, created_at timestamptz, created_by uuid',
  nt2_start_moments: 'id uuid, module_id uuid, provider_id uuid, starts_on date, ends_on date, capacity int, location text, created_at timestamptz, created_by uuid',
  nt2_conversations:
    'id uuid, person_id uuid, kind text, starts_at timestamptz, ends_at timestamptz, location text, region text, consultant_id uuid, temporary_protection bool, ' +
    'learning_aptitude text, note text, created_at timestamptz, created_by uuid',
  nt2_tests:
    'id uuid, conversation_id uuid, person_id uuid, kind text, taken_on date, location text, remote bool, passed bool, level text, learning_aptitude text, result text, ' +
    'certificate_issued bool, created_at timestamptz, created_by uuid',
  nt2_advices: 'id uuid, conversation_id uuid, person_id uuid, advice_type text, length_amount int, length_unit text, advised_on date, region text, note text, created_at timestamptz, created_by uuid',
  nt2_placements:
    'id uuid, person_id uuid, advice_id uuid, advice_type text, provider_id uuid, module_id uuid, start_moment_id uuid, status text, region text, placed_at timestamptz, ' +
    'placed_by uuid, enrolled_on date, regular_participation bool, dossier_id uuid, updated_at timestamptz',
  nt2_results: 'id uuid, placement_id uuid, person_id uuid, kind text, result_on date, oral text, written text, passed_skills text[], dossier_id uuid, created_at timestamptz, created_by uuid',
};

const names = (columns: string) => columns.split(', ').map((c) => c.split(' ')[0]!);

/** The statement that writes one batch of a table's rows (as JSON) in tenant `tenantId`. */
function statement(table: TableName, json: string, tenantId: string): SQL {
  if (table === 'person_search_terms') {
    return sql`insert into person_search_terms (tenant_id, term, person_id)
      select ${tenantId}::uuid, t.term, x.person_id from jsonb_to_recordset(${json}::jsonb) as x(person_id uuid, terms text[]), unnest(x.terms) as t(term)`;
  }
  if (table === 'dossier_updates') {
    const columns = names(COLUMNS.dossiers).filter((c) => c !== 'id' && c !== 'created_at');
    return sql`update dossiers d set ${sql.raw(columns.map((c) => `${c} = x.${c}`).join(', '))}
      from jsonb_to_recordset(${json}::jsonb) as x(${sql.raw(COLUMNS.dossiers)}) where d.id = x.id`;
  }
  const columns = names(COLUMNS[table]).join(', ');
  const extra = table === 'users' ? ', updated_at' : '';
  const extraValues = table === 'users' ? ', x.created_at' : '';
  return sql`insert into ${sql.raw(table)} (tenant_id, ${sql.raw(columns + extra)})
    select ${tenantId}::uuid, ${sql.raw(names(COLUMNS[table]).map((c) => `x.${c}`).join(', ') + extraValues)}
    from jsonb_to_recordset(${json}::jsonb) as x(${sql.raw(COLUMNS[table])})`;
}

/** Rows a statement: big enough to amortise the round trip, small enough to keep each JSON parameter a few MB. */
const BATCH = 4000;

export class DemoWriter {
  /** Rows written per table. */
  readonly written = new Map<string, number>();
  readonly seconds = new Map<string, number>();
  /** A hash of everything written, password hashes left out (they are salted): equal for equal runs. */
  private readonly hash = createHash('sha256');

  constructor(
    private readonly db: Database,
    private readonly tenantId: string,
  ) {}

  private scope() {
    return { tenantId: this.tenantId, userId: null, purpose: 'administration' };
  }

  private count(table: string, rows: number, seconds: number) {
    this.written.set(table, (this.written.get(table) ?? 0) + rows);
    this.seconds.set(table, (this.seconds.get(table) ?? 0) + seconds);
  }

  private since = (started: number) => (performance.now() - started) / 1000;

  /**
   * Writes the drained buffers: the journal (no foreign keys) on one connection, the other tables in
   * order (parents first) on another, so PostgreSQL works on both while the next month is generated.
   */
  async write(tables: ReadonlyArray<[TableName, Row[]]>): Promise<void> {
    // Serialised and hashed here, in table order, so the fingerprint does not depend on which connection is faster.
    const batches = tables.map(([table, rows]) => {
      const jsons: string[] = [];
      for (let i = 0; i < rows.length; i += BATCH) {
        const batch = rows.slice(i, i + BATCH);
        const json = JSON.stringify(batch);
        this.hash.update(table).update(table === 'users' ? JSON.stringify(batch.map(({ password_hash: _hash, ...user }) => user)) : json);
        jsons.push(json);
      }
      return { table, rows: rows.length, jsons };
    });
    await Promise.all([this.writeInOrder(batches.filter((b) => b.table === 'journal_entries')), this.writeInOrder(batches.filter((b) => b.table !== 'journal_entries'))]);
  }

  /** One transaction per stream and flush: the round trips of a transaction cost more than its statements. */
  private async writeInOrder(batches: ReadonlyArray<{ table: TableName; rows: number; jsons: string[] }>): Promise<void> {
    if (!batches.length) return;
    await this.inTenant(async (tx) => {
      for (const { table, rows, jsons } of batches) {
        const started = performance.now();
        for (const json of jsons) await tx.execute(statement(table, json, this.tenantId));
        this.count(table, rows, this.since(started));
      }
    });
  }

  /**
   * A transaction in the agency's tenant. Demo data is reproducible from its seed, so on PostgreSQL
   * a commit does not wait for the disk (synchronous_commit off for these transactions only).
   */
  private inTenant<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return withTenant(this.db, this.scope(), async (tx) => {
      if (this.db.kind === 'postgres') await tx.execute(sql`set local synchronous_commit = off`);
      return fn(tx);
    });
  }

  async interpretingRegister(interpreters: readonly SyntheticInterpreter[], createdAt: Date): Promise<void> {
    const started = performance.now();
    await this.inTenant((tx) => insertSyntheticRegister(tx, this.tenantId, interpreters, createdAt));
    this.count('interpreters', interpreters.length, this.since(started));
  }

  async interpretingYear(interpreters: readonly SyntheticInterpreter[], requests: readonly SyntheticRequest[], assignments: readonly SyntheticAssignment[]): Promise<void> {
    const started = performance.now();
    this.hash.update(JSON.stringify(requests)).update(JSON.stringify(assignments));
    await this.inTenant(async (tx) => {
      await insertSyntheticAbsences(tx, this.tenantId, interpreters);
      await insertSyntheticRequests(tx, this.tenantId, requests, assignments);
    });
    // Requests and their assignments go in one transaction; the time is booked on the requests.
    this.count('interpreting_requests', requests.length, this.since(started));
    this.count('interpreting_assignments', assignments.length, 0);
  }

  fingerprint(): string {
    return this.hash.copy().digest('hex').slice(0, 16);
  }

  /** The certificate numbers used per year, so the next certificate the service issues follows on. */
  async certificateCounters(last: ReadonlyMap<number, number>): Promise<void> {
    const rows = [...last].map(([year, n]) => ({ year, n }));
    if (!rows.length) return;
    await this.inTenant((tx) =>
      tx.execute(sql`insert into certificate_counters (tenant_id, year, last_number)
        select ${this.tenantId}::uuid, x.year, x.n from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(year int, n int)
        on conflict (tenant_id, year) do update set last_number = greatest(certificate_counters.last_number, excluded.last_number)`),
    );
  }
}

/** Persons already in the database (any tenant): the demo refuses to mix with real data. */
export async function countPersons(db: Database): Promise<number> {
  return (await queryRows<{ n: number }>(db.owner, sql`select count(*)::int as n from persons`))[0]!.n;
}

/** Ids of existing users by e-mail (the demo users of an earlier run are reused, not duplicated). */
export async function existingUsers(ex: Executor, emails: readonly string[]): Promise<Map<string, string>> {
  const rows = await queryRows<{ id: string; email: string }>(ex, sql`select id, lower(email) as email from users where lower(email) in (${sql.join(emails.map((e) => sql`${e.toLowerCase()}`), sql`, `)})`);
  return new Map(rows.map((r) => [r.email, r.id]));
}

/** Fresh planner statistics after a bulk load (what autovacuum would do in time). */
export async function analyze(db: Database): Promise<void> {
  await db.rawQuery('analyze');
}
