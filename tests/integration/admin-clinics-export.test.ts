import { SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../db/queries/audit.ts';
import { clinicActivity } from '../../db/schema/index.ts';
import type { AdminClinicDetail, ClinicHealthPage, ClinicHealthRow } from '../../worker/domain/admin-wire.ts';
import { clinicDayOf } from '../../worker/domain/clinic-time.ts';
import { emptyRollupCounters } from '../../worker/domain/rollup.ts';
import { csvObjects } from '../support/csv-parser.ts';
import { eventually } from '../support/eventually.ts';
import { countOf, parseExposition } from '../support/prometheus-text.ts';
import { storeRollups } from '../support/stored-rollups.ts';
import { api, apiJson, createWorld, ORIGIN, sessionFor, testDatabase, type World } from '../support/world.ts';

// vitest.config.ts gives the Worker this METRICS_TOKEN.
const METRICS_TOKEN = 'test-metrics-token-of-at-least-32-characters';
const DAY_MS = 86_400_000;

async function exportsCounted(): Promise<number> {
  const response = await SELF.fetch(`${ORIGIN}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
  return countOf(parseExposition(await response.text()), 'pulse_exports_total', { kind: 'clinics' });
}

/** What a spreadsheet must read in a text cell: a formula-like start behind an apostrophe (worker/domain/csv.ts). */
const neutral = (text: string) => (/^[=+\-@]/.test(text) ? `'${text}` : text);

/** A health table row in the export's columns, as text: the CSV read back must equal it exactly. */
function expectedRecord(row: ClinicHealthRow): Record<string, string> {
  const text = (value: number | string | boolean | null) => (value === null ? '' : String(value));
  return {
    clinic_id: row.clinicId,
    name: neutral(row.name),
    status: row.status,
    archived: text(row.archived),
    timezone: row.timezone,
    days_since_last_login: text(row.daysSinceLastLogin),
    last_login_at: text(row.lastLoginAt),
    patients_today: text(row.patientsToday),
    avg_wait_today_minutes: text(row.avgWaitToday),
    qr_share_30d: text(row.qrShare30d),
    plan_price_minor: text(row.planPrice.amountMinor),
    currency: row.planPrice.currency,
  };
}

/**
 * The super admin's clinic list, with clinics whose names a spreadsheet would misread (quotes and a
 * comma, formula signs), some active, one at risk, the others just opened, one archived: each export
 * read back by an RFC 4180 reader says, clinic by clinic and in order, exactly what the health
 * table's pages say under the same filters.
 */
describe('the clinic health table export (CSV)', () => {
  let world: World;
  let admin: string;
  let today: string;
  let countedBefore: number;
  const names = (suffix: string) => ({
    quoted: `Cabinet "Dr" =cmd, Sfax ${suffix}`,
    sum: `+SUM(1) ${suffix}`,
    at: `@x ${suffix}`,
    minus: `-2 ${suffix}`,
    link: `=HYPERLINK("http://evil.test";"x") ${suffix}`,
    medina: `Clinique Médina ${suffix}`,
    closed: `Cabinet Ennour ${suffix}`,
  });
  const ids: Partial<Record<keyof ReturnType<typeof names>, string>> = {};

  beforeAll(async () => {
    world = await createWorld();
    admin = await sessionFor(world.superAdmin);
    for (const [key, name] of Object.entries(names(world.suffix)) as [keyof ReturnType<typeof names>, string][]) {
      const created = await apiJson<AdminClinicDetail>(world, '/admin/clinics', {
        method: 'POST',
        token: admin,
        json: { name, timezone: 'Africa/Tunis', planPrice: key === 'medina' ? 80 : 50, smsUnitCost: 0.04 },
      });
      expect(created.status, name).toBe(201);
      ids[key] = created.body.clinic.clinicId;
    }
    const id = (key: keyof ReturnType<typeof names>) => ids[key] ?? '';
    const now = Date.now();
    const login = (clinicId: string, at: number) => ({ clinicId, kind: 'clinic_login' as const, occurredAt: at, userId: null, detail: '{"platform":"web"}' });
    // Active: logged in an hour ago; at risk: last seen 10 days ago; the others never logged in (onboarding).
    await testDatabase().insert(clinicActivity).values([login(id('quoted'), now - 3_600_000), login(id('medina'), now - 3_600_000), login(id('sum'), now - 10 * DAY_MS)]);
    today = clinicDayOf(now, 'Africa/Tunis');
    // This morning at the quoted clinic: 3 QR and 1 manual check-ins, 2 called after 10 and 15 minutes.
    await storeRollups({
      daily: [{ clinicId: id('quoted'), day: today, ...emptyRollupCounters(), checkinsQr: 3, checkinsManual: 1, waitSumMs: 25 * 60_000, waitCount: 2, updatedAt: 0, finalizedAt: null }],
    });
    expect((await api(world, `/admin/clinics/${id('closed')}/archive`, { method: 'POST', token: admin })).status).toBe(200);
    countedBefore = await exportsCounted();
  });

  const download = (query: string, token = admin) => api(world, `/admin/clinics.csv?${query}`, { token });

  /** Every row of the health table under `query`, page after page of two. */
  async function everyPage(query: string): Promise<ClinicHealthRow[]> {
    const rows: ClinicHealthRow[] = [];
    for (let page = 1; ; page += 1) {
      const answer = await apiJson<ClinicHealthPage>(world, `/admin/clinics?${query}&pageSize=2&page=${page}`, { token: admin });
      expect(answer.status).toBe(200);
      rows.push(...answer.body.clinics);
      if (page * 2 >= answer.body.total) return rows;
    }
  }

  it("should answer an attachment named after its filters and today's date, never kept by a cache", async () => {
    const response = await download(`q=${world.suffix}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
    const file = `pulse-cabinets-${world.suffix}-${today}.csv`;
    expect(response.headers.get('Content-Disposition')).toBe(`attachment; filename="${file}"; filename*=UTF-8''${file}`);
    const text = await response.text();
    // RFC 4180: CRLF after every record (the header and six live clinics), the name's quotes doubled inside a quoted field.
    expect(text.split('\r\n')).toHaveLength(1 + 6 + 1);
    expect(text).toContain(`,"Cabinet ""Dr"" =cmd, Sfax ${world.suffix}",`);
    const atRisk = await download(`status=at_risk&q=${world.suffix}`);
    expect(atRisk.headers.get('Content-Disposition')).toContain(`filename="pulse-cabinets-at_risk-${world.suffix}-${today}.csv"`);
    const archived = await download(`archived=true&q=${world.suffix}`);
    expect(archived.headers.get('Content-Disposition')).toContain(`filename="pulse-cabinets-archived-${world.suffix}-${today}.csv"`);
  });

  it('should write every clinic of the filtered table, all pages, in its order, each record equal to its row in the JSON pages', async () => {
    const queries = [
      `q=${world.suffix}`,
      `q=${world.suffix}&status=onboarding`,
      `q=${world.suffix}&sort=planPrice&order=desc`,
      `q=${world.suffix}&sort=status`,
      `q=${world.suffix}&archived=true`,
    ];
    const counts: number[] = [];
    for (const query of queries) {
      const { header, rows } = csvObjects(await (await download(query)).text());
      expect(header).toEqual(['clinic_id', 'name', 'status', 'archived', 'timezone', 'days_since_last_login', 'last_login_at', 'patients_today', 'avg_wait_today_minutes', 'qr_share_30d', 'plan_price_minor', 'currency']);
      expect(rows, query).toEqual((await everyPage(query)).map(expectedRecord));
      counts.push(rows.length);
    }
    // Six live clinics (three never logged in), in three pages of JSON; the archived one apart.
    expect(counts).toEqual([6, 3, 6, 6, 1]);
  });

  it("should read back each awkward name as typed, a formula's sign behind an apostrophe, with the clinic's figures exact", async () => {
    const { rows } = csvObjects(await (await download(`q=${world.suffix}&sort=name`)).text());
    const named = names(world.suffix);
    expect(rows.map((row) => row.name)).toEqual([
      `'+SUM(1) ${world.suffix}`,
      `'-2 ${world.suffix}`,
      `'=HYPERLINK("http://evil.test";"x") ${world.suffix}`,
      `'@x ${world.suffix}`,
      named.quoted,
      named.medina,
    ]);
    expect(rows.find((row) => row.clinic_id === ids.quoted)).toMatchObject({
      status: 'active', archived: 'false', days_since_last_login: '0', patients_today: '4', avg_wait_today_minutes: '12.5', qr_share_30d: '0.75', plan_price_minor: '50000', currency: 'TND',
    });
    expect(rows.find((row) => row.clinic_id === ids.sum)).toMatchObject({ status: 'at_risk', days_since_last_login: '10', patients_today: '0', avg_wait_today_minutes: '', qr_share_30d: '' });
    expect(rows.find((row) => row.clinic_id === ids.medina)).toMatchObject({ status: 'active', plan_price_minor: '80000' });
    expect(rows.find((row) => row.clinic_id === ids.at)).toMatchObject({ status: 'onboarding', days_since_last_login: '', last_login_at: '' });
  });

  it('should refuse filters it does not know with 400, hide itself from anyone but the super admin (404), ask who it is signed out (401)', async () => {
    for (const query of ['status=sleeping', 'sort=mood', 'order=sideways', 'archived=maybe', `q=${'x'.repeat(101)}`]) {
      const response = await download(query);
      expect(response.status, query).toBe(400);
      expect(await response.json(), query).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
    for (const person of [world.ownerA, world.staffA, world.ownerB]) {
      const response = await download('', await sessionFor(person));
      expect(response.status, person.email).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
    expect((await api(world, '/admin/clinics.csv')).status).toBe(401);
  });

  it('should audit each export served once, with its filters, and count it in pulse_exports_total{kind="clinics"}', async () => {
    // Before this test: 3 (the names) + 5 (the filters) + 1 (the awkward names) = 9 exports served; the refusals none.
    const rows = await listAudit(testDatabase(), { action: 'clinics_export', actorId: world.superAdmin.id }, 50);
    expect(rows).toHaveLength(9);
    expect(rows.every((row) => row.success && row.targetType === 'clinic_health' && row.actorRole === 'super_admin')).toBe(true);
    const atRisk = rows.find((row) => row.detail?.includes('"at_risk"'));
    expect(JSON.parse(atRisk?.detail ?? '{}')).toEqual({ status: 'at_risk', q: world.suffix, sort: 'name', order: 'asc', archived: false });
    const counted = await eventually(exportsCounted, (count) => count >= countedBefore + 9);
    expect(counted).toBe(countedBefore + 9);
  });
});
