import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimSingleInstance, isStartProcess } from '../../scripts/lib/single-instance.ts';

/** Two terminals on one clone: a morning `npm start`, and a second one typed by habit an hour later. */
describe('one npm start per folder', () => {
  let dataDir: string;
  let lockPath: string;
  const MORNING = () => new Date('2026-03-02T07:30:00Z');
  // The first start is pid 4101, still running; 4102 is the second; 3999 was killed yesterday.
  const alive = new Set([4101, 4102]);
  const isRunning = (pid: number) => alive.has(pid);

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pulse-lock-'));
    lockPath = join(dataDir, 'pulse.lock');
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should let the first start claim the folder, and leave only the lock file behind', async () => {
    const claim = await claimSingleInstance(lockPath, { pid: 4101, isRunning, now: MORNING });
    expect(claim.claimed).toBe(true);
    expect(JSON.parse(await readFile(lockPath, 'utf8'))).toEqual({ pid: 4101, url: null, startedAt: '2026-03-02T07:30:00.000Z' });
    expect(await readdir(dataDir)).toEqual(['pulse.lock']);
  });

  it('should tell a second start where the first one answers', async () => {
    const first = await claimSingleInstance(lockPath, { pid: 4101, isRunning, now: MORNING });
    if (!first.claimed) throw new Error('the first start should hold the lock');
    await first.lock.announce('http://127.0.0.1:8787');

    const second = await claimSingleInstance(lockPath, { pid: 4102, isRunning });
    expect(second).toEqual({ claimed: false, running: { pid: 4101, url: 'http://127.0.0.1:8787', startedAt: '2026-03-02T07:30:00.000Z' } });
  });

  it('should tell a second start that the first is still starting, before it has a URL', async () => {
    await claimSingleInstance(lockPath, { pid: 4101, isRunning, now: MORNING });
    expect(await claimSingleInstance(lockPath, { pid: 4102, isRunning })).toMatchObject({ claimed: false, running: { pid: 4101, url: null } });
  });

  it('should take over the lock of a start that was killed', async () => {
    await writeFile(lockPath, JSON.stringify({ pid: 3999, url: 'http://127.0.0.1:8787', startedAt: '2026-03-01T07:30:00.000Z' }));
    const claim = await claimSingleInstance(lockPath, { pid: 4102, isRunning, now: MORNING });
    expect(claim.claimed).toBe(true);
    expect(JSON.parse(await readFile(lockPath, 'utf8'))).toMatchObject({ pid: 4102, url: null });
    expect(await readdir(dataDir)).toEqual(['pulse.lock']);
  });

  it('should take over a lock it cannot read', async () => {
    await writeFile(lockPath, 'not a lock');
    expect((await claimSingleInstance(lockPath, { pid: 4102, isRunning })).claimed).toBe(true);
  });

  it('should free the folder when the first start stops, so the next one claims it', async () => {
    const first = await claimSingleInstance(lockPath, { pid: 4101, isRunning });
    if (!first.claimed) throw new Error('the first start should hold the lock');
    await first.lock.release();
    expect(await readdir(dataDir)).toEqual([]);
    expect((await claimSingleInstance(lockPath, { pid: 4102, isRunning })).claimed).toBe(true);
  });

  it('should not remove or rewrite a lock that another start has taken over meanwhile', async () => {
    const first = await claimSingleInstance(lockPath, { pid: 4101, isRunning: () => false });
    if (!first.claimed) throw new Error('the first start should hold the lock');
    // 4101 hung and looked dead; 4102 took over.
    await claimSingleInstance(lockPath, { pid: 4102, isRunning: (pid) => pid !== 4101 });
    await first.lock.announce('http://127.0.0.1:9999');
    await first.lock.release();
    expect(JSON.parse(await readFile(lockPath, 'utf8'))).toMatchObject({ pid: 4102, url: null });
  });

  it('should let only one of two starts racing on a stale lock claim it', async () => {
    await writeFile(lockPath, JSON.stringify({ pid: 3999, url: null, startedAt: '2026-03-01T07:30:00.000Z' }));
    const claims = await Promise.all([4101, 4102].map((pid) => claimSingleInstance(lockPath, { pid, isRunning })));
    expect(claims.filter((claim) => claim.claimed)).toHaveLength(1);
  });

  it('should judge this test process alive and a pid nobody has as gone', () => {
    // This process is vitest, not `npm start`: on Linux the command line tells them apart.
    expect(isStartProcess(process.pid)).toBe(process.platform !== 'linux');
    expect(isStartProcess(2 ** 22 + 12_345)).toBe(false);
  });
});
