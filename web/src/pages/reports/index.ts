/** The management figures' pages (issue 7), one chunk the router loads when a manager first opens one. */
export { DataQualityPage } from './DataQualityPage';
export { InterpretingDashboardPage } from './InterpretingDashboardPage';
export { MoDashboardPage } from './MoDashboardPage';
export { RegionsDashboardPage } from './RegionsDashboardPage';
export { ReportPage } from './ReportPage';
export { ReportsPage } from './ReportsPage';
export { TrendsPage } from './TrendsPage';
