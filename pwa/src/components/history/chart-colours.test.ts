import { describe, expect, it } from 'vitest';
import { translucent } from './chart-colours';

describe('a theme colour made see-through for a forecast’s range', () => {
  it('should keep the hue of a computed colour and set its opacity', () => {
    // Pulse's teal in the light theme, and in the dark one as newer browsers write it.
    expect(translucent('rgb(15, 118, 110)', 0.22)).toBe('rgba(15, 118, 110, 0.22)');
    expect(translucent('rgb(45 212 191)', 0.5)).toBe('rgba(45, 212, 191, 0.5)');
  });

  it('should leave a colour it cannot read opaque rather than guess', () => {
    expect(translucent('color(srgb 0.06 0.46 0.43)', 0.22)).toBe('color(srgb 0.06 0.46 0.43)');
    expect(translucent('rgba(15, 118, 110, 0.5)', 0.22)).toBe('rgba(15, 118, 110, 0.5)');
  });
});
