import { describe, expect, it } from 'vitest';
import { UnexpectedAnswerError } from './errors';
import { parseReceptionResult } from './queue';

describe('parseReceptionResult', () => {
  it('should read the entry a walk-in created, and none for the doctor’s presence', () => {
    expect(parseReceptionResult({ entryId: 'walkin-3f2a' })).toBe('walkin-3f2a');
    expect(parseReceptionResult({ entryId: null })).toBeNull();
  });

  it('should refuse anything else', () => {
    for (const value of [null, [], { entryId: 7 }, { entryId: '' }, {}]) expect(() => parseReceptionResult(value)).toThrow(UnexpectedAnswerError);
  });
});
