/**
 * "See my trajectory" (issue 6 §2): the person's latest dossier read through the trajectory rules
 * (rules/trajectory-view.ts), what the planners have planned, and the people who help them.
 * Every read is audited with the newcomer as actor and the purpose own-data.
 */
import { sql } from 'drizzle-orm';
import { queryRows, withTenant, type Tx } from '../../platform/db/database';
import { recordAudit, scopeOf, type AccessDeps } from '../access';
import { belgianDate } from '../trajectory';
import { findDossiersOfPerson } from '../trajectory/trajectory.queries';
import type { PortalContext } from './portal-identity';
import { trajectoryView, type PlanningFacts } from './rules/trajectory-view';
import type { TEAM_ROLES } from './portal-data.schema';

export type PortalDataDeps = Pick<AccessDeps, 'db' | 'clock'>;

export async function myTrajectory(deps: PortalDataDeps, ctx: PortalContext) {
  const now = deps.clock();
  const today = belgianDate(now);
  const personId = ctx.portal.personId;
  return withTenant(deps.db, scopeOf(ctx), async (tx) => {
    const [dossier] = await findDossiersOfPerson(tx, personId);
    const view = trajectoryView(dossier?.state ?? null, today, await planningFacts(tx, personId, now));
    const team = dossier ? await teamOf(tx, personId, dossier.state.caseWorkerId) : [];
    await recordAudit(tx, ctx, { action: 'read', subjectType: 'person', subjectId: personId, summary: 'portal: my trajectory' });
    return { ...view, team };
  });
}

export async function planningFacts(tx: Tx, personId: string, now: Date): Promise<PlanningFacts> {
  const [row] = await queryRows<{ mo_test_at: string | null; nt2_conversation_at: string | null; nt2_advised: boolean; nt2_waiting: boolean; nt2_starts_on: string | null }>(
    tx,
    sql`select
        (select min(s.starts_at) from test_bookings b join test_slots s on s.id = b.slot_id where b.person_id = ${personId} and b.status = 'booked') as mo_test_at,
        (select min(starts_at) from nt2_conversations where person_id = ${personId} and starts_at >= ${now.toISOString()}) as nt2_conversation_at,
        exists (select 1 from nt2_advices where person_id = ${personId}) as nt2_advised,
        exists (select 1 from nt2_placements where person_id = ${personId} and status = 'waiting') as nt2_waiting,
        (select to_char(max(m.starts_on), 'YYYY-MM-DD') from nt2_placements p join nt2_start_moments m on m.id = p.start_moment_id
          where p.person_id = ${personId} and p.status in ('placed', 'enrolled')) as nt2_starts_on`,
  );
  const day = (at: string | null) => (at ? belgianDate(new Date(at)) : null);
  return {
    moTestOn: day(row!.mo_test_at),
    nt2ConversationOn: day(row!.nt2_conversation_at),
    nt2Advised: row!.nt2_advised,
    nt2Waiting: row!.nt2_waiting,
    nt2StartsOn: row!.nt2_starts_on,
  };
}

type TeamMember = { role: (typeof TEAM_ROLES)[number]; name: string; organisation: string; email: string | null; phone: string | null };

/**
 * "My team": the case worker of the dossier, the Dutch-learning consultant of the latest NT2
 * conversation, the teacher of the running MO course and the Dutch-course provider of a placement.
 * Staff are reached by their work e-mail; no phone numbers are kept for them.
 */
async function teamOf(tx: Tx, personId: string, caseWorkerId: string | null): Promise<TeamMember[]> {
  const rows = await queryRows<{ role: TeamMember['role']; name: string | null; organisation: string; email: string | null }>(
    tx,
    sql`select 'case-worker' as role, u.display_name as name, o.name as organisation, u.email
        from users u join organisations o on o.id = u.organisation_id where u.id = ${caseWorkerId} and u.disabled_at is null
      union all
      (select 'nt2-consultant', u.display_name, o.name, u.email
        from nt2_conversations c join users u on u.id = coalesce(c.consultant_id, c.created_by) join organisations o on o.id = u.organisation_id
        where c.person_id = ${personId} and u.disabled_at is null order by c.starts_at desc limit 1)
      union all
      (select 'course-teacher', coalesce(u.display_name, c.teacher_name), a.name, u.email
        from mo_enrolments e join mo_courses c on c.id = e.course_id join organisations a on a.id = c.tenant_id
          left join users u on u.id = c.teacher_user_id and u.disabled_at is null
        where e.person_id = ${personId} and e.status = 'enrolled' and coalesce(u.display_name, c.teacher_name) is not null limit 1)
      union all
      (select 'other', o.name, o.name, null
        from nt2_placements p join organisations o on o.id = p.provider_id
        where p.person_id = ${personId} and p.status in ('placed', 'enrolled') order by p.placed_at desc limit 1)`,
  );
  return rows.map((r) => ({ role: r.role, name: r.name ?? '', organisation: r.organisation, email: r.email, phone: null }));
}
