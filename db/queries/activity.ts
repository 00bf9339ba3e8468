import type { Database } from '../client.ts';
import { clinicActivity } from '../schema/activity.ts';
import type { LoginPlatform } from '../../worker/domain/vocabulary.ts';

/** One `clinic_login` per clinic of the user: what "active clinics" and churn risk count. */
export async function recordClinicLogins(
  db: Database,
  login: { userId: string; clinicIds: readonly string[]; at: number; platform: LoginPlatform },
): Promise<void> {
  if (login.clinicIds.length === 0) return;
  await db.insert(clinicActivity).values(
    login.clinicIds.map((clinicId) => ({
      clinicId,
      kind: 'clinic_login' as const,
      occurredAt: login.at,
      userId: login.userId,
      detail: JSON.stringify({ platform: login.platform }),
    })),
  );
}
