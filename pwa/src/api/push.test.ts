import { describe, expect, it } from 'vitest';
import { UnexpectedAnswerError } from './errors';
import { parsePublicKey, parseTestOutcome } from './push';

describe('parsePublicKey', () => {
  it("should take the server's VAPID key as it comes", () => {
    expect(parsePublicKey({ publicKey: 'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U' })).toBe(
      'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U',
    );
  });

  it('should refuse an answer without a key', () => {
    expect(() => parsePublicKey({ publicKey: '' })).toThrow(/publicKey/);
    expect(() => parsePublicKey({})).toThrow(UnexpectedAnswerError);
  });
});

describe('parseTestOutcome', () => {
  it("should read what each of the doctor's devices answered: their phone took it, an old laptop's subscription was gone", () => {
    expect(parseTestOutcome({ delivered: 1, removed: 1, failed: 0 })).toEqual({ delivered: 1, removed: 1, failed: 0 });
  });

  it('should refuse counts that are not counts', () => {
    expect(() => parseTestOutcome({ delivered: -1, removed: 0, failed: 0 })).toThrow(/delivered/);
    expect(() => parseTestOutcome({ delivered: 1, removed: 0 })).toThrow(/failed/);
  });
});
