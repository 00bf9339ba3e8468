/**
 * A person's own settings (`/me/settings`): their language, the Monday digest, their quiet hours
 * and, per alert kind they receive, the channels it reaches them on. Not audited, as the language
 * never was: these change nothing but what reaches the person themselves.
 */
import type { Database } from '../../db/client.ts';
import { loadAlertRules } from '../../db/queries/alert-instances.ts';
import { channelChoicesOfUser, DIGEST_TOPIC, quietHoursOfUser, savePersonalSettings, zonesOfClinics, type ChannelChoice } from '../../db/queries/recipients.ts';
import { SERVICE_TIME_ZONE } from '../digest/digest-content.ts';
import { alertKindsFor, effectiveChannels, flagsOf, kindDefaultsOf, refusedChannelChange, type AlertReader, type ChannelChangeRefusal } from '../domain/alert-channels.ts';
import { DEFAULT_ALERT_RULES } from '../domain/alert-rules.ts';
import type { QuietHours } from '../domain/quiet-hours.ts';
import type { AlertKind, Locale, NotificationChannel } from '../domain/vocabulary.ts';

export type ChannelsByKind = Partial<Record<AlertKind, NotificationChannel[]>>;

export interface MySettings {
  locale: Locale;
  weeklyDigest: boolean;
  quietHours: QuietHours | null;
  /** The zones the quiet hours are read in: those of the clinics whose alerts reach the person (the service's for the super admin). */
  quietHoursZones: string[];
  /** Every kind the person receives, with the channels it reaches them on now. */
  channels: ChannelsByKind;
}

export interface MySettingsChange {
  locale?: Locale | undefined;
  weeklyDigest?: boolean | undefined;
  quietHours?: QuietHours | null | undefined;
  channels?: Partial<Record<AlertKind, readonly NotificationChannel[] | undefined>> | undefined;
}

/** Who asks, as the session knows them. */
export interface SettingsAsker extends AlertReader {
  userId: string;
  locale: Locale;
  ownedClinicIds: readonly string[];
}

export type SettingsChangeResult = { ok: true; value: MySettings } | { ok: false; refusal: ChannelChangeRefusal };

async function kindDefaults(db: Database) {
  return kindDefaultsOf(await loadAlertRules(db), DEFAULT_ALERT_RULES);
}

export async function readMySettings(db: Database, asker: SettingsAsker, locale: Locale = asker.locale): Promise<MySettings> {
  const [choices, quietHours, clinicZones, defaults] = await Promise.all([
    channelChoicesOfUser(db, asker.userId),
    quietHoursOfUser(db, asker.userId),
    zonesOfClinics(db, asker.ownedClinicIds),
    kindDefaults(db),
  ]);
  const channels: ChannelsByKind = {};
  for (const kind of alertKindsFor(asker)) channels[kind] = effectiveChannels(choices.get(kind), defaults(kind).channels);
  const zones = new Set([...(asker.isSuperAdmin ? [SERVICE_TIME_ZONE] : []), ...clinicZones]);
  return {
    locale,
    weeklyDigest: choices.get(DIGEST_TOPIC)?.email !== false,
    quietHours,
    quietHoursZones: [...zones].sort(),
    channels,
  };
}

/**
 * Applies a change, all of it or nothing: a kind the person does not receive, or a P0/P1 kind of
 * the super admin left without a channel, refuses the whole change before anything is written.
 */
export async function changeMySettings(db: Database, asker: SettingsAsker, change: MySettingsChange, now: number): Promise<SettingsChangeResult> {
  const channelChange = change.channels ?? {};
  const defaults = await kindDefaults(db);
  const refusal = refusedChannelChange(channelChange, asker, (kind) => defaults(kind).priority);
  if (refusal !== null) return { ok: false, refusal };
  const choices: Array<{ topic: string; choice: ChannelChoice }> = [];
  for (const [kind, channels] of Object.entries(channelChange)) if (channels !== undefined) choices.push({ topic: kind, choice: flagsOf(channels) });
  if (change.weeklyDigest !== undefined) choices.push({ topic: DIGEST_TOPIC, choice: { push: false, email: change.weeklyDigest, digest: false } });
  const locale = change.locale ?? asker.locale;
  await savePersonalSettings(db, {
    userId: asker.userId,
    ...(change.locale !== undefined && change.locale !== asker.locale ? { locale: change.locale } : {}),
    ...(change.quietHours !== undefined ? { quietHours: change.quietHours } : {}),
    choices,
    now,
  });
  return { ok: true, value: await readMySettings(db, asker, locale) };
}
