import type { Chart as ChartJs } from 'chart.js';
import { createEffect, createSignal, onCleanup, Show, untrack, type JSX } from 'solid-js';
import { formatCount } from '../../i18n/figures';
import { locale, t } from '../../i18n/locale';
import { theme } from '../../theme';
import { translucent } from './chart-colours';
import type { ChartBand, ChartSeries } from './chart-series';
import { NOTE_FLAG_HEIGHT, type NoteMarker } from './note-markers';

export type { ChartBand, ChartSeries, ChartTone } from './chart-series';

export interface ChartProps {
  type: 'line' | 'bar';
  /** What the chart shows; the canvas is announced with it and pointed to the table beside it. */
  title: string;
  labels: readonly string[];
  series: readonly ChartSeries[];
  /** How the value axis and tooltips write a value; whole counts when omitted. */
  format?: (value: number) => string;
  /** A sparkline: the curve alone, without axes, legend or dots; its figures are said in words beside it. */
  compact?: boolean;
  /** A range behind the series, as pale floating bars. */
  band?: ChartBand;
  /** Notes on the chart's points: a dashed line and a numbered flag each (note-markers.ts). */
  notes?: readonly NoteMarker[];
  /** Bars stacked per label, rises above zero and falls below; a line series stays apart, on top. */
  stacked?: boolean;
}

type PulseChart = ChartJs<'line' | 'bar', (number | [number, number] | null)[], string>;
type ChartSetup = typeof import('./chart-setup');

let setup: Promise<ChartSetup> | undefined;

/** chart.js arrives with the first chart drawn, never with the app; a failed download may be tried again. */
function loadChartSetup(): Promise<ChartSetup> {
  setup ??= import('./chart-setup').catch((error: unknown) => {
    setup = undefined;
    throw error;
  });
  return setup;
}

/** The stylesheet's custom properties each colour comes from (styles.css, one light-dark() pair each). */
const PALETTE_PROPERTIES = { brand: '--brand', ok: '--ok', danger: '--danger', neutral: '--text', text: '--text-muted', grid: '--border', surface: '--surface' } as const;
type Palette = Record<keyof typeof PALETTE_PROPERTIES, string>;

/**
 * The theme's colours as a canvas can use them: a custom property reads back as written
 * (`light-dark(…)`), so each one is applied to the probe's `color` and read back resolved.
 */
function readPalette(probe: HTMLElement): Palette {
  const colour = (property: string): string => {
    probe.style.color = `var(${property})`;
    return getComputedStyle(probe).color;
  };
  return {
    brand: colour(PALETTE_PROPERTIES.brand),
    ok: colour(PALETTE_PROPERTIES.ok),
    danger: colour(PALETTE_PROPERTIES.danger),
    neutral: colour(PALETTE_PROPERTIES.neutral),
    text: colour(PALETTE_PROPERTIES.text),
    grid: colour(PALETTE_PROPERTIES.grid),
    surface: colour(PALETTE_PROPERTIES.surface),
  };
}

/** Past this many points a line shows no dots: 90 dots on a phone's width are a smudge. */
const DOTS_UP_TO = 31;

/** How much of its colour a band keeps: enough to see the range, little enough to read the lines over it. */
const BAND_ALPHA = 0.22;
/** How much of its colour a faded series keeps: told apart from its full-toned neighbour, still its kind. */
const FADED_ALPHA = 0.55;

const isRange = (value: unknown): value is [number, number] =>
  Array.isArray(value) && value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'number';

interface Drawing {
  type: ChartProps['type'];
  labels: readonly string[];
  series: readonly ChartSeries[];
  format: (value: number) => string;
  wholeNumbers: boolean;
  compact: boolean;
  band: ChartBand | undefined;
  notes: readonly NoteMarker[];
  stacked: boolean;
}

function draw(chart: PulseChart, drawing: Drawing, palette: Palette, setup: ChartSetup): void {
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const dots = drawing.labels.length <= DOTS_UP_TO && !drawing.compact ? 2.5 : 0;
  chart.data.labels = [...drawing.labels];
  chart.data.datasets = drawing.series.map((series) => {
    const type = series.type ?? drawing.type;
    const colour = series.faded === true ? translucent(palette[series.tone], FADED_ALPHA) : palette[series.tone];
    return {
      ...(series.type === undefined ? {} : { type }),
      label: series.label,
      data: [...series.values],
      borderColor: colour,
      backgroundColor: colour,
      borderWidth: type === 'line' ? 2 : 0,
      borderDash: series.dashed === true ? [6, 4] : [],
      borderRadius: 4,
      pointRadius: dots,
      pointHoverRadius: 4,
      // A line among stacked bars is a stack of its own, so that it is never added onto them.
      ...(drawing.stacked && type === 'line' ? { stack: 'line' } : {}),
      // Over the band, and a line over bars: chart.js draws the lowest order last.
      order: type === 'line' && drawing.type === 'bar' ? -1 : 0,
    };
  });
  const band = drawing.band;
  if (band !== undefined) {
    chart.data.datasets.push({
      type: 'bar',
      label: band.label,
      data: band.ranges.map((range) => (range === null ? null : [range[0], range[1]])),
      backgroundColor: translucent(palette[band.tone], BAND_ALPHA),
      borderWidth: 0,
      borderRadius: 4,
      order: 1,
    });
  }
  // Flags in the text's ink, their numbers in the card's colour: readable in either theme.
  setup.setNoteMarkers(chart, drawing.notes, { ink: palette.neutral, paper: palette.surface });
  chart.options = {
    responsive: true,
    maintainAspectRatio: false,
    // Room above the plot for the notes' flags.
    layout: { padding: { top: drawing.notes.length > 0 ? NOTE_FLAG_HEIGHT + 2 : 0 } },
    animation: reducedMotion ? false : { duration: 250 },
    interaction: { mode: 'index', intersect: false },
    plugins: {
      legend: {
        display: drawing.series.length + (drawing.band === undefined ? 0 : 1) > 1 && !drawing.compact,
        labels: { color: palette.text, boxWidth: 12, boxHeight: 12 },
      },
      tooltip: {
        callbacks: {
          label: (item) => {
            // A band's value is its range: both bounds, never only the top the bar reaches.
            const value = isRange(item.raw)
              ? `${drawing.format(item.raw[0])}–${drawing.format(item.raw[1])}`
              : item.parsed.y === null
                ? t().noFigure
                : drawing.format(item.parsed.y);
            return t().chartTooltip(item.dataset.label ?? '', value);
          },
        },
      },
    },
    scales: {
      // Bars, a band's too, sit inside their day rather than half off the chart's edges.
      x: { display: !drawing.compact, stacked: drawing.stacked, offset: drawing.type === 'bar' || drawing.band !== undefined, ticks: { color: palette.text, maxRotation: 0, autoSkipPadding: 6 }, grid: { display: false }, border: { color: palette.grid } },
      y: {
        display: !drawing.compact,
        stacked: drawing.stacked,
        beginAtZero: true,
        ticks: { color: palette.text, precision: drawing.wholeNumbers ? 0 : 2, callback: (value) => drawing.format(Number(value)) },
        grid: { color: palette.grid },
        border: { display: false },
      },
    },
  };
  chart.update();
}

/**
 * Pulse's one chart: chart.js, loaded on first use, on a canvas announced by its title. It draws
 * in the theme's colours and follows a switch of theme, changes with its data, never animates for
 * someone who asked for less motion, and is destroyed with its screen. The numbers themselves are
 * always in a table beside it: a canvas is a picture.
 */
export function Chart(props: ChartProps): JSX.Element {
  const [canvas, setCanvas] = createSignal<HTMLCanvasElement>();
  const [probe, setProbe] = createSignal<HTMLSpanElement>();
  const [library, setLibrary] = createSignal<ChartSetup>();
  const [failed, setFailed] = createSignal(false);
  const [chart, setChart] = createSignal<PulseChart>();

  loadChartSetup().then(setLibrary, () => setFailed(true));

  createEffect(() => {
    const loaded = library();
    const element = canvas();
    if (loaded === undefined || element === undefined) return;
    const created: PulseChart = new loaded.Chart(element, { type: untrack(() => props.type), data: { labels: [], datasets: [] } });
    setChart(created);
    onCleanup(() => created.destroy());
  });

  createEffect(() => {
    const current = chart();
    const element = probe();
    const loaded = library();
    if (current === undefined || element === undefined || loaded === undefined) return;
    theme();
    const drawing: Drawing = {
      type: props.type,
      labels: props.labels,
      series: props.series,
      format: props.format ?? ((value) => formatCount(value, locale())),
      wholeNumbers: props.format === undefined,
      compact: props.compact === true,
      band: props.band,
      notes: props.notes ?? [],
      stacked: props.stacked === true,
    };
    // theme.ts repaints <html> just after its signal changes: colours are read once it has.
    let wanted = true;
    onCleanup(() => {
      wanted = false;
    });
    queueMicrotask(() => {
      if (wanted) draw(current, drawing, readPalette(element), loaded);
    });
  });

  return (
    <div class="chart">
      <span class="chart-probe" ref={(element) => setProbe(element)} aria-hidden="true" />
      <canvas ref={(element) => setCanvas(element)} role="img" aria-label={t().chartLabel(props.title)} />
      <Show when={failed()}>
        <p class="footnote">{t().chartFailed}</p>
      </Show>
    </div>
  );
}
