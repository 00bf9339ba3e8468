/**
 * A stand-in for `npm start` in the orphan test: starts sqld, prints its URL, then waits
 * forever so the test can kill this process as brutally as it likes.
 */
import { startTestSqld } from './sqld.ts';

const { sqld } = await startTestSqld('orphan', { migrate: false });
process.stdout.write(`${sqld.url}\n`);
setInterval(() => {}, 60_000);
