/**
 * Runs one command and ends it when our parent goes away, however the parent goes (Ctrl-C, a
 * crash, SIGKILL): the parent holds our stdin open, and its end is our signal. This is what
 * guarantees that `npm start` and the tests never leave a sqld or workerd behind.
 *
 * Usage: node scripts/lib/lifeline.ts <command> [args...]
 */
import { spawn } from 'node:child_process';

const [command, ...args] = process.argv.slice(2);
if (command === undefined) {
  process.stderr.write('lifeline: no command\n');
  process.exit(2);
}

const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
let stopping = false;

function stopChild(): void {
  if (stopping) return;
  stopping = true;
  child.kill('SIGTERM');
  // A child that ignores SIGTERM must still go: this bound is what "no orphans" rests on.
  setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
}

process.stdin.on('end', stopChild);
process.stdin.on('error', stopChild);
process.stdin.resume();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stopChild);

child.on('error', (error) => {
  process.stderr.write(`lifeline: ${command}: ${error.message}\n`);
  process.exit(127);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 1 : 0)));
