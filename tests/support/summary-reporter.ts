import type { Reporter, TestModule } from 'vitest/node';
import type { BadInputTally } from './bad-input/tally.ts';

/**
 * Ends the run with the bad-input tally (how many refused inputs each endpoint was sent, when that
 * test ran), then one plain line, `Tests: N passed, N failed, N skipped`, which CI reads whatever
 * runner printed it.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const tallies: BadInputTally[] = [];
    const withoutInput = new Set<string>();
    for (const testModule of testModules) {
      for (const test of testModule.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed += 1;
        else if (state === 'failed') counts.failed += 1;
        else counts.skipped += 1;
        const meta = test.meta();
        if (meta.badInput !== undefined) tallies.push(meta.badInput);
        for (const route of meta.badInputWithoutInput ?? []) withoutInput.add(route);
      }
    }
    if (tallies.length > 0) process.stdout.write(badInputTable(tallies, [...withoutInput]));
    process.stdout.write(`\nTests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}

function badInputTable(tallies: BadInputTally[], withoutInput: string[]): string {
  const number = (value: number) => value.toLocaleString('en-US');
  const width = Math.max(...tallies.map((tally) => tally.endpoint.length));
  const refused = tallies.reduce((sum, tally) => sum + tally.refused, 0);
  const seconds = tallies.reduce((sum, tally) => sum + tally.milliseconds, 0) / 1000;
  const lines = [
    '',
    `Bad input: ${number(refused)} refused inputs over ${tallies.length} endpoints in ${seconds.toFixed(1)} s (4xx in the error shape, nothing changed)`,
    `  ${'endpoint'.padEnd(width)}  ${'refused'.padStart(7)}  ${'accepted'.padStart(8)}  answers`,
    ...tallies
      .toSorted((a, b) => a.endpoint.localeCompare(b.endpoint))
      .map((tally) => {
        const answers = Object.entries(tally.statuses)
          .toSorted(([a], [b]) => a.localeCompare(b))
          .map(([status, count]) => `${status}×${number(count)}`)
          .join(' ');
        return `  ${tally.endpoint.padEnd(width)}  ${number(tally.refused).padStart(7)}  ${number(tally.accepted).padStart(8)}  ${answers}`;
      }),
    ...(withoutInput.length === 0 ? [] : [`  no input to get wrong: ${withoutInput.toSorted().join(', ')}`]),
  ];
  return `${lines.join('\n')}\n`;
}
