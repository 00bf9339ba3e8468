/** Who a notification goes to, and what each person asked for (notification_preferences). */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { ChannelFlags } from '../../worker/domain/alert-channels.ts';
import { quietHoursOf, type QuietHours } from '../../worker/domain/quiet-hours.ts';
import type { Locale } from '../../worker/domain/vocabulary.ts';
import type { Database } from '../client.ts';
import { writeBatch } from '../write-batch.ts';
import { memberships, users } from '../schema/accounts.ts';
import { clinics } from '../schema/clinics.ts';
import { notificationPreferences } from '../schema/notifications.ts';

export interface Recipient {
  userId: string;
  email: string;
  locale: Locale;
  isSuperAdmin: boolean;
  /** Their quiet hours, if any: no alert push then (worker/domain/quiet-hours.ts). */
  quietHours: QuietHours | null;
}

const RECIPIENT_COLUMNS = { userId: users.id, email: users.email, locale: users.locale, role: users.role, quietFrom: users.quietFrom, quietTo: users.quietTo };

function recipientOf(row: { userId: string; email: string; locale: Locale; role: 'super_admin' | 'member'; quietFrom: string | null; quietTo: string | null }): Recipient {
  return { userId: row.userId, email: row.email, locale: row.locale, isSuperAdmin: row.role === 'super_admin', quietHours: quietHoursOf(row) };
}

/** The owners of a clinic who can still sign in (a disabled account gets nothing). */
export async function clinicOwners(db: Database, clinicId: string): Promise<Recipient[]> {
  const rows = await db
    .select(RECIPIENT_COLUMNS)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.clinicId, clinicId), eq(memberships.role, 'clinic_owner'), isNull(users.disabledAt)))
    .orderBy(users.email);
  return rows.map(recipientOf);
}

/** The SaaS owners who can still sign in. */
export async function superAdmins(db: Database): Promise<Recipient[]> {
  const rows = await db.select(RECIPIENT_COLUMNS).from(users).where(and(eq(users.role, 'super_admin'), isNull(users.disabledAt))).orderBy(users.email);
  return rows.map(recipientOf);
}

/** One person, as an alert would reach them; undefined when they cannot sign in any more. */
export async function recipientById(db: Database, userId: string): Promise<Recipient | undefined> {
  const [row] = await db.select(RECIPIENT_COLUMNS).from(users).where(and(eq(users.id, userId), isNull(users.disabledAt))).limit(1);
  return row === undefined ? undefined : recipientOf(row);
}

/** A person's quiet hours, or null. */
export async function quietHoursOfUser(db: Database, userId: string): Promise<QuietHours | null> {
  const [row] = await db.select({ quietFrom: users.quietFrom, quietTo: users.quietTo }).from(users).where(eq(users.id, userId)).limit(1);
  return row === undefined ? null : quietHoursOf(row);
}

/** The distinct zones of these clinics, sorted: where an owner's quiet hours are read. */
export async function zonesOfClinics(db: Database, clinicIds: readonly string[]): Promise<string[]> {
  if (clinicIds.length === 0) return [];
  const rows = await db.selectDistinct({ timezone: clinics.timezone }).from(clinics).where(inArray(clinics.id, [...clinicIds]));
  return rows.map((row) => row.timezone).sort();
}

/** The topic of the Monday digest in notification_preferences (alerts use their kind). */
export const DIGEST_TOPIC = 'weekly_digest';

/** A stored choice of channels for one topic (an alert kind, or the weekly digest's e-mail). */
export type ChannelChoice = ChannelFlags;

const CHOICE_COLUMNS = { userId: notificationPreferences.userId, topic: notificationPreferences.topic, push: notificationPreferences.push, email: notificationPreferences.email, digest: notificationPreferences.digest };

/** Each user's stored choice for one topic; a user without a row keeps the defaults. */
export async function channelChoices(db: Database, userIds: readonly string[], topic: string): Promise<Map<string, ChannelChoice>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select(CHOICE_COLUMNS)
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.topic, topic), inArray(notificationPreferences.userId, [...userIds])));
  return new Map(rows.map((row) => [row.userId, { push: row.push, email: row.email, digest: row.digest }]));
}

/** One user's stored choices, by topic. */
export async function channelChoicesOfUser(db: Database, userId: string): Promise<Map<string, ChannelChoice>> {
  const rows = await db.select(CHOICE_COLUMNS).from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  return new Map(rows.map((row) => [row.topic, { push: row.push, email: row.email, digest: row.digest }]));
}

function choiceUpsert(db: Database, userId: string, topic: string, choice: ChannelChoice, now: number) {
  return db
    .insert(notificationPreferences)
    .values({ userId, topic, ...choice, updatedAt: now })
    .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.topic], set: { ...choice, updatedAt: now } });
}

export async function saveChannelChoice(db: Database, userId: string, topic: string, choice: ChannelChoice, now: number): Promise<void> {
  await choiceUpsert(db, userId, topic, choice, now);
}

/** A person's own settings change (PATCH /me/settings), written at once or not at all. */
export interface PersonalSettingsChange {
  userId: string;
  locale?: Locale;
  /** Undefined: unchanged; null: no quiet hours any more. */
  quietHours?: QuietHours | null;
  /** Channel choices by topic. */
  choices: ReadonlyArray<{ topic: string; choice: ChannelChoice }>;
  now: number;
}

export async function savePersonalSettings(db: Database, change: PersonalSettingsChange): Promise<void> {
  const { userId, locale, quietHours, choices, now } = change;
  await writeBatch(db, [
    ...(locale === undefined ? [] : [db.update(users).set({ locale }).where(eq(users.id, userId))]),
    ...(quietHours === undefined ? [] : [db.update(users).set({ quietFrom: quietHours?.from ?? null, quietTo: quietHours?.to ?? null }).where(eq(users.id, userId))]),
    ...choices.map(({ topic, choice }) => choiceUpsert(db, userId, topic, choice, now)),
  ]);
}

export interface DigestClinic {
  id: string;
  name: string;
  timezone: string;
  currency: string;
}

/** Live (not archived) clinics in the given zones: those whose Monday 09:00 has just come. */
export async function liveClinicsIn(db: Database, zones: readonly string[]): Promise<Array<{ id: string; timezone: string }>> {
  if (zones.length === 0) return [];
  return db
    .select({ id: clinics.id, timezone: clinics.timezone })
    .from(clinics)
    .where(and(inArray(clinics.timezone, [...zones]), isNull(clinics.archivedAt)));
}

export async function digestClinic(db: Database, clinicId: string): Promise<(DigestClinic & { archived: boolean }) | undefined> {
  const [row] = await db
    .select({ id: clinics.id, name: clinics.name, timezone: clinics.timezone, currency: clinics.currency, archivedAt: clinics.archivedAt })
    .from(clinics)
    .where(eq(clinics.id, clinicId))
    .limit(1);
  return row === undefined ? undefined : { id: row.id, name: row.name, timezone: row.timezone, currency: row.currency, archived: row.archivedAt !== null };
}
