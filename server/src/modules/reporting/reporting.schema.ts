/** The reporting API's request and response schemas: one per request, also the OpenAPI document. */
import { z } from 'zod';
import { bottleneckLanguageSchema, tableCountsSchema } from '../interpreting';
import { SERVER_LOCALES } from '../../platform/i18n/i18n';
import { isoDate } from '../../platform/schema';
import { UKRAINE_FILTERS } from './report-types';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const year = z.coerce.number().int().min(1900).max(2200);

export const reportIdParams = z.object({ id: z.string().regex(/^[A-Za-z0-9]{2,8}$/) });

const reportParameters = {
  year: year.optional().describe('A year report shows this year and the year(s) before it; a period report counts this calendar year'),
  from: isoDate.optional().describe('First day of the period (period reports)'),
  to: isoDate.optional().describe('Last day of the period (period reports)'),
  referenceDate: isoDate.optional().describe('Peildatum of a stock figure such as running contracts; default today'),
  ukraine: z.enum(UKRAINE_FILTERS).optional().describe('Temporary protection (Ukraine): include (default where published so), exclude or only'),
};

export const reportQuery = z.object(reportParameters).strict();

/** An export is a plain link the browser follows, so it names the language the web app shows. */
export const reportExportQuery = z
  .object({ ...reportParameters, lang: z.enum(SERVER_LOCALES).optional().describe("Language of the file's labels; default: the request's (Accept-Language, else the user's)") })
  .strict();

export const drillDownQuery = z
  .object({
    ...reportParameters,
    row: z.string().max(40).optional().describe('Row key (e.g. PA); omitted: every row'),
    column: z.string().max(40).optional().describe('Column key (e.g. 2023, or a sum column); omitted: every column'),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    after: z.string().max(200).optional().describe('The `next` of the previous page'),
  })
  .strict();

const axisName = z.string().nullable();

export const reportListResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      source: z.string(),
      figure: z.string().nullable(),
      title: z.string(),
      description: z.string(),
      parameter: z.enum(['year', 'period', 'reference-date']).nullable(),
      rowDimension: axisName,
      columnDimension: axisName,
      filters: z.array(z.object({ id: z.literal('ukraine'), values: z.array(z.string()), default: z.string() })),
      available: z.boolean(),
      unavailableReason: z.string().nullable(),
    }),
  ),
});

const cells = z.record(z.string(), z.number());

export const reportResponse = z.object({
  id: z.string(),
  source: z.string(),
  figure: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  parameters: z.object({ year: z.number().optional(), from: z.string().optional(), to: z.string().optional(), referenceDate: z.string().optional(), ukraine: z.string().optional() }),
  rowDimension: z.string(),
  columnDimension: z.string(),
  unit: z.enum(['count', 'average']).describe('average: cells are means (participants per course); shares are fractions 0..1'),
  columns: z.array(z.object({ key: z.string(), label: z.string(), kind: z.enum(['count', 'sum', 'share']) })),
  rows: z.array(z.object({ key: z.string(), label: z.string(), cells, total: z.number().nullable() })),
  totals: z.object({ cells, total: z.number().nullable() }).nullable().describe('The totals row; null where the rows nest (fig. 49)'),
  countingRule: z.string(),
  identities: z.array(z.object({ name: z.string(), holds: z.boolean(), detail: z.string() })),
  database: z.enum(['primary', 'replica']),
  generatedAt: z.string(),
});

export const drillDownResponse = z.object({
  items: z.array(
    z.object({
      subjectType: z.enum(['dossier', 'person', 'mo-course', 'interpreting-request']),
      subjectId: z.string(),
      dossierId: z.string().nullable(),
      personId: z.string().nullable(),
      name: z.string().nullable(),
      region: z.string(),
      date: z.string(),
      detail: z.string().nullable(),
    }),
  ),
  total: z.number(),
  next: z.string().nullable(),
  database: z.enum(['primary', 'replica']),
});

export const moDashboardQuery = z
  .object({ from: isoDate.optional().describe('Default: 1 January this year'), to: isoDate.optional().describe('Default: 31 December this year') })
  .strict();

export const moDashboardResponse = z.object({
  asOf: z.string(),
  waiting: z.array(z.object({ language: z.string(), region: z.string(), waiting: z.number(), overSixMonths: z.number() })),
  waitingTotal: z.number(),
  overSixMonthsTotal: z.number(),
  enrolledOverSixMonths: z.number(),
  coursesStarting: z.array(z.object({ month: z.string(), courses: z.number(), participants: z.number() })),
  testPassRates: z.array(z.object({ month: z.string(), language: z.string(), taken: z.number(), passed: z.number(), rate: z.number() })),
  database: z.enum(['primary', 'replica']),
});

export const regionsDashboardQuery = z.object({ year }).strict();

export const regionsDashboardResponse = z.object({
  year: z.number(),
  regions: z.array(
    z.object({
      region: z.string(),
      signUps: z.number(),
      firstContracts: z.number(),
      runningContracts: z.number(),
      moStarters: z.number(),
      certificates: z.number(),
      nt2Persons: z.number(),
      interpreterRequests: z.number(),
    }),
  ),
  database: z.enum(['primary', 'replica']),
});

export const interpretingDashboardQuery = z.object({ year }).strict();

const stvCounts = { ...tableCountsSchema.shape, answeredRate: z.number() };

export const interpretingDashboardResponse = z.object({
  year: z.number(),
  byChannel: z.array(z.object({ channel: z.string(), ...stvCounts })),
  byMonth: z.array(z.object({ month: z.string(), ...stvCounts, requestsByChannel: z.record(z.string(), z.number()) })),
  answeredRate: z.number(),
  bottleneckLanguages: z.array(bottleneckLanguageSchema),
  database: z.enum(['primary', 'replica']),
});

export const kpiListResponse = z.object({
  items: z.array(z.object({ id: z.string(), source: z.string().nullable(), title: z.string(), unit: z.enum(['count', 'rate']), target: z.number().nullable() })),
});

export const kpiParams = z.object({ id: z.string().regex(/^[a-z0-9-]{2,60}$/) });

export const kpiTrendQuery = z.object({ from: month, to: month, grain: z.enum(['month', 'year']).default('month') }).strict();

export const kpiTrendResponse = z.object({
  id: z.string(),
  title: z.string(),
  unit: z.enum(['count', 'rate']),
  target: z.number().nullable(),
  grain: z.enum(['month', 'year']),
  points: z.array(z.object({ period: z.string(), value: z.number() })),
  database: z.enum(['primary', 'replica']),
});

export const dataQualityQuery = z.object({ year: year.optional() }).strict();

export const dataQualityResponse = z.object({
  checks: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      rule: z.string(),
      count: z.number(),
      examples: z.array(z.object({ dossierId: z.string().nullable(), requestId: z.string().nullable(), courseId: z.string().nullable(), detail: z.string() })),
    }),
  ),
  database: z.enum(['primary', 'replica']),
});
