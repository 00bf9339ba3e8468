import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicPrices, clinics, memberships, users } from '../../db/schema/index.ts';
import { hashPassword } from '../../worker/auth/password.ts';
import { startStack, type Stack } from '../../scripts/lib/stack.ts';
import { sqldForFile } from '../support/sqld-for-file.ts';

/**
 * Two Workers (two workerd processes, as two isolates in production) in front of one database:
 * the password throttle must count attempts made on either.
 */
describe('login throttling across Worker instances', () => {
  const database = sqldForFile('two-workers');
  let first: Stack;
  let second: Stack;
  const email = 'owner@two-instances.test';
  const password = 'the right password';

  beforeAll(async () => {
    const { db, sqld, dataDir } = database();
    const stored = await hashPassword(password);
    await db.batch([
      db.insert(clinics).values({ id: 'c1', name: 'Cabinet', timezone: 'Africa/Tunis', planPriceMinor: 50_000, smsUnitCostMinor: 40, createdAt: 0 }),
      db.insert(clinicPrices).values({ clinicId: 'c1', effectiveAt: 0, priceMinor: 50_000, createdAt: 0 }),
      db.insert(users).values({
        id: 'u1', email, role: 'member', createdAt: 0, passwordAlgorithm: stored.algorithm,
        passwordIterations: stored.iterations, passwordSalt: stored.salt, passwordHash: stored.hash,
      }),
      db.insert(memberships).values({ userId: 'u1', clinicId: 'c1', role: 'clinic_owner', createdAt: 0 }),
    ]);
    // One deployment: both instances share the database and the secrets.
    const devVarsPath = join(dataDir, '.dev.vars');
    // One after the other: two wrangler dev starting at the same instant once hung this hook for
    // 180 s in a full run (cause not found); in turn they take a few seconds more.
    first = await startStack({ dataDir: join(dataDir, 'first'), seed: false, database: sqld, devVarsPath });
    second = await startStack({ dataDir: join(dataDir, 'second'), seed: false, database: sqld, devVarsPath });
  }, 180_000);

  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
  }, 60_000);

  // Two client addresses; wrangler dev passes a CF-Connecting-IP the client sent (worker/http/audit.ts).
  const login = (stack: Stack, attempt: string, ip = '192.0.2.10') =>
    fetch(`${stack.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': ip },
      body: JSON.stringify({ email, password: attempt }),
    });

  it('should slow a guesser whose 5 failures are spread over both instances, on both, and never the owner elsewhere', async () => {
    expect(first.url).not.toBe(second.url);
    for (const stack of [first, second, first, second, first]) {
      expect((await login(stack, 'wrong')).status).toBe(401);
    }
    const slowedOnSecond = await login(second, password);
    expect(slowedOnSecond.status).toBe(429);
    expect(Number(slowedOnSecond.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login(first, password)).status).toBe(429);
    // The owner, from their own address, gets in through either instance.
    expect((await login(first, password, '198.51.100.20')).status).toBe(200);
    expect((await login(second, password, '198.51.100.20')).status).toBe(200);
  });
});
