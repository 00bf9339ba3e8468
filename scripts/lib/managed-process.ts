import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const LIFELINE = fileURLToPath(new URL('./lifeline.ts', import.meta.url));

/** A child process that cannot outlive us (see lifeline.ts). */
export interface ManagedProcess {
  readonly name: string;
  /** Resolves with the exit code once the process has ended. */
  readonly exited: Promise<number>;
  /** Asks it to end (SIGTERM, then SIGKILL after 5 s) and waits until it has. */
  stop(): Promise<void>;
}

export interface ManagedProcessOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Receives every line the process prints, stdout and stderr alike. */
  onLine?: (line: string) => void;
}

const running = new Set<ManagedProcess>();

/** Starts `command` under a lifeline. Every process started here is stopped when we exit. */
export function startManagedProcess(
  name: string,
  command: string,
  args: readonly string[],
  options: ManagedProcessOptions = {},
): ManagedProcess {
  const child = spawn(process.execPath, [LIFELINE, command, ...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const onLine = options.onLine ?? (() => {});
  for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', onLine);

  const exited = new Promise<number>((resolve) => {
    child.on('exit', (code) => resolve(code ?? 1));
    child.on('error', () => resolve(127));
  });
  const managed: ManagedProcess = {
    name,
    exited,
    async stop() {
      child.stdin.end();
      await exited;
      running.delete(managed);
    },
  };
  running.add(managed);
  void exited.then(() => running.delete(managed));
  return managed;
}

/** Stops everything still running, newest first (the Worker before its database). */
export async function stopAllManagedProcesses(): Promise<void> {
  for (const managed of [...running].reverse()) await managed.stop();
}
