import { useLingui } from '@lingui/react/macro';
import { chartSummary } from './BarChart';
import { ChartFrame, ChartTable, type ChartCategory, type ChartSeries, type ChartTarget } from './ChartFrame';
import { labelStep, niceTicks, seriesColour, seriesDash, textWidth } from './scale';
import { ChartLegend, LineSwatch, MarkerShape } from './Swatches';

export interface LineChartProps {
  title: string;
  headingLevel?: 2 | 3 | 4;
  description?: string;
  series: ChartSeries[];
  /** The periods along the bottom, oldest first, each with a value per series (NaN: no value). */
  categories: ChartCategory[];
  categoryAxisLabel: string;
  valueAxisLabel: string;
  format: (value: number) => string;
  maxValue?: number;
  target?: ChartTarget;
  height?: number;
}

/**
 * A line chart in SVG: one line per series, each with its own dash and marker shape (named in the
 * legend, so colour is not the only clue), an optional dashed target line, axis titles.
 */
export function LineChart(props: LineChartProps) {
  const { t, i18n } = useLingui();
  const { title, series, categories, format, target, categoryAxisLabel, valueAxisLabel } = props;
  const height = props.height ?? 300;
  const values = categories.flatMap((c) => c.values.filter((v) => Number.isFinite(v)));
  const dataMax = Math.max(0, ...values);
  const targetInScale =
    target !== undefined && (props.maxValue !== undefined ? target.value <= props.maxValue : dataMax === 0 ? target.value <= 10_000 : target.value <= dataMax * 3);
  const ticks = niceTicks(props.maxValue ?? Math.max(dataMax, targetInScale && target ? target.value : 0));
  const top = ticks.at(-1) ?? 1;
  const summary = chartSummary(i18n, { kind: t`Lijndiagram`, title, series, categories, format, target });

  const legend = <ChartLegend series={series} target={target} targetInScale={targetInScale} Swatch={LineSwatch} />;

  const draw = (width: number) => {
    const fontSize = 12;
    const valueLabelWidth = Math.max(...ticks.map((v) => textWidth(format(v), fontSize)), 20);
    // Room for the first and last period's name, centred under their points.
    const edge = Math.max(textWidth(categories.at(-1)?.label ?? '', fontSize), textWidth(categories[0]?.label ?? '', fontSize)) / 2 + 4;
    const margin = { top: 16, right: Math.max(16, edge), bottom: 48, left: Math.max(valueLabelWidth + 30, edge) };
    const plotW = Math.max(width - margin.left - margin.right, 40);
    const plotH = Math.max(height - margin.top - margin.bottom, 40);
    const n = categories.length;
    const x = (i: number) => (n <= 1 ? plotW / 2 : (i / (n - 1)) * plotW);
    const y = (v: number) => plotH - (top > 0 ? (Math.min(v, top) / top) * plotH : 0);
    const longest = Math.max(0, ...categories.map((c) => textWidth(c.label, fontSize)));
    const step = labelStep(n, longest + 10, plotW);
    const markers = n <= 60;
    return (
      <g transform={`translate(${margin.left},${margin.top})`}>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={0} x2={plotW} y1={y(v)} y2={y(v)} stroke="#d1d5db" />
            <text x={-6} y={y(v) + 4} textAnchor="end" fontSize={fontSize}>
              {format(v)}
            </text>
          </g>
        ))}
        <line x1={0} x2={plotW} y1={plotH} y2={plotH} stroke="#1f2937" />
        {categories.map((c, i) => {
          // Every step-th period is named, and the last one when there is room after the one before.
          const lastNamed = n - 1 - ((n - 1) % step);
          const named = i % step === 0 || (i === n - 1 && n - 1 - lastNamed >= Math.ceil(step * 0.7));
          return named ? (
            <g key={c.key}>
              <line x1={x(i)} x2={x(i)} y1={plotH} y2={plotH + 4} stroke="#1f2937" />
              <text x={x(i)} y={plotH + 17} textAnchor="middle" fontSize={fontSize}>
                {c.label}
              </text>
            </g>
          ) : null;
        })}
        {target && targetInScale && (
          <g>
            <line x1={0} x2={plotW} y1={y(target.value)} y2={y(target.value)} stroke="#b42318" strokeWidth={2} strokeDasharray="5 3" />
            <text x={plotW - 4} y={y(target.value) - 5} textAnchor="end" fontSize={11} fontWeight={600}>
              {target.label}
            </text>
          </g>
        )}
        {series.map((s, si) => {
          const points = categories.map((c, i) => ({ i, v: c.values[si] ?? NaN, label: c.label })).filter((p) => Number.isFinite(p.v));
          const d = points.map((p, k) => `${k === 0 ? 'M' : 'L'}${x(p.i).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ');
          return (
            <g key={s.key}>
              <path d={d} fill="none" stroke={seriesColour(si)} strokeWidth={2.5} strokeDasharray={seriesDash(si)} strokeLinejoin="round" />
              {markers &&
                points.map((p) => <MarkerShape key={p.i} x={x(p.i)} y={y(p.v)} index={si} size={3.5} title={`${p.label}, ${s.label}: ${format(p.v)}`} />)}
            </g>
          );
        })}
        <text x={plotW / 2} y={plotH + 40} textAnchor="middle" fontSize={fontSize} fontWeight={600}>
          {categoryAxisLabel}
        </text>
        <text transform={`translate(${-margin.left + 12},${plotH / 2}) rotate(-90)`} textAnchor="middle" fontSize={fontSize} fontWeight={600}>
          {valueAxisLabel}
        </text>
      </g>
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
          format={(v) => (Number.isFinite(v) ? format(v) : '–')}
        />
      }
    />
  );
}
