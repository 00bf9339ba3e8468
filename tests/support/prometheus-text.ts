/**
 * Reads a Prometheus text exposition the way a test asks about it: the value of one series, by
 * metric name and labels (in any order). Independent of worker/metrics, so it checks the text the
 * Worker wrote, not the Worker's own idea of it. Pure: used in workerd and in Node alike.
 */
export type Exposition = Map<string, number>;

function key(name: string, labels: Readonly<Record<string, string>>): string {
  const parts = Object.keys(labels)
    .sort()
    .map((label) => `${label}=${JSON.stringify(labels[label])}`);
  return `${name}{${parts.join(',')}}`;
}

const unescape = (value: string) => value.replace(/\\(["\\n])/g, (_, char: string) => (char === 'n' ? '\n' : char));

export function parseExposition(text: string): Exposition {
  const samples: Exposition = new Map();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    if (match === null) throw new Error(`not an exposition line: ${line}`);
    const [, name = '', labelText = '', value = ''] = match;
    const labels: Record<string, string> = {};
    for (const [, label = '', raw = ''] of labelText.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[label] = unescape(raw);
    samples.set(key(name, labels), value === '+Inf' ? Infinity : Number(value));
  }
  return samples;
}

/** The value of one series; undefined when the exposition has no such series. */
export function sampleOf(exposition: Exposition, name: string, labels: Readonly<Record<string, string>> = {}): number | undefined {
  return exposition.get(key(name, labels));
}

/** The value of one counter series, 0 when it has not appeared yet. */
export function countOf(exposition: Exposition, name: string, labels: Readonly<Record<string, string>> = {}): number {
  return sampleOf(exposition, name, labels) ?? 0;
}
