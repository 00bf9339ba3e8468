import { describe, expect, it } from 'vitest';
import { api, signedInWorld } from '../support/world.ts';

describe('a weekly digest asked for a week that is not one', () => {
  const signedIn = signedInWorld(['ownerA', 'superAdmin']);

  it('should refuse a week that is no day of the calendar with a 400, never a 500', async () => {
    const { world } = signedIn;
    const owner = signedIn.token('ownerA');
    const admin = signedIn.token('superAdmin');
    const issuesOf = async (response: Response) => {
      expect(response.status).toBe(400);
      return (await response.json<{ error: { code: string; details: { issues: Array<{ path: string; message: string }> } } }>()).error.details.issues;
    };
    // 30 February; 29 February of a year that has none (2026); 31 April. Date.parse takes all three for March or May.
    for (const week of ['2026-02-30', '2026-02-29', '2026-04-31']) {
      expect(await issuesOf(await api(world, `/reports/weekly/preview?clinicId=${world.clinicA}&week=${week}`, { token: owner })), week).toContainEqual({
        path: 'week', message: 'must be a day of the calendar, YYYY-MM-DD',
      });
      expect(await issuesOf(await api(world, '/reports/weekly/send', { method: 'POST', token: admin, json: { clinicId: world.clinicA, week } })), week).toContainEqual({
        path: 'week', message: 'must be a day of the calendar, YYYY-MM-DD',
      });
    }
    // A Monday of a year the calendar helpers would read as 19xx.
    expect(await issuesOf(await api(world, `/reports/weekly/preview?clinicId=${world.clinicA}&week=0099-01-05`, { token: owner }))).toEqual([{ path: 'week', message: 'must be 2000-01-03 or later' }]);
  });

  it('should refuse a preview of a week that does not start on a Monday', async () => {
    const { world } = signedIn;
    const tuesday = await api(world, `/reports/weekly/preview?clinicId=${world.clinicA}&week=2026-03-03`, { token: signedIn.token('ownerA') });
    expect(tuesday.status).toBe(400);
    expect(await tuesday.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });
});
