import { describe, expect, it } from 'vitest';
import { insertAudit, type NewAuditRow } from '../../db/queries/audit.ts';
import { api, apiJson, signedInWorld, signIn, testDatabase } from '../support/world.ts';

interface Entry {
  action: string;
  actorId: string | null;
  actorRole: string | null;
  clinicId: string | null;
  targetType: string | null;
  targetId: string | null;
  success: boolean;
  errorCode: string | null;
  ipHash: string | null;
  userAgent: string | null;
}

/** Audit rows written in this order, so their ids (the log's order) follow it. */
async function auditRows(rows: readonly NewAuditRow[]): Promise<void> {
  for (const row of rows) await insertAudit(testDatabase(), row);
}

describe('the audit log', () => {
  const signedIn = signedInWorld(['superAdmin'], 'login');

  const entries = async (query: string) => {
    const { status, body } = await apiJson<{ entries: Entry[]; nextCursor: string | null }>(signedIn.world, `/admin/audit?${query}`, { token: signedIn.token('superAdmin') });
    expect(status).toBe(200);
    return body;
  };

  it('should record every audited action with actor, role, clinic, outcome, hashed IP and user agent', async () => {
    const { world } = signedIn;
    const admin = signedIn.token('superAdmin');
    await api(world, '/auth/login', { method: 'POST', json: { email: world.ownerA.email, password: 'wrong' }, headers: { 'User-Agent': 'PulseTest/1.0' } });
    const owner = await signIn(world, world.ownerA);
    const key = await (await api(world, `/clinics/${world.clinicA}/api-keys`, { method: 'POST', token: owner, json: { name: 'k' } })).json<{ id: string }>();
    await api(world, `/clinics/${world.clinicA}/api-keys/${key.id}`, { method: 'DELETE', token: owner });
    await api(world, `/clinics/${world.clinicA}/staff`, { method: 'POST', token: owner, json: { email: `audited-${world.suffix}@test.pulse` } });
    await api(world, '/auth/password', { method: 'POST', token: owner, json: { currentPassword: world.ownerA.password, newPassword: 'new password for audit' } });
    await api(world, `/admin/users/${world.staffA.id}/access`, { method: 'PUT', token: admin, json: { disabled: true } });

    const own = await entries(`actorId=${world.ownerA.id}&limit=50`);
    const actions = own.entries.map((entry) => `${entry.action}:${entry.success}`).reverse();
    expect(actions).toEqual(['login:false', 'login:true', 'api_key_create:true', 'api_key_revoke:true', 'invitation:true', 'password_change:true']);
    const failed = own.entries.at(-1);
    expect(failed).toMatchObject({ errorCode: 'UNAUTHORIZED', targetType: 'user', targetId: world.ownerA.id, userAgent: 'PulseTest/1.0' });
    expect(failed?.ipHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(own)).not.toContain(world.ip);
    expect(own.entries.find((entry) => entry.action === 'api_key_create')).toMatchObject({ actorRole: 'clinic_owner', clinicId: world.clinicA, targetType: 'api_key', targetId: key.id });

    const disabled = await entries(`action=user_disable&actorId=${world.superAdmin.id}`);
    expect(disabled.entries).toEqual([expect.objectContaining({ actorRole: 'super_admin', targetId: world.staffA.id, success: true })]);
  });

  it('should page newest first with a cursor, filtered by clinic and date range', async () => {
    const { world } = signedIn;
    const clinicId = `paged-${world.suffix}`;
    const base = Date.UTC(2026, 10, 20, 9);
    await auditRows([0, 1, 2, 3, 4].map((n) => ({ at: base + n * 60_000, actorKind: 'system' as const, action: `step_${n}`, clinicId, success: true })));
    const first = await entries(`clinicId=${clinicId}&limit=2`);
    expect(first.entries.map((entry) => entry.action)).toEqual(['step_4', 'step_3']);
    const second = await entries(`clinicId=${clinicId}&limit=2&cursor=${first.nextCursor}`);
    expect(second.entries.map((entry) => entry.action)).toEqual(['step_2', 'step_1']);
    const ranged = await entries(`clinicId=${clinicId}&from=${new Date(base + 60_000).toISOString()}&to=${new Date(base + 120_000).toISOString()}`);
    expect(ranged.entries.map((entry) => entry.action)).toEqual(['step_2', 'step_1']);
    expect(ranged.nextCursor).toBeNull();
  });

  it('should export known rows as exact RFC 4180 CSV, neutralising formulas, and audit the export', async () => {
    const { world } = signedIn;
    const admin = signedIn.token('superAdmin');
    const clinicId = `csv-${world.suffix}`;
    const at = Date.UTC(2026, 10, 24, 8, 30);
    await auditRows([
      { at, actorKind: 'user', actorId: 'u-1', actorRole: 'clinic_owner', action: 'setting_change', clinicId, targetType: 'clinic', targetId: clinicId, success: true, userAgent: 'Mozilla/5.0 (X11, Linux)', detail: '{"name":"Cabinet \\"Ben\\" Salah"}' },
      { at: at + 1_000, actorKind: 'user', actorId: 'u-2', actorRole: 'staff', action: 'export', clinicId, targetType: 'clinic', targetId: '=HYPERLINK("x")', success: false, errorCode: 'FORBIDDEN', userAgent: 'line one\nline two' },
    ]);
    const response = await api(world, `/admin/audit?format=csv&clinicId=${clinicId}`, { token: admin });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="pulse-audit.csv"');
    const text = await response.text();
    const ids = [...text.matchAll(/^(\d+),/gm)].map((match) => match[1]);
    expect(text).toBe(
      'id,at,actor_kind,actor_id,actor_role,action,clinic_id,target_type,target_id,success,error_code,ip_hash,user_agent,detail\r\n' +
        `${ids[0]},2026-11-24T08:30:01.000Z,user,u-2,staff,export,${clinicId},clinic,"'=HYPERLINK(""x"")",false,FORBIDDEN,,"line one\nline two",\r\n` +
        `${ids[1]},2026-11-24T08:30:00.000Z,user,u-1,clinic_owner,setting_change,${clinicId},clinic,${clinicId},true,,,"Mozilla/5.0 (X11, Linux)","{""name"":""Cabinet \\""Ben\\"" Salah""}"\r\n`,
    );
    const exports = await entries(`action=audit_export&actorId=${world.superAdmin.id}`);
    expect(exports.entries).toHaveLength(1);
  });
});
