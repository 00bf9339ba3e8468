/**
 * The answer of `GET /api/v1/admin/security`, shared by the Worker and the PWA: failed and
 * throttled sign-ins, exports and admin actions per clock hour (UTC), oldest first, every hour of
 * the window present (zero when nothing happened), and the window's totals.
 */
import { z } from 'zod';

const SecurityCountsSchema = z.object({
  failedLogins: z.number().int().describe('Sign-ins refused for a wrong password, an unknown or a disabled account'),
  throttledLogins: z.number().int().describe('Sign-ins refused unheard by the attempt throttle (RATE_LIMITED)'),
  exports: z.number().int().describe('Data exports served (the audit actions of EXPORT_AUDIT_ACTIONS)'),
  adminActions: z.number().int().describe("Audited actions a super admin took (their own sign-ins aside)"),
});

export const SecurityFiguresSchema = z.object({
  hours: z.array(SecurityCountsSchema.extend({ hour: z.string().datetime().describe("The clock hour's start, UTC") })),
  totals: SecurityCountsSchema,
});

export type SecurityFiguresAnswer = z.infer<typeof SecurityFiguresSchema>;
