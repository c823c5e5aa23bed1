import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/database';
import type { FollowUpItem } from './dossier/evaluate';
import type { DossierState } from './dossier/state';

export interface DossierRow {
  id: string;
  tenant_id: string;
  person_id: string;
  status: DossierState['status'];
  state: DossierState;
  case_worker_id: string | null;
  version: number;
  follow_up: FollowUpItem[];
  next_due_on: string | null;
  urgency: number;
  computed_on: string | null;
  created_at: string;
  updated_at: string;
}

const DOSSIER_COLUMNS = sql`id, tenant_id, person_id, status, state, case_worker_id, version, follow_up,
  to_char(next_due_on, 'YYYY-MM-DD') as next_due_on, urgency, to_char(computed_on, 'YYYY-MM-DD') as computed_on, created_at, updated_at`;

export async function findDossier(tx: Executor, id: string, forUpdate = false): Promise<DossierRow | undefined> {
  const rows = await queryRows<DossierRow>(tx, sql`select ${DOSSIER_COLUMNS} from dossiers where id = ${id} ${forUpdate ? sql`for update` : sql``}`);
  return rows[0];
}

export async function findDossiersOfPerson(tx: Executor, personId: string): Promise<DossierRow[]> {
  return queryRows<DossierRow>(tx, sql`select ${DOSSIER_COLUMNS} from dossiers where person_id = ${personId} order by created_at desc`);
}

/** Columns derived from the state, so that lists and reports need not open the JSON. */
function stateColumns(state: DossierState) {
  return {
    status: state.status,
    contractSignedOn: state.contract?.signedOn ?? null,
    targetGroup: state.decision?.targetGroup ?? null,
    closedOn: state.closure?.date ?? null,
    closureReason: state.closure?.reason ?? null,
  };
}

export interface Derived {
  pillars: unknown;
  followUp: FollowUpItem[];
  nextDueOn: string | null;
  urgency: number;
  computedOn: string;
}

export async function insertDossier(tx: Executor, d: { id: string; tenantId: string; personId: string; state: DossierState; derived: Derived }) {
  const c = stateColumns(d.state);
  await tx.execute(sql`insert into dossiers (id, tenant_id, person_id, area, status, state, case_worker_id, signed_up_on,
      contract_signed_on, target_group, closed_on, closure_reason, pillars, follow_up, next_due_on, urgency, computed_on)
    values (${d.id}, ${d.tenantId}, ${d.personId}, ${d.state.area}, ${c.status}, ${JSON.stringify(d.state)}::jsonb, ${d.state.caseWorkerId},
      ${d.state.signUp.date}::date, ${c.contractSignedOn}::date, ${c.targetGroup}, ${c.closedOn}::date, ${c.closureReason},
      ${JSON.stringify(d.derived.pillars)}::jsonb, ${JSON.stringify(d.derived.followUp)}::jsonb, ${d.derived.nextDueOn}::date,
      ${d.derived.urgency}, ${d.derived.computedOn}::date)`);
}

/** Writes a new state; the version check makes a stale write update nothing. */
export async function updateDossier(tx: Executor, id: string, expectedVersion: number, state: DossierState, derived: Derived): Promise<boolean> {
  const c = stateColumns(state);
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`update dossiers set state = ${JSON.stringify(state)}::jsonb, status = ${c.status}, case_worker_id = ${state.caseWorkerId},
      contract_signed_on = ${c.contractSignedOn}::date, target_group = ${c.targetGroup}, closed_on = ${c.closedOn}::date,
      closure_reason = ${c.closureReason}, pillars = ${JSON.stringify(derived.pillars)}::jsonb,
      follow_up = ${JSON.stringify(derived.followUp)}::jsonb, next_due_on = ${derived.nextDueOn}::date, urgency = ${derived.urgency},
      computed_on = ${derived.computedOn}::date, version = version + 1, updated_at = now()
    where id = ${id} and version = ${expectedVersion} returning id`,
  );
  return rows.length === 1;
}

/**
 * The next certificate number of the agency for the year: the counter row is locked by the
 * update until the issuing transaction ends, so two issues never get the same number.
 */
export async function nextCertificateSequence(tx: Executor, tenantId: string, year: number): Promise<number> {
  const rows = await queryRows<{ last_number: number }>(
    tx,
    sql`insert into certificate_counters (tenant_id, year, last_number) values (${tenantId}, ${year}, 1)
      on conflict (tenant_id, year) do update set last_number = certificate_counters.last_number + 1
      returning last_number`,
  );
  return rows[0]!.last_number;
}

export interface CertificateRow {
  id: string;
  dossier_id: string;
  person_id: string;
  kind: string;
  number: string;
  issued_on: string;
  rule_set_id: string;
  document: unknown;
}

const CERTIFICATE_COLUMNS = sql`id, dossier_id, person_id, kind, number, to_char(issued_on, 'YYYY-MM-DD') as issued_on, rule_set_id, document`;

export async function insertCertificate(tx: Executor, tenantId: string, c: Omit<CertificateRow, 'document'> & { document: unknown }) {
  await tx.execute(sql`insert into certificates (id, tenant_id, dossier_id, person_id, kind, number, issued_on, rule_set_id, document)
    values (${c.id}, ${tenantId}, ${c.dossier_id}, ${c.person_id}, ${c.kind}, ${c.number}, ${c.issued_on}::date, ${c.rule_set_id},
      ${JSON.stringify(c.document)}::jsonb)`);
}

export async function findCertificates(tx: Executor, dossierId: string): Promise<CertificateRow[]> {
  return queryRows<CertificateRow>(tx, sql`select ${CERTIFICATE_COLUMNS} from certificates where dossier_id = ${dossierId} order by issued_on, number`);
}

export async function findCertificate(tx: Executor, dossierId: string, id: string): Promise<CertificateRow | undefined> {
  const rows = await queryRows<CertificateRow>(tx, sql`select ${CERTIFICATE_COLUMNS} from certificates where dossier_id = ${dossierId} and id = ${id}`);
  return rows[0];
}

export interface CaseloadRow {
  id: string;
  person_id: string;
  status: DossierState['status'];
  /** Enough of the state to tell whether a suspension covers today. */
  periods: DossierState['periods'];
  case_worker_id: string | null;
  follow_up: FollowUpItem[];
  next_due_on: string | null;
  urgency: number;
  target_group: string | null;
  given_names: string;
  family_name: string;
  given_names_latin: string;
  family_name_latin: string;
  birth_date: string | null;
}

/** Running dossiers sorted by urgency then due date (the case worker's caseload), keyset-paginated. */
export async function caseload(
  tx: Executor,
  filter: { caseWorkerId: string | null; unassigned: boolean; limit: number; after: { urgency: number; nextDueOn: string | null; id: string } | null },
): Promise<CaseloadRow[]> {
  const who = filter.unassigned ? sql`and d.case_worker_id is null` : filter.caseWorkerId ? sql`and d.case_worker_id = ${filter.caseWorkerId}` : sql``;
  // Nulls (nothing due) sort last; the '9999-12-31' stand-in keeps the keyset comparison total.
  const after = filter.after
    ? sql`and (d.urgency, coalesce(d.next_due_on, '9999-12-31'::date), d.id) > (${filter.after.urgency}, ${filter.after.nextDueOn ?? '9999-12-31'}::date, ${filter.after.id}::uuid)`
    : sql``;
  return queryRows<CaseloadRow>(
    tx,
    sql`select d.id, d.person_id, d.status, d.state->'periods' as periods, d.case_worker_id, d.follow_up, to_char(d.next_due_on, 'YYYY-MM-DD') as next_due_on, d.urgency,
        d.target_group, p.given_names, p.family_name, p.given_names_latin, p.family_name_latin, to_char(p.birth_date, 'YYYY-MM-DD') as birth_date
      from dossiers d join persons p on p.id = d.person_id
      where d.status not in ('closed', 'transferred') ${who} ${after}
      order by d.urgency, coalesce(d.next_due_on, '9999-12-31'::date), d.id
      limit ${filter.limit}`,
  );
}

/** Dossiers with an infringement handed to the enforcement officer (WF-11). */
export async function dossiersWithHandedOverInfringements(tx: Executor, limit: number): Promise<DossierRow[]> {
  return queryRows<DossierRow>(
    tx,
    sql`select ${DOSSIER_COLUMNS} from dossiers
      where jsonb_path_exists(state, '$.infringements[*] ? (@.status == "handed-over")')
      order by updated_at desc limit ${limit}`,
  );
}

export interface JournalRow {
  id: string;
  entry_type: string;
  payload: Record<string, unknown>;
  actor_user_id: string | null;
  actor_display_name: string | null;
  purpose: string;
  effective_at: string;
  recorded_at: string;
}

export async function dossierJournal(tx: Executor, dossierId: string, limit: number): Promise<JournalRow[]> {
  return queryRows<JournalRow>(
    tx,
    sql`select j.id::text as id, j.entry_type, j.payload, j.actor_user_id, u.display_name as actor_display_name, j.purpose,
        j.effective_at, j.recorded_at
      from journal_entries j left join users u on u.id = j.actor_user_id
      where j.dossier_id = ${dossierId} order by j.id desc limit ${limit}`,
  );
}
