/**
 * Data quality: named checks, each the records that break a counting rule or an identity the
 * figures rely on, so that a figure can be trusted or its exceptions found and repaired. Each check
 * is one SQL query returning its offending records; the view shows how many and a few examples.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { ActorContext } from '../../platform/context';
import { queryRows, type Tx } from '../../platform/db/database';
import { translate } from '../../platform/i18n/i18n';
import { requirePermission } from '../access';
import { belgianDate } from '../trajectory';
import { resolveScope } from './parameters';
import { auditFigures, readFigures, type ReportingDeps } from './read-database';
import { belgianDay, CLOSING_ENTRIES, dayStart, ownEntry, signUpOf } from './reporting.queries';

/**
 * A day range to narrow a check to (everything when no year is asked): `day` for a date, `time`
 * for a timestamp column (alias and column, code constants), compared as such so its index serves.
 */
interface Within {
  day(day: SQL): SQL;
  time(alias: string, column: string): SQL;
}

interface Check {
  id: string;
  /** Selects dossier_id, request_id, course_id (uuid or null) and detail (text) of every offending record. */
  query(within: Within): SQL;
}

const EXAMPLES = 5;

/** The entries that issue a numbered certificate (trajectory decide: certificate, exemption, suspension). */
const CERTIFYING_ENTRIES = sql`('dossier.certificate-issued', 'dossier.exemption-granted', 'dossier.suspension-started')`;

export const CHECKS: readonly Check[] = [
  {
    // FL-AT-02: the civic-integration certificate needs MO completed (or exempted): the printed document lists the pillars.
    id: 'certificate-without-mo',
    query: (within) => sql`select c.dossier_id, null::uuid as request_id, null::uuid as course_id, c.number as detail
      from certificates c where c.kind = 'civic-integration' and not coalesce(c.document->'pillarsCompleted' ? 'mo', false) and ${within.day(sql`c.issued_on`)}`,
  },
  {
    // WF-16: a request is answered, not answered or in progress, and its outcome says why; never two of them.
    id: 'request-answered-and-not-answered',
    query: (within) => sql`select null::uuid as dossier_id, r.id as request_id, null::uuid as course_id, concat(r.status, ' / ', coalesce(r.outcome, '–')) as detail
      from interpreting_requests r
      where ${within.time('r', 'created_at')} and (
        (r.status in ('open', 'assigned', 'completed') and r.outcome is not null)
        or (r.status = 'not-completed' and r.outcome is distinct from 'cancelled-on-time' and r.outcome is distinct from 'cancelled-late')
        or (r.status = 'not-answered' and (r.outcome is null or r.outcome in ('cancelled-on-time', 'cancelled-late')))
        or (r.status = 'not-answered' and exists (select 1 from interpreting_assignments a where a.request_id = r.id and a.status = 'completed')))`,
  },
  {
    // Running contracts (fig. 15) are counted from the signature: a running dossier must have one.
    id: 'running-contract-without-signature',
    query: () => sql`select d.id as dossier_id, null::uuid as request_id, null::uuid as course_id, d.status as detail
      from dossiers d where d.status in ('running', 'suspended') and (d.contract_signed_on is null
        or not exists (select 1 from journal_entries j where j.dossier_id = d.id and j.entry_type = 'dossier.contract-signed'))`,
  },
  {
    // The dossier's contract date (the waiting list, the caseload) and the journal's (the reports) must agree.
    id: 'contract-date-differs-from-journal',
    query: () => sql`select d.id as dossier_id, null::uuid as request_id, null::uuid as course_id,
        concat(to_char(d.contract_signed_on, 'YYYY-MM-DD'), ' ≠ ', j.payload #>> '{command,signedOn}') as detail
      from dossiers d join journal_entries j on j.dossier_id = d.id and j.entry_type = 'dossier.contract-signed'
      where d.contract_signed_on is distinct from (j.payload #>> '{command,signedOn}')::date`,
  },
  {
    // Fig. 12 counts a person's first contract once: two persons merged into one each bring a "first" contract.
    id: 'first-contract-twice',
    query: (within) => sql`select j.dossier_id, null::uuid as request_id, null::uuid as course_id, concat('merged into ', p.merged_into_id) as detail
      from journal_entries j ${signUpOf('j')} join persons p on p.id = s.person_id
      where j.entry_type = 'dossier.contract-signed' and ${ownEntry('j')} and p.merged_into_id is not null
        and ${within.day(sql`(j.payload #>> '{command,signedOn}')::date`)}
        and exists (select 1 from journal_entries k join journal_entries t on t.dossier_id = k.dossier_id and t.entry_type = 'dossier.signed-up'
          where k.entry_type = 'dossier.contract-signed' and (t.payload->>'personId')::uuid = p.merged_into_id)`,
  },
  {
    // A closed dossier has one closing entry; a closure recorded twice would end a running contract twice.
    id: 'closed-twice',
    query: (within) => sql`select j.dossier_id, null::uuid as request_id, null::uuid as course_id, string_agg(j.entry_type, ', ') as detail
      from journal_entries j where j.entry_type in ${CLOSING_ENTRIES} and ${ownEntry('j')} and ${within.time('j', 'effective_at')}
      group by j.dossier_id having count(*) > 1`,
  },
  {
    // Fig. 27 averages participants per course: a course holds at most its capacity.
    id: 'course-over-capacity',
    query: (within) => sql`select null::uuid as dossier_id, null::uuid as request_id, c.id as course_id, concat(c.code, ': ', n.participants, ' > ', c.capacity) as detail
      from mo_courses c cross join lateral (select count(*)::int as participants from mo_enrolments e where e.course_id = c.id and e.status <> 'dropped-out') n
      where n.participants > c.capacity and ${within.day(sql`c.starts_on`)}`,
  },
  {
    // R-15: an advice concludes a conversation; it cannot come before the conversation took place.
    id: 'advice-before-conversation',
    query: (within) => sql`select null::uuid as dossier_id, null::uuid as request_id, null::uuid as course_id,
        concat(a.advice_type, ' ', to_char(a.advised_on, 'YYYY-MM-DD'), ' < ', to_char(${belgianDay(sql`c.starts_at`)}, 'YYYY-MM-DD')) as detail
      from nt2_advices a join nt2_conversations c on c.id = a.conversation_id
      where a.advised_on < ${belgianDay(sql`c.starts_at`)} and ${within.day(sql`a.advised_on`)}`,
  },
  {
    // The certificate figures count the journal: every certificate in the register must have its entry.
    id: 'certificate-not-in-journal',
    query: (within) => sql`select c.dossier_id, null::uuid as request_id, null::uuid as course_id, concat(c.kind, ' ', c.number) as detail
      from certificates c where ${within.day(sql`c.issued_on`)} and not exists (
        select 1 from journal_entries j where j.dossier_id = c.dossier_id and j.entry_type in ${CERTIFYING_ENTRIES} and j.payload->>'certificateNumber' = c.number)`,
  },
  {
    // The MO test figures count the result in the dossier: a taken test with a result must be there too.
    id: 'test-result-not-in-dossier',
    query: (within) => sql`select b.dossier_id, null::uuid as request_id, null::uuid as course_id, concat(b.kind, ' ', to_char(${belgianDay(sql`s.starts_at`)}, 'YYYY-MM-DD')) as detail
      from test_bookings b join test_slots s on s.id = b.slot_id
      where b.status = 'taken' and b.result is not null and ${within.time('s', 'starts_at')} and not exists (
        select 1 from journal_entries j where j.dossier_id = b.dossier_id and j.entry_type = 'dossier.mo-test-recorded'
          and (j.payload #>> '{command,date}')::date = ${belgianDay(sql`s.starts_at`)} and j.payload #>> '{command,kind}' = b.kind)`,
  },
  {
    // Figures by region need the person's region: without an address the person lands in "unknown".
    id: 'open-dossier-without-region',
    query: () => sql`select d.id as dossier_id, null::uuid as request_id, null::uuid as course_id, d.status as detail
      from dossiers d join persons p on p.id = d.person_id where d.status not in ('closed', 'transferred') and p.region is null`,
  },
];

async function runCheck(tx: Tx, check: Check, within: Within) {
  const rows = await queryRows<{ dossier_id: string | null; request_id: string | null; course_id: string | null; detail: string | null; total: number }>(
    tx,
    sql`select x.*, count(*) over ()::int as total from (${check.query(within)}) x order by x.detail limit ${EXAMPLES}`,
  );
  return {
    count: rows[0]?.total ?? 0,
    examples: rows.map((r) => ({ dossierId: r.dossier_id, requestId: r.request_id, courseId: r.course_id, detail: r.detail ?? '' })),
  };
}

/** Every check, for the year when given (checks about a state rather than a date look at today). */
export async function dataQuality(deps: ReportingDeps, ctx: ActorContext, year: number | undefined) {
  requirePermission(ctx, 'reports.read');
  const scope = year === undefined ? null : resolveScope('period', { year }, { today: belgianDate(deps.clock()), tenantId: ctx.actor.tenantId }).scope;
  const within: Within = {
    day: (day) => (scope ? sql`${day} between ${scope.from}::date and ${scope.to}::date` : sql`true`),
    time: (alias, column) => {
      const at = sql.raw(`${alias}.${column}`);
      return scope ? sql`${at} >= ${dayStart(scope.from)} and ${at} < (${dayStart(scope.to)} + interval '1 day')` : sql`true`;
    },
  };
  const { value, database } = await readFigures(deps, ctx, async (tx) => {
    const results = [];
    for (const check of CHECKS) results.push({ check, ...(await runCheck(tx, check, within)) });
    return results;
  });
  await auditFigures(deps, ctx, 'read', `data quality${year === undefined ? '' : ` year=${year}`}`);
  return {
    checks: value.map(({ check, count, examples }) => ({
      id: check.id,
      title: translate(ctx.locale, `quality.${check.id}.title`),
      rule: translate(ctx.locale, `quality.${check.id}.rule`),
      count,
      examples,
    })),
    database,
  };
}
