/** Management figures (issue 7): the published tables, dashboards, KPI trends and data quality. */
export { registerReportingRoutes } from './routes/reporting.routes';
