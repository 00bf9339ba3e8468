/**
 * The settings screen's reads and writes: the signed-in user's own settings (`/api/v1/me/settings`:
 * language, weekly digest, quiet hours and the channels of each alert kind), a clinic's alert settings (`/api/v1/clinics/{id}/alert-settings`:
 * the "queue too long" threshold) and its service target (`…/service-target`: the wait within
 * which it means to call its patients); only the clinic's owners may change the last two. Each
 * resolves with an answer checked against the contract below, or rejects with the errors of client.ts.
 */
import { z } from 'zod';
import { SERVICE_TARGET_MINUTES, ServiceTargetSchema, type ServiceTarget } from '../../../worker/domain/history-wire.ts';
import { ALERT_KINDS, LOCALES, NOTIFICATION_CHANNELS, type AlertKind, type Locale, type NotificationChannel } from '../../../worker/domain/vocabulary.ts';
import { parseAnswer } from './answer';
import { api, callApi, clinicParams } from './client';
import type { AlertSettingsAnswer, MySettingsAnswer, ServiceTargetAnswer } from './contract';

export { SERVICE_TARGET_MINUTES, type ServiceTarget };

/** The bounds the API accepts for a clinic's queue threshold, checked here first to word a typo. */
export const QUEUE_THRESHOLD_RANGE = { min: 1, max: 500 } as const;

const QuietHoursSchema = z.object({ from: z.string(), to: z.string() });
const ChannelListSchema = z.array(z.enum(NOTIFICATION_CHANNELS));
/** The kinds this page knows; one a newer API adds is left out rather than refusing the whole answer. */
const ChannelsSchema = z.object(Object.fromEntries(ALERT_KINDS.map((kind) => [kind, ChannelListSchema.optional()])) as Record<AlertKind, z.ZodOptional<typeof ChannelListSchema>>);

const MySettingsSchema = z.object({
  /** The language of the user's e-mails and notifications, and of Pulse on the devices they choose it on. */
  locale: z.enum(LOCALES),
  weeklyDigest: z.boolean(),
  /** No alert push from `from` to `to` (HH:MM; `from` after `to` spans midnight); an older API has none. */
  quietHours: QuietHoursSchema.nullable().default(null),
  /** The zones those hours are read in: the clinics' whose alerts reach the user. */
  quietHoursZones: z.array(z.string()).default([]),
  /** Per alert kind the user receives, the channels it reaches them on. */
  channels: ChannelsSchema.default({}),
}) satisfies z.ZodType<MySettingsAnswer>;

const AlertSettingsSchema = z.object({
  /** "Queue too long" fires when more patients than this are waiting. */
  queueTooLongThreshold: z.number().int().positive(),
  /** No threshold of the clinic's own: the default applies. */
  isDefault: z.boolean(),
  defaultThreshold: z.number().int().positive(),
}) satisfies z.ZodType<AlertSettingsAnswer>;

export type MySettings = z.infer<typeof MySettingsSchema>;
export type QuietHours = z.infer<typeof QuietHoursSchema>;
export type ChannelsByKind = { [Kind in AlertKind]?: NotificationChannel[] | undefined };

/** What `PATCH /me/settings` takes: only what changes; for channels, only the kinds given. */
export interface MySettingsChange {
  locale?: Locale;
  weeklyDigest?: boolean;
  quietHours?: QuietHours | null;
  channels?: ChannelsByKind;
}
export type AlertSettings = z.infer<typeof AlertSettingsSchema>;

export const parseMySettings = (value: unknown): MySettings => parseAnswer(MySettingsSchema, 'settings', value);
export const parseAlertSettings = (value: unknown): AlertSettings => parseAnswer(AlertSettingsSchema, 'alert settings', value);
export const parseServiceTarget = (value: unknown): ServiceTarget =>
  parseAnswer(ServiceTargetSchema satisfies z.ZodType<ServiceTargetAnswer>, 'service target', value);

const alertSettings = api.clinics[':clinicId']['alert-settings'];

/** `GET /me/settings`. */
export async function fetchMySettings(): Promise<MySettings> {
  return parseMySettings(await callApi(api.me.settings.$get()));
}

/** `PATCH /me/settings`: only what changed; resolves with the settings as they now are. */
export async function updateMySettings(changes: MySettingsChange): Promise<MySettings> {
  return parseMySettings(await callApi(api.me.settings.$patch({ json: changes })));
}

/** `GET …/alert-settings`: any member of the clinic may read them. */
export async function fetchAlertSettings(clinicId: string): Promise<AlertSettings> {
  return parseAlertSettings(await callApi(alertSettings.$get({ param: clinicParams(clinicId) })));
}

/** `PUT …/alert-settings`: a whole number of waiting patients, or null to go back to the default. */
export async function setQueueThreshold(clinicId: string, threshold: number | null): Promise<AlertSettings> {
  return parseAlertSettings(await callApi(alertSettings.$put({ param: clinicParams(clinicId), json: { queueTooLongThreshold: threshold } })));
}

const serviceTarget = api.clinics[':clinicId']['service-target'];

/** `GET …/service-target`: any member of the clinic may read it. */
export async function fetchServiceTarget(clinicId: string): Promise<ServiceTarget> {
  return parseServiceTarget(await callApi(serviceTarget.$get({ param: clinicParams(clinicId) })));
}

/** `PUT …/service-target`: whole minutes within SERVICE_TARGET_MINUTES; owners only. */
export async function setServiceTarget(clinicId: string, minutes: number): Promise<ServiceTarget> {
  return parseServiceTarget(await callApi(serviceTarget.$put({ param: clinicParams(clinicId), json: { minutes } })));
}
