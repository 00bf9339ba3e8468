import { createPublicKey } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { devVarsProblems, ensureDevVars } from '../../scripts/lib/dev-vars.ts';

const parse = (text: string) => Object.fromEntries(text.split('\n').filter((line) => /^[A-Z]/.test(line)).map((line) => line.split(/=(.*)/s).slice(0, 2)));

describe('ensureDevVars', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pulse-dev-vars-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('should write every secret, with a VAPID key pair browsers accept, to a new file', async () => {
    const path = join(dir, '.dev.vars');
    expect(await ensureDevVars(path)).toBe(true);
    const vars = parse(await readFile(path, 'utf8'));
    expect(Object.keys(vars).sort()).toEqual(['IP_HASH_KEY', 'METRICS_TOKEN', 'VAPID_PRIVATE_KEY', 'VAPID_PUBLIC_KEY']);
    const point = Buffer.from(vars.VAPID_PUBLIC_KEY ?? '', 'base64url');
    expect(point).toHaveLength(65);
    expect(point[0]).toBe(0x04);
    // The private scalar belongs to the public point: importing them together succeeds only then.
    const jwk = { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url'), d: vars.VAPID_PRIVATE_KEY };
    expect(() => createPublicKey({ key: jwk, format: 'jwk' })).not.toThrow();
    // Long enough for the Worker, which refuses a metrics token under 32 characters.
    expect(vars.METRICS_TOKEN).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await devVarsProblems(path)).toEqual([]);
    expect(await ensureDevVars(path)).toBe(false);
  });

  it('should give two Workers started together on one file the same secrets', async () => {
    const path = join(dir, '.dev.vars');
    const written = await Promise.all([ensureDevVars(path), ensureDevVars(path)]);
    expect(written.filter(Boolean)).toHaveLength(1);
    const text = await readFile(path, 'utf8');
    expect(text.match(/^VAPID_PUBLIC_KEY=/gm)).toHaveLength(1);
    expect(Object.keys(parse(text))).toHaveLength(4);
  });

  it('should append only the missing secrets to a file written before push existed', async () => {
    const path = join(dir, '.dev.vars');
    await writeFile(path, '# Local secrets\nIP_HASH_KEY=kept-hash-key\nMETRICS_TOKEN=kept-metrics-token-of-32-characters');
    expect(await ensureDevVars(path)).toBe(true);
    const vars = parse(await readFile(path, 'utf8'));
    expect(vars).toMatchObject({ IP_HASH_KEY: 'kept-hash-key', METRICS_TOKEN: 'kept-metrics-token-of-32-characters' });
    expect(vars.VAPID_PUBLIC_KEY).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect(vars.VAPID_PRIVATE_KEY).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('should say, before anything starts, that a metrics token under 32 characters would be refused', async () => {
    const path = join(dir, '.dev.vars');
    await writeFile(path, '# Local secrets, written by hand\nMETRICS_TOKEN="test-metrics-token"\n');
    await ensureDevVars(path);
    const [problem, ...more] = await devVarsProblems(path);
    expect(more).toEqual([]);
    expect(problem).toContain(`METRICS_TOKEN in ${path} is 18 characters long`);
    expect(problem).toContain('fewer than 32');
    expect(problem).toContain('Delete its line');
  });

  it('should accept a token of exactly 32 characters, and none at all (then /metrics opens to nobody)', async () => {
    const path = join(dir, '.dev.vars');
    for (const line of [`METRICS_TOKEN=${'a'.repeat(32)}`, 'METRICS_TOKEN=', '# no token']) {
      await writeFile(path, `${line}\n`);
      expect(await devVarsProblems(path), line).toEqual([]);
    }
  });
});
