import { describe, expect, it } from 'vitest';
import { channelChoicesOfUser } from '../../db/queries/recipients.ts';
import { findUserById } from '../../db/queries/users.ts';
import { apiJson, signedInWorld, testDatabase } from '../support/world.ts';

interface ErrorAnswer {
  error: { code: string; message: string; details: { field?: string; issues?: Array<{ path: string; message: string }> } };
}

describe('refused changes of quiet hours and channels (/me/settings)', () => {
  const signedIn = signedInWorld(['ownerA', 'superAdmin', 'staffA']);
  const db = testDatabase();

  /** The change is refused with 400 VALIDATION_FAILED; answers where the refusal points. */
  async function refused(person: 'ownerA' | 'superAdmin' | 'staffA', change: unknown): Promise<string[]> {
    const { status, body } = await apiJson<ErrorAnswer>(signedIn.world, '/me/settings', { method: 'PATCH', token: signedIn.token(person), json: change });
    expect(status, JSON.stringify(change)).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    return body.error.details.field !== undefined ? [body.error.details.field] : (body.error.details.issues ?? []).map((issue) => issue.path);
  }

  it('should refuse times that are no HH:MM and an empty stretch (from = to), pointing at the field', async () => {
    expect(await refused('ownerA', { quietHours: { from: '24:00', to: '07:00' } })).toEqual(['quietHours.from']);
    expect(await refused('ownerA', { quietHours: { from: '20:00', to: '7:00' } })).toEqual(['quietHours.to']);
    expect(await refused('ownerA', { quietHours: { from: '20:00' } })).toEqual(['quietHours.to']);
    expect(await refused('ownerA', { quietHours: { from: '07:00', to: '07:00' } })).toEqual(['quietHours.to']);
    expect(await refused('ownerA', { quietHours: { from: '20:00', to: '07:00', zone: 'Europe/Paris' } })).toEqual(['quietHours']);
  });

  it('should refuse unknown kinds and channels, and a channel given twice', async () => {
    expect(await refused('ownerA', { channels: { queue_too_short: ['push'] } })).toEqual(['channels']);
    expect(await refused('ownerA', { channels: { queue_too_long: ['sms'] } })).toEqual(['channels.queue_too_long.0']);
    expect(await refused('ownerA', { channels: { queue_too_long: ['push', 'push'] } })).toEqual(['channels.queue_too_long']);
  });

  it('should refuse a kind the person never receives: an owner the service kinds, staff any kind', async () => {
    expect(await refused('ownerA', { channels: { sms_cost: ['email'] } })).toEqual(['channels.sms_cost']);
    expect(await refused('staffA', { channels: { queue_too_long: ['push'] } })).toEqual(['channels.queue_too_long']);
    expect(await refused('superAdmin', { channels: { queue_too_long: ['push'] } })).toEqual(['channels.queue_too_long']);
  });

  it("should refuse to leave a P1 of the super admin without a channel, and change nothing else of that request", async () => {
    expect(await refused('superAdmin', { locale: 'en', quietHours: { from: '21:00', to: '06:00' }, channels: { churn_risk: ['email'], mrr_drop: [] } })).toEqual(['channels.mrr_drop']);
    expect(await findUserById(db, signedIn.world.superAdmin.id)).toMatchObject({ locale: 'fr', quietFrom: null, quietTo: null });
    expect(await channelChoicesOfUser(db, signedIn.world.superAdmin.id)).toEqual(new Map());
  });

  it('should refuse an empty change', async () => {
    expect(await refused('ownerA', {})).toEqual(['']);
  });
});
