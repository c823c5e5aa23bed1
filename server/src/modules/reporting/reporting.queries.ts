/**
 * The SQL every facts query shares: which journal entries count, the Belgian day of an entry, the
 * person and area of a dossier, the region of a person and the target group of a dossier as they
 * were on a given day. Read-only; the reporting module never writes what it counts.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { ReportScope } from './report-types';

/** The Belgian calendar day of a timestamp. */
export const belgianDay = (at: SQL) => sql`(${at} at time zone 'Europe/Brussels')::date`;

/** Midnight at the start of a Belgian day, as a timestamp to compare indexed timestamps with. */
export const dayStart = (day: string) => sql`(${day}::date::timestamp at time zone 'Europe/Brussels')`;

/** Entries whose effective time falls on the Belgian days from..to (inclusive), on the (tenant, type, effective_at) index. */
export const effectiveWithin = (alias: string, from: string, to: string) =>
  sql`${sql.raw(alias)}.effective_at >= ${dayStart(from)} and ${sql.raw(alias)}.effective_at < (${dayStart(to)} + interval '1 day')`;

/**
 * An entry this agency recorded itself. A transferred dossier brings copies of its history to the
 * receiving agency (payload.copiedFromAgency); a flow counts where it was recorded, never twice.
 */
export const ownEntry = (alias: string) => sql`${sql.raw(alias)}.payload->'copiedFromAgency' is null`;

/**
 * The sign-up of the dossier of entry `alias` (alias s): its person, its area, and whether the
 * dossier began in this agency (its sign-up is not a copy). Read from dossier_milestones, the
 * trigger-kept digest of each dossier's journal (migration 0016): narrow, so that a year of facts
 * joins it by hash rather than reading each dossier's sign-up entry.
 */
export const signUpOf = (alias: string) => sql`join dossier_milestones s on s.dossier_id = ${sql.raw(alias)}.dossier_id and s.sign_up_entry_id is not null`;

/**
 * The person's region (werkingsgebied) on `day`: from the person's own journal (registration and
 * address changes, as person_regions keeps them, migration 0016), the last one on or before the
 * day; a person registered after the day keeps the region they were registered with; without any
 * history, the region held now; else 'unknown'. An entry that left the person without a region (no
 * address, or one outside the areas) gives 'unknown' for that time, not the region held now.
 */
export const regionAt = (person: SQL, day: SQL) => sql`coalesce((
    select coalesce(r.region, 'unknown') from person_regions r where r.person_id = ${person}
    order by (r.valid_from <= ${day}) desc, case when r.valid_from <= ${day} then r.effective_at end desc nulls last, r.effective_at, r.entry_id desc
    limit 1), (select rp.region from persons rp where rp.id = ${person}), 'unknown')`;

/** The target group the intake decision of the dossier gave, as it stood on `day` (null: none yet). */
export const targetGroupAt = (dossier: SQL, day: SQL) => sql`(
    select g.payload #>> '{command,targetGroup}' from journal_entries g
    where g.dossier_id = ${dossier} and g.entry_type = 'dossier.intake-decided' and ${belgianDay(sql`g.effective_at`)} <= ${day}
    order by g.effective_at desc, g.id desc limit 1)`;

/** Recht / plicht / onbekend: temporary protection is an entitled (not obligated) group; no decision is unknown. */
export const targetColumn = (group: SQL) =>
  sql`case ${group} when 'verplicht' then 'plicht' when 'rechthebbend' then 'recht' when 'tijdelijke-bescherming' then 'recht' else 'onbekend' end`;

/**
 * Whether the dossier's person had temporary protection (Ukraine) on `day`, by its target-group
 * decision. Only the Ukraine filter reads it, so without one (include) it is not looked up: a
 * journal probe per fact saved.
 */
export const temporaryProtectionAt = (scope: Pick<ReportScope, 'ukraine'>, dossier: SQL, day: SQL) =>
  scope.ukraine === 'include' ? sql`false` : sql`coalesce(${targetGroupAt(dossier, day)} = 'tijdelijke-bescherming', false)`;

/** The Belgian days of the scope as SQL dates. */
export const scopeDays = (scope: ReportScope) => ({ from: sql`${scope.from}::date`, to: sql`${scope.to}::date` });

/** Entries that end a trajectory: the closure, the exemption and every closing certificate. */
export const CLOSING_ENTRIES = sql`('dossier.closed', 'dossier.exemption-granted', 'dossier.certificate-issued')`;

/**
 * Whether the dossier of milestones `m` was held by this agency on `day`: a dossier never transferred
 * is held where it began; otherwise the last transfer on or before the day says in which direction
 * it moved (without one, it is held where it began).
 */
const heldOn = (tenantId: string, day: SQL) => sql`case when not m.transferred then m.began_here else coalesce((
    select t.payload->>'fromAgency' <> ${tenantId} from journal_entries t
    where t.dossier_id = m.dossier_id and t.entry_type = 'dossier.transferred' and ${belgianDay(sql`t.effective_at`)} <= ${day}
    order by t.effective_at desc, t.id desc limit 1), m.began_here) end`;

/**
 * Contracts running on `day`: signed on or before it, not ended by a closure, exemption or closing
 * certificate on or before it, and held by this agency that day. One row per dossier (alias m, the
 * dossier's milestones; m.dossier_id, m.person_id, m.contract_signed_on): a dossier has one contract.
 */
export const runningContractsOn = (tenantId: string, day: SQL) => sql`
  from dossier_milestones m
  where m.contract_signed_on <= ${day} and m.sign_up_entry_id is not null and (m.ended_on is null or m.ended_on > ${day})
    and ${heldOn(tenantId, day)}`;
