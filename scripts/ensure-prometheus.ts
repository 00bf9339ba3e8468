/**
 * The monitoring tests run Debian's real Prometheus and promtool. `npm test` calls this first: on
 * a machine without them it installs Debian's `prometheus` package when it may (root with apt),
 * and otherwise stops with the command to run, rather than failing deep inside a test.
 */
import { spawnSync } from 'node:child_process';

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

if (!has('prometheus') || !has('promtool')) {
  const canInstall = process.getuid?.() === 0 && has('apt-get');
  if (!canInstall) {
    process.stderr.write('The monitoring tests need Prometheus: sudo apt-get install prometheus (Debian/Ubuntu), then npm test again.\n');
    process.exit(1);
  }
  process.stdout.write('Installing Debian\'s prometheus package for the monitoring tests…\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', 'prometheus']]) {
    const result = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}
