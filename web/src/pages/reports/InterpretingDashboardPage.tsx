import { Group, Paper, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { useInterpretingDashboard, type InterpretingDashboard } from '../../api/reports';
import { BarChart } from '../../components/charts/BarChart';
import type { ChartCategory } from '../../components/charts/ChartFrame';
import { LineChart } from '../../components/charts/LineChart';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ColumnHeads, ScrollTable } from '../../components/ScrollTable';
import { SectionCard } from '../../components/SectionCard';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { channelLabel } from '../../interpretingLabels';
import { useLanguageName } from '../interpreting/shared';
import { ComputedNote, currentYear, Loading, useFigureFormat, YearSelect } from './shared';

const TOP_BOTTLENECKS = 10;

/**
 * The interpreting dashboard: figure 49's requests by channel and by month (completed, not
 * completed, not answered, in progress), the answered rate per month, the bottleneck languages.
 */
export function InterpretingDashboardPage() {
  const { t, i18n } = useLingui();
  useDocumentTitle(t`Dashboard sociaal tolken en vertalen`);
  const [year, setYear] = useState(currentYear());
  const dashboard = useInterpretingDashboard(year, i18n.locale);
  return (
    <Stack maw={1300}>
      <Title order={1}>{t`Dashboard sociaal tolken en vertalen`}</Title>
      <Text>{t`De aanvragen van het jaar per kanaal en per maand zoals in figuur 49, het aandeel beantwoorde aanvragen en de talen waarvoor te weinig tolken zijn.`}</Text>
      <Group className="kp-no-print">
        <YearSelect value={year} onChange={(y) => setYear(y ?? currentYear())} />
      </Group>
      <Loading busy={dashboard.isFetching} />
      <ProblemAlert error={dashboard.error} />
      {dashboard.data && <InterpretingFigures data={dashboard.data} />}
    </Stack>
  );
}

function InterpretingFigures({ data }: { data: InterpretingDashboard }) {
  const { t, i18n } = useLingui();
  const f = useFigureFormat();
  const languageName = useLanguageName();
  const total = data.byChannel.find((c) => c.channel === 'total');
  const series = [
    { key: 'completed', label: t`Beantwoord – volbracht` },
    { key: 'notCompleted', label: t`Beantwoord – niet volbracht` },
    { key: 'notAnswered', label: t`Niet beantwoord` },
    { key: 'inProgress', label: t`In behandeling` },
  ];
  type Counts = Pick<InterpretingDashboard['byMonth'][number], 'completed' | 'notCompleted' | 'notAnswered' | 'inProgress'>;
  const values = (c: Counts) => [c.completed, c.notCompleted, c.notAnswered, c.inProgress];
  const byChannel: ChartCategory[] = data.byChannel.filter((c) => c.channel !== 'total').map((c) => ({ key: c.channel, label: channelLabel(i18n, c.channel), values: values(c) }));
  const byMonth: ChartCategory[] = data.byMonth.map((m) => ({ key: m.month, label: f.month(m.month), values: values(m) }));
  const channels = Object.keys(data.byMonth[0]?.requestsByChannel ?? {});
  const byMonthAndChannel: ChartCategory[] = data.byMonth.map((m) => ({ key: m.month, label: f.month(m.month), values: channels.map((c) => m.requestsByChannel[c] ?? 0) }));
  const answered: ChartCategory[] = data.byMonth.filter((m) => m.requests > 0).map((m) => ({ key: m.month, label: f.month(m.month), values: [m.answeredRate] }));
  const bottlenecks: ChartCategory[] = data.bottleneckLanguages.slice(0, TOP_BOTTLENECKS).map((b) => ({ key: b.language, label: languageName(b.language), values: [b.unavailable] }));
  const tableLabel = t`Knelpunttalen in ${String(data.year)}`;

  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Headline id="stv-requests" title={t`Aanvragen`} value={f.number(total?.requests ?? 0)} />
        <Headline id="stv-answered" title={t`Beantwoord`} value={f.percent(data.answeredRate)} note={t`${f.number(total?.answered ?? 0)} van ${f.number(total?.requests ?? 0)} aanvragen`} />
        <Headline id="stv-unavailable" title={t`Geen tolk of taal beschikbaar`} value={f.number(total?.interpreterOrLanguageUnavailable ?? 0)} />
      </SimpleGrid>
      <BarChart
        title={t`Aanvragen per kanaal`}
        headingLevel={2}
        mode="stacked"
        orientation="horizontal"
        series={series}
        categories={byChannel}
        categoryAxisLabel={t`Kanaal`}
        valueAxisLabel={t`Aanvragen`}
        format={f.number}
        totalLabel={t`Aanvragen`}
      />
      <BarChart
        title={t`Aanvragen per maand`}
        headingLevel={2}
        mode="stacked"
        series={series}
        categories={byMonth}
        categoryAxisLabel={t`Maand`}
        valueAxisLabel={t`Aanvragen`}
        format={f.number}
        totalLabel={t`Aanvragen`}
      />
      <BarChart
        title={t`Aanvragen per maand en kanaal`}
        headingLevel={2}
        mode="stacked"
        series={channels.map((c) => ({ key: c, label: channelLabel(i18n, c) }))}
        categories={byMonthAndChannel}
        categoryAxisLabel={t`Maand`}
        valueAxisLabel={t`Aanvragen`}
        format={f.number}
        totalLabel={t`Aanvragen`}
      />
      <LineChart
        title={t`Aandeel beantwoorde aanvragen per maand`}
        headingLevel={2}
        series={[{ key: 'answered', label: t`Beantwoord` }]}
        categories={answered}
        categoryAxisLabel={t`Maand`}
        valueAxisLabel={t`Beantwoord`}
        format={f.percentAxis}
        maxValue={1}
      />
      <BarChart
        title={t`Knelpunttalen: niet beantwoord bij gebrek aan een tolk`}
        description={t`De ${TOP_BOTTLENECKS} talen met de meeste aanvragen zonder beschikbare tolk of taal.`}
        headingLevel={2}
        orientation="horizontal"
        series={[{ key: 'unavailable', label: t`Geen tolk of taal beschikbaar` }]}
        categories={bottlenecks}
        categoryAxisLabel={t`Taal`}
        valueAxisLabel={t`Aanvragen`}
        format={f.number}
      />
      <SectionCard id="bottleneck-table-title" title={t`Knelpunttalen`}>
        {data.bottleneckLanguages.length === 0 ? (
          <Text>{t`Geen aanvragen zonder tolk dit jaar.`}</Text>
        ) : (
          <ScrollTable label={tableLabel} minWidth={900}>
            <caption>
              <VisuallyHidden>{tableLabel}</VisuallyHidden>
            </caption>
            <ColumnHeads labels={[t`Taal`, t`Aanvragen`, t`Niet beantwoord`, t`Geen tolk of taal`, t`Aandeel zonder tolk`, t`Actieve tolken`, t`Zonder tolk per tolk`]} />
            <Table.Tbody>
              {data.bottleneckLanguages.map((b) => (
                <Table.Tr key={b.language}>
                  <Table.Th scope="row" fw={500}>
                    {languageName(b.language)}
                  </Table.Th>
                  <Table.Td className="kp-num">{f.number(b.requests)}</Table.Td>
                  <Table.Td className="kp-num">{f.number(b.notAnswered)}</Table.Td>
                  <Table.Td className="kp-num">{f.number(b.unavailable)}</Table.Td>
                  <Table.Td className="kp-num">{f.percent(b.unavailableShare)}</Table.Td>
                  <Table.Td className="kp-num">{f.number(b.interpreters.total ?? 0)}</Table.Td>
                  <Table.Td className="kp-num">{b.unavailablePerInterpreter === null ? t`geen tolk` : f.decimal(b.unavailablePerInterpreter)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
      </SectionCard>
      <ComputedNote database={data.database} />
    </>
  );
}

function Headline({ id, title, value, note }: { id: string; title: string; value: string; note?: string }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={`${id}-title`}>
      <Title order={2} size="h4" id={`${id}-title`}>
        {title}
      </Title>
      <Text fz={36} fw={700} lh={1} mt="xs">
        {value}
      </Text>
      {note && (
        <Text size="sm" mt="xs">
          {note}
        </Text>
      )}
    </Paper>
  );
}
