/**
 * Cron triggers for `npm start`. wrangler dev never fires a Worker's schedules by itself, so the
 * alerts, the Monday digest (into the outbox), retention and the business snapshot would never
 * run locally and health would call them stale. This fires each schedule of wrangler.toml once at
 * start (as a fresh deployment catches up) and then whenever its expression matches the minute,
 * through wrangler dev's own trigger endpoint.
 */
import { readFile } from 'node:fs/promises';

/** The `crons = [...]` of wrangler.toml's `[triggers]`. */
export async function wranglerCrons(configPath: string): Promise<string[]> {
  const text = await readFile(configPath, 'utf8');
  const list = /^\s*crons\s*=\s*\[([^\]]*)\]/m.exec(text)?.[1] ?? '';
  return [...list.matchAll(/"([^"]+)"/g)].map((match) => match[1] ?? '').filter((cron) => cron !== '');
}

/** Whether a field (any, every n-th, a number, a list) admits `value`. */
function fieldMatches(field: string, value: number): boolean {
  return field.split(',').some((part) => {
    if (part === '*') return true;
    const step = /^\*\/(\d+)$/.exec(part);
    if (step) return value % Number(step[1]) === 0;
    return /^\d+$/.test(part) && Number(part) === value;
  });
}

/** Whether a five-field cron expression (UTC, as Cloudflare reads it) fires at the minute of `at`. */
export function cronMatches(expression: string, at: Date): boolean {
  const [minute, hour, day, month, weekday] = expression.trim().split(/\s+/);
  if (minute === undefined || hour === undefined || day === undefined || month === undefined || weekday === undefined) return false;
  return (
    fieldMatches(minute, at.getUTCMinutes()) &&
    fieldMatches(hour, at.getUTCHours()) &&
    fieldMatches(day, at.getUTCDate()) &&
    fieldMatches(month, at.getUTCMonth() + 1) &&
    fieldMatches(weekday, at.getUTCDay())
  );
}

export interface LocalCron {
  stop(): void;
}

export function startLocalCron(workerUrl: string, crons: readonly string[], log: (line: string) => void): LocalCron {
  const fire = async (cron: string, at: number) => {
    try {
      const response = await fetch(`${workerUrl}/cdn-cgi/local/scheduled?cron=${encodeURIComponent(cron)}&time=${at}`, { signal: AbortSignal.timeout(30_000) });
      await response.body?.cancel();
      if (!response.ok) log(`cron ${cron}: the Worker answered ${response.status}`);
    } catch (error) {
      log(`cron ${cron}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const startedAt = Date.now();
  for (const cron of crons) void fire(cron, startedAt);
  let lastMinute = Math.floor(startedAt / 60_000);
  const timer = setInterval(() => {
    const minute = Math.floor(Date.now() / 60_000);
    if (minute === lastMinute) return;
    lastMinute = minute;
    const at = minute * 60_000;
    for (const cron of crons) if (cronMatches(cron, new Date(at))) void fire(cron, at);
  }, 5_000);
  return { stop: () => clearInterval(timer) };
}
