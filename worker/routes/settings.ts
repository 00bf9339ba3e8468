import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { DEFAULT_QUEUE_THRESHOLD, clinicQueueThreshold, setClinicQueueThreshold } from '../../db/queries/alert-settings.ts';
import type { AppEnv } from '../app-env.ts';
import { authorize, signedInUser } from '../auth/authorize.ts';
import { CLINIC_MEMBERS, CLINIC_OWNERS, SIGNED_IN } from '../auth/policy.ts';
import type { SessionUser } from '../../db/queries/sessions.ts';
import type { ChannelChangeRefusal } from '../domain/alert-channels.ts';
import { CLOCK_TIME_PATTERN } from '../domain/quiet-hours.ts';
import { ALERT_KINDS, LOCALES, NOTIFICATION_CHANNELS, type AlertKind } from '../domain/vocabulary.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from '../http/audit.ts';
import { changeMySettings, readMySettings, type SettingsAsker } from '../use-cases/my-settings.ts';
import { clinicRoute } from './guarded-routes.ts';
import { errorResponses, jsonBody, jsonContent } from './openapi-helpers.ts';
import { forgetSessions } from '../auth/forget-sessions.ts';

const ClockTimeSchema = z.string().regex(CLOCK_TIME_PATTERN, 'a time as HH:MM, 00:00 to 23:59');
const QuietHoursSchema = z
  .object({ from: ClockTimeSchema, to: ClockTimeSchema })
  .strict()
  .refine((quiet) => quiet.from !== quiet.to, { message: 'from and to must differ (from after to spans midnight)', path: ['to'] })
  .openapi('QuietHours', { description: "No alert push from `from` to `to`, on the clocks of the clinic the alert is about; 20:00–07:00 spans midnight" });

const ChannelListSchema = z.array(z.enum(NOTIFICATION_CHANNELS)).max(NOTIFICATION_CHANNELS.length);
/** Each kind optional: a change names only the kinds it changes; an unknown kind is refused. */
const channelsShape = <T extends z.ZodType>(list: T) =>
  Object.fromEntries(ALERT_KINDS.map((kind) => [kind, list.optional()])) as Record<AlertKind, z.ZodOptional<T>>;
const ChannelsSchema = z.object(channelsShape(ChannelListSchema)).openapi('AlertChannels', { description: 'Per alert kind you receive: push, e-mail and/or the Monday digest' });
const ChannelsChangeSchema = z
  .object(channelsShape(ChannelListSchema.refine((channels) => new Set(channels).size === channels.length, 'each channel at most once')))
  .strict()
  .openapi('AlertChannelsChange');

const MySettingsSchema = z
  .object({
    locale: z.enum(LOCALES),
    weeklyDigest: z.boolean(),
    quietHours: QuietHoursSchema.nullable(),
    quietHoursZones: z.array(z.string()).openapi({ description: 'The zones your quiet hours are read in: your clinics’ (the service’s, Africa/Tunis, for the super admin)' }),
    channels: ChannelsSchema,
  })
  .openapi('MySettings');
const MySettingsChangeSchema = z
  .object({
    locale: z.enum(LOCALES).optional(),
    weeklyDigest: z.boolean().optional(),
    quietHours: QuietHoursSchema.nullable().optional(),
    channels: ChannelsChangeSchema.optional(),
  })
  .strict()
  .refine((change) => Object.values(change).some((value) => value !== undefined), 'give at least one of locale, weeklyDigest, quietHours, channels')
  .openapi('MySettingsChange');

/** Past this many patients waiting a walk-in queue has stopped being one; below 1 it would always fire. */
const MAX_QUEUE_THRESHOLD = 500;

const AlertSettingsSchema = z
  .object({ queueTooLongThreshold: z.number().int(), isDefault: z.boolean(), defaultThreshold: z.number().int() })
  .openapi('ClinicAlertSettings');
const AlertSettingsChangeSchema = z
  .object({ queueTooLongThreshold: z.number().int().min(1).max(MAX_QUEUE_THRESHOLD).nullable() })
  .strict()
  .openapi('ClinicAlertSettingsChange');


const readMine = createRoute({
  method: 'get',
  path: '/me/settings',
  tags: ['settings'],
  summary: 'Your language (notifications and e-mails use it), whether the Monday digest reaches you, your quiet hours and your channels per alert kind',
  middleware: [authorize(SIGNED_IN)] as const,
  responses: { 200: jsonContent(MySettingsSchema, 'Settings'), ...errorResponses('UNAUTHORIZED') },
});

const changeMine = createRoute({
  method: 'patch',
  path: '/me/settings',
  tags: ['settings'],
  summary:
    'Change your language, the Monday digest, your quiet hours (null: none) or the channels of the alert kinds you receive (only those given change; a P0/P1 kind of the super admin keeps one channel)',
  middleware: [authorize(SIGNED_IN)] as const,
  request: jsonBody(MySettingsChangeSchema),
  responses: { 200: jsonContent(MySettingsSchema, 'Settings'), ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN') },
});

const readAlerts = clinicRoute(CLINIC_MEMBERS, '/alert-settings', {
  method: 'get',
  tags: ['settings'],
  summary: "The queue length above which the clinic's owners are alerted",
  responses: { 200: jsonContent(AlertSettingsSchema, 'Alert settings'), ...errorResponses('UNAUTHORIZED', 'NOT_FOUND') },
});

const changeAlerts = clinicRoute(CLINIC_OWNERS, '/alert-settings', {
  method: 'put',
  tags: ['settings'],
  summary: "Set the clinic's own queue-length threshold (null: back to the default); owners only, audited",
  request: { ...jsonBody(AlertSettingsChangeSchema) },
  responses: { 200: jsonContent(AlertSettingsSchema, 'Alert settings'), ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND') },
});

function alertSettingsOf(own: number | null) {
  return { queueTooLongThreshold: own ?? DEFAULT_QUEUE_THRESHOLD, isDefault: own === null, defaultThreshold: DEFAULT_QUEUE_THRESHOLD };
}

function askerOf(user: SessionUser): SettingsAsker {
  const ownedClinicIds = [...user.clinics].filter(([, role]) => role === 'clinic_owner').map(([clinicId]) => clinicId);
  return { userId: user.id, locale: user.locale, isSuperAdmin: user.role === 'super_admin', ownsAClinic: ownedClinicIds.length > 0, ownedClinicIds };
}

function refusalError(refusal: ChannelChangeRefusal): AppError {
  const message =
    refusal.reason === 'kind_not_received'
      ? 'You do not receive this kind of alert, so it has no channels to choose'
      : 'An urgent (P0/P1) alert of the service keeps at least one channel';
  return new AppError('VALIDATION_FAILED', message, { field: refusal.field });
}

export const settingsRoutes = new OpenAPIHono<AppEnv>()
  .openapi(readMine, async (c) => c.json(await readMySettings(c.var.services.db, askerOf(signedInUser(c).user)), 200))
  .openapi(changeMine, async (c) => {
    const { db, clock } = c.var.services;
    const change = c.req.valid('json');
    const { user } = signedInUser(c);
    const result = await changeMySettings(db, askerOf(user), change, clock.now());
    if (!result.ok) throw refusalError(result.refusal);
    // The session carries the person's language: the next request must speak the new one.
    if (change.locale !== undefined && change.locale !== user.locale) await forgetSessions(c.var.services, { userId: user.id });
    return c.json(result.value, 200);
  })
  .openapi(readAlerts, async (c) => c.json(alertSettingsOf(await clinicQueueThreshold(c.var.services.db, c.var.clinicId)), 200))
  .openapi(changeAlerts, async (c) => {
    const { db, clock } = c.var.services;
    const { queueTooLongThreshold } = c.req.valid('json');
    await setClinicQueueThreshold(db, c.var.clinicId, queueTooLongThreshold, clock.now());
    await recordAudit(c, { action: 'alert_threshold_change', clinicId: c.var.clinicId, targetType: 'clinic', targetId: c.var.clinicId, success: true, errorCode: null });
    return c.json(alertSettingsOf(queueTooLongThreshold), 200);
  });
