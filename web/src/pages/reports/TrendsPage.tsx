import { Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useEffect, useState, type FormEvent } from 'react';
import { useKpis, useKpiTrend } from '../../api/reports';
import { LineChart } from '../../components/charts/LineChart';
import { fieldError, ProblemAlert } from '../../components/ProblemAlert';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { grainLabel } from '../../reportLabels';
import { ComputedNote, currentMonth, FIRST_YEAR, Loading, monthsBefore, useFigureFormat } from './shared';

interface TrendChoice {
  kpi: string;
  grain: 'month' | 'year';
  from: string;
  to: string;
}

const isMonth = (v: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(v);

/** A key figure over months or years: the KPI, the grain and the range; a line with its target where there is one. */
export function TrendsPage() {
  const { t, i18n } = useLingui();
  useDocumentTitle(t`Trends`);
  const f = useFigureFormat();
  const kpis = useKpis(i18n.locale);
  const month = currentMonth();
  const [choice, setChoice] = useState<TrendChoice>({ kpi: '', grain: 'month', from: monthsBefore(month, 35), to: month });
  const firstKpi = kpis.data?.[0]?.id ?? '';
  useEffect(() => {
    if (!choice.kpi && firstKpi) setChoice((c) => ({ ...c, kpi: firstKpi }));
  }, [choice.kpi, firstKpi]);
  const trend = useKpiTrend(choice.kpi, choice.from, choice.to, choice.grain, i18n.locale);
  const kpi = kpis.data?.find((k) => k.id === choice.kpi);
  const data = trend.data;
  const rate = data?.unit === 'rate';
  const format = rate ? f.percentAxis : f.number;

  return (
    <Stack maw={1300}>
      <Title order={1}>{t`Trends`}</Title>
      <Text>{t`Een kerncijfer per maand of per jaar. Instroom telt per periode; standen (lopende contracten, wachtenden) op de laatste dag van elke periode.`}</Text>
      <Loading busy={kpis.isPending} />
      <ProblemAlert error={kpis.error} />
      {kpis.data && <TrendForm key={JSON.stringify(choice)} choice={choice} kpis={kpis.data} error={trend.error} onSubmit={setChoice} />}
      <Loading busy={trend.isFetching} />
      <ProblemAlert error={trend.error} handledFields={['query.from', 'query.to', 'query.grain']} />
      {data && kpi && (
        <>
          <LineChart
            title={`${data.title}${kpi.source ? ` (${kpi.source})` : ''}`}
            headingLevel={2}
            series={[{ key: data.id, label: data.title }]}
            categories={data.points.map((p) => ({ key: p.period, label: data.grain === 'month' ? f.month(p.period) : p.period, values: [p.value] }))}
            categoryAxisLabel={data.grain === 'month' ? t`Maand` : t`Jaar`}
            valueAxisLabel={rate ? t`Aandeel` : t`Aantal`}
            format={format}
            {...(rate ? { maxValue: 1 } : {})}
            {...(data.target !== null ? { target: { value: data.target, label: t`Doelstelling: minder dan ${f.number(data.target)}` } } : {})}
          />
          <ComputedNote database={data.database} />
        </>
      )}
    </Stack>
  );
}

function TrendForm({ choice, kpis, error, onSubmit }: { choice: TrendChoice; kpis: Array<{ id: string; title: string }>; error: unknown; onSubmit: (c: TrendChoice) => void }) {
  const { t, i18n } = useLingui();
  const [kpi, setKpi] = useState(choice.kpi);
  const [grain, setGrain] = useState(choice.grain);
  const [from, setFrom] = useState(choice.from);
  const [to, setTo] = useState(choice.to);
  const [problem, setProblem] = useState<{ from?: string; to?: string }>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: { from?: string; to?: string } = {};
    const format = t`Schrijf de maand als JJJJ-MM.`;
    if (!isMonth(from)) found.from = format;
    if (!isMonth(to)) found.to = format;
    if (!found.from && !found.to && to < from) found.to = t`De periode eindigt vóór ze begint.`;
    if (!found.from && from > currentMonth()) found.from = t`Dit ligt na vandaag: daar valt nog niets te tellen.`;
    if (!found.from && Number(from.slice(0, 4)) < FIRST_YEAR) found.from = t`Kies ${String(FIRST_YEAR)} of later.`;
    setProblem(found);
    if (!found.from && !found.to) onSubmit({ kpi, grain, from, to });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t`Kerncijfer en periode`} className="kp-no-print">
      <Group align="flex-end" wrap="wrap">
        <NativeSelect label={t`Kerncijfer`} value={kpi} onChange={(e) => setKpi(e.currentTarget.value)} data={kpis.map((k) => ({ value: k.id, label: k.title }))} w={380} />
        <NativeSelect
          label={t`Korrel`}
          value={grain}
          onChange={(e) => setGrain(e.currentTarget.value === 'year' ? 'year' : 'month')}
          data={['month', 'year'].map((g) => ({ value: g, label: grainLabel(i18n, g) }))}
          w={150}
        />
        <TextInput type="month" label={t`Van (maand)`} placeholder="2021-01" value={from} onChange={(e) => setFrom(e.currentTarget.value)} error={problem.from ?? fieldError(error, 'query.from')} w={190} />
        <TextInput type="month" label={t`Tot en met (maand)`} placeholder="2024-12" value={to} onChange={(e) => setTo(e.currentTarget.value)} error={problem.to ?? fieldError(error, 'query.to')} w={190} />
        <Button type="submit">{t`Tonen`}</Button>
      </Group>
    </form>
  );
}
