import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import '../support/provided-context.ts';
import { startStack, type Stack } from '../../scripts/lib/stack.ts';
import { launchChromium } from '../support/phone.ts';
import { buildPwa } from './build-pwa.ts';

/** Building, seeding the demo, starting sqld + wrangler and launching Chromium take a while on a cold machine. */
export const SETUP_TIMEOUT_MS = 180_000;

/**
 * One demo stack (`npm start` with the seeded demo data, copied from the run's seeded database) and one Chromium for the whole test file
 * that calls this at its top: started before its first test, stopped after its last. Returns how
 * to reach them, which throws if they did not start.
 */
export function demoStackForFile(name: string): () => { stack: Stack; browser: Browser } {
  let dataDir = '';
  let stack: Stack | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    // What the setup is doing and what the stack said, for the error of a setup that is stuck.
    let step = 'building the PWA';
    const said: string[] = [];
    const setUp = async () => {
      await buildPwa();
      step = 'copying the seeded demo';
      dataDir = await mkdtemp(join(tmpdir(), `pulse-e2e-${name}-`));
      // The run's seeded demo (demo-snapshot-global-setup.ts), copied: seeding again finds it there.
      await cp(inject('demoSnapshot'), join(dataDir, 'sqld'), { recursive: true });
      step = 'starting sqld and wrangler dev';
      stack = await startStack({ dataDir, seed: true, log: (line) => said.push(line) });
      step = 'launching Chromium';
      browser = await launchChromium();
    };
    let timer: NodeJS.Timeout | undefined;
    const stuck = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${name}: the stack's setup is stuck ${step}; it said:\n${said.slice(-30).join('\n')}`)), SETUP_TIMEOUT_MS - 5_000);
    });
    try {
      await Promise.race([setUp(), stuck]);
    } finally {
      clearTimeout(timer);
    }
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (dataDir !== '') await rm(dataDir, { recursive: true, force: true });
  }, SETUP_TIMEOUT_MS);

  return () => {
    if (stack === undefined || browser === undefined) throw new Error('the stack did not start');
    return { stack, browser };
  };
}
