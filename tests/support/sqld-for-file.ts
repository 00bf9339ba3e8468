import { afterAll, beforeAll } from 'vitest';
import { startTestSqld, type TestSqld, type TestSqldOptions } from './sqld.ts';

/**
 * One sqld for the whole test file (or describe block) that calls this at its top: started before
 * its first test, stopped after its last — after the file's own afterAll hooks, which run in
 * reverse order, so whatever the test started on top of it (Workers, a simulator) stops first.
 * Returns how to reach it, which throws if it did not start.
 */
export function sqldForFile(name: string, options: TestSqldOptions = {}): () => TestSqld {
  let running: TestSqld | undefined;
  beforeAll(async () => {
    running = await startTestSqld(name, options);
  });
  afterAll(async () => {
    await running?.stop();
  });
  return () => {
    if (running === undefined) throw new Error(`the sqld of ${name} did not start`);
    return running;
  };
}
