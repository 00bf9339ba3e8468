import { describe, expect, it } from 'vitest';
import { HOUR_MS, securityFigures, securityWindow } from './security-figures.ts';

const NOW = Date.parse('2026-12-06T09:41:00Z');
const hourOf = (iso: string) => Date.parse(iso) / HOUR_MS;
const zero = { failedLogins: 0, throttledLogins: 0, exports: 0, adminActions: 0 };

describe('security figures per hour', () => {
  it('should open the window at the start of the oldest clock hour and close it now', () => {
    expect(securityWindow(NOW, 3)).toEqual({ from: Date.parse('2026-12-06T07:00:00Z'), to: NOW, firstHour: hourOf('2026-12-06T07:00:00Z') });
    expect(securityWindow(Date.parse('2026-12-06T09:00:00Z'), 1).from).toBe(Date.parse('2026-12-06T09:00:00Z'));
  });

  it('should list every hour oldest first, the ones without rows at zero, and add the totals', () => {
    const rows = [
      { hour: hourOf('2026-12-06T09:00:00Z'), failedLogins: 2, throttledLogins: 1, exports: 0, adminActions: 3 },
      { hour: hourOf('2026-12-06T07:00:00Z'), failedLogins: 5, throttledLogins: 0, exports: 1, adminActions: 0 },
    ];
    expect(securityFigures(rows, NOW, 3)).toEqual({
      hours: [
        { hour: '2026-12-06T07:00:00.000Z', failedLogins: 5, throttledLogins: 0, exports: 1, adminActions: 0 },
        { hour: '2026-12-06T08:00:00.000Z', ...zero },
        { hour: '2026-12-06T09:00:00.000Z', failedLogins: 2, throttledLogins: 1, exports: 0, adminActions: 3 },
      ],
      totals: { failedLogins: 7, throttledLogins: 1, exports: 1, adminActions: 3 },
    });
  });

  it('should leave out a row outside the window', () => {
    const early = [{ hour: hourOf('2026-12-06T06:00:00Z'), failedLogins: 9, throttledLogins: 9, exports: 9, adminActions: 9 }];
    expect(securityFigures(early, NOW, 2)).toEqual({ hours: [{ hour: '2026-12-06T08:00:00.000Z', ...zero }, { hour: '2026-12-06T09:00:00.000Z', ...zero }], totals: zero });
  });
});
