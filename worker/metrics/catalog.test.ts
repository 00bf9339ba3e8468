import { describe, expect, it } from 'vitest';
import { definitionOf, GAUGES, HTTP_DURATION_BUCKETS, JOB_LABELS, RECORDED } from './catalog.ts';

/** Prometheus' metric and label name grammar, lower case as every Pulse name is. */
const NAME = /^[a-z_][a-z0-9_]*$/;
const SUFFIXES_OF_HISTOGRAMS = ['_bucket', '_sum', '_count'];

const recorded = Object.entries(RECORDED);
const gauges = Object.entries(GAUGES);

describe('the metric catalog', () => {
  it('should give every metric a name in the grammar, with its prefix, and a help sentence', () => {
    for (const [name, help] of [...recorded.map(([name, definition]) => [name, definition.help] as const), ...gauges]) {
      expect(name, name).toMatch(NAME);
      expect(name.startsWith('pulse_') || name.startsWith('http_'), name).toBe(true);
      expect(help, name).toMatch(/^\S.{10,}\.$/);
      expect(help, name).not.toContain('\n');
    }
  });

  it('should end counters in _total, histograms in their unit, and gauges in neither', () => {
    for (const [name, definition] of recorded) {
      if (definition.type === 'counter') expect(name, name).toMatch(/_total$/);
      else expect(name, name).toMatch(/_seconds$/);
    }
    for (const [name] of gauges) {
      expect(name, name).not.toMatch(/_total$/);
      for (const suffix of SUFFIXES_OF_HISTOGRAMS) expect(name.endsWith(suffix), name).toBe(false);
    }
  });

  it('should never let two families, or a histogram\'s samples, share a name', () => {
    const names = [...recorded.map(([name]) => name), ...gauges.map(([name]) => name)];
    expect(new Set(names).size).toBe(names.length);
    const histogramSamples = recorded.filter(([, definition]) => definition.type === 'histogram').flatMap(([name]) => SUFFIXES_OF_HISTOGRAMS.map((suffix) => `${name}${suffix}`));
    for (const sample of histogramSamples) expect(names, sample).not.toContain(sample);
  });

  it('should name labels in the grammar, never `le` or a reserved `__` one, and declare series with exactly those labels', () => {
    for (const [name, definition] of recorded) {
      for (const label of definition.labels) {
        expect(label, name).toMatch(NAME);
        expect(label, name).not.toBe('le');
        expect(label.startsWith('__'), name).toBe(false);
      }
      for (const series of 'declared' in definition ? (definition.declared ?? []) : []) {
        expect(Object.keys(series).sort(), name).toEqual([...definition.labels].sort());
      }
    }
  });

  it('should keep bucket bounds positive and strictly increasing, with the 2 s of the latency alert a bound of its own', () => {
    for (const [name, definition] of recorded) {
      if (definition.type !== 'histogram') continue;
      definition.buckets.forEach((bound, index) => {
        expect(bound, name).toBeGreaterThan(index === 0 ? 0 : (definition.buckets[index - 1] ?? 0));
      });
    }
    expect(HTTP_DURATION_BUCKETS).toContain(2);
  });

  it('should know its own metrics only, not what every object inherits', () => {
    expect(definitionOf('pulse_push_sent_total')).toMatchObject({ type: 'counter', labels: ['result'] });
    expect(definitionOf('pulse_db_query_duration_seconds')).toMatchObject({ type: 'histogram', labels: ['query'] });
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'pulse_mrr', 'pulse_push_sent']) expect(definitionOf(name), name).toBeUndefined();
  });

  it('should label jobs by every job type and `unreadable`, nothing else', () => {
    expect([...JOB_LABELS]).toEqual(['alerts.evaluate', 'alert.deliver', 'alerts.release_held', 'digest.clinic', 'digest.service', 'forecast.clinic', 'walk_out_model.refresh', 'retention.run', 'business_snapshot.run', 'unreadable']);
  });
});
