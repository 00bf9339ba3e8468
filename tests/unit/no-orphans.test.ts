import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const HOLDER = fileURLToPath(new URL('../support/hold-sqld.ts', import.meta.url));

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) });
    return response.ok;
  } catch {
    return false;
  }
}

async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
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
      expect(await eventually(async () => !(await answers(url)), 10_000)).toBe(true);
    });
  }
});
