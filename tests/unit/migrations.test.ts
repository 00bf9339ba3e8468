import { readdir } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applyMigrations, MIGRATIONS_FOLDER } from '../../db/migrate.ts';
import { clinics } from '../../db/schema/index.ts';
import { sqldForFile } from '../support/sqld-for-file.ts';

describe('migrations against a real sqld', () => {
  const database = sqldForFile('migrations', { migrate: false });

  it('should create every table of the domain', async () => {
    const { db } = database();
    await applyMigrations(db);
    const rows = await db.all<{ name: string }>(sql`select name from sqlite_master where type = 'table' order by name`);
    expect(rows.map((row) => row.name)).toEqual(
      expect.arrayContaining([
        'alert_deliveries', 'alert_instances', 'alert_rules', 'api_keys', 'audit_log', 'clinic_activity',
        'clinics', 'daily_rollups', 'digest_runs', 'events', 'hourly_rollups', 'memberships',
        'login_failures', 'notification_preferences', 'push_subscriptions', 'queue_entries', 'sessions', 'setup_tokens',
        'sms_messages', 'users', 'alert_pending', 'alert_held_pushes', 'annotations', 'share_links', 'clinic_prices', 'job_failures',
      ]),
    );
  });

  it('should be harmless to apply twice: nothing re-run, data kept', async () => {
    const { db } = database();
    await db.insert(clinics).values({
      id: 'clinic-kept', name: 'Cabinet témoin', timezone: 'Africa/Tunis',
      planPriceMinor: 50_000, smsUnitCostMinor: 40, createdAt: Date.UTC(2026, 10, 1),
    });
    await applyMigrations(db);
    const applied = await db.all<{ count: number }>(sql`select count(*) as count from __drizzle_migrations`);
    const files = (await readdir(MIGRATIONS_FOLDER)).filter((name) => name.endsWith('.sql'));
    expect(applied[0]?.count).toBe(files.length);
    const kept = await db.select().from(clinics);
    expect(kept.map((clinic) => clinic.id)).toEqual(['clinic-kept']);
  });

  it('should refuse a second open alert for the same rule and subject', async () => {
    const { db } = database();
    await db.run(sql`insert into alert_rules (id, kind, scope, threshold, channels, priority, cooldown_minutes, created_at)
      values ('rule-1', 'queue_too_long', 'clinic', 30, '["push"]', 'P2', 60, 0)`);
    await db.run(sql`insert into alert_instances (id, rule_id, subject_key, value, fired_at) values ('a1', 'rule-1', 'clinic-kept', 31, 1)`);
    await expect(
      db.run(sql`insert into alert_instances (id, rule_id, subject_key, value, fired_at) values ('a2', 'rule-1', 'clinic-kept', 32, 2)`),
    ).rejects.toThrow();
    await db.run(sql`update alert_instances set resolved_at = 3 where id = 'a1'`);
    await db.run(sql`insert into alert_instances (id, rule_id, subject_key, value, fired_at) values ('a2', 'rule-1', 'clinic-kept', 32, 4)`);
  });
});
