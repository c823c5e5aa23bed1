import { useLingui } from '@lingui/react/macro';
import { useId, type ComponentType } from 'react';
import type { ChartSeries, ChartTarget } from './ChartFrame';
import { seriesColour, seriesDash, seriesHatch, seriesMarker, svgId, type Hatch, type Marker } from './scale';

/** The fill pattern of series `index`: its colour with its own hatching (white lines, so grey prints tell them apart). */
export function SeriesPattern({ id, index }: { id: string; index: number }) {
  const colour = seriesColour(index);
  const hatch: Hatch = seriesHatch(index);
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width={8} height={8}>
      <rect width={8} height={8} fill={colour} />
      {hatch === 'diagonal' && <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#fff" strokeWidth={1.6} />}
      {hatch === 'dots' && <circle cx={4} cy={4} r={1.6} fill="#fff" />}
      {hatch === 'horizontal' && <path d="M0,4 h8" stroke="#fff" strokeWidth={1.6} />}
      {hatch === 'cross' && <path d="M0,0 l8,8 M8,0 l-8,8" stroke="#fff" strokeWidth={1.2} />}
      {hatch === 'vertical' && <path d="M4,0 v8" stroke="#fff" strokeWidth={1.6} />}
    </pattern>
  );
}

/** A marker of a line chart's point, centred on (x, y). */
export function MarkerShape({ x, y, index, size = 4, title }: { x: number; y: number; index: number; size?: number; title?: string }) {
  const colour = seriesColour(index);
  const shape: Marker = seriesMarker(index);
  const common = { fill: colour, stroke: '#fff', strokeWidth: 1 };
  const tip = title ? <title>{title}</title> : null;
  const s = size;
  switch (shape) {
    case 'square':
      return <rect x={x - s} y={y - s} width={2 * s} height={2 * s} {...common}>{tip}</rect>;
    case 'triangle':
      return <path d={`M${x},${y - s * 1.2} L${x + s * 1.2},${y + s} L${x - s * 1.2},${y + s} Z`} {...common}>{tip}</path>;
    case 'diamond':
      return <path d={`M${x},${y - s * 1.3} L${x + s * 1.3},${y} L${x},${y + s * 1.3} L${x - s * 1.3},${y} Z`} {...common}>{tip}</path>;
    case 'cross':
      return (
        <path d={`M${x - s},${y - s} L${x + s},${y + s} M${x + s},${y - s} L${x - s},${y + s}`} stroke={colour} strokeWidth={2.5} fill="none">
          {tip}
        </path>
      );
    case 'star':
      return <path d={`M${x},${y - s * 1.3} L${x + s * 0.4},${y - s * 0.4} L${x + s * 1.3},${y} L${x + s * 0.4},${y + s * 0.4} L${x},${y + s * 1.3} L${x - s * 0.4},${y + s * 0.4} L${x - s * 1.3},${y} L${x - s * 0.4},${y - s * 0.4} Z`} {...common}>{tip}</path>;
    default:
      return <circle cx={x} cy={y} r={s} {...common}>{tip}</circle>;
  }
}

/** The legend's swatch of a bar series: a small square with the series' pattern. */
export function BarSwatch({ index }: { index: number }) {
  const id = `${svgId(useId())}-swatch`;
  return (
    <svg width={16} height={16} aria-hidden="true" focusable="false" className="kp-swatch">
      <defs>
        <SeriesPattern id={id} index={index} />
      </defs>
      <rect width={16} height={16} fill={`url(#${id})`} stroke="#1f2937" strokeWidth={1} />
    </svg>
  );
}

/** The legend's swatch of a line series: its dash and marker. */
export function LineSwatch({ index }: { index: number }) {
  return (
    <svg width={28} height={16} aria-hidden="true" focusable="false" className="kp-swatch">
      <line x1={1} y1={8} x2={27} y2={8} stroke={seriesColour(index)} strokeWidth={2.5} strokeDasharray={seriesDash(index)} />
      <MarkerShape x={14} y={8} index={index} />
    </svg>
  );
}

/** A dashed target line's swatch. */
export function TargetSwatch() {
  return (
    <svg width={28} height={16} aria-hidden="true" focusable="false" className="kp-swatch">
      <line x1={1} y1={8} x2={27} y2={8} stroke="#b42318" strokeWidth={2} strokeDasharray="5 3" />
    </svg>
  );
}

/** The legend in words under a chart: each series with its swatch (when there is more than one) and the target line. */
export function ChartLegend({ series, target, targetInScale, Swatch }: { series: readonly ChartSeries[]; target: ChartTarget | undefined; targetInScale: boolean; Swatch: ComponentType<{ index: number }> }) {
  const { t } = useLingui();
  if (series.length <= 1 && !target) return null;
  return (
    <ul className="kp-legend" aria-label={t`Legende`}>
      {series.length > 1 &&
        series.map((s, i) => (
          <li key={s.key}>
            <Swatch index={i} />
            {s.label}
          </li>
        ))}
      {target && (
        <li>
          <TargetSwatch />
          {targetInScale ? target.label : t`${target.label} (buiten de schaal van de grafiek)`}
        </li>
      )}
    </ul>
  );
}
