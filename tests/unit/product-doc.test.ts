import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const repoCopy = new URL('../../docs/product.md', import.meta.url);
const sharedCopy = new URL('../../../shared/PRODUCT.md', import.meta.url);

/** The lines of `shared` that are missing from `repo` when both are read in order. */
function linesOutOfStep(shared: string, repo: string): string[] {
  const repoLines = repo.split('\n');
  let at = 0;
  const missing: string[] = [];
  for (const line of shared.split('\n')) {
    const found = repoLines.indexOf(line, at);
    if (found === -1) missing.push(line);
    else at = found + 1;
  }
  return missing;
}

describe("docs/product.md, the repository's copy of the product definitions", () => {
  it('should hold every definition the README links to', () => {
    const text = readFileSync(repoCopy, 'utf8');
    for (const heading of ['## Error shape', '## Alerts', '## Digest']) expect(text).toContain(heading);
  });

  it.skipIf(!existsSync(sharedCopy))('should say everything the shared PRODUCT.md says, in the same order', () => {
    expect(linesOutOfStep(readFileSync(sharedCopy, 'utf8'), readFileSync(repoCopy, 'utf8'))).toEqual([]);
  });

  it('should notice a definition that went out of step', () => {
    expect(linesOutOfStep('a\nb\nc', 'a\nc\nb')).toEqual(['c']);
    expect(linesOutOfStep('a\nb', 'x\na\ny\nb\nz')).toEqual([]);
  });
});
