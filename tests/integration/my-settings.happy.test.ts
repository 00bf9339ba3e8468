import { describe, expect, it } from 'vitest';
import { findUserById } from '../../db/queries/users.ts';
import { channelChoicesOfUser } from '../../db/queries/recipients.ts';
import { apiJson, signedInWorld, testDatabase } from '../support/world.ts';

describe('a person’s own quiet hours and channels (/me/settings)', () => {
  const signedIn = signedInWorld(['ownerA', 'superAdmin', 'staffA']);
  const db = testDatabase();

  it("should answer a clinic owner's defaults: no quiet hours, the clinic's zone, and the rules' channels for the clinic kinds", async () => {
    const { world } = signedIn;
    const { status, body } = await apiJson(world, '/me/settings', { token: signedIn.token('ownerA') });
    expect(status).toBe(200);
    expect(body).toEqual({
      locale: 'fr',
      weeklyDigest: true,
      quietHours: null,
      quietHoursZones: ['Africa/Tunis'],
      channels: { queue_too_long: ['push', 'email'], unusual_hour: ['push', 'email'], sms_budget: ['push', 'email'] },
    });
  });

  it('should keep quiet hours across midnight and a channel choice, change only the kinds given, and answer them back', async () => {
    const { world } = signedIn;
    const token = signedIn.token('ownerA');
    const before = await apiJson<{ channels: Record<string, string[]> }>(world, '/me/settings', { token });
    const changed = await apiJson(world, '/me/settings', { method: 'PATCH', token, json: { quietHours: { from: '20:00', to: '07:00' }, channels: { queue_too_long: ['email', 'digest'] } } });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({
      locale: 'fr',
      weeklyDigest: true,
      quietHours: { from: '20:00', to: '07:00' },
      quietHoursZones: ['Africa/Tunis'],
      channels: { ...before.body.channels, queue_too_long: ['email', 'digest'] },
    });
    expect(await apiJson(world, '/me/settings', { token })).toMatchObject({ status: 200, body: changed.body });
    expect(await findUserById(db, world.ownerA.id)).toMatchObject({ quietFrom: '20:00', quietTo: '07:00' });
    expect((await channelChoicesOfUser(db, world.ownerA.id)).get('queue_too_long')).toEqual({ push: false, email: true, digest: true });

    // The language alone: the rest stays. Then no quiet hours at all, and no channel for this kind.
    const english = await apiJson<{ locale: string; quietHours: unknown }>(world, '/me/settings', { method: 'PATCH', token, json: { locale: 'en' } });
    expect(english.body).toMatchObject({ locale: 'en', quietHours: { from: '20:00', to: '07:00' } });
    const cleared = await apiJson(world, '/me/settings', { method: 'PATCH', token, json: { quietHours: null, channels: { queue_too_long: [] } } });
    expect(cleared.body).toMatchObject({ locale: 'en', quietHours: null, channels: { queue_too_long: [] } });
    expect(await findUserById(db, world.ownerA.id)).toMatchObject({ quietFrom: null, quietTo: null, locale: 'en' });
  });

  it("should answer the super admin the service kinds, read in the service's zone, and let a P2 go silent", async () => {
    const { world } = signedIn;
    const token = signedIn.token('superAdmin');
    const read = await apiJson<{ channels: Record<string, string[]>; quietHoursZones: string[] }>(world, '/me/settings', { token });
    expect(Object.keys(read.body.channels)).toEqual(['sms_failures', 'sms_cost', 'mrr_drop', 'churn_risk']);
    expect(read.body.channels).toMatchObject({ sms_failures: ['push', 'email'], sms_cost: ['email'], mrr_drop: ['push', 'email'], churn_risk: ['digest'] });
    expect(read.body.quietHoursZones).toEqual(['Africa/Tunis']);
    const changed = await apiJson(world, '/me/settings', { method: 'PATCH', token, json: { quietHours: { from: '23:30', to: '06:00' }, channels: { churn_risk: [], sms_failures: ['push'] } } });
    expect(changed).toMatchObject({ status: 200, body: { quietHours: { from: '23:30', to: '06:00' }, channels: { churn_risk: [], sms_failures: ['push'], sms_cost: ['email'] } } });
  });

  it('should give staff quiet hours but no alert kinds to choose channels for', async () => {
    const { world } = signedIn;
    const token = signedIn.token('staffA');
    const changed = await apiJson(world, '/me/settings', { method: 'PATCH', token, json: { quietHours: { from: '12:00', to: '14:00' } } });
    expect(changed).toMatchObject({ status: 200, body: { quietHours: { from: '12:00', to: '14:00' }, channels: {}, quietHoursZones: [] } });
  });
});
