import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLINIC_STATUSES } from '../../worker/domain/admin-wire.ts';

const styles = readFileSync(new URL('../../pwa/src/styles.css', import.meta.url), 'utf8');

/** The declarations of the PWA's status pill for `status` (ClinicStatusBadge sets `data-status`). */
function pillOf(status: string): string | undefined {
  return new RegExp(`\\.clinic-status\\[data-status='${status}'\\]\\s*\\{([^}]*)\\}`).exec(styles)?.[1]?.replace(/\s+/g, ' ').trim();
}

describe('the clinic status pills of the health table', () => {
  it('should give every status a colour of its own, a clinic opening apart from the churn ones', () => {
    const pills = CLINIC_STATUSES.map(pillOf);
    expect(pills.every((pill) => pill !== undefined && pill.includes('background:') && pill.includes('color:'))).toBe(true);
    expect(new Set(pills).size).toBe(CLINIC_STATUSES.length);
    expect(pillOf('onboarding')).toBe('background: var(--info-surface); color: var(--info);');
  });
});
