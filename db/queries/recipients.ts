/** Who a notification goes to, and what each person asked for (notification_preferences). */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Locale } from '../../worker/domain/vocabulary.ts';
import type { Database } from '../client.ts';
import { memberships, users } from '../schema/accounts.ts';
import { clinics } from '../schema/clinics.ts';
import { notificationPreferences } from '../schema/notifications.ts';

export interface Recipient {
  userId: string;
  email: string;
  locale: Locale;
}

const RECIPIENT_COLUMNS = { userId: users.id, email: users.email, locale: users.locale };

/** The owners of a clinic who can still sign in (a disabled account gets nothing). */
export function clinicOwners(db: Database, clinicId: string): Promise<Recipient[]> {
  return db
    .select(RECIPIENT_COLUMNS)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.clinicId, clinicId), eq(memberships.role, 'clinic_owner'), isNull(users.disabledAt)))
    .orderBy(users.email);
}

/** The SaaS owners who can still sign in. */
export function superAdmins(db: Database): Promise<Recipient[]> {
  return db.select(RECIPIENT_COLUMNS).from(users).where(and(eq(users.role, 'super_admin'), isNull(users.disabledAt))).orderBy(users.email);
}

/** The topic of the Monday digest in notification_preferences (alerts use their kind). */
export const DIGEST_TOPIC = 'weekly_digest';

export interface ChannelChoice {
  push: boolean;
  email: boolean;
}

/** Each user's stored choice for one topic; a user without a row keeps the defaults. */
export async function channelChoices(db: Database, userIds: readonly string[], topic: string): Promise<Map<string, ChannelChoice>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: notificationPreferences.userId, push: notificationPreferences.push, email: notificationPreferences.email })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.topic, topic), inArray(notificationPreferences.userId, [...userIds])));
  return new Map(rows.map((row) => [row.userId, { push: row.push, email: row.email }]));
}

export async function saveChannelChoice(db: Database, userId: string, topic: string, choice: ChannelChoice, now: number): Promise<void> {
  await db
    .insert(notificationPreferences)
    .values({ userId, topic, ...choice, updatedAt: now })
    .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.topic], set: { ...choice, updatedAt: now } });
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
