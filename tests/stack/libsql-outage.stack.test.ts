import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedEventTally } from '../../db/queries/event-rows.ts';
import { apiKeys, clinicPrices, clinics, memberships, users } from '../../db/schema/index.ts';
import { newApiKey } from '../../worker/auth/api-key-format.ts';
import { hashPassword } from '../../worker/auth/password.ts';
import { sha256Hex } from '../../worker/auth/secrets.ts';
import { startStack, type Stack } from '../../scripts/lib/stack.ts';
import { eventually } from '../support/eventually.ts';
import { sqldForFile } from '../support/sqld-for-file.ts';

const OUTAGE_MS = 10_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The database goes away for ten seconds in the middle of a stream of events: the clinic's live
 * figures keep answering, and once it is back every event lands in libSQL exactly once.
 */
describe('libSQL down for 10 s in the middle of a stream', () => {
  const database = sqldForFile('outage');
  let stack: Stack;
  const key = newApiKey();
  let cookie = '';

  beforeAll(async () => {
    const { db, sqld, dataDir } = database();
    const password = await hashPassword('outage password');
    await db.batch([
      db.insert(clinics).values({ id: 'c-out', name: 'Cabinet', timezone: 'Africa/Tunis', planPriceMinor: 50_000, smsUnitCostMinor: 40, createdAt: 0 }),
      db.insert(clinicPrices).values({ clinicId: 'c-out', effectiveAt: 0, priceMinor: 50_000, createdAt: 0 }),
      db.insert(users).values({ id: 'u-out', email: 'owner@outage.test', role: 'member', createdAt: 0, passwordAlgorithm: password.algorithm, passwordIterations: password.iterations, passwordSalt: password.salt, passwordHash: password.hash }),
      db.insert(memberships).values({ userId: 'u-out', clinicId: 'c-out', role: 'clinic_owner', createdAt: 0 }),
      db.insert(apiKeys).values({ id: 'k-out', clinicId: 'c-out', name: 'queue app', prefix: key.prefix, secretHash: await sha256Hex(key.secret), createdAt: 0 }),
    ]);
    stack = await startStack({ dataDir: join(dataDir, 'worker'), seed: false, database: sqld });
    const login = await fetch(`${stack.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'owner@outage.test', password: 'outage password' }),
    });
    cookie = login.headers.getSetCookie().find((value) => value.startsWith('pulse_session='))?.split(';')[0] ?? '';
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  it('should keep answering and lose nothing, write nothing twice', async () => {
    let sent = 0;
    let accepted = 0;
    let todayAnswers = 0;
    const send = async () => {
      sent += 1;
      const entryId = `outage-entry-${sent}`;
      // Each batch is sent twice: the resend must count as duplicates, during the outage too.
      for (let copy = 0; copy < 2; copy += 1) {
        const response = await fetch(`${stack.url}/api/v1/ingest/events`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${key.key}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ events: [{ id: `outage-${sent}`, type: 'patient_added', entryId, method: 'qr', occurredAt: new Date().toISOString() }] }),
        });
        expect(response.status).toBe(200);
        const body = (await response.json()) as { accepted: number; duplicates: number };
        accepted += body.accepted;
        expect(body.accepted + body.duplicates).toBe(1);
      }
      const today = await fetch(`${stack.url}/api/v1/clinics/c-out/stats/today`, { headers: { Cookie: cookie } });
      expect(today.status).toBe(200);
      const figures = (await today.json()) as { waiting: number; sms: { monthToDate: { count: number } } | null };
      expect(figures.waiting).toBe(sent);
      // The month's SMS too, during the outage: the queue object's copy stands in.
      expect(figures.sms?.monthToDate.count).toBe(0);
      todayAnswers += 1;
    };

    for (let i = 0; i < 10; i += 1) await send();
    const history = (path: string, headers: Record<string, string> = {}) => fetch(`${stack.url}/api/v1/clinics/c-out/${path}`, { headers: { Cookie: cookie, ...headers } });
    const live = await history('analytics?timeframe=7d');
    expect(live.status).toBe(200);
    const liveBody = (await live.json()) as { current: unknown; dataFreshness: string };
    expect(liveBody.dataFreshness).toBe('live');
    await database().sqld.process.stop();
    // History asked afresh while the database is down: the last answer, marked stale; none, 503.
    const stale = await history('analytics?timeframe=7d', { 'Cache-Control': 'no-cache' });
    expect(stale.status).toBe(200);
    expect(await stale.json()).toMatchObject({ stale: true, current: liveBody.current });
    const never = await history('charts?timeframe=90d');
    expect(never.status).toBe(503);
    expect(await never.json()).toMatchObject({ error: { code: 'UNAVAILABLE' } });
    const outageEnds = Date.now() + OUTAGE_MS;
    while (Date.now() < outageEnds) {
      await send();
      await sleep(200);
    }
    await database().restart();
    for (let i = 0; i < 10; i += 1) await send();
    expect(accepted).toBe(sent);
    expect(todayAnswers).toBe(sent);

    const { db } = database();
    const stored = async () => (await storedEventTally(db, 'c-out', { idPrefix: 'outage-' })).rows;
    expect(await eventually(stored, (count) => count >= sent, 60_000)).toBe(sent);
    const distinct = await storedEventTally(db, 'c-out');
    expect(distinct.distinctIds).toBe(sent);
  }, 120_000);
});
