import { describe, expect, it } from 'vitest';
import { preferredLocale } from './preferred-locale.ts';

describe("the language of a page for someone without an account", () => {
  it('should speak French to a browser that asks for nothing, or for neither language', () => {
    expect(preferredLocale(undefined)).toBe('fr');
    expect(preferredLocale('')).toBe('fr');
    expect(preferredLocale('ar-TN,ar;q=0.9,*;q=0.5')).toBe('fr');
  });

  it('should follow the browser: its first language, by primary tag', () => {
    expect(preferredLocale('en-GB,en;q=0.9,fr;q=0.8')).toBe('en');
    expect(preferredLocale('fr-TN,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(preferredLocale('ar-TN,ar;q=0.9,en-US;q=0.7,fr;q=0.6')).toBe('en');
  });

  it('should weigh the ranges, not their order, and keep the first on a tie', () => {
    expect(preferredLocale('fr;q=0.4, en;q=0.8')).toBe('en');
    expect(preferredLocale('EN;Q=0.5, fr;q=0.5')).toBe('en');
    expect(preferredLocale('en;q=0, fr;q=0.1')).toBe('fr');
  });

  it('should read a malformed weight as refusing that language', () => {
    expect(preferredLocale('en;q=2, fr;q=0.3')).toBe('fr');
    expect(preferredLocale('en;q=abc')).toBe('fr');
  });
});
