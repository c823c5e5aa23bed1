/**
 * The people who record the demo population's history: fictitious case workers, NT2 consultants,
 * MO teachers, planners, test-centre staff and providers' staff, without a password (nobody signs
 * in as them), plus the three demo users who do sign in. Every journal entry names one of them,
 * as a real entry names its author.
 */
import type { Rng } from '../../../platform/rng';
import type { Role } from '../../access/roles';
import { DEMO_REGIONS, type DemoRegion } from './published';
import type { Actor, RowSink } from './rows';

export const DEMO_USERS = {
  manager: { email: 'demo.manager@kruispunt.test', displayName: 'Demo manager', roles: ['manager'] },
  caseWorker: { email: 'demo.trajectbegeleider@kruispunt.test', displayName: 'Demo trajectbegeleider', roles: ['case-worker'] },
  planner: { email: 'demo.planner@kruispunt.test', displayName: 'Demo planner', roles: ['course-planner'] },
} as const satisfies Record<string, { email: string; displayName: string; roles: Role[] }>;
export type DemoUserKey = keyof typeof DEMO_USERS;

/** A demo user that signs in: its id (existing or new) and, when it is new, its password hash. */
export interface DemoLogin {
  id: string;
  passwordHash: string | null;
}

export interface StaffMember extends Actor {
  region: DemoRegion;
  name: string;
}

type Team = Record<DemoRegion, StaffMember[]>;

const PURPOSE: Partial<Record<Role, string>> = {
  'case-worker': 'trajectory-guidance',
  'dutch-learning-consultant': 'dutch-learning',
  'course-teacher': 'course-planning',
  'course-planner': 'course-planning',
  'test-centre-staff': 'course-planning',
  'course-provider': 'dutch-learning',
};

const GIVEN = ['Anke', 'Bram', 'Chloë', 'Dries', 'Elif', 'Femke', 'Goran', 'Hanne', 'Ilias', 'Jana', 'Kobe', 'Lien', 'Milan', 'Nora', 'Omar', 'Pieter', 'Rania', 'Sofie', 'Tijs', 'Yara'];
const FAMILY = ['Vandekerckhove-Demo', 'Peeters-Demo', 'Janssens-Demo', 'Maes-Demo', 'Claes-Demo', 'Wouters-Demo', 'Goossens-Demo', 'Mertens-Demo', 'Jacobs-Demo', 'Willems-Demo'];

export class Staff {
  readonly caseWorkers: Team;
  readonly consultants: Team;
  readonly teachers: Team;
  readonly planners: Team;
  private readonly next = new Map<StaffMember[], number>();
  private serial = 0;

  constructor(
    private readonly ids: Rng,
    private readonly sink: RowSink,
    private readonly agencyId: string,
    scale: number,
    demo: Record<DemoUserKey, DemoLogin>,
    private readonly createdAt: string,
  ) {
    const count = (perRegionAtFullScale: number, minimum: number) => Math.max(minimum, Math.round(perRegionAtFullScale * scale));
    this.demoUser(demo.manager, 'manager', 'WV');
    // The demo users do the work of a West Flemish case worker and planner, so their screens fill up.
    this.caseWorkers = this.team('case-worker', 'trajectbegeleider', count(40, 2), this.demoUser(demo.caseWorker, 'caseWorker', 'WV'));
    this.planners = this.team('course-planner', 'planner', 1, this.demoUser(demo.planner, 'planner', 'WV'));
    this.consultants = this.team('dutch-learning-consultant', 'consulent-nt2', count(12, 1));
    this.teachers = this.team('course-teacher', 'leerkracht-mo', count(20, 2));
  }

  /** The next member of a team, in turn: work is spread evenly. */
  take(team: Team, region: DemoRegion): StaffMember {
    const members = team[region];
    const i = this.next.get(members) ?? 0;
    this.next.set(members, i + 1);
    return members[i % members.length]!;
  }

  /** A staff user of another organisation (a Dutch-course provider, a test centre). */
  member(role: Role, organisationId: string, label: string, region: DemoRegion): StaffMember {
    return this.add(role, organisationId, label, region);
  }

  /** `size` members per region; `first` takes the first West Flemish seat. */
  private team(role: Role, label: string, size: number, first?: StaffMember): Team {
    const team = {} as Team;
    for (const region of DEMO_REGIONS) {
      const seated = region === first?.region ? [first] : [];
      team[region] = [...seated, ...Array.from({ length: size - seated.length }, () => this.add(role, this.agencyId, label, region))];
    }
    return team;
  }

  private demoUser(login: DemoLogin, key: DemoUserKey, region: DemoRegion): StaffMember {
    const user = DEMO_USERS[key];
    const role = user.roles[0];
    if (login.passwordHash !== null) {
      this.sink.add('users', {
        id: login.id,
        organisation_id: this.agencyId,
        email: user.email,
        display_name: user.displayName,
        password_hash: login.passwordHash,
        roles: [...user.roles],
        locale: 'nl',
        created_at: this.createdAt,
      });
    }
    return { userId: login.id, purpose: PURPOSE[role] ?? 'management-reporting', region, name: user.displayName };
  }

  private add(role: Role, organisationId: string, label: string, region: DemoRegion): StaffMember {
    const n = ++this.serial;
    const id = this.ids.uuid();
    const name = `${GIVEN[n % GIVEN.length]} ${FAMILY[Math.floor(n / GIVEN.length) % FAMILY.length]}`;
    this.sink.add('users', {
      id,
      organisation_id: organisationId,
      email: `${label}.${region.toLowerCase()}.${n}@demo.kruispunt.test`,
      display_name: name,
      password_hash: null,
      roles: [role],
      locale: 'nl',
      created_at: this.createdAt,
    });
    return { userId: id, purpose: PURPOSE[role] ?? 'administration', region, name };
  }
}
