import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { listVisibleClinics } from '../../db/queries/clinics.ts';
import type { AppEnv } from '../app-env.ts';
import { authorize, signedInUser } from '../auth/authorize.ts';
import { SIGNED_IN } from '../auth/policy.ts';
import { ClinicSchema } from './account-schemas.ts';
import { errorResponses, jsonContent } from './openapi-helpers.ts';

const listClinics = createRoute({
  method: 'get',
  path: '/clinics',
  tags: ['clinics'],
  summary: 'Clinics the caller may see: every live clinic for the super admin, else their own',
  middleware: [authorize(SIGNED_IN)] as const,
  responses: { 200: jsonContent(z.object({ clinics: z.array(ClinicSchema) }), 'Visible clinics'), ...errorResponses('UNAUTHORIZED') },
});

export const clinicRoutes = new OpenAPIHono<AppEnv>().openapi(listClinics, async (c) => {
  const { user } = signedInUser(c);
  const scope = user.role === 'super_admin' ? ({ all: true } as const) : { memberOf: [...user.clinics.keys()] };
  return c.json({ clinics: await listVisibleClinics(c.var.services.db, scope) }, 200);
});
