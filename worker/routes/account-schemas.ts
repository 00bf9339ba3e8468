import { z } from '@hono/zod-openapi';
import { CLINIC_ROLES, LOCALES, USER_ROLES } from '../domain/vocabulary.ts';

export const UserSchema = z
  .object({ id: z.string(), email: z.string(), role: z.enum(USER_ROLES), locale: z.enum(LOCALES) })
  .openapi('User');

export const SessionSchema = z
  .object({ user: UserSchema, token: z.string().optional().openapi({ description: 'Only when asked for with bearerToken: true' }) })
  .openapi('Session');

export const EmailSchema = z.string().trim().toLowerCase().email().max(254);

/** Long enough to resist guessing under the login throttle; bounded so hashing stays cheap. */
export const NewPasswordSchema = z.string().min(10, 'at least 10 characters').max(200);

export const ClinicSchema = z.object({ id: z.string(), name: z.string(), timezone: z.string() }).openapi('Clinic');

export const ClinicAccessSchema = ClinicSchema.extend({
  role: z.enum([...CLINIC_ROLES, 'super_admin']),
}).openapi('ClinicAccess');

/** The public view of a user row: never the password columns. */
export function userView(user: { id: string; email: string; role: (typeof USER_ROLES)[number]; locale: (typeof LOCALES)[number] }) {
  return { id: user.id, email: user.email, role: user.role, locale: user.locale };
}
