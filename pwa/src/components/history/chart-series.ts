/** What Chart.tsx draws, as plain data: pure modules shape their series without importing the component. */

/** A series' colour, named after what it means rather than its hue: it follows the theme. `neutral` is the text's own ink. */
export type ChartTone = 'brand' | 'ok' | 'danger' | 'neutral';

export interface ChartSeries {
  label: string;
  tone: ChartTone;
  /** One value per label; null leaves a gap (a weekday without patients has no rate). */
  values: readonly (number | null)[];
  /** A dashed line: what was expected, beside the solid line of what happened. */
  dashed?: boolean;
  /** Drawn otherwise than the chart's type: a line over stacked bars (the MRR over its movements). */
  type?: 'line' | 'bar';
  /** The tone see-through: a second series of the same meaning beside the first (a rise beside a new clinic). */
  faded?: boolean;
}

/** A range per label (low, high), drawn as a pale bar behind the series: what a forecast's range allowed. */
export interface ChartBand {
  label: string;
  tone: ChartTone;
  /** One per label; null leaves a gap. */
  ranges: readonly (readonly [low: number, high: number] | null)[];
}
