/**
 * One `npm start` per folder: two would share `.data/` (one sqld's files opened by two servers,
 * one MailDev directory, one wrangler state) and rebuild the PWA under each other's Worker. The
 * first claims a lock file in `.data/` with its pid and, once it answers, its URL; a second one
 * reads it and says where Pulse already runs. A lock whose process is gone (a `kill -9`, a crash,
 * a reboot) is stale and taken over.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { z } from 'zod';

/** What the lock file says about the `npm start` that holds it. */
export interface RunningInstance {
  pid: number;
  /** Where it answers; null while it is still starting. */
  url: string | null;
  startedAt: string;
}

/** The lock, held by this process. */
export interface InstanceLock {
  /** Writes the URL into the lock once the stack answers, for a second start to print. */
  announce(url: string): Promise<void>;
  /** Removes the lock, unless another process has taken it over meanwhile. */
  release(): Promise<void>;
}

export type InstanceClaim = { claimed: true; lock: InstanceLock } | { claimed: false; running: RunningInstance };

export interface ClaimOptions {
  /** The claimant; this process by default. */
  pid?: number;
  /** Whether the process holding a lock still runs; `isStartProcess` by default. */
  isRunning?: (pid: number) => boolean;
  now?: () => Date;
}

const LockSchema = z.object({ pid: z.number().int().positive(), url: z.string().nullable(), startedAt: z.string() });

/** A few rounds are enough: each one either claims, finds a live holder, or removes a stale lock. */
const CLAIM_ROUNDS = 5;

/** Claims `lockPath` for this start, or answers who holds it. */
export async function claimSingleInstance(lockPath: string, options: ClaimOptions = {}): Promise<InstanceClaim> {
  const pid = options.pid ?? process.pid;
  const isRunning = options.isRunning ?? isStartProcess;
  const mine: RunningInstance = { pid, url: null, startedAt: (options.now?.() ?? new Date()).toISOString() };
  for (let round = 0; round < CLAIM_ROUNDS; round += 1) {
    if (await createExclusively(lockPath, mine)) return { claimed: true, lock: heldLock(lockPath, mine) };
    const text = await readIfPresent(lockPath);
    if (text === undefined) continue;
    const holder = parseLock(text);
    if (holder !== undefined && holder.pid !== pid && isRunning(holder.pid)) return { claimed: false, running: holder };
    await removeIfUnchanged(lockPath, text);
  }
  throw new Error(`${lockPath}: could not claim the lock after ${CLAIM_ROUNDS} attempts; is another npm start starting right now?`);
}

/**
 * Whether `pid` is alive and, where the system tells (Linux's /proc), still an `npm start`: after a
 * reboot a stale lock's pid may well belong to another program by now.
 */
export function isStartProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive, but someone else's.
    if (!(error instanceof Error && 'code' in error && error.code === 'EPERM')) return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('start.ts');
  } catch {
    return true;
  }
}

function heldLock(lockPath: string, mine: RunningInstance): InstanceLock {
  const stillMine = async () => {
    const text = await readIfPresent(lockPath);
    return text !== undefined && parseLock(text)?.pid === mine.pid;
  };
  return {
    async announce(url) {
      if (!(await stillMine())) return;
      // Written aside and renamed over: a second start never reads half a lock.
      const draft = draftPath(lockPath);
      await writeFile(draft, JSON.stringify({ ...mine, url }), { mode: 0o644 });
      await rename(draft, lockPath);
    },
    async release() {
      if (await stillMine()) await unlink(lockPath).catch(() => {});
    },
  };
}

/** Creates the lock with `record` unless it exists; it appears whole (written aside, then linked). */
async function createExclusively(lockPath: string, record: RunningInstance): Promise<boolean> {
  const draft = draftPath(lockPath);
  await writeFile(draft, JSON.stringify(record), { flag: 'wx' });
  try {
    await link(draft, lockPath);
    return true;
  } catch (error) {
    if (hasCode(error, 'EEXIST')) return false;
    throw error;
  } finally {
    await unlink(draft);
  }
}

/**
 * Removes a stale lock, but only the one judged stale: it is moved aside first (one process wins
 * the move), and put back if what was moved is not what was read (a fresh claim came in between).
 */
async function removeIfUnchanged(lockPath: string, staleText: string): Promise<void> {
  const aside = draftPath(lockPath);
  try {
    await rename(lockPath, aside);
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return;
    throw error;
  }
  try {
    if ((await readFile(aside, 'utf8')) !== staleText) await link(aside, lockPath).catch(() => {});
  } finally {
    await unlink(aside);
  }
}

function parseLock(text: string): RunningInstance | undefined {
  try {
    const parsed = LockSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return undefined;
    throw error;
  }
}

function draftPath(lockPath: string): string {
  return `${lockPath}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
}

function hasCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}
