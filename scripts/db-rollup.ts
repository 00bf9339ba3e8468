/**
 * `npm run db:rollup -- --clinic ID --from YYYY-MM-DD --to YYYY-MM-DD`: rebuilds a clinic's daily
 * and hourly rollups of those clinic days from its raw rows, replacing what is there (running it
 * again changes nothing). Days older than RETENTION_DAYS (default 90) are refused: their raw rows
 * are gone and their rollups are the only record.
 */
import { parseArgs } from 'node:util';
import { rebuildRollups, RollupRebuildRefused } from '../db/queries/rollup-rebuild.ts';
import { withDatabase } from './lib/local-database.ts';

const USAGE = 'usage: npm run db:rollup -- --clinic ID --from YYYY-MM-DD --to YYYY-MM-DD';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function refuse(problem: string): never {
  process.stderr.write(`db:rollup: ${problem}\n${USAGE}\n`);
  process.exit(2);
}

function readArguments() {
  try {
    return parseArgs({ options: { clinic: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } }, strict: true }).values;
  } catch (error) {
    return refuse(error instanceof Error ? error.message : String(error));
  }
}

const values = readArguments();
const clinicId = values.clinic ?? refuse('--clinic is required');
const day = (name: 'from' | 'to') => {
  const value = values[name] ?? refuse(`--${name} is required`);
  if (!DAY.test(value) || Number.isNaN(Date.parse(value))) refuse(`--${name} must be a date YYYY-MM-DD, got "${value}"`);
  return value;
};
const range = { from: day('from'), to: day('to') };
const retentionDays = Number(process.env.RETENTION_DAYS ?? 90);
const now = Date.now();

await withDatabase(async (db, where) => {
  try {
    const written = await rebuildRollups(db, { clinicId, range, retentionCutoff: now - retentionDays * 86_400_000, now });
    process.stdout.write(`Rollups of ${clinicId} from ${range.from} to ${range.to} rebuilt in ${where}: ${written.daily} days, ${written.hourly} hours with activity.\n`);
  } catch (error) {
    if (error instanceof RollupRebuildRefused) refuse(error.message);
    throw error;
  }
});
