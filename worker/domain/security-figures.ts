/**
 * The back office's security figures per clock hour (UTC), read from the audit log: what the
 * `pulse_logins_total` and `pulse_admin_actions_total` counters count since the last restart,
 * here over days and across restarts.
 */

export const HOUR_MS = 3_600_000;
/** The longest window the admin may ask for: a week of hours, so one answer stays small. */
export const SECURITY_MAX_HOURS = 168;

/**
 * The audit actions that are data exports. Each export route audits under one of these names;
 * a new export adds its action here (and its kind to `pulse_exports_total`).
 */
export const EXPORT_AUDIT_ACTIONS = ['audit_export', 'history_export', 'clinics_export', 'revenue_export'] as const;

/**
 * Rows written on someone else's behalf (a sign-in, a password set from a link): they carry the
 * person's role, a super admin's included, but are no admin action. Same rule as the
 * `pulse_admin_actions_total` counter in worker/http/audit.ts.
 */
export const ON_BEHALF_AUDIT_ACTIONS = ['login', 'password_setup', 'password_reset', 'password_reset_request'] as const;

export interface SecurityCounts {
  failedLogins: number;
  throttledLogins: number;
  exports: number;
  adminActions: number;
}

/** One hour's counts as the query returns them: `hour` is epoch hours (epoch ms / HOUR_MS). */
export interface SecurityHourRow extends SecurityCounts {
  hour: number;
}

export interface SecurityHour extends SecurityCounts {
  /** The hour's start, ISO 8601 UTC. */
  hour: string;
}

export interface SecurityFigures {
  hours: SecurityHour[];
  totals: SecurityCounts;
}

/** The window of `hours` clock hours ending with the one `now` is in: [from, now]. */
export function securityWindow(now: number, hours: number): { from: number; to: number; firstHour: number } {
  const currentHour = Math.floor(now / HOUR_MS);
  const firstHour = currentHour - hours + 1;
  return { from: firstHour * HOUR_MS, to: now, firstHour };
}

const ZERO: SecurityCounts = { failedLogins: 0, throttledLogins: 0, exports: 0, adminActions: 0 };

/** Every hour of the window, oldest first, an hour without rows at zero; and the window's totals. */
export function securityFigures(rows: readonly SecurityHourRow[], now: number, hours: number): SecurityFigures {
  const { firstHour } = securityWindow(now, hours);
  const byHour = new Map(rows.map((row) => [row.hour, row]));
  const totals = { ...ZERO };
  const list: SecurityHour[] = [];
  for (let offset = 0; offset < hours; offset += 1) {
    const hour = firstHour + offset;
    const row = byHour.get(hour) ?? ZERO;
    const counts = { failedLogins: row.failedLogins, throttledLogins: row.throttledLogins, exports: row.exports, adminActions: row.adminActions };
    for (const key of Object.keys(totals) as (keyof SecurityCounts)[]) totals[key] += counts[key];
    list.push({ hour: new Date(hour * HOUR_MS).toISOString(), ...counts });
  }
  return { hours: list, totals };
}
