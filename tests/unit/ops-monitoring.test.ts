import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GAUGES, RECORDED } from '../../worker/metrics/catalog.ts';
import { promtool, startPrometheus, type RunningPrometheus } from '../support/prometheus.ts';

const OPS = fileURLToPath(new URL('../../ops/', import.meta.url));
const PROMETHEUS_DIR = join(OPS, 'prometheus');
const GRAFANA_DIR = join(OPS, 'grafana');

const DatasourceRef = z.object({ type: z.literal('prometheus'), uid: z.literal('${datasource}') });
const DashboardSchema = z.object({
  uid: z.string().min(1),
  title: z.string().min(1),
  templating: z.object({ list: z.array(z.object({ name: z.string(), type: z.string(), query: z.unknown() })) }),
  panels: z
    .array(
      z.object({
        id: z.number(),
        title: z.string().min(1),
        type: z.string(),
        datasource: DatasourceRef,
        gridPos: z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() }),
        targets: z.array(z.object({ refId: z.string(), expr: z.string().min(1), datasource: DatasourceRef })).min(1),
      }),
    )
    .min(4),
});

async function dashboards() {
  const files = (await readdir(GRAFANA_DIR)).filter((file) => file.endsWith('.json')).sort();
  return Promise.all(files.map(async (file) => ({ file, dashboard: DashboardSchema.parse(JSON.parse(await readFile(join(GRAFANA_DIR, file), 'utf8'))) })));
}

/** Grafana's variables as Grafana would fill them in before sending a query to Prometheus. */
const asPrometheusSees = (expression: string) =>
  expression.replaceAll('$__rate_interval', '1m').replaceAll('$__interval', '15s').replaceAll('$__range', '1h').replaceAll('$job', 'pulse');

/** Every metric name an expression uses: each must be one Pulse exposes (a typo parses but shows nothing). */
function metricNames(expression: string): string[] {
  // Not after a colon: `pulse:http_5xx_ratio:rate5m` is one of our recording rules, not a metric.
  return [...expression.matchAll(/(?<![:\w])((?:http|pulse)_[a-z0-9_]+|up)\b/g)].map(([name = '']) => name.replace(/_(bucket|count|sum)$/, ''));
}
const EXPOSED = new Set<string>([...Object.keys(RECORDED), ...Object.keys(GAUGES), 'up']);

describe('ops/prometheus', () => {
  let workDir: string;
  beforeAll(async () => {
    // The config reads METRICS_TOKEN from a file kept out of git: a copy gets a token of its own.
    workDir = await mkdtemp(join(tmpdir(), 'pulse-ops-'));
    for (const file of ['prometheus.yml', 'alerts.yml', 'alerts.test.yml']) await copyFile(join(PROMETHEUS_DIR, file), join(workDir, file));
    await writeFile(join(workDir, 'metrics-token'), 'a-metrics-token\n', { mode: 0o600 });
  });
  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  it('should pass promtool check config, rule files included', async () => {
    const result = await promtool(['check', 'config', join(workDir, 'prometheus.yml')]);
    expect(result.output).toContain('SUCCESS');
    expect(result.code).toBe(0);
  });

  it('should pass promtool check rules', async () => {
    const result = await promtool(['check', 'rules', join(workDir, 'alerts.yml')]);
    expect(result.output).toMatch(/SUCCESS: \d+ rules found/);
    expect(result.code).toBe(0);
  });

  it('should fire each alert on the story written for it, and only there (promtool test rules)', async () => {
    const result = await promtool(['test', 'rules', join(workDir, 'alerts.test.yml')]);
    expect(result.output).toContain('SUCCESS');
    expect(result.code).toBe(0);
  });

  it('should alert on what the issue asks, with a priority each, on metrics Pulse exposes', async () => {
    const rules = await readFile(join(PROMETHEUS_DIR, 'alerts.yml'), 'utf8');
    const alerts = [...rules.matchAll(/- alert: (\w+)/g)].map(([, name]) => name);
    expect(alerts).toEqual(
      expect.arrayContaining(['PulseApiDown', 'PulseHighErrorRate', 'PulseHighLatency', 'PulseSmsFailures', 'PulseDatabaseDown', 'PulseDatabaseSlow', 'PulseDatabaseErrors', 'PulseCronStale', 'PulseOutboxLag', 'PulseFailedLoginBurst']),
    );
    expect([...rules.matchAll(/priority: (P\d)/g)]).toHaveLength(alerts.length);
    const unknown = [...rules.matchAll(/expr: ([^\n]+(?:\n {12}[^\n]+)*)/g)].flatMap(([, expression = '']) => metricNames(expression)).filter((name) => !EXPOSED.has(name));
    expect(unknown).toEqual([]);
  });
});

describe('ops/grafana dashboards', () => {
  let prometheus: RunningPrometheus;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pulse-dashboards-'));
    prometheus = await startPrometheus(dataDir, 'global:\n  scrape_interval: 15s\n');
  });
  afterAll(async () => {
    await prometheus?.process.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should be the three dashboards, each valid JSON with a templated Prometheus datasource every panel uses', async () => {
    const found = await dashboards();
    expect(found.map(({ file }) => file)).toEqual(['api-health.json', 'business-overview.json', 'real-time.json']);
    for (const { dashboard } of found) {
      expect(dashboard.templating.list).toContainEqual(expect.objectContaining({ name: 'datasource', type: 'datasource', query: 'prometheus' }));
      expect(new Set(dashboard.panels.map((panel) => panel.id)).size).toBe(dashboard.panels.length);
    }
  });

  it('should have every panel query parse in a real Prometheus, over metrics Pulse exposes', async () => {
    const refused: string[] = [];
    const unknown: string[] = [];
    for (const { file, dashboard } of await dashboards()) {
      for (const panel of dashboard.panels) {
        for (const target of panel.targets) {
          const answer = await prometheus.query(asPrometheusSees(target.expr));
          if (answer.status !== 'success') refused.push(`${file} "${panel.title}" ${target.refId}: ${answer.error ?? ''}`);
          unknown.push(...metricNames(target.expr).filter((name) => !EXPOSED.has(name)).map((name) => `${file} "${panel.title}": ${name}`));
        }
      }
    }
    expect(refused).toEqual([]);
    expect(unknown).toEqual([]);
  });

  it('should refuse a query that does not parse (the check above can fail)', async () => {
    expect((await prometheus.query('sum(rate(http_requests_total[1m])')).status).toBe('error');
  });
});
