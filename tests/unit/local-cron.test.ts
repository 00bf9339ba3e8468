import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cronMatches, wranglerCrons } from '../../scripts/lib/local-cron.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('the local cron of npm start', () => {
  it("should read wrangler.toml's schedules", async () => {
    expect(await wranglerCrons(join(ROOT, 'wrangler.toml'))).toEqual(['*/5 * * * *', '0 * * * *', '0 3 * * *', '10 0 * * *']);
  });

  it('should fire each schedule at its UTC minutes only', () => {
    const at = (iso: string) => new Date(iso);
    expect(cronMatches('*/5 * * * *', at('2026-11-25T06:35:00Z'))).toBe(true);
    expect(cronMatches('*/5 * * * *', at('2026-11-25T06:36:00Z'))).toBe(false);
    expect(cronMatches('0 * * * *', at('2026-11-25T07:00:00Z'))).toBe(true);
    expect(cronMatches('0 * * * *', at('2026-11-25T07:01:00Z'))).toBe(false);
    expect(cronMatches('0 3 * * *', at('2026-11-25T03:00:00Z'))).toBe(true);
    expect(cronMatches('0 3 * * *', at('2026-11-25T04:00:00Z'))).toBe(false);
    expect(cronMatches('10 0 * * *', at('2026-11-25T00:10:00Z'))).toBe(true);
    expect(cronMatches('0 9 * * 1', at('2026-11-23T09:00:00Z'))).toBe(true);
    expect(cronMatches('0 9 * * 1', at('2026-11-24T09:00:00Z'))).toBe(false);
  });
});
