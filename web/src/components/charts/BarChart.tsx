import type { I18n } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { ChartFrame, ChartTable, type ChartCategory, type ChartSeries, type ChartTarget } from './ChartFrame';
import { labelStep, niceTicks, textWidth } from './scale';
import { BarSwatch, ChartLegend, SeriesPattern } from './Swatches';

export interface BarChartProps {
  title: string;
  headingLevel?: 2 | 3 | 4;
  description?: string;
  series: ChartSeries[];
  categories: ChartCategory[];
  /** grouped: bars side by side; stacked: one bar per category, the series on top of each other. */
  mode?: 'grouped' | 'stacked';
  /** vertical: categories along the bottom (months); horizontal: categories down the side (languages). */
  orientation?: 'vertical' | 'horizontal';
  /** The axis titles: the categories' and the values'. */
  categoryAxisLabel: string;
  valueAxisLabel: string;
  format: (value: number) => string;
  /** The top of the value axis (e.g. 1 for shares); otherwise from the data. */
  maxValue?: number;
  target?: ChartTarget;
  /** The table's last column with each category's total (stacked bars). */
  totalLabel?: string;
  height?: number;
}

/**
 * A bar chart in SVG: grouped or stacked, vertical or horizontal, each series with its own colour
 * and hatching and a legend in words; values written on the bars where they fit; an optional
 * dashed target line. The frame adds the title, the summary and the table.
 */
export function BarChart(props: BarChartProps) {
  const { t, i18n } = useLingui();
  const { title, series, categories, mode = 'grouped', orientation = 'vertical', format, target, categoryAxisLabel, valueAxisLabel } = props;
  const stacked = mode === 'stacked';
  const extent = (c: ChartCategory) => (stacked ? c.values.reduce((a, b) => a + b, 0) : Math.max(0, ...c.values));
  const dataMax = Math.max(0, ...categories.map(extent));
  // A target far above the data (1,000 against a dozen) would flatten the bars: it is then named, not drawn.
  const targetInScale =
    target !== undefined && (props.maxValue !== undefined ? target.value <= props.maxValue : dataMax === 0 ? target.value <= 10_000 : target.value <= dataMax * 3);
  const ticks = niceTicks(props.maxValue ?? Math.max(dataMax, targetInScale && target ? target.value : 0));
  const top = ticks.at(-1) ?? 1;
  const horizontal = orientation === 'horizontal';
  // Long category names may be turned under vertical bars: room for them below the plot.
  const longestName = Math.max(0, ...categories.map((c) => textWidth(c.label)));
  const height = props.height ?? (horizontal ? Math.max(120, categories.length * (stacked ? 26 : 14 + 14 * series.length) + 70) : 300 + Math.max(0, Math.round(longestName * 0.57 - 20)));

  const summary = chartSummary(i18n, {
    kind: stacked ? t`Gestapeld staafdiagram` : t`Staafdiagram`,
    title,
    series,
    categories,
    format,
    target,
  });

  const legend = <ChartLegend series={series} target={target} targetInScale={targetInScale} Swatch={BarSwatch} />;

  const draw = (width: number, id: string) => {
    const fontSize = 12;
    const longestCategory = Math.max(0, ...categories.map((c) => textWidth(c.label, fontSize)));
    const valueLabelWidth = Math.max(...ticks.map((v) => textWidth(format(v), fontSize)), 20);
    // Vertical bars: up to 16 categories are all named, turned when they do not fit; more are named every so many.
    const firstName = textWidth(categories[0]?.label ?? '', fontSize);
    const slot = (width - valueLabelWidth - 42) / Math.max(categories.length, 1);
    // A turned first name reaches left of its bar: the margin makes room for it.
    const left = Math.max(valueLabelWidth + 30, firstName * 0.82 - slot / 2 + 8);
    const rotate = !horizontal && categories.length <= 16 && longestCategory + 6 > slot;
    const margin = horizontal
      ? { top: 10, right: 48, bottom: 44, left: Math.min(longestCategory + 12, width * 0.4) + 8 }
      : { top: 18, right: 12, bottom: rotate ? Math.min(longestCategory * 0.6 + 40, 120) : 52, left };
    const plotW = Math.max(width - margin.left - margin.right, 40);
    const plotH = Math.max(height - margin.top - margin.bottom, 40);
    const valueLength = horizontal ? plotW : plotH;
    const scale = (v: number) => (top > 0 ? (Math.min(v, top) / top) * valueLength : 0);
    const band = (horizontal ? plotH : plotW) / Math.max(categories.length, 1);
    const groupPad = band * 0.2;
    const barBand = band - groupPad;
    const barWidth = stacked ? barBand : barBand / Math.max(series.length, 1);
    const step = horizontal || rotate ? 1 : labelStep(categories.length, longestCategory + 8, plotW);
    const valueTextFits = (barThickness: number) => barThickness >= 14;

    return (
      <>
        <defs>
          {series.map((s, i) => (
            <SeriesPattern key={s.key} id={`${id}-p${i}`} index={i} />
          ))}
        </defs>
        <g transform={`translate(${margin.left},${margin.top})`}>
          {/* value axis: grid lines and ticks */}
          {ticks.map((v) => {
            const pos = scale(v);
            return horizontal ? (
              <g key={v}>
                <line x1={pos} x2={pos} y1={0} y2={plotH} stroke="#d1d5db" />
                <text x={pos} y={plotH + 16} textAnchor="middle" fontSize={fontSize}>
                  {format(v)}
                </text>
              </g>
            ) : (
              <g key={v}>
                <line x1={0} x2={plotW} y1={plotH - pos} y2={plotH - pos} stroke="#d1d5db" />
                <text x={-6} y={plotH - pos + 4} textAnchor="end" fontSize={fontSize}>
                  {format(v)}
                </text>
              </g>
            );
          })}
          {/* bars */}
          {categories.map((c, ci) => {
            const start = ci * band + groupPad / 2;
            let offset = 0;
            const total = c.values.reduce((a, b) => a + b, 0);
            return (
              <g key={c.key}>
                {c.values.map((v, si) => {
                  const length = scale(v);
                  const across = stacked ? start : start + si * barWidth;
                  const along = stacked ? offset : 0;
                  if (stacked) offset += length;
                  const label = `${c.label}, ${series[si]?.label ?? ''}: ${format(v)}`;
                  const rect = horizontal
                    ? { x: along, y: across, width: length, height: barWidth - 1 }
                    : { x: across, y: plotH - along - length, width: barWidth - 1, height: length };
                  return (
                    <g key={series[si]?.key ?? si}>
                      <rect {...rect} fill={`url(#${id}-p${si})`} stroke="#1f2937" strokeWidth={v > 0 ? 0.5 : 0}>
                        <title>{label}</title>
                      </rect>
                      {!stacked && valueTextFits(barWidth) && (
                        <text
                          x={horizontal ? length + 4 : across + (barWidth - 1) / 2}
                          y={horizontal ? across + barWidth / 2 + 4 : plotH - length - 4}
                          textAnchor={horizontal ? 'start' : 'middle'}
                          fontSize={11}
                        >
                          {format(v)}
                        </text>
                      )}
                    </g>
                  );
                })}
                {stacked && valueTextFits(barWidth) && (
                  <text
                    x={horizontal ? scale(total) + 4 : start + barWidth / 2}
                    y={horizontal ? start + barWidth / 2 + 4 : plotH - scale(total) - 4}
                    textAnchor={horizontal ? 'start' : 'middle'}
                    fontSize={11}
                    fontWeight={600}
                  >
                    {format(total)}
                  </text>
                )}
                {/* category label */}
                {horizontal ? (
                  <text x={-8} y={start + barBand / 2 + 4} textAnchor="end" fontSize={fontSize}>
                    {c.label}
                  </text>
                ) : (
                  ci % step === 0 &&
                  (rotate ? (
                    <text transform={`translate(${start + barBand / 2},${plotH + 12}) rotate(-35)`} textAnchor="end" fontSize={fontSize}>
                      {c.label}
                    </text>
                  ) : (
                    <text x={start + barBand / 2} y={plotH + 16} textAnchor="middle" fontSize={fontSize}>
                      {c.label}
                    </text>
                  ))
                )}
              </g>
            );
          })}
          {/* axes */}
          {horizontal ? (
            <line x1={0} x2={0} y1={0} y2={plotH} stroke="#1f2937" />
          ) : (
            <line x1={0} x2={plotW} y1={plotH} y2={plotH} stroke="#1f2937" />
          )}
          {target && targetInScale && (
            <g>
              {horizontal ? (
                <line x1={scale(target.value)} x2={scale(target.value)} y1={-4} y2={plotH} stroke="#b42318" strokeWidth={2} strokeDasharray="5 3" />
              ) : (
                <line x1={0} x2={plotW} y1={plotH - scale(target.value)} y2={plotH - scale(target.value)} stroke="#b42318" strokeWidth={2} strokeDasharray="5 3" />
              )}
              <text
                x={horizontal ? scale(target.value) - 4 : plotW - 4}
                y={horizontal ? plotH - 4 : plotH - scale(target.value) - 5}
                textAnchor="end"
                fontSize={11}
                fontWeight={600}
              >
                {target.label}
              </text>
            </g>
          )}
          {/* axis titles */}
          <text x={plotW / 2} y={plotH + (horizontal ? 36 : margin.bottom - 8)} textAnchor="middle" fontSize={fontSize} fontWeight={600}>
            {horizontal ? valueAxisLabel : categoryAxisLabel}
          </text>
          {horizontal ? null : (
            <text transform={`translate(${-margin.left + 12},${plotH / 2}) rotate(-90)`} textAnchor="middle" fontSize={fontSize} fontWeight={600}>
              {valueAxisLabel}
            </text>
          )}
        </g>
      </>
    );
  };

  return (
    <ChartFrame
      title={title}
      {...(props.headingLevel ? { headingLevel: props.headingLevel } : {})}
      description={props.description}
      summary={summary}
      legend={legend}
      height={height}
      draw={draw}
      table={
        <ChartTable
          title={title}
          categoryHeader={categoryAxisLabel}
          series={series}
          categories={categories}
          format={(v) => format(v)}
          {...(props.totalLabel ? { totalLabel: props.totalLabel } : {})}
        />
      }
    />
  );
}


/**
 * The words a screen reader hears for a chart: its kind and title, how many categories, each
 * series' highest value and total, the target. The table says the rest.
 */
export function chartSummary(
  i18n: I18n,
  options: { kind: string; title: string; series: ChartSeries[]; categories: ChartCategory[]; format: (v: number) => string; target?: ChartTarget | undefined; totals?: boolean },
): string {
  const { kind, title, series, categories, format, target } = options;
  if (categories.length === 0) return i18n._(msg`${kind}: ${title}. Geen gegevens.`);
  const parts = [i18n._(msg`${kind}: ${title}.`), i18n._(msg`${categories.length} waarden op de as.`)];
  series.slice(0, 4).forEach((s, i) => {
    let best = categories[0]!;
    for (const c of categories) if ((c.values[i] ?? 0) > (best.values[i] ?? 0)) best = c;
    const high = format(best.values[i] ?? 0);
    const where = best.label;
    parts.push(series.length > 1 ? i18n._(msg`${s.label}: hoogste ${high} (${where}).`) : i18n._(msg`Hoogste: ${high} (${where}).`));
  });
  if (target) parts.push(`${target.label}.`);
  parts.push(i18n._(msg`De tabel toont alle waarden.`));
  return parts.join(' ');
}
