import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  dataQualityResponse,
  drillDownResponse,
  interpretingDashboardResponse,
  kpiListResponse,
  kpiTrendResponse,
  moDashboardResponse,
  regionsDashboardResponse,
  reportListResponse,
  reportResponse,
} from '../../../server/src/modules/reporting/reporting.schema';
import { api } from './client';
import { noRetryOnProblem, queryString } from './queryHelpers';

/**
 * Types and queries of the management figures (issue 7): the report catalogue, one report with its
 * drill-down and exports, the dashboards, KPI trends and the data-quality view. Every answer holds
 * text translated by the server, so every key holds the locale.
 */

// The types come from the server's own schemas (type-only imports: erased from the bundle).
export type ReportListItem = z.infer<typeof reportListResponse>['items'][number];
export type ReportParameterKind = NonNullable<ReportListItem['parameter']>;
export type Report = z.infer<typeof reportResponse>;
export type ReportColumn = Report['columns'][number];
export type ReportRow = Report['rows'][number];
export type DrillDownPage = z.infer<typeof drillDownResponse>;
export type DrillDownItem = DrillDownPage['items'][number];
export type MoDashboard = z.infer<typeof moDashboardResponse>;
export type RegionsDashboard = z.infer<typeof regionsDashboardResponse>;
export type RegionFigures = RegionsDashboard['regions'][number];
export type InterpretingDashboard = z.infer<typeof interpretingDashboardResponse>;
export type Kpi = z.infer<typeof kpiListResponse>['items'][number];
export type KpiTrend = z.infer<typeof kpiTrendResponse>;
export type DataQuality = z.infer<typeof dataQualityResponse>;
export type DataQualityCheck = DataQuality['checks'][number];

/** The parameters of one report run, as the API takes them (and the page's URL holds them). */
export interface ReportParams {
  year?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  referenceDate?: string | undefined;
  ukraine?: string | undefined;
}

/** The cell of a drill-down: a row key and a column key; null is "every row" or "every column". */
export interface DrillCell {
  row: string | null;
  column: string | null;
}

/** The operating regions (werkingsgebieden) in the published order. */
export const REGIONS = ['PA', 'BR', 'LI', 'OV', 'VB', 'WV'] as const;
export type Region = (typeof REGIONS)[number];

export const reportKeys = {
  all: ['reports'] as const,
  catalogue: (locale: string) => ['reports', 'catalogue', locale] as const,
  report: (id: string, params: ReportParams, locale: string) => ['reports', 'report', id, params, locale] as const,
  drillDown: (id: string, params: ReportParams, cell: DrillCell, locale: string) => ['reports', 'drill-down', id, params, cell, locale] as const,
  mo: (from: string, to: string, locale: string) => ['reports', 'dashboard-mo', from, to, locale] as const,
  regions: (year: number, locale: string) => ['reports', 'dashboard-regions', year, locale] as const,
  interpreting: (year: number, locale: string) => ['reports', 'dashboard-interpreting', year, locale] as const,
  kpis: (locale: string) => ['reports', 'kpis', locale] as const,
  trend: (id: string, from: string, to: string, grain: string, locale: string) => ['reports', 'kpi-trend', id, from, to, grain, locale] as const,
  dataQuality: (year: number | null, locale: string) => ['reports', 'data-quality', year, locale] as const,
};

/** The query string of a report run (only the parameters that are set). */
export function reportQueryString(params: ReportParams, extra: Record<string, string | undefined> = {}): string {
  return queryString({ year: params.year, from: params.from, to: params.to, referenceDate: params.referenceDate, ukraine: params.ukraine, ...extra });
}

/**
 * The address of a report's file export (CSV or XLSX) with the same parameters: a plain link the
 * browser downloads, so it names the language the app shows (the server writes files in nl and en).
 */
export function reportExportUrl(id: string, format: 'csv' | 'xlsx', params: ReportParams, locale: string): string {
  const lang = locale === 'nl' || locale === 'en' ? locale : undefined;
  return `/api/v1/reports/${encodeURIComponent(id)}.${format}${reportQueryString(params, { lang })}`;
}

export function useReportCatalogue(locale: string) {
  return useQuery({
    queryKey: reportKeys.catalogue(locale),
    queryFn: ({ signal }) => api.get<{ items: ReportListItem[] }>('/reports', signal),
    select: (d) => d.items,
    staleTime: 10 * 60_000,
    retry: noRetryOnProblem,
  });
}

export function useReport(id: string, params: ReportParams, locale: string, enabled = true) {
  return useQuery({
    queryKey: reportKeys.report(id, params, locale),
    queryFn: ({ signal }) => api.get<Report>(`/reports/${encodeURIComponent(id)}${reportQueryString(params)}`, signal),
    enabled,
    retry: noRetryOnProblem,
  });
}

/** The records behind a figure, a page at a time (`fetchNextPage` follows the cursor). */
export function useDrillDown(id: string, params: ReportParams, cell: DrillCell, locale: string, limit = 50) {
  return useInfiniteQuery({
    queryKey: reportKeys.drillDown(id, params, cell, locale),
    queryFn: ({ signal, pageParam }) =>
      api.get<DrillDownPage>(
        `/reports/${encodeURIComponent(id)}/drill-down${queryString({
          ...params,
          row: cell.row ?? undefined,
          column: cell.column ?? undefined,
          limit,
          after: pageParam ?? undefined,
        })}`,
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    retry: noRetryOnProblem,
  });
}

export function useMoDashboard(from: string, to: string, locale: string) {
  return useQuery({
    queryKey: reportKeys.mo(from, to, locale),
    queryFn: ({ signal }) => api.get<MoDashboard>(`/dashboards/mo${queryString({ from, to })}`, signal),
    retry: noRetryOnProblem,
    placeholderData: keepPreviousData,
  });
}

export function useRegionsDashboard(year: number, locale: string) {
  return useQuery({
    queryKey: reportKeys.regions(year, locale),
    queryFn: ({ signal }) => api.get<RegionsDashboard>(`/dashboards/regions${queryString({ year })}`, signal),
    retry: noRetryOnProblem,
    placeholderData: keepPreviousData,
  });
}

export function useInterpretingDashboard(year: number, locale: string) {
  return useQuery({
    queryKey: reportKeys.interpreting(year, locale),
    queryFn: ({ signal }) => api.get<InterpretingDashboard>(`/dashboards/interpreting${queryString({ year })}`, signal),
    retry: noRetryOnProblem,
    placeholderData: keepPreviousData,
  });
}

export function useKpis(locale: string) {
  return useQuery({
    queryKey: reportKeys.kpis(locale),
    queryFn: ({ signal }) => api.get<{ items: Kpi[] }>('/kpis', signal),
    select: (d) => d.items,
    staleTime: 10 * 60_000,
    retry: noRetryOnProblem,
  });
}

export function useKpiTrend(id: string, from: string, to: string, grain: 'month' | 'year', locale: string, enabled = true) {
  return useQuery({
    queryKey: reportKeys.trend(id, from, to, grain, locale),
    queryFn: ({ signal }) => api.get<KpiTrend>(`/kpis/${encodeURIComponent(id)}/trend${queryString({ from, to, grain })}`, signal),
    enabled: enabled && id !== '',
    retry: noRetryOnProblem,
  });
}

export function useDataQuality(year: number | null, locale: string) {
  return useQuery({
    queryKey: reportKeys.dataQuality(year, locale),
    queryFn: ({ signal }) => api.get<DataQuality>(`/data-quality${queryString({ year: year ?? undefined })}`, signal),
    retry: noRetryOnProblem,
    placeholderData: keepPreviousData,
  });
}
