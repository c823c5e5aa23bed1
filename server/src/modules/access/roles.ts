/**
 * The typed permission registry: roles, purposes and what each role may do. Pure data and one pure
 * check, `can`, called at one choke point per route; row-level security in the database backs it.
 */

export const ROLES = [
  'intake-officer', // trajectbepaler
  'case-worker', // trajectbegeleider
  'dutch-learning-consultant', // consulent Nederlands leren
  'course-teacher', // leerkracht MO
  'test-centre-staff', // testcentrummedewerker
  'course-planner', // planner MO-cursussen en testen
  'course-provider', // medewerker onderwijsverstrekker (CBE, CVO, UTC)
  'interpreting-customer', // medewerker klantorganisatie sociaal tolken en vertalen
  'interpreter', // sociaal tolk of vertaler (freelancer)
  'interpreting-desk', // dienst Sociaal Tolken en Vertalen
  'partner-user', // medewerker partnerorganisatie
  'manager', // leidinggevende, regiomanager
  'enforcement-officer', // handhavingsambtenaar
  'data-protection-officer', // functionaris voor gegevensbescherming
  'administrator', // beheerder
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'person.read',
  'person.create',
  'person.update',
  'person.merge',
  'person.access-log.read',
  'audit.export',
  'user.manage',
  'api-token.manage',
  'organisation.manage',
  'dossier.read', // read a trajectory dossier, its timeline and certificates; caseload and follow-up list
  'dossier.intake', // aanmelding, intake, target group and profile decision
  'dossier.guide', // contract, PIP, situation, suspensions, exemption, closure, transfer
  'dossier.result.record', // pillar results from elsewhere (MO, NT2, VDAB, participation)
  'dossier.certificate.issue', // inburgeringsattest and the other closing documents
  'enforcement.record', // infringements, notices of default, hand-over (handhaving)
  'enforcement.read', // the cases handed over to the enforcement officer
  'mo.course.manage', // MO courses, series, sessions; filling from the waiting list; enrolments
  'mo.waiting-list.read', // MO waiting list and its figures
  'mo.attendance.record', // attendance and process evaluation (the teacher)
  'mo.test.manage', // test centres, slots, bookings and results
  'nt2.conversation.manage', // NT2 conversations, tests taken, binding advice, placements
  'nt2.needs.read', // the NT2 needs plan (demand against planned capacity)
  'nt2.provider.manage', // a provider's own offer, incoming placements, enrolment and results
  'interpreting.request', // a customer organisation's staff: request, follow and cancel interpreting or translation
  'interpreting.desk', // the STV desk: register, certification, matching, assignments, invoicing
  'interpreting.assignment.self', // an interpreter: own offers, assignments, availability, performance records
  'interpreting.figures.read', // the published STV figures and the bottleneck languages
  'reports.read', // management reports, dashboards, KPI trends and the data-quality view (beleidsinformatie)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Why personal data is processed (doelbinding). Every read and write is logged with one. */
export const PURPOSES = [
  'intake', // trajectbepaling
  'trajectory-guidance', // trajectbegeleiding
  'course-planning', // cursus- en testplanning
  'dutch-learning', // NT2-oriëntering
  'interpreting', // sociaal tolken en vertalen
  'partner-cooperation', // samenwerking met partners
  'enforcement', // handhaving
  'management-reporting', // beleidsinformatie
  'data-protection-review', // toezicht gegevensbescherming
  'administration', // beheer
  'own-data', // inzage door de betrokkene: the newcomer in their own portal
] as const;
export type Purpose = (typeof PURPOSES)[number];

export const ROLE_PERMISSIONS = {
  'intake-officer': ['person.read', 'person.create', 'person.update', 'person.merge', 'dossier.read', 'dossier.intake', 'dossier.guide'],
  'case-worker': [
    'person.read',
    'person.create',
    'person.update',
    'person.merge',
    'dossier.read',
    'dossier.intake',
    'dossier.guide',
    'dossier.result.record',
    'dossier.certificate.issue',
    'enforcement.record',
  ],
  'dutch-learning-consultant': [
    'person.read',
    'person.create',
    'person.update',
    'dossier.read',
    'dossier.result.record',
    'nt2.conversation.manage',
    'nt2.needs.read',
  ],
  'course-teacher': ['person.read', 'mo.attendance.record'],
  'test-centre-staff': ['person.read', 'mo.test.manage'],
  'course-planner': ['person.read', 'dossier.read', 'mo.course.manage', 'mo.waiting-list.read', 'mo.attendance.record', 'mo.test.manage', 'nt2.needs.read'],
  'course-provider': ['nt2.provider.manage'],
  'interpreting-customer': ['interpreting.request'],
  'interpreter': ['interpreting.assignment.self'],
  'interpreting-desk': ['person.read', 'interpreting.desk', 'interpreting.figures.read'],
  'partner-user': ['person.read'],
  'manager': ['person.read', 'dossier.read', 'mo.waiting-list.read', 'nt2.needs.read', 'interpreting.figures.read', 'reports.read'],
  'enforcement-officer': ['person.read', 'dossier.read', 'enforcement.read'],
  'data-protection-officer': ['person.read', 'person.access-log.read', 'audit.export'],
  'administrator': ['user.manage', 'api-token.manage', 'organisation.manage', 'audit.export'],
} as const satisfies Record<Role, readonly Permission[]>;

/** The purposes a role may act under; the first is its default. */
export const ROLE_PURPOSES = {
  'intake-officer': ['intake', 'trajectory-guidance'],
  'case-worker': ['trajectory-guidance', 'intake'],
  'dutch-learning-consultant': ['dutch-learning'],
  'course-teacher': ['course-planning'],
  'test-centre-staff': ['course-planning'],
  'course-planner': ['course-planning'],
  'course-provider': ['dutch-learning'],
  'interpreting-customer': ['interpreting'],
  'interpreter': ['interpreting'],
  'interpreting-desk': ['interpreting'],
  'partner-user': ['partner-cooperation'],
  'manager': ['management-reporting'],
  'enforcement-officer': ['enforcement'],
  'data-protection-officer': ['data-protection-review'],
  'administrator': ['administration'],
} as const satisfies Record<Role, readonly Purpose[]>;

export interface Actor {
  /** `newcomer`: a person in their own portal (modules/portal), with no roles. */
  kind: 'user' | 'api-token' | 'newcomer';
  userId: string | null;
  tokenId: string | null;
  sessionId: string | null;
  tenantId: string;
  organisationId: string;
  roles: readonly Role[];
  purpose: Purpose;
}

export function isPurpose(value: string): value is Purpose {
  return (PURPOSES as readonly string[]).includes(value);
}

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r]));
}

export function can(actor: Pick<Actor, 'roles'>, permission: Permission): boolean {
  return actor.roles.some((r) => (ROLE_PERMISSIONS[r] as readonly Permission[]).includes(permission));
}

export function allowedPurposes(roles: readonly Role[]): Purpose[] {
  return [...new Set(roles.flatMap((r) => ROLE_PURPOSES[r]))];
}

/** The purpose a request acts under: the one asked for, when the roles allow it, else the default. */
export function resolvePurpose(roles: readonly Role[], requested: string | undefined): Purpose | null {
  const allowed = allowedPurposes(roles);
  if (requested === undefined || requested === '') return allowed[0] ?? 'administration';
  return isPurpose(requested) && allowed.includes(requested) ? requested : null;
}
