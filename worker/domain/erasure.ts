/**
 * Erasure on request (PRODUCT: erasure): the rules that decide what an erasure may do and what it
 * leaves behind, without I/O. The use case (worker/use-cases/erasure.ts) applies them.
 */

/**
 * The typed confirmation must be the clinic's name exactly as it stands: no trimming, no case or
 * accent folding. Erasing cannot be undone, so a near miss (another clinic's name, a stray space)
 * must not do it.
 */
export function confirmsClinicName(typed: string, currentName: string): boolean {
  return typed === currentName;
}

/** What an erased clinic whose daily figures are kept is called from then on. */
export const ERASED_CLINIC_NAME = 'Cabinet effacé';

/**
 * The neutral name of an erased clinic kept for its figures: nothing of who it was, a short
 * reference so two erased clinics still read apart in the admin tables. The reference is a digest
 * of the id, not the id itself: the audit log alone links the two.
 */
export function erasedClinicName(idDigestHex: string): string {
  return `${ERASED_CLINIC_NAME} ${idDigestHex.slice(0, 6)}`;
}

/** Keys of an audit row's detail that name a person or a clinic: they never survive an erasure. */
const PERSONAL_DETAIL_KEYS = new Set(['email', 'name', 'clinicname', 'to', 'recipient', 'author', 'fullname']);

/**
 * An audit row's detail with every trace of the erased person or clinic taken out: keys that name
 * someone, and any value containing one of `personal` (an e-mail, a clinic name; case ignored).
 * Answers the detail unchanged (the same string) when nothing had to go, so callers write only the
 * rows that change; a detail that is not a JSON object and mentions them is dropped whole.
 */
export function scrubAuditDetail(detail: string | null, personal: readonly string[]): string | null {
  if (detail === null) return null;
  const needles = personal.filter((text) => text.length > 0).map((text) => text.toLowerCase());
  const mentions = (value: unknown) => typeof value === 'string' && needles.some((needle) => value.toLowerCase().includes(needle));
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return mentions(detail) ? null : detail;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return mentions(detail) ? null : detail;
  const entries = Object.entries(parsed);
  const kept = entries.filter(([key, value]) => !PERSONAL_DETAIL_KEYS.has(key.toLowerCase()) && !mentions(value) && !mentions(JSON.stringify(value)));
  return kept.length === entries.length ? detail : JSON.stringify(Object.fromEntries(kept));
}

/** Why deleting a user is refused, or null when it may go ahead. */
export type UserDeletionRefusal = 'self' | 'last_super_admin';

/**
 * The super admin cannot delete themself (nobody would be left signed in to undo a slip), nor the
 * last super admin: the back office would have no one. `superAdmins` counts the super admins
 * there are now, the target included.
 */
export function userDeletionRefusal(actorId: string, target: { id: string; role: string }, superAdmins: number): UserDeletionRefusal | null {
  if (target.id === actorId) return 'self';
  if (target.role === 'super_admin' && superAdmins <= 1) return 'last_super_admin';
  return null;
}
