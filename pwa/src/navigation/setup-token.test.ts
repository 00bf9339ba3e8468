import { describe, expect, it } from 'vitest';
import { setupTokenFrom } from './setup-token';

describe('setupTokenFrom', () => {
  it('should read the token from the fragment of a setup link', () => {
    expect(setupTokenFrom('#Zq3v9kLm2Np8Rt5Wx7Yb1Cd4')).toBe('Zq3v9kLm2Np8Rt5Wx7Yb1Cd4');
  });

  it('should give none for an empty or malformed fragment', () => {
    expect(setupTokenFrom('')).toBeNull();
    expect(setupTokenFrom('#')).toBeNull();
    expect(setupTokenFrom('#%E0%A4%A')).toBeNull();
  });
});
