import { useLingui } from '@lingui/react/macro';
import type { KeyboardEvent } from 'react';
import './charts.css';

/**
 * The operating regions of AgII drawn by hand: simplified outlines of the five Flemish provinces
 * and Brussels (a few dozen points of longitude and latitude each, sharing their borders), in a
 * plain equirectangular projection. Recognisable, not a survey map.
 */
type LonLat = readonly [number, number];

const P = {
  dePanne: [2.54, 51.09],
  ostend: [2.9, 51.23],
  knokke: [3.37, 51.37],
  wvOvNorth: [3.46, 51.24],
  wvOvMid: [3.4, 51.06],
  wvOvSouth: [3.47, 50.9],
  spiere: [3.37, 50.73],
  menen: [3.1, 50.78],
  comines: [2.93, 50.76],
  heuvelland: [2.78, 50.75],
  poperinge: [2.62, 50.83],
  veurne: [2.6, 50.96],
  eeklo: [3.65, 51.21],
  assenede: [3.9, 51.22],
  moerbeke: [4.05, 51.26],
  doel: [4.24, 51.37],
  antwerpLeft: [4.32, 51.23],
  temse: [4.22, 51.11],
  dendermonde: [4.15, 51.03],
  liedekerke: [4.08, 50.93],
  ninove: [4.05, 50.8],
  geraardsbergen: [3.93, 50.71],
  ronse: [3.65, 50.73],
  kalmthout: [4.4, 51.45],
  hoogstraten: [4.75, 51.49],
  baarle: [4.93, 51.43],
  arendonk: [5.1, 51.43],
  mol: [5.24, 51.28],
  beringen: [5.2, 51.12],
  diest: [5.06, 51.02],
  aarschot: [4.8, 50.99],
  mechelen: [4.5, 51.0],
  puurs: [4.3, 51.05],
  lommel: [5.5, 51.29],
  maaseik: [5.83, 51.16],
  maasmechelen: [5.76, 50.95],
  riemst: [5.69, 50.76],
  tongeren: [5.4, 50.72],
  landen: [5.1, 50.73],
  zoutleeuw: [5.03, 50.88],
  tienen: [4.8, 50.75],
  overijse: [4.5, 50.69],
  halle: [4.2, 50.7],
} as const satisfies Record<string, LonLat>;

const OUTLINES: Record<string, LonLat[]> = {
  WV: [P.dePanne, P.ostend, P.knokke, P.wvOvNorth, P.wvOvMid, P.wvOvSouth, P.spiere, P.menen, P.comines, P.heuvelland, P.poperinge, P.veurne],
  OV: [P.wvOvNorth, P.eeklo, P.assenede, P.moerbeke, P.doel, P.antwerpLeft, P.temse, P.dendermonde, P.liedekerke, P.ninove, P.geraardsbergen, P.ronse, P.spiere, P.wvOvSouth, P.wvOvMid],
  PA: [P.doel, P.kalmthout, P.hoogstraten, P.baarle, P.arendonk, P.mol, P.beringen, P.diest, P.aarschot, P.mechelen, P.puurs, P.dendermonde, P.temse, P.antwerpLeft],
  LI: [P.mol, P.lommel, P.maaseik, P.maasmechelen, P.riemst, P.tongeren, P.landen, P.zoutleeuw, P.diest, P.beringen],
  VB: [P.dendermonde, P.puurs, P.mechelen, P.aarschot, P.diest, P.zoutleeuw, P.landen, P.tienen, P.overijse, P.halle, P.geraardsbergen, P.ninove, P.liedekerke],
  BR: [
    [4.25, 50.82],
    [4.29, 50.88],
    [4.37, 50.91],
    [4.44, 50.89],
    [4.48, 50.83],
    [4.43, 50.79],
    [4.36, 50.77],
    [4.29, 50.79],
  ],
};

/** Where each region's name and figure go. */
const LABELS: Record<string, LonLat> = {
  WV: [3.02, 51.0],
  OV: [3.78, 50.98],
  PA: [4.78, 51.24],
  LI: [5.43, 51.0],
  VB: [4.8, 50.86],
  BR: [4.365, 50.845],
};

const SCALE = 2.6;
const WIDTH = 560;
const HEIGHT = 236;
const project = ([lon, lat]: LonLat): [number, number] => [(lon - 2.48) * 63 * SCALE, (51.53 - lat) * 100 * SCALE];
const pathOf = (points: readonly LonLat[]) =>
  points
    .map((p, i) => {
      const [x, y] = project(p);
      return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ') + ' Z';

/** Five classes of a sequential blue, light to dark; names on the two darkest are white. */
const CLASS_FILLS = ['#e3edf8', '#b5cfec', '#7ea9db', '#2f63ab', '#16396b'];
const LIGHT_TEXT_FROM = 3;

/**
 * The upper bound of each colour class: five equal steps from the smallest to the largest value
 * (fewer when the values are few apart), so the differences between regions show.
 */
export function classBounds(min: number, max: number): number[] {
  if (max <= min) return [max];
  const bounds: number[] = [];
  for (let k = 1; k <= 5; k++) {
    const bound = Math.ceil(min + ((max - min) * k) / 5);
    if (bound !== bounds.at(-1)) bounds.push(bound);
  }
  return bounds;
}

const classOf = (value: number, bounds: number[]) => {
  const index = bounds.findIndex((b) => value <= b);
  const k = index === -1 ? bounds.length - 1 : index;
  // Spread few classes over the whole ramp, so 2 classes are light and dark, not the two lightest.
  return bounds.length <= 1 ? 0 : Math.round((k * (CLASS_FILLS.length - 1)) / (bounds.length - 1));
};

export interface RegionMapProps {
  /** The map's accessible name (what the colours show). */
  label: string;
  regions: readonly string[];
  value: (region: string) => number;
  regionName: (region: string) => string;
  format: (value: number) => string;
  /** What a value counts, for each region's name ("58 eerste contracten"). */
  figureLabel: string;
  selected: string | null;
  onSelect: (region: string) => void;
}

/**
 * The regional map: each region a keyboard-focusable shape (a toggle button) named with its
 * figure, coloured by value in five classes with a legend, its short name and figure written on it.
 */
export function RegionMap({ label, regions, value, regionName, format, figureLabel, selected, onSelect }: RegionMapProps) {
  const { t } = useLingui();
  const values = regions.map(value);
  const lowest = Math.min(...values);
  const bounds = classBounds(lowest, Math.max(...values));
  const onKey = (region: string) => (e: KeyboardEvent<SVGPathElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(region);
    }
  };
  // Flemish Brabant has Brussels as a hole, so the regions keep the published order (and tab order).
  const order = regions;
  return (
    <div className="kp-map">
      <svg viewBox={`-6 -6 ${WIDTH + 12} ${HEIGHT + 12}`} width="100%" role="group" aria-label={label} style={{ maxWidth: 760, display: 'block' }}>
        {order.map((region) => {
          const outline = OUTLINES[region];
          if (!outline) return null;
          const v = value(region);
          const cls = classOf(v, bounds);
          const name = regionName(region);
          return (
            <path
              key={region}
              d={region === 'VB' && OUTLINES.BR ? `${pathOf(outline)} ${pathOf(OUTLINES.BR)}` : pathOf(outline)}
              fillRule="evenodd"
              fill={CLASS_FILLS[cls]}
              className="kp-map-region"
              role="button"
              tabIndex={0}
              aria-pressed={selected === region}
              aria-label={t`${name}: ${format(v)} ${figureLabel}`}
              onClick={() => onSelect(region)}
              onKeyDown={onKey(region)}
            >
              <title>{`${name}: ${format(v)}`}</title>
            </path>
          );
        })}
        {order.map((region) => {
          const at = LABELS[region];
          if (!at) return null;
          const [x, y] = project(at);
          const light = classOf(value(region), bounds) >= LIGHT_TEXT_FROM;
          const small = region === 'BR';
          return (
            <g key={region} aria-hidden="true">
              <text x={x} y={y - (small ? 2 : 4)} textAnchor="middle" fontSize={small ? 9 : 12} className={`kp-map-label${light ? ' kp-map-label-light' : ''}`}>
                {small ? region : regionName(region)}
              </text>
              <text x={x} y={y + (small ? 9 : 11)} textAnchor="middle" fontSize={small ? 10 : 13} className={`kp-map-label${light ? ' kp-map-label-light' : ''}`}>
                {format(value(region))}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="kp-legend" aria-label={t`Legende: ${figureLabel}`} style={{ marginTop: '0.5rem' }}>
        {bounds.map((upper, k) => {
          const lower = k === 0 ? lowest : (bounds[k - 1] ?? 0) + 1;
          const fill = CLASS_FILLS[classOf(upper, bounds)];
          return (
            <li key={upper}>
              <svg width={16} height={16} aria-hidden="true" focusable="false" className="kp-swatch">
                <rect width={16} height={16} fill={fill} stroke="#1f2937" strokeWidth={1} />
              </svg>
              {lower === upper ? format(upper) : t`${format(lower)} tot ${format(upper)}`}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
