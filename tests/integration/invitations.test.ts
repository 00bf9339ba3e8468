import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTokens, users } from '../../db/schema/index.ts';
import { smtpMessagesTo } from '../support/smtp-inbox.ts';
import { api, createWorld, signIn, testDatabase, type World } from '../support/world.ts';

/** The one-time link of the latest invitation e-mail to `email`. */
async function linkMailedTo(email: string): Promise<string> {
  const mails = await smtpMessagesTo(email);
  const link = /https?:\/\/\S+\/setup#[\w-]{43}/.exec(mails.at(-1)?.text ?? '')?.[0];
  if (link === undefined) throw new Error(`no setup link mailed to ${email}: ${JSON.stringify(mails.map((mail) => mail.subject))}`);
  return link;
}

const tokenOf = (setupUrl: string) => new URL(setupUrl).hash.slice(1);
const readLink = (world: World, token: string) => api(world, '/auth/setup/read', { method: 'POST', json: { token } });

describe('invitations and one-time setup links', () => {
  let world: World;
  let ownerToken: string;
  beforeAll(async () => {
    world = await createWorld();
    ownerToken = await signIn(world, world.ownerA);
  });

  it('should e-mail a new receptionist a link to choose a password once, and be signed in by it', async () => {
    const email = `reception-${world.suffix}@test.pulse`;
    const invited = await api(world, `/clinics/${world.clinicA}/staff`, { method: 'POST', token: ownerToken, json: { email } });
    expect(invited.status).toBe(201);
    const invitation = await invited.json<Record<string, string>>();
    // The owner never holds the link: it goes to the person invited.
    expect(Object.keys(invitation).sort()).toEqual(['email', 'expiresAt', 'role']);
    expect(invitation.role).toBe('staff');
    expect(Date.parse(invitation.expiresAt ?? '') - Date.now()).toBeGreaterThan(71.9 * 3_600_000);
    const [mail] = await smtpMessagesTo(email);
    expect(mail?.subject).toBe(`Pulse : votre invitation à Cabinet A ${world.suffix}`);
    const setupUrl = await linkMailedTo(email);
    expect(setupUrl).toMatch(/^http:\/\/pulse\.test\/setup#[\w-]{43}$/);

    const token = tokenOf(setupUrl);
    const check = await readLink(world, token);
    expect(await check.json()).toEqual({ email });

    const setup = await api(world, '/auth/setup', { method: 'POST', json: { token, password: 'reception password 1', bearerToken: true } });
    expect(setup.status).toBe(200);
    const session = await setup.json<{ token: string }>();
    const me = await (await api(world, '/me', { token: session.token })).json<{ clinics: Array<{ id: string; role: string }> }>();
    expect(me.clinics.map(({ id, role }) => ({ id, role }))).toEqual([{ id: world.clinicA, role: 'staff' }]);

    const again = await api(world, '/auth/setup', { method: 'POST', json: { token, password: 'another password 22' } });
    expect(again.status).toBe(404);
    expect((await readLink(world, token)).status).toBe(404);
  });

  it('should never read a setup token from a URL path', async () => {
    const response = await api(world, `/auth/setup/${'x'.repeat(43)}`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'NOT_FOUND', message: expect.stringMatching(/^No route for GET/) } });
  });

  it('should refuse an expired link', async () => {
    const email = `late-${world.suffix}@test.pulse`;
    await api(world, `/clinics/${world.clinicA}/staff`, { method: 'POST', token: ownerToken, json: { email } });
    const [invited] = await testDatabase().select({ id: users.id }).from(users).where(eq(users.email, email));
    await testDatabase().update(setupTokens).set({ expiresAt: Date.now() - 1 }).where(eq(setupTokens.userId, invited?.id ?? ''));
    const setup = await api(world, '/auth/setup', { method: 'POST', json: { token: tokenOf(await linkMailedTo(email)), password: 'too late password' } });
    expect(setup.status).toBe(404);
    expect(await setup.json()).toMatchObject({ error: { code: 'NOT_FOUND', message: 'This link is invalid, already used or expired' } });
  });

  it('should answer an owner the same whether the e-mail has an account or not, and give the existing one the clinic', async () => {
    const fresh = await api(world, `/clinics/${world.clinicA}/staff`, { method: 'POST', token: ownerToken, json: { email: `new-${world.suffix}@test.pulse` } });
    // B's owner already has an account: a doctor working in two clinics.
    const existing = await api(world, `/clinics/${world.clinicA}/staff`, { method: 'POST', token: ownerToken, json: { email: world.ownerB.email } });
    expect([fresh.status, existing.status]).toEqual([201, 201]);
    const shape = (body: Record<string, string>) => ({ keys: Object.keys(body).sort(), role: body.role });
    expect(shape(await existing.json())).toEqual(shape(await fresh.json()));

    const ownerB = await signIn(world, world.ownerB);
    const me = await (await api(world, '/me', { token: ownerB })).json<{ clinics: Array<{ id: string; role: string }> }>();
    expect(me.clinics.map(({ id, role }) => ({ id, role })).sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: world.clinicA, role: 'staff' },
      { id: world.clinicB, role: 'clinic_owner' },
    ]);
    const [notice] = await smtpMessagesTo(world.ownerB.email);
    expect(notice?.subject).toBe(`Pulse : vous avez accès à Cabinet A ${world.suffix}`);
    expect(notice?.text).not.toMatch(/setup#/);
    // The password they had still works, and nobody got a link to change it.
    expect(await testDatabase().select().from(setupTokens).where(eq(setupTokens.userId, world.ownerB.id))).toEqual([]);
  });

  it('should invite the same new e-mail twice at once without a 500, into one account', async () => {
    const email = `twice-${world.suffix}@test.pulse`;
    const both = await Promise.all([1, 2].map(() => api(world, `/clinics/${world.clinicA}/staff`, { method: 'POST', token: ownerToken, json: { email } })));
    expect(both.map((response) => response.status)).toEqual([201, 201]);
    expect(await testDatabase().select({ id: users.id }).from(users).where(eq(users.email, email))).toHaveLength(1);
  });

  it('should let the super admin invite a clinic owner and see the link (they see every account anyway)', async () => {
    const adminToken = await signIn(world, world.superAdmin);
    const email = `second-owner-${world.suffix}@test.pulse`;
    const owner = await api(world, `/admin/clinics/${world.clinicB}/owners`, { method: 'POST', token: adminToken, json: { email, locale: 'en' } });
    expect(owner.status).toBe(201);
    const body = await owner.json<{ role: string; setupUrl: string }>();
    expect(body.role).toBe('clinic_owner');
    expect(body.setupUrl).toBe(await linkMailedTo(email));
    expect((await smtpMessagesTo(email))[0]?.subject).toBe(`Pulse: your invitation to Cabinet B ${world.suffix}`);
    const noClinic = await api(world, '/admin/clinics/no-such-clinic/owners', { method: 'POST', token: adminToken, json: { email: `x-${world.suffix}@test.pulse` } });
    expect(noClinic.status).toBe(404);
  });

  it('should not let staff invite anyone', async () => {
    const staffToken = await signIn(world, world.staffA);
    const response = await api(world, `/clinics/${world.clinicA}/staff`, { method: 'POST', token: staffToken, json: { email: `y-${world.suffix}@test.pulse` } });
    expect(response.status).toBe(403);
  });
});
