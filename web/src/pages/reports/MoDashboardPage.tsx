import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { plural } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { useState, type FormEvent } from 'react';
import { REGIONS, useMoDashboard, type MoDashboard } from '../../api/reports';
import { BarChart } from '../../components/charts/BarChart';
import type { ChartCategory } from '../../components/charts/ChartFrame';
import { LineChart } from '../../components/charts/LineChart';
import { useLanguageName } from '../../components/planning/shared';
import { fieldError, ProblemAlert } from '../../components/ProblemAlert';
import { ColumnHeads, ScrollTable } from '../../components/ScrollTable';
import { SectionCard } from '../../components/SectionCard';
import { StatusBadge } from '../../components/StatusBadge';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate, regionLabel } from '../../labels';
import { ComputedNote, currentYear, Loading, useFigureFormat } from './shared';

/** RPT-K01: fewer than 1,000 people waiting more than six months after their contract. */
const TARGET = 1000;
const TOP_LANGUAGES = 10;
const TOP_TEST_LANGUAGES = 5;

/** Every month from `from` to `to` (YYYY-MM-DD), as YYYY-MM. */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  while (`${y}-${String(m).padStart(2, '0')}` <= last && months.length < 240) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return months;
}

/**
 * The MO dashboard: who waits for an MO course today (and for more than six months, against the
 * target of 1,000), by region and language; the courses starting per month of the period; the
 * standard MO test's pass rate per month and MO language.
 */
export function MoDashboardPage() {
  const { t, i18n } = useLingui();
  useDocumentTitle(t`Dashboard maatschappelijke oriëntatie`);
  const year = currentYear();
  const [period, setPeriod] = useState({ from: `${year}-01-01`, to: `${year}-12-31` });
  const dashboard = useMoDashboard(period.from, period.to, i18n.locale);
  const data = dashboard.data;

  return (
    <Stack maw={1300}>
      <Title order={1}>{t`Dashboard maatschappelijke oriëntatie`}</Title>
      <Text>{t`Wie vandaag op een cursus maatschappelijke oriëntatie wacht, de cursussen die starten en de slaagpercentages van de MO-test, berekend uit de dossiers en de planning.`}</Text>
      <PeriodForm period={period} onSubmit={setPeriod} error={dashboard.error} />
      <Loading busy={dashboard.isFetching} />
      <ProblemAlert error={dashboard.error} handledFields={['query.from', 'query.to']} />
      {data && <MoFigures data={data} period={period} />}
    </Stack>
  );
}

/** The dashboard's period (courses starting and tests), checked here and again by the server. */
function PeriodForm({ period, onSubmit, error }: { period: { from: string; to: string }; onSubmit: (p: { from: string; to: string }) => void; error: unknown }) {
  const { t } = useLingui();
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [problem, setProblem] = useState<{ from?: string; to?: string }>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: { from?: string; to?: string } = {};
    if (!from) found.from = t`Vul een datum in.`;
    if (!to) found.to = t`Vul een datum in.`;
    if (from && to && to < from) found.to = t`De periode eindigt vóór ze begint.`;
    setProblem(found);
    if (!found.from && !found.to) onSubmit({ from, to });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t`Periode van het dashboard`} className="kp-no-print">
      <Group align="flex-end">
        <TextInput type="date" label={t`Van`} value={from} onChange={(e) => setFrom(e.currentTarget.value)} error={problem.from ?? fieldError(error, 'query.from')} w={190} />
        <TextInput type="date" label={t`Tot en met`} value={to} onChange={(e) => setTo(e.currentTarget.value)} error={problem.to ?? fieldError(error, 'query.to')} w={190} />
        <Button type="submit">{t`Tonen`}</Button>
      </Group>
    </form>
  );
}

function MoFigures({ data, period }: { data: MoDashboard; period: { from: string; to: string } }) {
  const { t, i18n } = useLingui();
  const f = useFigureFormat();
  const languageName = useLanguageName();
  const regionName = (code: string) => (code === 'unknown' ? t`Onbekend` : regionLabel(i18n, code));
  const over = data.overSixMonthsTotal;
  const series = [
    { key: 'waiting', label: t`Wachtend` },
    { key: 'over', label: t`Meer dan zes maanden` },
  ];

  // Per region: the six in the published order, then any other that holds data.
  const regionKeys = [...REGIONS, ...new Set(data.waiting.map((w) => w.region).filter((r) => !(REGIONS as readonly string[]).includes(r)))];
  const byRegion: ChartCategory[] = regionKeys.map((region) => {
    const rows = data.waiting.filter((w) => w.region === region);
    return { key: region, label: regionName(region), values: [sum(rows.map((r) => r.waiting)), sum(rows.map((r) => r.overSixMonths))] };
  });
  const languages = [...new Set(data.waiting.map((w) => w.language))];
  const byLanguage: ChartCategory[] = languages
    .map((language) => {
      const rows = data.waiting.filter((w) => w.language === language);
      return { key: language, label: languageName(language), values: [sum(rows.map((r) => r.waiting)), sum(rows.map((r) => r.overSixMonths))] };
    })
    .sort((a, b) => (b.values[0] ?? 0) - (a.values[0] ?? 0) || a.label.localeCompare(b.label))
    .slice(0, TOP_LANGUAGES);

  const months = monthsBetween(period.from, period.to);
  const courses: ChartCategory[] = months.map((month) => {
    const m = data.coursesStarting.find((c) => c.month === month);
    return { key: month, label: f.month(month), values: [m?.courses ?? 0, m?.participants ?? 0] };
  });

  const taken = new Map<string, number>();
  for (const r of data.testPassRates) taken.set(r.language, (taken.get(r.language) ?? 0) + r.taken);
  const testLanguages = [...taken].sort((a, b) => b[1] - a[1]).slice(0, TOP_TEST_LANGUAGES).map(([language]) => language);
  const testMonths = months.filter((month) => month <= data.asOf.slice(0, 7));
  const passRates: ChartCategory[] = testMonths.map((month) => ({
    key: month,
    label: f.month(month),
    values: testLanguages.map((language) => data.testPassRates.find((r) => r.month === month && r.language === language)?.rate ?? NaN),
  }));

  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Paper withBorder p="lg" component="section" aria-labelledby="mo-over-title">
          <Title order={2} size="h4" id="mo-over-title">
            {t`Meer dan zes maanden wachtend na het contract`}
          </Title>
          <Group align="baseline" gap="sm" mt="xs">
            <Text fz={36} fw={700} lh={1}>
              {f.number(over)}
            </Text>
            <StatusBadge color={over < TARGET ? 'green' : 'red'}>{over < TARGET ? t`Onder de doelstelling` : t`Boven de doelstelling`}</StatusBadge>
          </Group>
          <Text size="sm" mt="xs">
            {t`Doelstelling (RPT-K01): minder dan ${f.number(TARGET)}. Stand op ${formatDate(i18n.locale, data.asOf)}.`}
          </Text>
        </Paper>
        <Paper withBorder p="lg" component="section" aria-labelledby="mo-waiting-title">
          <Title order={2} size="h4" id="mo-waiting-title">
            {t`Wachtend op een cursus`}
          </Title>
          <Text fz={36} fw={700} lh={1} mt="xs">
            {f.number(data.waitingTotal)}
          </Text>
          <Text size="sm" mt="xs">
            {plural(data.waitingTotal, { one: 'persoon met een contract wacht op MO.', other: 'personen met een contract wachten op MO.' })}
          </Text>
        </Paper>
        <Paper withBorder p="lg" component="section" aria-labelledby="mo-enrolled-title">
          <Title order={2} size="h4" id="mo-enrolled-title">
            {t`Ingeschreven na meer dan zes maanden`}
          </Title>
          <Text fz={36} fw={700} lh={1} mt="xs">
            {f.number(data.enrolledOverSixMonths)}
          </Text>
          <Text size="sm" mt="xs">
            {t`van wie meer dan zes maanden wacht, heeft al een cursus.`}
          </Text>
        </Paper>
      </SimpleGrid>

      <BarChart
        title={t`Meer dan zes maanden wachtend tegenover de doelstelling`}
        headingLevel={2}
        orientation="horizontal"
        series={[{ key: 'over', label: t`Meer dan zes maanden` }]}
        categories={[{ key: 'agency', label: t`Agentschap`, values: [over] }]}
        categoryAxisLabel={t`Wie`}
        valueAxisLabel={t`Personen`}
        format={f.number}
        maxValue={Math.max(TARGET * 1.1, over)}
        target={{ value: TARGET, label: t`Doelstelling: minder dan ${f.number(TARGET)}` }}
        height={130}
      />

      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <BarChart
          title={t`Wachtenden per werkingsgebied`}
          headingLevel={2}
          series={series}
          categories={byRegion}
          categoryAxisLabel={t`Werkingsgebied`}
          valueAxisLabel={t`Personen`}
          format={f.number}
        />
        <BarChart
          title={t`Wachtenden per taal`}
          description={t`De ${TOP_LANGUAGES} talen met de meeste wachtenden.`}
          headingLevel={2}
          orientation="horizontal"
          series={series}
          categories={byLanguage}
          categoryAxisLabel={t`Taal`}
          valueAxisLabel={t`Personen`}
          format={f.number}
        />
      </SimpleGrid>

      <WaitingTable data={data} languageName={languageName} regionName={regionName} />

      <BarChart
        title={t`Cursussen per startmaand`}
        description={t`Cursussen die in de periode starten (ook geplande), met hun cursisten.`}
        headingLevel={2}
        series={[
          { key: 'courses', label: t`Cursussen` },
          { key: 'participants', label: t`Cursisten` },
        ]}
        categories={courses}
        categoryAxisLabel={t`Startmaand`}
        valueAxisLabel={t`Aantal`}
        format={f.number}
      />

      <LineChart
        title={t`Slaagpercentage standaard MO-test per maand en taal`}
        description={t`De ${TOP_TEST_LANGUAGES} MO-talen met de meeste afgelegde tests; een maand zonder test heeft geen punt.`}
        headingLevel={2}
        series={testLanguages.map((language) => ({ key: language, label: languageName(language) }))}
        categories={passRates}
        categoryAxisLabel={t`Maand`}
        valueAxisLabel={t`Geslaagd`}
        format={f.percentAxis}
        maxValue={1}
      />
      <TestTable data={data} languageName={languageName} />
      <ComputedNote database={data.database} />
    </>
  );
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Every language and region with people waiting: the RPT-K01 detail. */
function WaitingTable({ data, languageName, regionName }: { data: MoDashboard; languageName: (c: string) => string; regionName: (c: string) => string }) {
  const { t } = useLingui();
  const f = useFigureFormat();
  const label = t`Wachtenden per taal en werkingsgebied`;
  return (
    <SectionCard id="mo-waiting-table-title" title={label}>
      {data.waiting.length === 0 ? (
        <Text>{t`Niemand wacht op een cursus.`}</Text>
      ) : (
        <ScrollTable label={t`Tabel: ${label}`} minWidth={640} className="kp-report-table">
          <caption>
            <VisuallyHidden>{label}</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t`Taal`}</Table.Th>
              <Table.Th scope="col">{t`Werkingsgebied`}</Table.Th>
              <Table.Th scope="col" className="kp-num">
                {t`Wachtend`}
              </Table.Th>
              <Table.Th scope="col" className="kp-num">
                {t`Meer dan zes maanden`}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.waiting.map((w) => (
              <Table.Tr key={`${w.language}|${w.region}`}>
                <Table.Th scope="row" fw={500}>
                  {languageName(w.language)}
                </Table.Th>
                <Table.Td>{regionName(w.region)}</Table.Td>
                <Table.Td className="kp-num">{f.number(w.waiting)}</Table.Td>
                <Table.Td className="kp-num">{f.number(w.overSixMonths)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr className="kp-total-row">
              <Table.Th scope="row" className="kp-total" colSpan={2}>
                {t`Totaal`}
              </Table.Th>
              <Table.Td className="kp-num kp-total">{f.number(data.waitingTotal)}</Table.Td>
              <Table.Td className="kp-num kp-total">{f.number(data.overSixMonthsTotal)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </ScrollTable>
      )}
    </SectionCard>
  );
}

/** The standard MO test per month and language: taken, passed, rate. */
function TestTable({ data, languageName }: { data: MoDashboard; languageName: (c: string) => string }) {
  const { t } = useLingui();
  const f = useFigureFormat();
  const label = t`Standaard MO-test per maand en taal`;
  return (
    <SectionCard id="mo-tests-title" title={label}>
      {data.testPassRates.length === 0 ? (
        <Text>{t`Geen tests in deze periode.`}</Text>
      ) : (
        <ScrollTable label={t`Tabel: ${label}`} minWidth={640}>
          <caption>
            <VisuallyHidden>{label}</VisuallyHidden>
          </caption>
          <ColumnHeads labels={[t`Maand`, t`Taal`, t`Afgelegd`, t`Geslaagd`, t`Slaagpercentage`]} />
          <Table.Tbody>
            {data.testPassRates.map((r) => (
              <Table.Tr key={`${r.month}|${r.language}`}>
                <Table.Th scope="row" fw={500}>
                  {f.month(r.month)}
                </Table.Th>
                <Table.Td>{languageName(r.language)}</Table.Td>
                <Table.Td className="kp-num">{f.number(r.taken)}</Table.Td>
                <Table.Td className="kp-num">{f.number(r.passed)}</Table.Td>
                <Table.Td className="kp-num">{f.percent(r.rate)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </SectionCard>
  );
}
