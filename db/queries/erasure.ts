/**
 * Erasure (PRODUCT: erasure): a clinic's rows, or a person's, deleted from libSQL in one write
 * transaction, children before parents — sqld enforces foreign keys (`pragma foreign_keys` is on),
 * so a parent deleted first would fail the whole batch and leave everything as it was.
 *
 * What each table holds of a clinic, and what erasing it does:
 * - gone: events, queue_entries, sms_messages, clinic_activity, day_forecasts, day_end_predictions,
 *   api_keys (deleted, so the queue app's key stops at once), share_links, annotations, invitations
 *   and their setup links, memberships, session_sockets, alert_rules / alert_instances /
 *   alert_pending / alert_held_pushes / alert_deliveries about it, digest_runs of its digest,
 *   dead_letters whose body names it, mail_outbox messages naming it or sent to its only-members;
 * - gone unless the daily figures are kept: hourly_rollups, daily_rollups, clinic_prices, and the
 *   clinics row itself (kept: archived, renamed to a neutral name);
 * - sessions of people whose only clinic it was: revoked (the people stay, deleted only one by one);
 * - kept: audit_log (the record of what happened, its details scrubbed of names and e-mails),
 *   business_days and service_models (service-wide figures, no clinic in them), users, login
 *   failures, job_failures and push subscriptions (nothing of a clinic in them).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { writeBatch } from '../write-batch.ts';

/** How many rows each table lost (or had changed, for the kept clinic row and revoked sessions). */
export type ErasedCounts = Record<string, number>;

/** A statement and the table whose rows it counts under. */
interface CountedStatement {
  table: string;
  statement: SQL;
}

async function runCounted(db: Database, statements: readonly CountedStatement[]): Promise<ErasedCounts> {
  const changed = await writeBatch(db, statements.map(({ statement }) => statement));
  const counts: ErasedCounts = {};
  statements.forEach(({ table }, index) => {
    counts[table] = (counts[table] ?? 0) + (changed[index] ?? 0);
  });
  return counts;
}

/** `(a, b, c)` for `in`; `(null)` matches nothing when there are none. */
const list = (values: readonly string[]) => (values.length === 0 ? sql`(null)` : sql`(${sql.join(values.map((value) => sql`${value}`), sql`, `)})`);

/** What erasing a clinic reads first: its name, who belongs to it alone, its invitations' links. */
export interface ClinicErasurePlan {
  clinicId: string;
  name: string;
  /** Its zone: the kept reads it leaves in caches are keyed by its day. */
  timezone: string;
  /** Every member's e-mail: no audit detail of the clinic may keep one. */
  memberEmails: string[];
  /** Members (not super admins) whose only clinic this is: their sessions are revoked. */
  onlyMembers: Array<{ id: string; email: string }>;
  /** Setup links e-mailed with its invitations. */
  invitationTokens: string[];
}

/** The plan for erasing `clinicId`, or undefined when there is no such clinic. */
export async function planClinicErasure(db: Database, clinicId: string): Promise<ClinicErasurePlan | undefined> {
  const [clinic] = (await db.run(sql`select name, timezone from clinics where id = ${clinicId}`)).rows;
  if (clinic === undefined) return undefined;
  const members = await db.run(sql`
    select u.id, u.email, u.role <> 'super_admin'
      and not exists (select 1 from memberships other where other.user_id = m.user_id and other.clinic_id <> ${clinicId}) as only_here
    from memberships m join users u on u.id = m.user_id where m.clinic_id = ${clinicId}`);
  const tokens = await db.run(sql`select token_hash from invitations where clinic_id = ${clinicId} and token_hash is not null`);
  const people = members.rows.map((row) => ({ id: String(row.id), email: String(row.email), onlyHere: Number(row.only_here) === 1 }));
  return {
    clinicId,
    name: String(clinic.name),
    timezone: String(clinic.timezone),
    memberEmails: people.map((person) => person.email),
    onlyMembers: people.filter((person) => person.onlyHere).map(({ id, email }) => ({ id, email })),
    invitationTokens: tokens.rows.map((row) => String(row.token_hash)),
  };
}

/** An audit row's new detail, written with the erasure. */
export interface ScrubbedAuditDetail {
  id: number;
  detail: string | null;
}

/**
 * Audit rows whose detail may name a person or a clinic: those of the clinic, those about one of
 * `userIds`, and any whose detail mentions one of `texts` (case ignored).
 */
export async function auditDetailsAbout(
  db: Database,
  about: { clinicId?: string; userIds: readonly string[]; texts: readonly string[] },
): Promise<Array<{ id: number; detail: string }>> {
  const conditions = [
    ...(about.clinicId === undefined ? [] : [sql`clinic_id = ${about.clinicId}`]),
    ...(about.userIds.length === 0 ? [] : [sql`target_id in ${list(about.userIds)}`]),
    ...about.texts.filter((text) => text.length > 0).map((text) => sql`instr(lower(detail), ${text.toLowerCase()}) > 0`),
  ];
  if (conditions.length === 0) return [];
  const rows = await db.run(sql`select id, detail from audit_log where detail is not null and (${sql.join(conditions, sql` or `)})`);
  return rows.rows.map((row) => ({ id: Number(row.id), detail: String(row.detail) }));
}

function auditScrubs(scrubbed: readonly ScrubbedAuditDetail[]): CountedStatement[] {
  return scrubbed.map(({ id, detail }) => ({ table: 'audit_log', statement: sql`update audit_log set detail = ${detail} where id = ${id}` }));
}

/**
 * Erases a clinic as planned, in one transaction; answers the rows changed per table. With
 * `keep` set, its rollups and price history stay and its row stays archived under `keep.name`.
 */
export async function eraseClinicRows(
  db: Database,
  plan: ClinicErasurePlan,
  options: { keep: { name: string; nameKey: string } | null; now: number; scrubbed: readonly ScrubbedAuditDetail[] },
): Promise<ErasedCounts> {
  const c = plan.clinicId;
  const rules = sql`select id from alert_rules where clinic_id = ${c}`;
  const instances = sql`select id from alert_instances where clinic_id = ${c} or subject_key = ${c} or rule_id in (${rules})`;
  const onlyMemberIds = plan.onlyMembers.map((member) => member.id);
  const mentions = (column: SQL) => sql`(instr(${column}, ${c}) > 0 or instr(${column}, ${plan.name}) > 0)`;
  const statements: CountedStatement[] = [
    { table: 'alert_deliveries', statement: sql`delete from alert_deliveries where instance_id in (${instances})` },
    { table: 'alert_held_pushes', statement: sql`delete from alert_held_pushes where instance_id in (${instances})` },
    { table: 'alert_instances', statement: sql`delete from alert_instances where id in (${instances})` },
    { table: 'alert_pending', statement: sql`delete from alert_pending where clinic_id = ${c} or subject_key = ${c} or rule_id in (${rules})` },
    { table: 'alert_rules', statement: sql`delete from alert_rules where clinic_id = ${c}` },
    { table: 'session_sockets', statement: sql`delete from session_sockets where clinic_id = ${c}` },
    { table: 'invitations', statement: sql`delete from invitations where clinic_id = ${c}` },
    // A link another clinic's invitation still points at stays: that invitation is not erased.
    { table: 'setup_tokens', statement: sql`delete from setup_tokens where token_hash in ${list(plan.invitationTokens)} and token_hash not in (select token_hash from invitations where token_hash is not null)` },
    { table: 'memberships', statement: sql`delete from memberships where clinic_id = ${c}` },
    { table: 'api_keys', statement: sql`delete from api_keys where clinic_id = ${c}` },
    { table: 'share_links', statement: sql`delete from share_links where clinic_id = ${c}` },
    { table: 'annotations', statement: sql`delete from annotations where clinic_id = ${c}` },
    { table: 'events', statement: sql`delete from events where clinic_id = ${c}` },
    { table: 'queue_entries', statement: sql`delete from queue_entries where clinic_id = ${c}` },
    { table: 'sms_messages', statement: sql`delete from sms_messages where clinic_id = ${c}` },
    { table: 'clinic_activity', statement: sql`delete from clinic_activity where clinic_id = ${c}` },
    { table: 'day_forecasts', statement: sql`delete from day_forecasts where clinic_id = ${c}` },
    { table: 'day_end_predictions', statement: sql`delete from day_end_predictions where clinic_id = ${c}` },
    { table: 'digest_runs', statement: sql`delete from digest_runs where scope_key = ${c}` },
    { table: 'dead_letters', statement: sql`delete from dead_letters where instr(body, ${c}) > 0` },
    {
      table: 'mail_outbox',
      statement: sql`delete from mail_outbox where ${mentions(sql`subject`)} or ${mentions(sql`text`)} or ${mentions(sql`html`)}
        or exists (select 1 from users u where u.id in ${list(onlyMemberIds)} and instr(lower(to_addresses), u.email) > 0)`,
    },
    { table: 'sessions', statement: sql`update sessions set revoked_at = ${options.now} where user_id in ${list(onlyMemberIds)} and revoked_at is null` },
    ...auditScrubs(options.scrubbed),
  ];
  if (options.keep === null) {
    statements.push(
      { table: 'hourly_rollups', statement: sql`delete from hourly_rollups where clinic_id = ${c}` },
      { table: 'daily_rollups', statement: sql`delete from daily_rollups where clinic_id = ${c}` },
      { table: 'clinic_prices', statement: sql`delete from clinic_prices where clinic_id = ${c}` },
      { table: 'clinics', statement: sql`delete from clinics where id = ${c}` },
    );
  } else {
    statements.push({
      table: 'clinics',
      statement: sql`update clinics set name = ${options.keep.name}, name_key = ${options.keep.nameKey}, archived_at = coalesce(archived_at, ${options.now}) where id = ${c}`,
    });
  }
  return runCounted(db, statements);
}

/** How many super admins there are now. */
export async function superAdminCount(db: Database): Promise<number> {
  const [row] = (await db.run(sql`select count(*) as n from users where role = 'super_admin'`)).rows;
  return Number(row?.n ?? 0);
}

/**
 * Deletes a person and everything that is theirs alone, in one transaction; references to them
 * elsewhere are cleared (who created a key, invited someone, acknowledged an alert, changed a
 * price). Rows that cannot exist without them go: their alert deliveries and held pushes, their
 * notes (an author is required) and the share links they made (revoked with them). The audit log
 * keeps their id as actor and target. Answers the rows changed per table.
 */
export async function deleteUserRows(
  db: Database,
  user: { id: string; email: string; throttleKeyHash: string },
  scrubbed: readonly ScrubbedAuditDetail[],
): Promise<ErasedCounts> {
  const u = user.id;
  const tokens = sql`select token_hash from setup_tokens where user_id = ${u}`;
  return runCounted(db, [
    { table: 'alert_deliveries', statement: sql`delete from alert_deliveries where user_id = ${u}` },
    { table: 'alert_held_pushes', statement: sql`delete from alert_held_pushes where user_id = ${u}` },
    { table: 'alert_instances', statement: sql`update alert_instances set acknowledged_by = null where acknowledged_by = ${u}` },
    { table: 'push_subscriptions', statement: sql`delete from push_subscriptions where user_id = ${u}` },
    { table: 'notification_preferences', statement: sql`delete from notification_preferences where user_id = ${u}` },
    { table: 'digest_runs', statement: sql`delete from digest_runs where user_id = ${u}` },
    { table: 'annotations', statement: sql`delete from annotations where author_id = ${u}` },
    { table: 'share_links', statement: sql`delete from share_links where created_by = ${u}` },
    { table: 'api_keys', statement: sql`update api_keys set created_by = null where created_by = ${u}` },
    { table: 'clinic_prices', statement: sql`update clinic_prices set changed_by = null where changed_by = ${u}` },
    { table: 'clinic_activity', statement: sql`update clinic_activity set user_id = null where user_id = ${u}` },
    // Invitations to them go; invitations they sent stay, without the sender; others' links to their tokens are forgotten.
    { table: 'invitations', statement: sql`delete from invitations where user_id = ${u}` },
    { table: 'invitations', statement: sql`update invitations set invited_by = null where invited_by = ${u}` },
    { table: 'invitations', statement: sql`update invitations set token_hash = null where token_hash in (${tokens})` },
    { table: 'setup_tokens', statement: sql`update setup_tokens set created_by = null where created_by = ${u}` },
    { table: 'setup_tokens', statement: sql`delete from setup_tokens where user_id = ${u}` },
    { table: 'memberships', statement: sql`delete from memberships where user_id = ${u}` },
    { table: 'session_sockets', statement: sql`delete from session_sockets where token_hash in (select token_hash from sessions where user_id = ${u})` },
    { table: 'sessions', statement: sql`delete from sessions where user_id = ${u}` },
    { table: 'login_failures', statement: sql`delete from login_failures where key_hash = ${user.throttleKeyHash}` },
    { table: 'mail_outbox', statement: sql`delete from mail_outbox where instr(lower(to_addresses), ${user.email.toLowerCase()}) > 0` },
    ...auditScrubs(scrubbed),
    { table: 'users', statement: sql`delete from users where id = ${u}` },
  ]);
}
