import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually.ts';

const HOLDER = fileURLToPath(new URL('../support/hold-sqld.ts', import.meta.url));

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) });
    return response.ok;
  } catch {
    return false;
  }
}

describe('processes started by npm start and the tests', () => {
  for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
    it(`should not outlive their parent when it dies by ${signal}`, async () => {
      const holder = spawn(process.execPath, [HOLDER], { stdio: ['ignore', 'pipe', 'inherit'] });
      const url = await new Promise<string>((resolve, reject) => {
        createInterface({ input: holder.stdout }).once('line', resolve);
        holder.once('exit', () => reject(new Error('holder exited before sqld answered')));
      });
      expect(await answers(url)).toBe(true);

      holder.kill(signal);
      // The reading is whether sqld still answers: it must stop within 10 s.
      expect(await eventually(() => answers(url), (answering) => !answering, 10_000)).toBe(false);
    });
  }
});
