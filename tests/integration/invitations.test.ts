import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTokens } from '../../db/schema/index.ts';
import { api, createWorld, signIn, testDatabase, type World } from '../support/world.ts';

const tokenOf = (setupUrl: string) => new URL(setupUrl).hash.slice(1);

describe('invitations and one-time setup links', () => {
  let world: World;
  let ownerToken: string;
  beforeAll(async () => {
    world = await createWorld();
    ownerToken = await signIn(world, world.ownerA);
  });

  it('should let an owner invite a receptionist, who chooses a password once and is signed in', async () => {
    const email = `reception-${world.suffix}@test.pulse`;
    const invited = await api(world, `/clinics/${world.clinicA}/staff`, { method: 'POST', token: ownerToken, json: { email } });
    expect(invited.status).toBe(201);
    const invitation = await invited.json<{ userId: string; role: string; setupUrl: string; expiresAt: string }>();
    expect(invitation.role).toBe('staff');
    expect(invitation.setupUrl).toMatch(/^http:\/\/pulse\.test\/setup#[\w-]{43}$/);
    expect(Date.parse(invitation.expiresAt) - Date.now()).toBeGreaterThan(71.9 * 3_600_000);

    const token = tokenOf(invitation.setupUrl);
    const check = await api(world, `/auth/setup/${token}`);
    expect(await check.json()).toEqual({ email });

    const setup = await api(world, '/auth/setup', { method: 'POST', json: { token, password: 'reception password 1' } });
    expect(setup.status).toBe(200);
    const session = await setup.json<{ token: string }>();
    const me = await (await api(world, '/me', { token: session.token })).json<{ clinics: Array<{ id: string; role: string }> }>();
    expect(me.clinics.map(({ id, role }) => ({ id, role }))).toEqual([{ id: world.clinicA, role: 'staff' }]);

    const again = await api(world, '/auth/setup', { method: 'POST', json: { token, password: 'another password 22' } });
    expect(again.status).toBe(404);
    expect((await api(world, `/auth/setup/${token}`)).status).toBe(404);
  });

  it('should refuse an expired link', async () => {
    const invited = await api(world, `/clinics/${world.clinicA}/staff`, { method: 'POST', token: ownerToken, json: { email: `late-${world.suffix}@test.pulse` } });
    const { setupUrl, userId } = await invited.json<{ setupUrl: string; userId: string }>();
    await testDatabase().update(setupTokens).set({ expiresAt: Date.now() - 1 }).where(eq(setupTokens.userId, userId));
    const setup = await api(world, '/auth/setup', { method: 'POST', json: { token: tokenOf(setupUrl), password: 'too late password' } });
    expect(setup.status).toBe(404);
    expect(await setup.json()).toMatchObject({ error: { code: 'NOT_FOUND', message: 'This link is invalid, already used or expired' } });
  });

  it('should let the super admin invite a clinic owner, and refuse an e-mail already taken', async () => {
    const adminToken = await signIn(world, world.superAdmin);
    const owner = await api(world, `/admin/clinics/${world.clinicB}/owners`, { method: 'POST', token: adminToken, json: { email: `second-owner-${world.suffix}@test.pulse`, locale: 'en' } });
    expect(owner.status).toBe(201);
    expect(await owner.json()).toMatchObject({ role: 'clinic_owner' });
    const taken = await api(world, `/admin/clinics/${world.clinicB}/owners`, { method: 'POST', token: adminToken, json: { email: world.ownerA.email } });
    expect(taken.status).toBe(409);
    const noClinic = await api(world, '/admin/clinics/no-such-clinic/owners', { method: 'POST', token: adminToken, json: { email: `x-${world.suffix}@test.pulse` } });
    expect(noClinic.status).toBe(404);
  });

  it('should not let staff invite anyone', async () => {
    const staffToken = await signIn(world, world.staffA);
    const response = await api(world, `/clinics/${world.clinicA}/staff`, { method: 'POST', token: staffToken, json: { email: `y-${world.suffix}@test.pulse` } });
    expect(response.status).toBe(403);
  });
});
