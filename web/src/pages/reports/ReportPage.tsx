import { Alert, Button, Group, List, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { I18n } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { belgianToday } from '../../api/trajectory';
import { usePermission } from '../../api/queries';
import { reportExportUrl, reportQueryString, useReport, useReportCatalogue, type DrillCell, type Report, type ReportListItem, type ReportParams } from '../../api/reports';
import { AnchorLink } from '../../components/Link';
import { fieldError, ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { SectionCard } from '../../components/SectionCard';
import { StatusBadge } from '../../components/StatusBadge';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate } from '../../labels';
import { drillDownPermission, ukraineLabel } from '../../reportLabels';
import '../../components/charts/charts.css';
import { DrillDownList } from './DrillDownList';
import type { ReportSearch } from './search';
import { ComputedNote, currentYear, FIRST_YEAR, Loading, useFigureFormat, yearOptions } from './shared';

const route = getRouteApi('/_app/reports/$reportId');

const parseDrill = (drill: string | undefined): DrillCell | null => {
  if (!drill) return null;
  const [row = '*', column = '*'] = drill.split('|');
  return { row: row === '*' ? null : row, column: column === '*' ? null : column };
};
const drillKey = (cell: DrillCell) => `${cell.row ?? '*'}|${cell.column ?? '*'}`;

/** The parameters the report runs with: those in the address, else the defaults of its kind. */
function effectiveParams(entry: ReportListItem, search: ReportSearch): ReportParams {
  const lastYear = currentYear() - 1;
  const ukraine = entry.filters.some((f) => f.id === 'ukraine') ? (search.ukraine ?? entry.filters.find((f) => f.id === 'ukraine')?.default) : undefined;
  if (entry.parameter === 'year') return { year: search.year ?? lastYear, ukraine };
  if (entry.parameter === 'reference-date') return { referenceDate: search.referenceDate ?? belgianToday(), ukraine };
  if (search.from || search.to) return { from: search.from, to: search.to, ukraine };
  if (search.year) return { year: search.year, ukraine };
  return { from: `${lastYear}-01-01`, to: `${lastYear}-12-31`, ukraine };
}

/** A report: its parameters, its table with totals and drill-down, the counting rule, identities and exports. */
export function ReportPage() {
  const { t, i18n } = useLingui();
  const { reportId } = route.useParams();
  const search = route.useSearch();
  const navigate = useNavigate();
  const catalogue = useReportCatalogue(i18n.locale);
  const entry = catalogue.data?.find((r) => r.id.toLowerCase() === reportId.toLowerCase());
  const params = entry ? effectiveParams(entry, search) : {};
  const report = useReport(entry?.id ?? reportId, params, i18n.locale, entry?.available === true);
  const canDrill = usePermission(drillDownPermission(entry?.id ?? reportId));
  const cell = parseDrill(search.drill);
  const heading = entry ? `${entry.figure ? `${entry.figure} · ` : ''}${entry.title}` : t`Rapport`;
  useDocumentTitle(heading);

  const show = (next: ReportParams) => {
    // The same parameters again: read the figures again (they are computed now, not stored).
    if (reportQueryString(next) === reportQueryString(params)) void report.refetch();
    void navigate({ to: '/reports/$reportId', params: { reportId }, search: { year: next.year, from: next.from, to: next.to, referenceDate: next.referenceDate, ukraine: next.ukraine } });
  };
  const drill = (next: DrillCell | null) =>
    void navigate({ to: '/reports/$reportId', params: { reportId }, search: (prev: ReportSearch) => ({ ...prev, drill: next ? drillKey(next) : undefined }), resetScroll: false });

  const back = (
    <AnchorLink to="/reports" className="kp-no-print" w="fit-content">
      {t`Alle rapporten`}
    </AnchorLink>
  );
  if (catalogue.isPending || catalogue.error) {
    return (
      <Stack maw={1200}>
        {back}
        <Title order={1}>{heading}</Title>
        <Loading busy={catalogue.isPending} />
        <ProblemAlert error={catalogue.error} />
      </Stack>
    );
  }
  if (!entry) {
    return (
      <Stack maw={1200}>
        {back}
        <Title order={1}>{t`Rapport niet gevonden`}</Title>
        <Alert color="red" variant="light" role="alert" title={t`Onbekend rapport`}>
          {t`Er is geen rapport “${reportId}”. Kies een rapport uit de lijst.`}
        </Alert>
      </Stack>
    );
  }
  if (!entry.available) {
    return (
      <Stack maw={1200}>
        {back}
        <Title order={1}>{heading}</Title>
        <Alert color="gray" variant="light" title={t`Dit rapport is niet beschikbaar`}>
          {entry.unavailableReason}
        </Alert>
      </Stack>
    );
  }

  const data = report.data;
  return (
    <Stack maw={1300}>
      {back}
      <Title order={1}>{heading}</Title>
      <Text>{entry.description}</Text>
      <ParameterForm key={JSON.stringify(params)} entry={entry} params={params} error={report.error} onSubmit={show} busy={report.isFetching} />
      <Loading busy={report.isFetching} />
      <ProblemAlert error={report.error} handledFields={FIELDS} />
      {data && (
        <>
          <SectionCard
            id="report-table-title"
            title={t`Tabel`}
            actions={
              <Group gap="xs" className="kp-no-print">
                <Button component="a" href={reportExportUrl(entry.id, 'csv', params, i18n.locale)} download variant="default" size="compact-md">
                  {t`Exporteren naar CSV`}
                </Button>
                <Button component="a" href={reportExportUrl(entry.id, 'xlsx', params, i18n.locale)} download variant="default" size="compact-md">
                  {t`Exporteren naar XLSX`}
                </Button>
              </Group>
            }
          >
            <Stack gap="xs">
              <Text size="sm">{parametersText(i18n, data)}</Text>
              {canDrill ? (
                <Text size="sm" className="kp-no-print">
                  {t`Kies een cijfer om de lijst erachter te zien.`}
                </Text>
              ) : (
                <Text size="sm" className="kp-no-print">
                  {t`Je mag de dossiers achter de cijfers niet inkijken.`}
                </Text>
              )}
              <ReportTable report={data} canDrill={canDrill} selected={cell} onDrill={drill} />
              <ComputedNote generatedAt={data.generatedAt} database={data.database} />
            </Stack>
          </SectionCard>
          {cell && canDrill && <DrillDownList key={drillKey(cell)} report={data} params={params} cell={cell} onClose={() => drill(null)} />}
          <SectionCard id="counting-rule-title" title={t`Telregel`}>
            <Text>{data.countingRule}</Text>
          </SectionCard>
          {data.identities.length > 0 && (
            <SectionCard id="identities-title" title={t`Identiteiten`}>
              <Text size="sm" mb="sm">
                {t`Verbanden die de gepubliceerde tabel per definitie heeft, nagekeken op elke kolom.`}
              </Text>
              <List spacing="xs">
                {data.identities.map((identity) => (
                  <List.Item key={identity.name}>
                    <Group gap="sm" wrap="wrap">
                      <Text span fw={600}>
                        {identity.name}
                      </Text>
                      <StatusBadge color={identity.holds ? 'green' : 'red'}>{identity.holds ? t`Klopt` : t`Klopt niet`}</StatusBadge>
                      <Text span size="sm">
                        {identity.detail}
                      </Text>
                    </Group>
                  </List.Item>
                ))}
              </List>
            </SectionCard>
          )}
        </>
      )}
    </Stack>
  );
}

const FIELDS = ['query.year', 'query.from', 'query.to', 'query.referenceDate', 'query.ukraine'];


/** The parameters in words: "Jaar 2023 (met 2022 ter vergelijking) · met tijdelijke bescherming". */
function parametersText(i18n: I18n, report: Report): string {
  const locale = i18n.locale;
  const p = report.parameters;
  const parts: string[] = [];
  if (p.year !== undefined) parts.push(i18n._(msg`Jaar ${String(p.year)}`));
  if (p.from && p.to) parts.push(i18n._(msg`Periode ${formatDate(locale, p.from)} tot en met ${formatDate(locale, p.to)}`));
  if (p.referenceDate) parts.push(i18n._(msg`Peildatum ${formatDate(locale, p.referenceDate)}`));
  if (p.ukraine) parts.push(ukraineLabel(i18n, p.ukraine));
  return parts.join(' · ');
}

interface FormErrors {
  year?: string;
  from?: string;
  to?: string;
  referenceDate?: string;
}

/** The report's parameter (year, period or reference date) and filter, checked here before the server checks them again. */
function ParameterForm({ entry, params, error, onSubmit, busy }: { entry: ReportListItem; params: ReportParams; error: unknown; onSubmit: (p: ReportParams) => void; busy: boolean }) {
  const { t, i18n } = useLingui();
  const [year, setYear] = useState(String(params.year ?? currentYear() - 1));
  const [from, setFrom] = useState(params.from ?? '');
  const [to, setTo] = useState(params.to ?? '');
  const [referenceDate, setReferenceDate] = useState(params.referenceDate ?? '');
  const [ukraine, setUkraine] = useState(params.ukraine ?? '');
  const [errors, setErrors] = useState<FormErrors>({});
  const ukraineFilter = entry.filters.find((f) => f.id === 'ukraine');
  const periodByYear = entry.parameter === 'period' && params.year !== undefined && !params.from;
  const [mode, setMode] = useState<'year' | 'dates'>(periodByYear ? 'year' : 'dates');

  const today = belgianToday();
  const future = t`Dit ligt na vandaag: daar valt nog niets te tellen.`;
  const tooEarly = t`Kies ${String(FIRST_YEAR)} of later.`;
  const required = t`Vul een datum in.`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: FormErrors = {};
    const filter = ukraineFilter ? { ukraine } : {};
    if (entry.parameter === 'year' || (entry.parameter === 'period' && mode === 'year')) {
      setErrors({});
      onSubmit({ year: Number(year), ...filter });
      return;
    }
    if (entry.parameter === 'reference-date') {
      if (!referenceDate) found.referenceDate = required;
      else if (referenceDate > today) found.referenceDate = future;
      else if (referenceDate < `${FIRST_YEAR}-01-01`) found.referenceDate = tooEarly;
      setErrors(found);
      if (Object.keys(found).length === 0) onSubmit({ referenceDate, ...filter });
      return;
    }
    if (!from) found.from = required;
    if (!to) found.to = required;
    if (from && to && to < from) found.to = t`De periode eindigt vóór ze begint.`;
    if (from && from > today) found.from = future;
    if (from && from < `${FIRST_YEAR}-01-01`) found.from = tooEarly;
    setErrors(found);
    if (Object.keys(found).length === 0) onSubmit({ from, to, ...filter });
  };
  const fieldMessage = (name: keyof FormErrors) => errors[name] ?? fieldError(error, `query.${name}`);

  return (
    <form onSubmit={submit} aria-label={t`Parameters van het rapport`} noValidate className="kp-no-print">
      <Group align="flex-end" gap="md" wrap="wrap">
        {entry.parameter === 'period' && (
          <NativeSelect
            label={t`Periode kiezen als`}
            value={mode}
            onChange={(e) => setMode(e.currentTarget.value === 'year' ? 'year' : 'dates')}
            data={[
              { value: 'dates', label: t`Van–tot` },
              { value: 'year', label: t`Kalenderjaar` },
            ]}
            w={180}
          />
        )}
        {(entry.parameter === 'year' || (entry.parameter === 'period' && mode === 'year')) && (
          <NativeSelect label={t`Jaar`} value={year} onChange={(e) => setYear(e.currentTarget.value)} data={yearOptions()} w={160} error={fieldMessage('year')} />
        )}
        {entry.parameter === 'period' && mode === 'dates' && (
          <>
            <TextInput type="date" label={t`Van`} value={from} onChange={(e) => setFrom(e.currentTarget.value)} error={fieldMessage('from')} w={190} max={today} />
            <TextInput type="date" label={t`Tot en met`} value={to} onChange={(e) => setTo(e.currentTarget.value)} error={fieldMessage('to')} w={190} />
          </>
        )}
        {entry.parameter === 'reference-date' && (
          <TextInput type="date" label={t`Peildatum`} value={referenceDate} onChange={(e) => setReferenceDate(e.currentTarget.value)} error={fieldMessage('referenceDate')} w={190} max={today} />
        )}
        {ukraineFilter && (
          <NativeSelect
            label={t`Tijdelijke bescherming`}
            value={ukraine}
            onChange={(e) => setUkraine(e.currentTarget.value)}
            data={ukraineFilter.values.map((v) => ({ value: v, label: ukraineLabel(i18n, v) }))}
            error={fieldError(error, 'query.ukraine')}
            w={320}
          />
        )}
        <Button type="submit" loading={busy}>
          {t`Rapport tonen`}
        </Button>
      </Group>
    </form>
  );
}

/**
 * The published table: caption (figure and title), column and row headers, numbers right-aligned in
 * the locale's notation, shares as percentages, the totals row and column set apart; each figure a
 * button that lists the records behind it (for those allowed to see them).
 */
function ReportTable({ report, canDrill, selected, onDrill }: { report: Report; canDrill: boolean; selected: DrillCell | null; onDrill: (cell: DrillCell) => void }) {
  const { t, i18n } = useLingui();
  const f = useFigureFormat();
  const totalLabel = t`Totaal`;
  const withTotalColumn = report.rows.some((r) => r.total !== null) || (report.totals?.total ?? null) !== null;
  const caption = `${report.figure ? `${report.figure} · ` : ''}${report.title}`;
  const format = (value: number, kind: string) => (kind === 'share' ? f.percent(value) : report.unit === 'average' ? f.decimal(value) : f.number(value));
  const columnLabel = (key: string | null) => (key === null ? totalLabel : (report.columns.find((c) => c.key === key)?.label ?? key));
  const rowLabel = (key: string | null) => (key === null ? totalLabel : (report.rows.find((r) => r.key === key)?.label ?? key));

  const figure = (value: number | null | undefined, kind: string, row: string | null, column: string | null) => {
    if (value === null || value === undefined) return '–';
    const text = format(value, kind);
    if (!canDrill || kind === 'share' || value === 0) return text;
    const isSelected = selected?.row === row && selected?.column === column;
    return (
      <button
        type="button"
        className="kp-cell-button"
        aria-pressed={isSelected}
        aria-label={t`${text} (${rowLabel(row)}, ${columnLabel(column)}): lijst tonen`}
        onClick={() => onDrill({ row, column })}
      >
        {text}
      </button>
    );
  };

  return (
    <ScrollTable label={caption} minWidth={Math.min(260 + (report.columns.length + 1) * 120, 1200)} className="kp-report-table" withColumnBorders={false}>
      <caption style={{ textAlign: 'left', fontWeight: 700, color: 'var(--mantine-color-dark-9)' }}>{caption}</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{dimensionLabel(i18n, report.rowDimension)}</Table.Th>
          {report.columns.map((c) => (
            <Table.Th key={c.key} scope="col" className={`kp-num${columnClass(c.kind)}`}>
              {c.label}
            </Table.Th>
          ))}
          {withTotalColumn && (
            <Table.Th scope="col" className="kp-num kp-total kp-total-col">
              {totalLabel}
            </Table.Th>
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {report.rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Th scope="row" fw={500} className={r.label.startsWith('–') ? 'kp-indented' : undefined}>
              {r.label}
            </Table.Th>
            {report.columns.map((c) => (
              <Table.Td key={c.key} className={`kp-num${columnClass(c.kind)}`}>
                {figure(r.cells[c.key] ?? 0, c.kind, r.key, c.key)}
              </Table.Td>
            ))}
            {withTotalColumn && <Table.Td className="kp-num kp-total kp-total-col">{figure(r.total, 'count', r.key, null)}</Table.Td>}
          </Table.Tr>
        ))}
        {report.totals && (
          <Table.Tr className="kp-total-row">
            <Table.Th scope="row" className="kp-total">
              {totalLabel}
            </Table.Th>
            {report.columns.map((c) => (
              <Table.Td key={c.key} className="kp-num kp-total">
                {figure(report.totals?.cells[c.key] ?? 0, c.kind, null, c.key)}
              </Table.Td>
            ))}
            {withTotalColumn && <Table.Td className="kp-num kp-total kp-total-col">{figure(report.totals.total, 'count', null, null)}</Table.Td>}
          </Table.Tr>
        )}
      </Table.Tbody>
    </ScrollTable>
  );
}

/** A computed column's look: a sum column like the totals, a share in italics. */
const columnClass = (kind: string) => (kind === 'sum' ? ' kp-total' : kind === 'share' ? ' kp-share' : '');

/** The header of the row labels' column, from the row dimension. */
function dimensionLabel(i18n: I18n, dimension: string): string {
  switch (dimension) {
    case 'region':
      return i18n._(msg`Werkingsgebied`);
    case 'year':
      return i18n._(msg`Jaar`);
    case 'language':
      return i18n._(msg`Taal`);
    case 'target-group':
      return i18n._(msg`Doelgroep`);
    case 'request-outcome':
      return i18n._(msg`Aanvragen`);
    case 'cut-off-regime':
      return i18n._(msg`Cesuurregeling`);
    case 'provider-kind':
      return i18n._(msg`Onderwijsverstrekker`);
    case 'test-type':
      return i18n._(msg`Soort test`);
    default:
      return i18n._(msg`Rij`);
  }
}
