import { Button, Group, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useLingui } from '@lingui/react/macro';
import { useId, useState, type ReactNode } from 'react';
import { ScrollTable } from '../ScrollTable';
import { svgId } from './scale';
import './charts.css';

/** One series of a chart (a bar colour and hatching, a line). */
export interface ChartSeries {
  key: string;
  label: string;
}

/** One category on the category axis (a month, a region, a language) with a value per series. */
export interface ChartCategory {
  key: string;
  label: string;
  /** One value per series, in the series' order. */
  values: number[];
}

/** A target drawn as a dashed line (e.g. fewer than 1,000 waiting over six months). */
export interface ChartTarget {
  value: number;
  label: string;
}

interface ChartFrameProps {
  title: string;
  /** The level of the chart's heading (the page's sections are 2). */
  headingLevel?: 2 | 3 | 4;
  description?: ReactNode;
  /** The accessible name of the drawing: what the chart shows, in words. */
  summary: string;
  legend?: ReactNode;
  height: number;
  /** Draws the chart's content for the measured width (SVG elements). */
  draw: (width: number, id: string) => ReactNode;
  /** The same data as a table: shown with "Tabel tonen", and always in print. */
  table: ReactNode;
}

/**
 * The frame of every chart: a section named by its visible title, the drawing as one image with a
 * summary (role="img"), a legend in words, and a "Tabel tonen" toggle that shows the same data as a
 * real table. The drawing is sized to its container; in print the table is always there and the
 * chart is not split over two pages (charts.css).
 */
export function ChartFrame({ title, headingLevel = 3, description, summary, legend, height, draw, table }: ChartFrameProps) {
  const { t } = useLingui();
  const id = svgId(useId());
  const [showTable, setShowTable] = useState(false);
  const { ref, width } = useElementSize();
  const drawWidth = Math.max(Math.floor(width), 280);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${id}-title`} className="kp-chart">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
        <Title order={headingLevel} size="h4" id={`${id}-title`}>
          {title}
        </Title>
        <Button
          variant="default"
          size="compact-sm"
          className="kp-no-print"
          aria-expanded={showTable}
          aria-controls={`${id}-table`}
          onClick={() => setShowTable((shown) => !shown)}
        >
          {showTable ? t`Tabel verbergen` : t`Tabel tonen`}
        </Button>
      </Group>
      {description && (
        <Text size="sm" mb="xs">
          {description}
        </Text>
      )}
      {legend}
      <div ref={ref} className="kp-chart-canvas">
        <svg
          role="img"
          aria-label={summary}
          viewBox={`0 0 ${drawWidth} ${height}`}
          width="100%"
          preserveAspectRatio="xMinYMin meet"
          className="kp-chart-svg"
          style={{ maxHeight: height }}
        >
          {width > 0 && draw(drawWidth, id)}
        </svg>
      </div>
      <div id={`${id}-table`} className={showTable ? 'kp-chart-table' : 'kp-chart-table kp-chart-table-closed'}>
        {table}
      </div>
    </Paper>
  );
}

interface ChartTableProps {
  title: string;
  /** The header of the category column (Maand, Werkingsgebied, Taal …). */
  categoryHeader: string;
  series: ChartSeries[];
  categories: ChartCategory[];
  format: (value: number, seriesIndex: number) => string;
  /** A last column with each row's total (stacked bars). */
  totalLabel?: string;
  /** Extra columns after the series (e.g. participants beside courses). */
  extra?: Array<{ label: string; value: (categoryIndex: number) => string }>;
}

/** A chart's data as a table: one row per category, one column per series, numbers right-aligned. */
export function ChartTable({ title, categoryHeader, series, categories, format, totalLabel, extra = [] }: ChartTableProps) {
  const { t } = useLingui();
  const columns = series.length + (totalLabel ? 1 : 0) + extra.length + 1;
  return (
    <ScrollTable label={t`Tabel: ${title}`} minWidth={Math.min(200 + columns * 110, 900)} mt="sm" className="kp-figure-table">
      <caption>
        <VisuallyHidden>{t`Tabel: ${title}`}</VisuallyHidden>
      </caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{categoryHeader}</Table.Th>
          {series.map((s) => (
            <Table.Th key={s.key} scope="col" className="kp-num">
              {s.label}
            </Table.Th>
          ))}
          {totalLabel && (
            <Table.Th scope="col" className="kp-num">
              {totalLabel}
            </Table.Th>
          )}
          {extra.map((e) => (
            <Table.Th key={e.label} scope="col" className="kp-num">
              {e.label}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {categories.length === 0 && (
          <Table.Tr>
            <Table.Td colSpan={columns}>{t`Geen gegevens.`}</Table.Td>
          </Table.Tr>
        )}
        {categories.map((c, ci) => (
          <Table.Tr key={c.key}>
            <Table.Th scope="row" fw={500}>
              {c.label}
            </Table.Th>
            {c.values.map((v, i) => (
              <Table.Td key={series[i]?.key ?? i} className="kp-num">
                {format(v, i)}
              </Table.Td>
            ))}
            {totalLabel && <Table.Td className="kp-num">{format(c.values.reduce((a, b) => a + b, 0), 0)}</Table.Td>}
            {extra.map((e) => (
              <Table.Td key={e.label} className="kp-num">
                {e.value(ci)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
