/** Pure helpers of the charts: scales, ticks, the series' looks. */

/** "Nice" axis ticks from 0 to at least `max` (1, 2 or 5 times a power of ten), about `count` of them. */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const top = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return ticks;
}

/** Only every k-th label fits: the k for `n` labels of about `labelWidth` pixels in `space` pixels. */
export function labelStep(n: number, labelWidth: number, space: number): number {
  if (n <= 0) return 1;
  return Math.max(1, Math.ceil((n * labelWidth) / Math.max(space, 1)));
}

/** Rough width of a text in pixels at a font size (no measuring in the DOM: stable in tests and print). */
export const textWidth = (text: string, fontSize = 12) => text.length * fontSize * 0.58;

/**
 * The series' fills: colours that hold 3:1 against white, each with its own hatching so colour is
 * never the only way to tell two series apart (and a grey print still does).
 */
export const SERIES_COLOURS = ['#1c5fa8', '#b45309', '#2f7d4f', '#7b3fa0', '#4b5563', '#b42318'];
export type Hatch = 'solid' | 'diagonal' | 'dots' | 'horizontal' | 'cross' | 'vertical';
export const SERIES_HATCHES: Hatch[] = ['solid', 'diagonal', 'dots', 'horizontal', 'cross', 'vertical'];
/** Line charts: a marker shape and dash per series. */
export type Marker = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'star';
export const SERIES_MARKERS: Marker[] = ['circle', 'square', 'triangle', 'diamond', 'cross', 'star'];
export const SERIES_DASHES = ['', '6 3', '2 3', '10 3 2 3', '1 2', '8 4'];

export const seriesColour = (i: number) => SERIES_COLOURS[i % SERIES_COLOURS.length]!;
export const seriesHatch = (i: number) => SERIES_HATCHES[i % SERIES_HATCHES.length]!;
export const seriesMarker = (i: number) => SERIES_MARKERS[i % SERIES_MARKERS.length]!;
export const seriesDash = (i: number) => SERIES_DASHES[i % SERIES_DASHES.length]!;

/** An id usable in `url(#…)` from React's useId (which holds characters CSS would need escaped). */
export const svgId = (reactId: string) => `c${reactId.replace(/[^A-Za-z0-9_-]/g, '')}`;
