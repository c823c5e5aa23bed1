import { createRootRoute, createRoute, createRouter, lazyRouteComponent, Outlet } from '@tanstack/react-router';
import { AppLayout } from './components/AppLayout';
import { ApiTokensPage } from './pages/ApiTokensPage';
import { CaseloadPage } from './pages/CaseloadPage';
import { DossierPage } from './pages/DossierPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { MfaSetupPage } from './pages/MfaSetupPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PersonNewPage } from './pages/PersonNewPage';
import { PersonPage } from './pages/PersonPage';
import { PersonSearchPage } from './pages/PersonSearchPage';
import { SessionsPage } from './pages/SessionsPage';
import { SetupPage } from './pages/SetupPage';
import { SignInPage } from './pages/SignInPage';
import { UsersPage } from './pages/UsersPage';
import { ParticipationActivitiesPage } from './pages/ParticipationActivitiesPage';
import { ChangeRequestsPage } from './pages/planning/ChangeRequestsPage';
import { CoursePage } from './pages/planning/CoursePage';
import { CoursesPage } from './pages/planning/CoursesPage';
import { TestCentrePage } from './pages/planning/TestCentrePage';
import { WaitingListPage } from './pages/planning/WaitingListPage';
import { ConversationPage as Nt2ConversationPage } from './pages/nt2/ConversationPage';
import { NeedsPlanPage as Nt2NeedsPlanPage } from './pages/nt2/NeedsPlanPage';
import { Nt2Page } from './pages/nt2/Nt2Page';
import { DeskPage as InterpretingDeskPage } from './pages/interpreting/DeskPage';
import { InterpretersPage } from './pages/interpreting/InterpretersPage';
import { PortalPage as InterpreterPortalPage } from './pages/interpreting/PortalPage';
import { RequestsPage as InterpretingRequestsPage } from './pages/interpreting/RequestsPage';
import { ProviderPage as Nt2ProviderPage } from './pages/nt2/ProviderPage';
import { validateReportSearch } from './pages/reports/search';
import { Redirect } from './components/Redirect';
import { SkipLink } from './components/SkipLink';
import { homePath, useSession } from './api/queries';

function HomeRedirect() {
  const { data } = useSession();
  return data ? <Redirect to={homePath(data)} /> : null;
}

const rootRoute = createRootRoute({
  component: () => (
    <>
      <SkipLink />
      <Outlet />
    </>
  ),
  notFoundComponent: NotFoundPage,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' && search.redirect.startsWith('/') ? { redirect: search.redirect } : {},
  component: SignInPage,
});

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/setup',
  validateSearch: (search: Record<string, unknown>): { token?: string } =>
    typeof search.token === 'string' ? { token: search.token } : {},
  component: SetupPage,
});

/** Pathless layout of all signed-in pages; AppLayout sends guests to the sign-in page. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_app',
  component: AppLayout,
});

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: HomeRedirect,
});

const mfaSetupRoute = createRoute({ getParentRoute: () => appRoute, path: '/mfa-setup', component: MfaSetupPage });

const personsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/persons',
  validateSearch: (search: Record<string, unknown>): { q?: string } =>
    typeof search.q === 'string' && search.q !== '' ? { q: search.q } : {},
  component: PersonSearchPage,
});

const personNewRoute = createRoute({ getParentRoute: () => appRoute, path: '/persons/new', component: PersonNewPage });

const personRoute = createRoute({ getParentRoute: () => appRoute, path: '/persons/$personId', component: PersonPage });

const dossierRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/dossiers/$dossierId',
  validateSearch: (search: Record<string, unknown>): { asOf?: string } =>
    typeof search.asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(search.asOf) ? { asOf: search.asOf } : {},
  component: DossierPage,
});

const caseloadRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/caseload',
  validateSearch: (search: Record<string, unknown>): { caseWorker?: 'me' | 'unassigned' | 'all' } =>
    search.caseWorker === 'unassigned' || search.caseWorker === 'all' ? { caseWorker: search.caseWorker } : {},
  component: CaseloadPage,
});

const notificationsRoute = createRoute({ getParentRoute: () => appRoute, path: '/notifications', component: NotificationsPage });

const usersRoute = createRoute({ getParentRoute: () => appRoute, path: '/admin/users', component: UsersPage });

const apiTokensRoute = createRoute({ getParentRoute: () => appRoute, path: '/admin/api-tokens', component: ApiTokensPage });

const sessionsRoute = createRoute({ getParentRoute: () => appRoute, path: '/sessions', component: SessionsPage });

const moWaitingListRoute = createRoute({ getParentRoute: () => appRoute, path: '/planning/mo', component: WaitingListPage });

const moCoursesRoute = createRoute({ getParentRoute: () => appRoute, path: '/planning/mo/courses', component: CoursesPage });

const moCourseRoute = createRoute({ getParentRoute: () => appRoute, path: '/planning/mo/courses/$courseId', component: CoursePage });

const testCentreRoute = createRoute({ getParentRoute: () => appRoute, path: '/planning/tests', component: TestCentrePage });

const changeRequestsRoute = createRoute({ getParentRoute: () => appRoute, path: '/planning/change-requests', component: ChangeRequestsPage });

const participationActivitiesRoute = createRoute({ getParentRoute: () => appRoute, path: '/participation-activities', component: ParticipationActivitiesPage });

const nt2Route = createRoute({ getParentRoute: () => appRoute, path: '/nt2', component: Nt2Page });

const nt2ConversationRoute = createRoute({ getParentRoute: () => appRoute, path: '/nt2/conversations/$conversationId', component: Nt2ConversationPage });

const nt2ProviderRoute = createRoute({ getParentRoute: () => appRoute, path: '/nt2/provider', component: Nt2ProviderPage });

const nt2NeedsRoute = createRoute({ getParentRoute: () => appRoute, path: '/nt2/needs', component: Nt2NeedsPlanPage });

const interpretingRequestsRoute = createRoute({ getParentRoute: () => appRoute, path: '/interpreting/requests', component: InterpretingRequestsPage });

const interpretingDeskRoute = createRoute({ getParentRoute: () => appRoute, path: '/interpreting/desk', component: InterpretingDeskPage });

const interpretersRoute = createRoute({ getParentRoute: () => appRoute, path: '/interpreting/interpreters', component: InterpretersPage });

const interpreterPortalRoute = createRoute({ getParentRoute: () => appRoute, path: '/interpreting/portal', component: InterpreterPortalPage });

// Management figures (issue 7): reports with drill-down, dashboards, KPI trends, data quality.
// Loaded when first opened (one chunk): only managers use them.
const ReportsPage = lazyRouteComponent(() => import('./pages/reports'), 'ReportsPage');
const DataQualityPage = lazyRouteComponent(() => import('./pages/reports'), 'DataQualityPage');
const ReportPage = lazyRouteComponent(() => import('./pages/reports'), 'ReportPage');
const MoDashboardPage = lazyRouteComponent(() => import('./pages/reports'), 'MoDashboardPage');
const RegionsDashboardPage = lazyRouteComponent(() => import('./pages/reports'), 'RegionsDashboardPage');
const InterpretingDashboardPage = lazyRouteComponent(() => import('./pages/reports'), 'InterpretingDashboardPage');
const TrendsPage = lazyRouteComponent(() => import('./pages/reports'), 'TrendsPage');

const reportsRoute = createRoute({ getParentRoute: () => appRoute, path: '/reports', component: ReportsPage });

const dataQualityRoute = createRoute({ getParentRoute: () => appRoute, path: '/reports/data-quality', component: DataQualityPage });

const reportRoute = createRoute({ getParentRoute: () => appRoute, path: '/reports/$reportId', validateSearch: validateReportSearch, component: ReportPage });

const moDashboardRoute = createRoute({ getParentRoute: () => appRoute, path: '/dashboards/mo', component: MoDashboardPage });

const regionsDashboardRoute = createRoute({ getParentRoute: () => appRoute, path: '/dashboards/regions', component: RegionsDashboardPage });

const interpretingDashboardRoute = createRoute({ getParentRoute: () => appRoute, path: '/dashboards/interpreting', component: InterpretingDashboardPage });

const trendsRoute = createRoute({ getParentRoute: () => appRoute, path: '/dashboards/trends', component: TrendsPage });

const routeTree = rootRoute.addChildren([
  signInRoute,
  setupRoute,
  appRoute.addChildren([
    indexRoute,
    mfaSetupRoute,
    personsRoute,
    personNewRoute,
    personRoute,
    dossierRoute,
    caseloadRoute,
    notificationsRoute,
    usersRoute,
    apiTokensRoute,
    sessionsRoute,
    moWaitingListRoute,
    moCoursesRoute,
    moCourseRoute,
    testCentreRoute,
    changeRequestsRoute,
    participationActivitiesRoute,
    nt2Route,
    nt2ConversationRoute,
    nt2ProviderRoute,
    nt2NeedsRoute,
    interpretingRequestsRoute,
    interpretingDeskRoute,
    interpretersRoute,
    interpreterPortalRoute,
    reportsRoute,
    dataQualityRoute,
    reportRoute,
    moDashboardRoute,
    regionsDashboardRoute,
    interpretingDashboardRoute,
    trendsRoute,
  ]),
]);

export const router = createRouter({
  routeTree,
  defaultPreload: false,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
