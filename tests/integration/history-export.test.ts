import { SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../db/queries/audit.ts';
import { addClinicDays, clinicDayOf } from '../../worker/domain/clinic-time.ts';
import type { ChartPoint } from '../../worker/domain/history-figures.ts';
import type { AnalyticsAnswer, ChartsAnswer } from '../../worker/domain/history-wire.ts';
import { emptyRollupCounters, type RollupCounters } from '../../worker/domain/rollup.ts';
import { csvObjects, parseCsv } from '../support/csv-parser.ts';
import { eventually } from '../support/eventually.ts';
import { countOf, parseExposition } from '../support/prometheus-text.ts';
import { storeRollups } from '../support/stored-rollups.ts';
import { api, apiJson, changeClinic, createWorld, ORIGIN, sessionFor, testDatabase, type World } from '../support/world.ts';

// vitest.config.ts gives the Worker this METRICS_TOKEN.
const METRICS_TOKEN = 'test-metrics-token-of-at-least-32-characters';
const NAME = 'Cabinet "Dr" =cmd, Sfax';
const TZ = 'Africa/Tunis';

async function exportsCounted(): Promise<number> {
  const response = await SELF.fetch(`${ORIGIN}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
  return countOf(parseExposition(await response.text()), 'pulse_exports_total', { kind: 'history' });
}

/** A chart point's figures in the export's columns, as text: the CSV read back must equal it exactly. */
function expectedRecord(point: ChartPoint): Record<string, string> {
  const text = (value: number | null) => (value === null ? '' : String(value));
  const { figures: f } = point;
  return {
    clinic: NAME,
    day: point.date,
    patients: text(f.patients),
    check_ins_qr: text(f.checkInsQr),
    check_ins_manual: text(f.checkInsManual),
    seen: text(f.seen),
    no_shows: text(f.noShows),
    cancelled: text(f.cancelled),
    no_show_rate: text(f.noShowRate),
    avg_wait_minutes: text(f.avgWaitMinutes),
    max_wait_minutes: text(f.maxWaitMinutes),
    avg_consultation_minutes: text(f.avgConsultationMinutes),
    qr_share: text(f.qrShare),
    sms_sent: text(f.smsSent),
    sms_failed: text(f.smsFailed),
    sms_cost_minor: text(f.smsCostMinor),
    currency: 'TND',
    unfinished: text(f.unfinished),
    quotes_called: text(f.estimates.called),
    quote_mean_abs_error_minutes: text(f.estimates.meanAbsoluteErrorMinutes),
    quote_median_abs_error_minutes: text(f.estimates.medianAbsoluteErrorMinutes),
    quote_within_range_share: text(f.estimates.withinRangeShare),
    quote_under_quoted_share: text(f.estimates.underQuotedShare),
    service_target_minutes: text(f.serviceLevel.targetMinutes),
    service_called: text(f.serviceLevel.called),
    service_called_within_target: text(f.serviceLevel.calledWithinTarget),
    service_level_share: text(f.serviceLevel.share),
    walk_out_scored: text(f.walkOutModel.entries),
    walk_out_brier: text(f.walkOutModel.brier),
    walk_out_base_rate_brier: text(f.walkOutModel.baseRateBrier),
  };
}

/**
 * A Sfax practice with an awkward name (quotes, a comma, a formula sign) and a week of hand-built
 * rollups: its owner downloads the week, the month and the year, and each file read back by an
 * RFC 4180 reader says, day by day, exactly what the history screen's answers say.
 */
describe('the clinic history export (CSV)', () => {
  let world: World;
  let owner: string;
  let today: string;
  let countedBefore: number;

  beforeAll(async () => {
    world = await createWorld();
    owner = await sessionFor(world.ownerA);
    await changeClinic(world, world.clinicA, { name: NAME, timezone: TZ, currency: 'TND' });
    today = clinicDayOf(Date.now(), TZ);
    const day = (offset: number, counters: Partial<RollupCounters>) => ({
      clinicId: world.clinicA, day: addClinicDays(today, offset), ...emptyRollupCounters(), ...counters, updatedAt: 0, finalizedAt: null,
    });
    await storeRollups({
      daily: [
        // Yesterday: 5 check-ins, 4 called (waits 10 + 15 + 20 + 5 min), 3 seen, 1 no-show, quotes off by 2, 4, 4 and 10 min.
        day(-1, {
          checkinsQr: 3, checkinsManual: 2, seen: 3, noShows: 1, waitSumMs: 50 * 60_000, waitCount: 4, waitMaxMs: 20 * 60_000,
          consultSumMs: 37 * 60_000, consultCount: 3, smsSent: 2, smsFailed: 1, smsCostMinor: 80, calledWithinTarget: 4,
          quoted: 4, quoteAbsErrorSum: 20, quoteWithinRange: 3, quoteUnderQuoted: 1, quoteAbsErrors: { '2': 1, '4': 2, '10': 1 },
          walkOutScored: 3, walkOutBrierSum: 0.3, walkOutBaseRateBrierSum: 0.6,
        }),
        // Three days ago: one QR check-in who never came back.
        day(-3, { checkinsQr: 1, noShows: 1 }),
        // Eight days ago: outside the week, inside the month.
        day(-8, { checkinsManual: 7, seen: 7, waitSumMs: 7 * 30 * 60_000, waitCount: 7, waitMaxMs: 45 * 60_000, calledWithinTarget: 3 }),
      ],
    });
    countedBefore = await exportsCounted();
  });

  const download = (timeframe: string, token = owner) => api(world, `/clinics/${world.clinicA}/history.csv?timeframe=${timeframe}`, { token });

  it('should answer an attachment named after the clinic and the window, never kept by a cache', async () => {
    const response = await download('7d');
    expect(response.status).toBe(200);
    const from = addClinicDays(today, -6);
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
    expect(response.headers.get('Content-Disposition')).toBe(
      `attachment; filename="cabinet-dr-cmd-sfax-history-${from}-${today}.csv"; filename*=UTF-8''Cabinet%20%22Dr%22%20%3Dcmd%2C%20Sfax-history-${from}-${today}.csv`,
    );
    const text = await response.text();
    // RFC 4180: CRLF after every record, the name's quotes doubled inside a quoted field.
    expect(text.split('\r\n')).toHaveLength(1 + 7 + 1);
    expect(text.split('\r\n')[1]).toMatch(/^"Cabinet ""Dr"" =cmd, Sfax",/);
  });

  it("should give one record per day of the week, each equal to that day's chart point, yesterday's figures exact", async () => {
    const text = await (await download('7d')).text();
    const { header, rows } = csvObjects(text);
    expect(header.slice(0, 4)).toEqual(['clinic', 'day', 'patients', 'check_ins_qr']);
    expect(header).toHaveLength(30);
    const charts = (await apiJson<ChartsAnswer>(world, `/clinics/${world.clinicA}/charts?timeframe=7d`, { token: owner })).body;
    expect(rows).toEqual(charts.points.map(expectedRecord));
    expect(rows.map((row) => row.day)).toEqual(Array.from({ length: 7 }, (_, index) => addClinicDays(today, index - 6)));
    const yesterday = rows.find((row) => row.day === addClinicDays(today, -1));
    expect(yesterday).toMatchObject({
      clinic: NAME, patients: '5', check_ins_qr: '3', check_ins_manual: '2', seen: '3', no_shows: '1', no_show_rate: '0.2',
      avg_wait_minutes: '12.5', max_wait_minutes: '20', avg_consultation_minutes: '12.3', qr_share: '0.6', sms_sent: '2', sms_failed: '1',
      sms_cost_minor: '80', currency: 'TND', quotes_called: '4', quote_mean_abs_error_minutes: '5', quote_median_abs_error_minutes: '4',
      quote_within_range_share: '0.75', quote_under_quoted_share: '0.25', service_target_minutes: '30', service_called: '4',
      service_called_within_target: '4', service_level_share: '1', walk_out_scored: '3', walk_out_brier: '0.1', walk_out_base_rate_brier: '0.2',
    });
    expect(rows.find((row) => row.day === addClinicDays(today, -3))).toMatchObject({ patients: '1', no_shows: '1', no_show_rate: '1', avg_wait_minutes: '' });
  });

  it("should add up, over the month and the year, to the analytics answer's totals for the same window", async () => {
    for (const [timeframe, days] of [['30d', 30], ['1y', 365]] as const) {
      const { rows } = csvObjects(await (await download(timeframe)).text());
      expect(rows, timeframe).toHaveLength(days);
      const analytics = (await apiJson<AnalyticsAnswer>(world, `/clinics/${world.clinicA}/analytics?timeframe=${timeframe}`, { token: owner })).body;
      const total = (column: string) => rows.reduce((sum, row) => sum + Number(row[column]), 0);
      expect(analytics.current.patients).toBe(13);
      expect(total('patients'), timeframe).toBe(analytics.current.patients);
      expect(total('seen'), timeframe).toBe(analytics.current.seen);
      expect(total('no_shows'), timeframe).toBe(analytics.current.noShows);
      expect(total('sms_cost_minor'), timeframe).toBe(analytics.current.smsCostMinor);
      expect(total('service_called'), timeframe).toBe(analytics.current.serviceLevel.called);
      expect(rows.find((row) => row.day === addClinicDays(today, -8))).toMatchObject({ patients: '7', avg_wait_minutes: '30', max_wait_minutes: '45', service_level_share: '0.4286' });
    }
  });

  it('should neutralise a name that a spreadsheet would run as a formula, wherever it is a cell', async () => {
    await changeClinic(world, world.clinicA, { name: '=HYPERLINK("http://evil.test","Sfax")' });
    try {
      const response = await download('7d');
      const [, first] = parseCsv(await response.text());
      expect(first?.[0]).toBe('\'=HYPERLINK("http://evil.test","Sfax")');
      expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="hyperlink-http-evil-test-sfax-history-/);
    } finally {
      await changeClinic(world, world.clinicA, { name: NAME });
    }
  });

  it("should let the super admin export, refuse the clinic's staff (403), hide it from another clinic's owner (404), ask who it is signed out (401)", async () => {
    expect((await download('7d', await sessionFor(world.superAdmin))).status).toBe(200);
    expect((await download('7d', await sessionFor(world.staffA))).status).toBe(403);
    expect((await download('7d', await sessionFor(world.ownerB))).status).toBe(404);
    expect((await api(world, `/clinics/${world.clinicA}/history.csv?timeframe=7d`)).status).toBe(401);
  });

  it('should refuse a timeframe it does not know with 400', async () => {
    const response = await download('2w');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('should audit each export once, with its window, and count it in pulse_exports_total{kind="history"}', async () => {
    // Before this test: 1 + 1 (the week twice) + 2 (month and year) + 1 (the formula name) + 1 (the super admin) = 6 exports served.
    const rows = await listAudit(testDatabase(), { action: 'history_export', clinicId: world.clinicA }, 50);
    expect(rows).toHaveLength(6);
    expect(rows.every((row) => row.success && row.targetType === 'clinic' && row.targetId === world.clinicA)).toBe(true);
    expect(rows.filter((row) => row.actorId === world.ownerA.id)).toHaveLength(5);
    expect(rows.filter((row) => row.actorId === world.superAdmin.id)).toHaveLength(1);
    const year = rows.find((row) => row.detail?.includes('"1y"'));
    expect(JSON.parse(year?.detail ?? '{}')).toEqual({ timeframe: '1y', from: addClinicDays(today, -364), to: today });
    const counted = await eventually(exportsCounted, (count) => count >= countedBefore + 6);
    expect(counted).toBe(countedBefore + 6);
  });
});
