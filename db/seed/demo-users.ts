/**
 * The demo's people. Three can sign in (development only, printed by `npm start`): the SaaS
 * owner, the first clinic's doctor and its receptionist. Every other clinic has an owner without
 * a password: they exist for member lists and notifications, and an account without a password
 * cannot be signed into.
 */
import type { PasswordHasher } from '../../worker/domain/stored-password.ts';
import type { ClinicRole, UserRole } from '../../worker/domain/vocabulary.ts';
import type { memberships, users } from '../schema/accounts.ts';
import type { DemoClinic } from './demo-clinics.ts';

export const DEMO_LOGINS = {
  admin: { email: 'admin@pulse.local', password: 'pulse-admin' },
  doctor: { email: 'doctor@pulse.local', password: 'pulse-doctor' },
  reception: { email: 'reception@pulse.local', password: 'pulse-reception' },
} as const;

interface DemoPerson {
  id: string;
  email: string;
  role: UserRole;
  password: string | null;
  clinic: { id: string; role: ClinicRole } | null;
  createdAt: number;
}

/** Users and memberships for the demo clinics; only the demo logins get a (hashed) password. */
export async function buildDemoUsers(
  clinics: readonly DemoClinic[],
  hashPassword: PasswordHasher,
): Promise<{ users: (typeof users.$inferInsert)[]; memberships: (typeof memberships.$inferInsert)[] }> {
  const first = clinics[0];
  const oldest = first?.createdAt ?? 0;
  const people: DemoPerson[] = [
    { id: 'user-admin', email: DEMO_LOGINS.admin.email, role: 'super_admin', password: DEMO_LOGINS.admin.password, clinic: null, createdAt: oldest },
  ];
  if (first !== undefined) {
    people.push(
      {
        id: 'user-doctor',
        email: DEMO_LOGINS.doctor.email,
        role: 'member',
        password: DEMO_LOGINS.doctor.password,
        clinic: { id: first.id, role: 'clinic_owner' },
        createdAt: first.createdAt,
      },
      {
        id: 'user-reception',
        email: DEMO_LOGINS.reception.email,
        role: 'member',
        password: DEMO_LOGINS.reception.password,
        clinic: { id: first.id, role: 'staff' },
        createdAt: first.createdAt,
      },
    );
  }
  for (const clinic of clinics.slice(1)) {
    const serial = clinic.id.replace('clinic-', '');
    people.push({
      id: `user-owner-${serial}`,
      email: `owner-${serial}@pulse.local`,
      role: 'member',
      password: null,
      clinic: { id: clinic.id, role: 'clinic_owner' },
      createdAt: clinic.createdAt,
    });
  }

  const userRows = await Promise.all(
    people.map(async (person) => {
      const stored = person.password === null ? null : await hashPassword(person.password);
      return {
        id: person.id,
        email: person.email,
        role: person.role,
        locale: 'fr' as const,
        passwordAlgorithm: stored?.algorithm ?? null,
        passwordIterations: stored?.iterations ?? null,
        passwordSalt: stored?.salt ?? null,
        passwordHash: stored?.hash ?? null,
        passwordChangedAt: stored === null ? null : person.createdAt,
        createdAt: person.createdAt,
      };
    }),
  );
  const membershipRows = people.flatMap((person) =>
    person.clinic === null ? [] : [{ userId: person.id, clinicId: person.clinic.id, role: person.clinic.role, createdAt: person.createdAt }],
  );
  return { users: userRows, memberships: membershipRows };
}
