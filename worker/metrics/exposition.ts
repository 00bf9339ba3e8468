/**
 * The Prometheus text exposition format (version 0.0.4): one HELP and one TYPE line per metric
 * family, then its samples. Pure, so the exact text is tested without a Worker.
 */
import { labelText, seriesKey, type CounterSeries, type HistogramSeries, type Labels } from './batch.ts';
import { GAUGES, RECORDED, type CounterName, type GaugeName } from './catalog.ts';

export const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export interface GaugeSample {
  labels?: Labels;
  value: number;
}

/** Gauge values measured for this scrape; a gauge left out (its source did not answer) is not exposed. */
export type GaugeValues = Partial<Record<GaugeName, GaugeSample[]>>;

export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

function family(name: string, type: string, help: string, lines: string[]): string[] {
  // HELP text escapes only backslashes and newlines.
  return lines.length === 0 ? [] : [`# HELP ${name} ${help.replaceAll('\\', '\\\\').replaceAll('\n', '\\n')}`, `# TYPE ${name} ${type}`, ...lines];
}

const byLabels = <Series extends { labels: Labels }>(a: Series, b: Series) => labelText(a.labels).localeCompare(labelText(b.labels));

function counterLines(name: string, series: CounterSeries[], declared: ReadonlyArray<Labels>): string[] {
  const known = new Set(series.map((one) => seriesKey(name, one.labels)));
  const zeros = declared.filter((labels) => !known.has(seriesKey(name, labels))).map((labels) => ({ name, labels, value: 0 }));
  return [...series, ...zeros].sort(byLabels).map((one) => `${name}${labelText(one.labels)} ${formatValue(one.value)}`);
}

function histogramLines(name: string, series: HistogramSeries[], bounds: readonly number[]): string[] {
  return [...series].sort(byLabels).flatMap((one) => {
    let cumulative = 0;
    const buckets = [...bounds.map(formatValue), '+Inf'].map((le, index) => {
      cumulative += one.buckets[index] ?? 0;
      return `${name}_bucket${labelText(one.labels, `le="${le}"`)} ${cumulative}`;
    });
    return [...buckets, `${name}_sum${labelText(one.labels)} ${formatValue(one.sum)}`, `${name}_count${labelText(one.labels)} ${one.count}`];
  });
}

/**
 * Every recorded metric (declared series at zero until they count, `declared` adding series known
 * only at run time, such as the cron jobs), then the gauges measured now.
 */
export function renderExposition(
  recorded: { counters: CounterSeries[]; histograms: HistogramSeries[] },
  gauges: GaugeValues,
  declared: Partial<Record<CounterName, ReadonlyArray<Labels>>> = {},
): string {
  const lines: string[] = [];
  for (const [name, definition] of Object.entries(RECORDED)) {
    if (definition.type === 'histogram') {
      lines.push(...family(name, 'histogram', definition.help, histogramLines(name, recorded.histograms.filter((one) => one.name === name), definition.buckets)));
    } else {
      const zeros = [...('declared' in definition ? (definition.declared ?? []) : []), ...(declared[name as CounterName] ?? [])];
      lines.push(...family(name, 'counter', definition.help, counterLines(name, recorded.counters.filter((one) => one.name === name), zeros)));
    }
  }
  for (const [name, help] of Object.entries(GAUGES)) {
    const samples = (gauges[name as GaugeName] ?? []).map((sample) => ({ labels: sample.labels ?? {}, value: sample.value }));
    lines.push(...family(name, 'gauge', help, samples.sort(byLabels).map((sample) => `${name}${labelText(sample.labels)} ${formatValue(sample.value)}`)));
  }
  return `${lines.join('\n')}\n`;
}
