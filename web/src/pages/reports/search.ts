/** The address of a report page (kept apart from the page, which the router loads only when it is opened). */

/** The search parameters of a report page: the report's parameters and the drilled cell. */
export interface ReportSearch {
  year?: number;
  from?: string;
  to?: string;
  referenceDate?: string;
  ukraine?: string;
  /** The cell whose records are listed: "<row>|<column>", "*" for every row or column. */
  drill?: string;
}

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Keeps the search parameters a report page understands (the server checks their values). */
export function validateReportSearch(search: Record<string, unknown>): ReportSearch {
  const out: ReportSearch = {};
  const year = Number(search.year);
  if (search.year !== undefined && Number.isInteger(year)) out.year = year;
  if (isDate(search.from)) out.from = search.from;
  if (isDate(search.to)) out.to = search.to;
  if (isDate(search.referenceDate)) out.referenceDate = search.referenceDate;
  if (typeof search.ukraine === 'string' && /^[a-z]{2,10}$/.test(search.ukraine)) out.ukraine = search.ukraine;
  if (typeof search.drill === 'string' && search.drill.includes('|') && search.drill.length <= 90) out.drill = search.drill;
  return out;
}
