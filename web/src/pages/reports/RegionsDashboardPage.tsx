import { Group, NativeSelect, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { REGIONS, useRegionsDashboard, type RegionFigures, type RegionsDashboard } from '../../api/reports';
import { RegionMap } from '../../components/charts/RegionMap';
import { Facts } from '../../components/Facts';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ScrollTable } from '../../components/ScrollTable';
import { SectionCard } from '../../components/SectionCard';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { regionLabel } from '../../labels';
import { REGION_FIGURES, regionFigureLabel, type RegionFigure } from '../../reportLabels';
import { ComputedNote, currentYear, Loading, useFigureFormat, YearSelect } from './shared';

/**
 * The regional dashboard: the year's key figures per operating region, on a map of Flanders and
 * Brussels (coloured by the chosen figure, each region a focusable shape) and as a table.
 */
export function RegionsDashboardPage() {
  const { t, i18n } = useLingui();
  useDocumentTitle(t`Dashboard werkingsgebieden`);
  const [year, setYear] = useState(currentYear());
  const [figure, setFigure] = useState<RegionFigure>('firstContracts');
  const [selected, setSelected] = useState<string | null>(null);
  const dashboard = useRegionsDashboard(year, i18n.locale);
  const data = dashboard.data;

  return (
    <Stack maw={1300}>
      <Title order={1}>{t`Dashboard werkingsgebieden`}</Title>
      <Text>{t`De kerncijfers van het jaar per werkingsgebied: aanmeldingen, contracten, MO, attesten, NT2 en tolkaanvragen.`}</Text>
      <Group align="flex-end" className="kp-no-print">
        <YearSelect value={year} onChange={(y) => setYear(y ?? currentYear())} />
        <NativeSelect
          label={t`Kaart kleuren volgens`}
          value={figure}
          onChange={(e) => setFigure(e.currentTarget.value as RegionFigure)}
          data={REGION_FIGURES.map((key) => ({ value: key, label: regionFigureLabel(i18n, key) }))}
          w={360}
        />
      </Group>
      <Loading busy={dashboard.isFetching} />
      <ProblemAlert error={dashboard.error} />
      {data && <RegionFiguresView data={data} figure={figure} selected={selected} onSelect={(r) => setSelected((s) => (s === r ? null : r))} />}
    </Stack>
  );
}

function RegionFiguresView({ data, figure, selected, onSelect }: { data: RegionsDashboard; figure: RegionFigure; selected: string | null; onSelect: (region: string) => void }) {
  const { t, i18n } = useLingui();
  const f = useFigureFormat();
  const regionName = (code: string) => (code === 'unknown' ? t`Onbekend` : regionLabel(i18n, code));
  const byRegion = new Map(data.regions.map((r) => [r.region, r]));
  const figureName = regionFigureLabel(i18n, figure);
  const chosen = selected ? byRegion.get(selected) : undefined;
  const tableLabel = t`Kerncijfers per werkingsgebied in ${String(data.year)}`;
  const totals = Object.fromEntries(REGION_FIGURES.map((key) => [key, data.regions.reduce((s, r) => s + r[key], 0)])) as Record<RegionFigure, number>;

  return (
    <>
      <Paper withBorder p="md" component="section" aria-labelledby="region-map-title" className="kp-map">
        <Title order={2} size="h3" id="region-map-title">
          {t`Kaart: ${figureName} in ${String(data.year)}`}
        </Title>
        <Text size="sm" mb="sm" className="kp-no-print">
          {t`Kies een werkingsgebied op de kaart (of met Tab en Enter) om al zijn cijfers te zien.`}
        </Text>
        <Group align="flex-start" wrap="wrap" gap="xl">
          <div style={{ flex: '1 1 480px', minWidth: 280 }}>
            <RegionMap
              label={t`Kaart van de werkingsgebieden: ${figureName}`}
              regions={REGIONS}
              value={(region) => byRegion.get(region)?.[figure] ?? 0}
              regionName={regionName}
              format={f.number}
              figureLabel={figureName.toLowerCase()}
              selected={selected}
              onSelect={onSelect}
            />
          </div>
          <div style={{ flex: '0 1 340px' }} aria-live="polite">
            {chosen ? (
              <section aria-labelledby="region-detail-title">
                <Title order={3} size="h4" id="region-detail-title" mb="xs">
                  {regionName(chosen.region)}
                </Title>
                <Facts rows={REGION_FIGURES.map((key) => [regionFigureLabel(i18n, key), f.number(chosen[key])])} />
              </section>
            ) : (
              <Text size="sm">{t`Geen werkingsgebied gekozen.`}</Text>
            )}
          </div>
        </Group>
      </Paper>

      <SectionCard id="region-table-title" title={t`Kerncijfers per werkingsgebied`}>
        <ScrollTable label={tableLabel} minWidth={1000} className="kp-report-table">
          <caption>
            <VisuallyHidden>{tableLabel}</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t`Werkingsgebied`}</Table.Th>
              {REGION_FIGURES.map((key) => (
                <Table.Th key={key} scope="col" className="kp-num" style={{ whiteSpace: 'normal' }}>
                  {regionFigureLabel(i18n, key)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.regions.map((r: RegionFigures) => (
              <Table.Tr key={r.region} aria-current={r.region === selected ? 'true' : undefined}>
                <Table.Th scope="row" fw={500}>
                  {regionName(r.region)}
                </Table.Th>
                {REGION_FIGURES.map((key) => (
                  <Table.Td key={key} className="kp-num">
                    {f.number(r[key])}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
            <Table.Tr className="kp-total-row">
              <Table.Th scope="row" className="kp-total">
                {t`Totaal`}
              </Table.Th>
              {REGION_FIGURES.map((key) => (
                <Table.Td key={key} className="kp-num kp-total">
                  {f.number(totals[key])}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tbody>
        </ScrollTable>
        <Text size="sm" mt="sm">
          {t`Lopende contracten op de laatste dag van het jaar (of vandaag). NT2 telt in Brussel niet mee (het Huis van het Nederlands).`}
        </Text>
      </SectionCard>
      <ComputedNote database={data.database} />
    </>
  );
}
