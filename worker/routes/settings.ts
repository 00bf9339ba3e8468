import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Database } from '../../db/client.ts';
import { DEFAULT_QUEUE_THRESHOLD, clinicQueueThreshold, setClinicQueueThreshold } from '../../db/queries/alert-settings.ts';
import { channelChoices, DIGEST_TOPIC, saveChannelChoice } from '../../db/queries/recipients.ts';
import { setUserLocale } from '../../db/queries/users.ts';
import type { AppEnv } from '../app-env.ts';
import { authorize, signedInUser } from '../auth/authorize.ts';
import { CLINIC_MEMBERS, CLINIC_OWNERS, SIGNED_IN } from '../auth/policy.ts';
import { LOCALES, type Locale } from '../domain/vocabulary.ts';
import { recordAudit } from '../http/audit.ts';
import { clinicRoute } from './guarded-routes.ts';
import { errorResponses, IdParam, jsonBody, jsonContent } from './openapi-helpers.ts';

const MySettingsSchema = z.object({ locale: z.enum(LOCALES), weeklyDigest: z.boolean() }).openapi('MySettings');
const MySettingsChangeSchema = z
  .object({ locale: z.enum(LOCALES).optional(), weeklyDigest: z.boolean().optional() })
  .strict()
  .refine((change) => change.locale !== undefined || change.weeklyDigest !== undefined, 'give locale, weeklyDigest or both')
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
  summary: 'Your language (notifications and e-mails use it) and whether the Monday digest reaches you',
  middleware: [authorize(SIGNED_IN)] as const,
  responses: { 200: jsonContent(MySettingsSchema, 'Settings'), ...errorResponses('UNAUTHORIZED') },
});

const changeMine = createRoute({
  method: 'patch',
  path: '/me/settings',
  tags: ['settings'],
  summary: 'Change your language or switch the Monday digest on or off',
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

async function weeklyDigestOf(db: Database, userId: string): Promise<boolean> {
  return (await channelChoices(db, [userId], DIGEST_TOPIC)).get(userId)?.email !== false;
}

export const settingsRoutes = new OpenAPIHono<AppEnv>()
  .openapi(readMine, async (c) => {
    const { user } = signedInUser(c);
    return c.json({ locale: user.locale, weeklyDigest: await weeklyDigestOf(c.var.services.db, user.id) }, 200);
  })
  .openapi(changeMine, async (c) => {
    const { user } = signedInUser(c);
    const { db, clock } = c.var.services;
    const change = c.req.valid('json');
    let locale: Locale = user.locale;
    if (change.locale !== undefined && change.locale !== user.locale) {
      await setUserLocale(db, user.id, change.locale);
      locale = change.locale;
    }
    if (change.weeklyDigest !== undefined) await saveChannelChoice(db, user.id, DIGEST_TOPIC, { push: false, email: change.weeklyDigest }, clock.now());
    return c.json({ locale, weeklyDigest: await weeklyDigestOf(db, user.id) }, 200);
  })
  .openapi(readAlerts, async (c) => c.json(alertSettingsOf(await clinicQueueThreshold(c.var.services.db, c.var.clinicId)), 200))
  .openapi(changeAlerts, async (c) => {
    const { db, clock } = c.var.services;
    const { queueTooLongThreshold } = c.req.valid('json');
    await setClinicQueueThreshold(db, c.var.clinicId, queueTooLongThreshold, clock.now());
    await recordAudit(c, { action: 'alert_threshold_change', clinicId: c.var.clinicId, targetType: 'clinic', targetId: c.var.clinicId, success: true, errorCode: null });
    return c.json(alertSettingsOf(queueTooLongThreshold), 200);
  });
