import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { clinicActivity, clinics, queueEntries, smsMessages } from '../../db/schema/index.ts';
import { startStack, type Stack } from '../../scripts/lib/stack.ts';
import { clinicDayOf } from '../../worker/domain/clinic-time.ts';
import { eventually } from '../support/eventually.ts';
import { countOf, parseExposition, sampleOf, type Exposition } from '../support/prometheus-text.ts';
import { promtool, startPrometheus, type RunningPrometheus } from '../support/prometheus.ts';
import { writeReplicaConfig } from '../support/replica-worker.ts';
import { sqldForFile } from '../support/sqld-for-file.ts';
import { insertClinics } from '../../db/queries/clinic-prices.ts';

const ALERT_RULES = fileURLToPath(new URL('../../ops/prometheus/alerts.yml', import.meta.url));
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** What Prometheus calls traffic: every answer but its own scrapes (as ops/prometheus/alerts.yml does). */
const TRAFFIC = 'job="pulse",route!="/metrics"';

/** Every request this test makes to the API, by route pattern and status: what the metrics must say. */
class Tally {
  readonly counts = new Map<string, number>();
  add(route: string, status: number): void {
    const key = `${route} ${status}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  total(match: (route: string, status: number) => boolean = () => true): number {
    let sum = 0;
    for (const [key, count] of this.counts) {
      const [route = '', status = ''] = key.split(' ');
      if (match(route, Number(status))) sum += count;
    }
    return sum;
  }
}

/** How long after an increment its isolate has surely sent it (worker/metrics/recorder.ts flushes after 1 s). */
const SETTLE_MS = 1_500;

function trafficTotal(exposition: Exposition): number {
  let sum = 0;
  for (const [series, value] of exposition) if (series.startsWith('http_requests_total{') && !series.includes('route="/metrics"')) sum += value;
  return sum;
}

/**
 * Two Worker instances (two wrangler dev processes: two isolates) in front of one sqld, sharing
 * their Durable Objects through one dev registry as production isolates do, scraped by Debian's
 * real Prometheus every second with the alert rules of ops/.
 */
describe('Pulse monitored by a real Prometheus', () => {
  const database = sqldForFile('monitoring');
  let primary: Stack;
  let replica: Stack;
  let prometheus: RunningPrometheus;
  let token = '';
  const tally = new Tally();

  const call = async (stack: Stack, route: string): Promise<Response> => {
    const response = await fetch(`${stack.url}${route}`);
    tally.add(route, response.status);
    return response;
  };
  const scrape = async (stack: Stack = primary): Promise<string> => {
    const response = await fetch(`${stack.url}/metrics`, { headers: { Authorization: `Bearer ${token}` } });
    if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`);
    return response.text();
  };
  /** Traffic as the Metrics object counts it once every isolate has sent what it holds: two reads a flush apart agree. */
  const settledTraffic = async (): Promise<number> => {
    let last = trafficTotal(parseExposition(await scrape()));
    for (let read = 0; read < 20; read += 1) {
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      const total = trafficTotal(parseExposition(await scrape()));
      if (total === last) return total;
      last = total;
    }
    throw new Error('traffic never settled');
  };

  beforeAll(async () => {
    const { db, sqld, dataDir } = database();
    await seedBusiness(db, Date.now());
    // One deployment: both instances share the database, the secrets and (privately) a dev registry.
    const devVarsPath = join(dataDir, '.dev.vars');
    const env = { WRANGLER_REGISTRY_PATH: join(dataDir, 'registry') };
    primary = await startStack({ dataDir: join(dataDir, 'primary'), seed: false, database: sqld, devVarsPath, env });
    replica = await startStack({ dataDir: join(dataDir, 'replica'), seed: false, database: sqld, devVarsPath, env, configPath: await writeReplicaConfig(join(dataDir, 'wrangler.json')) });
    token = /^METRICS_TOKEN=(.+)$/m.exec(await readFile(devVarsPath, 'utf8'))?.[1] ?? '';
    prometheus = await startPrometheus(
      join(dataDir, 'prometheus'),
      [
        'global:',
        '  scrape_interval: 1s',
        '  evaluation_interval: 1s',
        'rule_files:',
        `  - ${ALERT_RULES}`,
        'scrape_configs:',
        '  - job_name: pulse',
        '    metrics_path: /metrics',
        '    authorization:',
        `      credentials: ${token}`,
        '    static_configs:',
        `      - targets: ['${new URL(primary.url).host}']`,
        '',
      ].join('\n'),
    );
  }, 180_000);

  afterAll(async () => {
    await prometheus?.process.stop();
    await Promise.all([primary?.stop(), replica?.stop()]);
  }, 60_000);

  it('should pass promtool check metrics on a real scrape, and refuse a scrape without the token', async () => {
    expect((await fetch(`${primary.url}/metrics`)).status).toBe(401);
    const text = await scrape();
    const checked = await promtool(['check', 'metrics'], text);
    expect(checked.output).toBe('');
    expect(checked.code).toBe(0);
  });

  it('should add up requests spread over both instances exactly, whichever instance is scraped', async () => {
    const route = '/api/v1/health/live';
    const labels = { method: 'GET', route, status_code: '200' };
    await settledTraffic();
    const before = countOf(parseExposition(await scrape()), 'http_requests_total', labels);
    for (let round = 0; round < 10; round += 1) {
      const answers = await Promise.all([call(primary, route), call(replica, route), call(replica, route)]);
      for (const answer of answers) expect(answer.status).toBe(200);
    }
    const onReplica = await eventually(async () => parseExposition(await scrape(replica)), (exposition) => countOf(exposition, 'http_requests_total', labels) >= before + 30);
    expect(countOf(onReplica, 'http_requests_total', labels)).toBe(before + 30);
    expect(countOf(parseExposition(await scrape(primary)), 'http_requests_total', labels)).toBe(before + 30);
  });

  it('should read the business gauges from libSQL at scrape time', async () => {
    const exposition = parseExposition(await scrape(replica));
    expect({
      up: sampleOf(exposition, 'pulse_database_up'),
      clinics: sampleOf(exposition, 'pulse_clinics'),
      active: sampleOf(exposition, 'pulse_active_clinics'),
      mrr: sampleOf(exposition, 'pulse_mrr', { currency: 'TND' }),
      churnRisk: sampleOf(exposition, 'pulse_churn_risk_ratio'),
      waiting: sampleOf(exposition, 'pulse_patients_waiting'),
      open: sampleOf(exposition, 'pulse_queues_open'),
      longest: sampleOf(exposition, 'pulse_queue_length_max'),
      smsCost: sampleOf(exposition, 'pulse_sms_cost_last_hour', { currency: 'TND' }),
    }).toEqual({ up: 1, clinics: 3, active: 2, mrr: 100, churnRisk: 2 / 3, waiting: 4, open: 2, longest: 3, smsCost: 0.12 });
  });

  it('should show Prometheus the request rate and error ratio while sqld is down, and health 503 until it returns', async () => {
    // Every series the story will move exists before it starts: rate() then compares like with like.
    expect((await call(primary, '/api/v1/health')).status).toBe(200);
    await database().sqld.process.stop();
    for (const stack of [primary, replica]) {
      const down = await call(stack, '/api/v1/health');
      expect(down.status).toBe(503);
      // The replica reaches the Metrics object in the other process: only the database fails.
      expect(await down.json()).toMatchObject({ status: 'degraded', failing: ['database'], durableObject: { reachable: true } });
    }
    const warm = tally.total();
    const warmInMetrics = await settledTraffic();
    await eventually(() => prometheus.value(`sum(http_requests_total{${TRAFFIC}})`), (total) => total === warmInMetrics, 20_000);
    const start = (await prometheus.value(`max(timestamp(http_requests_total{${TRAFFIC}}))`)) ?? 0;

    // The bounded load: 60 requests over both instances, a third of them health checks answering 503.
    for (let batch = 0; batch < 15; batch += 1) {
      const answers = await Promise.all([
        call(primary, '/api/v1/health/live'),
        call(replica, '/api/v1/health/live'),
        call(batch % 2 === 0 ? primary : replica, '/api/v1/health'),
        call(batch % 2 === 0 ? replica : primary, '/api/v1/health/live'),
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 503, 200]);
    }
    await database().restart();
    const back = await eventually(() => call(primary, '/api/v1/health').then((response) => response.status), (status) => status === 200, 30_000);
    expect(back).toBe(200);
    expect((await call(replica, '/api/v1/health')).status).toBe(200);

    const sent = tally.total() - warm;
    // The two 503s before the window are not in it; the load's 15 and any while sqld restarted are.
    const errors = tally.total((_, status) => status >= 500) - 2;
    expect(errors).toBeGreaterThanOrEqual(15);
    const landed = await settledTraffic();
    expect(landed).toBe(warmInMetrics + sent);
    await eventually(() => prometheus.value(`sum(http_requests_total{${TRAFFIC}})`), (total) => total === landed, 20_000);
    const end = (await prometheus.value(`max(timestamp(http_requests_total{${TRAFFIC}}))`)) ?? 0;

    // A window from the scrape before the load to the one after it (1 ms more, to include the first).
    const window = `${Math.round((end - start) * 1000) + 1}ms`;
    const rate = (selector: string) => `sum(rate(http_requests_total{${selector}}[${window}] @ ${end}))`;
    const seconds = end - start;
    expect(await prometheus.value(rate(TRAFFIC))).toBeCloseTo(sent / seconds, 6);
    expect(await prometheus.value(`${rate(`${TRAFFIC},status_code=~"5.."`)} / ${rate(TRAFFIC)}`)).toBeCloseTo(errors / sent, 9);
    // The database gauge went down with sqld and came back with it.
    expect(await prometheus.value(`pulse_database_up{job="pulse"} @ ${start}`)).toBe(0);
    expect(await prometheus.value(`pulse_database_up{job="pulse"} @ ${end}`)).toBe(1);
  });

  it('should evaluate every alert rule of ops/ against the live scrape without error', async () => {
    const RulesSchema = z.object({
      data: z.object({ groups: z.array(z.object({ rules: z.array(z.object({ name: z.string(), health: z.string(), lastError: z.string().optional(), lastEvaluation: z.string() })) })) }),
    });
    const rules = await eventually(
      async () => RulesSchema.parse(await (await fetch(`${prometheus.url}/api/v1/rules`)).json()).data.groups.flatMap((group) => group.rules),
      (list) => list.length > 0 && list.every((rule) => !rule.lastEvaluation.startsWith('0001')),
    );
    expect(rules.filter((rule) => rule.health !== 'ok').map((rule) => `${rule.name}: ${rule.lastError ?? rule.health}`)).toEqual([]);
    expect(rules.map((rule) => rule.name)).toContain('PulseHighErrorRate');
  });
});

/**
 * The business as libSQL holds it: an active clinic, one at risk, one that never logged in and an
 * archived one (left out of everything), today's waiting patients and the last hour's SMS.
 */
async function seedBusiness(db: Database, now: number): Promise<void> {
  const zone = 'Africa/Tunis';
  const clinic = (id: string, extra: Partial<typeof clinics.$inferInsert> = {}) => ({ id, name: `Cabinet ${id}`, timezone: zone, planPriceMinor: 50_000, smsUnitCostMinor: 40, createdAt: now - 60 * DAY, ...extra });
  const login = (clinicId: string, at: number) => ({ clinicId, kind: 'clinic_login' as const, occurredAt: at, userId: null, detail: '{"platform":"web"}' });
  const checkedInAt = now - 1_000;
  const waiting = (clinicId: string, id: string, at = checkedInAt) => ({
    clinicId, id, clinicDay: clinicDayOf(at, zone), ticketNumber: 1, method: 'qr' as const, state: 'waiting' as const, checkedInAt: at, updatedAt: at,
  });
  const sms = (clinicId: string, id: string, sentAt: number) => ({ clinicId, id, entryId: null, kind: 'almost_turn' as const, status: 'sent' as const, costMinor: 40, sentAt });
  await insertClinics(db, [clinic('active'), clinic('at-risk'), clinic('never', { planPriceMinor: 60_000 }), clinic('archived', { archivedAt: now - DAY })]);
  await db.insert(clinicActivity).values([login('active', now - 60 * MINUTE), login('at-risk', now - 10 * DAY), login('archived', now - 60 * MINUTE)]);
  await db.insert(queueEntries).values([
    waiting('active', 'a1'), waiting('active', 'a2'), waiting('active', 'a3'),
    waiting('at-risk', 'r1'),
    // Yesterday's leftover is not waiting now; an archived clinic's queue is not the service's.
    waiting('at-risk', 'r0', now - DAY),
    ...['x1', 'x2', 'x3', 'x4', 'x5'].map((id) => waiting('archived', id)),
  ]);
  await db.insert(smsMessages).values([sms('active', 's1', now - 5 * MINUTE), sms('active', 's2', now - 20 * MINUTE), sms('active', 's3', now - 50 * MINUTE), sms('active', 's0', now - 120 * MINUTE)]);
}
