/**
 * A stand-in for `npm start` in the orphan test: starts sqld, prints its URL, then waits
 * forever so the test can kill this process as brutally as it likes.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSqld } from '../../scripts/lib/sqld.ts';

const sqld = await startSqld(join(await mkdtemp(join(tmpdir(), 'pulse-orphan-')), 'sqld'));
process.stdout.write(`${sqld.url}\n`);
setInterval(() => {}, 60_000);
