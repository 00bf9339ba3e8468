import { beforeAll, describe, expect, it } from 'vitest';
import { api, createWorld, sessionFor, type World } from '../support/world.ts';

describe('the admin console refusing bad clinic settings', () => {
  let world: World;
  let admin: string;
  beforeAll(async () => {
    world = await createWorld();
    admin = await sessionFor(world.superAdmin);
  });

  it('should refuse a currency that is no ISO 4217 code, and a name with control or bidirectional characters, in words', async () => {
    type Refusal = { error: { code: string; details: { issues: Array<{ path: string; message: string }> } } };
    const issuesOf = async (path: string, method: string, json: unknown) => {
      const refused = await api(world, path, { method, token: admin, json });
      const body = await refused.json<Refusal>();
      return { status: refused.status, code: body.error.code, issues: body.error.details.issues };
    };
    const create = (fields: Record<string, unknown>) => issuesOf('/admin/clinics', 'POST', { name: 'Cabinet Refusé', timezone: 'Africa/Tunis', planPrice: 50, smsUnitCost: 0.04, ...fields });
    const currencies = ['ZZ9', '1$%', '   ', 'tnd'];
    const names = [['Cabinet\r\nBcc: intrus@example.com', 'U+000D, a control character, at position 8'], ['Cabinet\u0000 Sfax', 'U+0000, a control character'], ['Cabinet \u0007', 'U+0007, a control character'], ['Cabinet \u2066Sfax\u2069', 'U+2066, a bidirectional formatting character']] as const;
    const [byCurrency, byName, renamed] = await Promise.all([
      Promise.all(currencies.map((currency) => create({ currency }))),
      Promise.all(names.map(([name]) => create({ name }))),
      issuesOf(`/admin/clinics/${world.clinicA}`, 'PATCH', { name: 'Cabinet \u202Eelleb' }),
    ]);
    for (const refused of byCurrency) {
      expect(refused).toEqual({ status: 400, code: 'VALIDATION_FAILED', issues: [{ path: 'currency', message: 'must be an ISO 4217 currency code in capitals, e.g. TND or EUR' }] });
    }
    byName.forEach((refused, at) => {
      expect(refused).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', issues: [{ path: 'name', message: expect.stringMatching(/not allowed in a name$/) }] });
      expect(refused.issues[0]?.message).toContain(`contains ${names[at]?.[1]}`);
    });
    expect(renamed).toMatchObject({ status: 400, issues: [{ path: 'name', message: expect.stringContaining('contains U+202E, a bidirectional formatting character, at position 9') }] });
  });
});
