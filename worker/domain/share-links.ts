/**
 * Read-only share links (PRODUCT: "Alerts people keep on"): what an owner asks for, what the list
 * says of each link, and what someone holding a link — without an account — is shown. Shared by
 * the Worker (answers `satisfies` them) and the PWA (parses them); zod and the vocabulary only.
 *
 * What a shared "Aujourd'hui" keeps of `stats/today`, and why. The list is an allow-list: a figure
 * added to `stats/today` later stays with the members until someone adds it here on purpose.
 * Kept — counts and durations of the whole day, which say how the clinic is doing and nothing of
 * any one patient:
 * - `waiting`, `seenToday`, `noShowsToday`: the day's counts;
 * - `avgWaitMinutes`, `maxWaitMinutes`, `avgConsultationMinutes`: the day's waits and consultations;
 * - `checkIns` (QR and manual counts, QR share): how patients arrived;
 * - `estimatedEndAt`, `doctorPresent`: when the day should end, and whether the doctor is in —
 *   what a visitor planning to come (or a partner covering the afternoon) needs most;
 * - `serviceLevel`, `estimates`: how soon patients were called against the clinic's target and
 *   how close the quoted waits came, over the day's calls (aggregates, like the waits);
 * - `unusual`: the live figures far from their usual value for this hour (aggregates too);
 * - `asOf`, `timezone`, `day`: to read the rest.
 * Left out:
 * - the queue itself (`GET …/queue`, the live socket's `entries`): one row per patient, with
 *   ticket numbers, check-in times and walk-out risks — a visitor could follow one person;
 * - anything about money and running the service (`sms`: month-to-date SMS cost, the budget and
 *   its projection), which is the owner's business, not a visitor's;
 * - every identifier (clinic id, entry ids, users): the link itself stands for the clinic.
 */
import { z } from 'zod';
import { TodayFiguresSchema } from './live-messages.ts';
import { SHARE_SCOPES, type ShareScope } from './vocabulary.ts';

/** How long a link may live, in days: a day's look at most to a quarter's. */
export const SHARE_LINK_DAYS = { min: 1, max: 90 } as const;

/**
 * Links of one clinic alive at once: enough for every partner and screen an owner could mean,
 * few enough that a forgotten script cannot mint links without end.
 */
export const MAX_ACTIVE_SHARE_LINKS = 20;

/** Random bytes of a token: 256 bits, unguessable, so a link needs no password beside it. */
export const SHARE_TOKEN_BYTES = 32;

/** 32 bytes as base64url without padding: 43 characters of the URL-safe alphabet, nothing else. */
const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Whether `token` could be one of ours; anything else is not looked up (and reads as unknown). */
export function isShareTokenShape(token: string): boolean {
  return SHARE_TOKEN_PATTERN.test(token);
}

export const ShareLinkRequestSchema = z.strictObject({
  expiresInDays: z.number().int().min(SHARE_LINK_DAYS.min).max(SHARE_LINK_DAYS.max),
  scope: z.enum(SHARE_SCOPES),
});
export type ShareLinkRequest = z.infer<typeof ShareLinkRequestSchema>;

/** The answer to a creation: the only time the link (and so its token) is ever shown. */
export const NewShareLinkSchema = z.object({
  id: z.string(),
  /** `<PUBLIC_URL>/shared/<token>`. */
  url: z.string(),
  expiresAt: z.string(),
  scope: z.enum(SHARE_SCOPES),
});
export type NewShareLink = z.infer<typeof NewShareLinkSchema>;

export const SHARE_LINK_STATES = ['active', 'expired', 'revoked'] as const;
export type ShareLinkState = (typeof SHARE_LINK_STATES)[number];

/** One link in its clinic's list: never its token, which is kept only as a digest. */
export const ShareLinkSchema = z.object({
  id: z.string(),
  scope: z.enum(SHARE_SCOPES),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  /** The e-mail of the owner (or super admin) who made it. */
  createdBy: z.string(),
  state: z.enum(SHARE_LINK_STATES),
});
export type ShareLink = z.infer<typeof ShareLinkSchema>;

export const ShareLinkListSchema = z.object({ links: z.array(ShareLinkSchema) });
export type ShareLinkList = z.infer<typeof ShareLinkListSchema>;

/** A link's state at `now`: revoked wins over expired (the owner's act is what they remember). */
export function shareLinkState(link: { expiresAt: number; revokedAt: number | null }, now: number): ShareLinkState {
  if (link.revokedAt !== null) return 'revoked';
  return now < link.expiresAt ? 'active' : 'expired';
}

/** When a link made at `now` for `days` days stops answering. */
export function shareLinkExpiry(now: number, days: number): number {
  return now + days * 86_400_000;
}

/** The figures of `stats/today` a shared link shows (see the module's header for why each). */
export const SharedTodayFiguresSchema = TodayFiguresSchema.pick({
  waiting: true,
  seenToday: true,
  avgWaitMinutes: true,
  maxWaitMinutes: true,
  noShowsToday: true,
  checkIns: true,
  avgConsultationMinutes: true,
  estimatedEndAt: true,
  doctorPresent: true,
  estimates: true,
  serviceLevel: true,
  unusual: true,
  asOf: true,
  timezone: true,
  day: true,
});
export type SharedTodayFigures = z.infer<typeof SharedTodayFiguresSchema>;

/** `GET /shared/{token}/today`: the clinic as a visitor knows it, and its day. */
export const SharedTodaySchema = z.object({
  clinic: z.object({ name: z.string(), timezone: z.string() }),
  /** `history`: the link opens the clinic's Historique too. */
  scope: z.enum(SHARE_SCOPES),
  /** When the link stops answering (ISO 8601). */
  expiresAt: z.string(),
  figures: SharedTodayFiguresSchema,
});
export type SharedToday = z.infer<typeof SharedTodaySchema>;

/**
 * Only the allowed figures, copied field by field: whatever else the live queue answers (today or
 * after a later change) never reaches a visitor.
 */
export function sharedTodayFigures(figures: SharedTodayFigures): SharedTodayFigures {
  return {
    waiting: figures.waiting,
    seenToday: figures.seenToday,
    avgWaitMinutes: figures.avgWaitMinutes,
    maxWaitMinutes: figures.maxWaitMinutes,
    noShowsToday: figures.noShowsToday,
    checkIns: { qr: figures.checkIns.qr, manual: figures.checkIns.manual, qrShare: figures.checkIns.qrShare },
    avgConsultationMinutes: figures.avgConsultationMinutes,
    estimatedEndAt: figures.estimatedEndAt,
    doctorPresent: figures.doctorPresent,
    estimates: { ...figures.estimates },
    serviceLevel: { ...figures.serviceLevel },
    unusual: figures.unusual.map((unusual) => ({ ...unusual })),
    asOf: figures.asOf,
    timezone: figures.timezone,
    day: figures.day,
  };
}

/** Whether a link of `scope` opens the Historique. */
export function opensHistory(scope: ShareScope): boolean {
  return scope === 'history';
}
