import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { offlineMark } from './offline-mark';

const MINUTE = 60_000;

describe('offlineMark', () => {
  it('should say how old the kept figures are, in French, by the largest whole unit', () => {
    expect(offlineMark(12 * MINUTE + 59_000, fr)).toBe('hors ligne — chiffres d’il y a 12\u00a0min');
    expect(offlineMark(1 * MINUTE, fr)).toBe('hors ligne — chiffres d’il y a 1\u00a0min');
    expect(offlineMark(2 * 60 * MINUTE + 30 * MINUTE, fr)).toBe('hors ligne — chiffres d’il y a 2\u00a0h');
    expect(offlineMark(24 * 60 * MINUTE, fr)).toBe('hors ligne — chiffres d’il y a 1\u00a0jour');
    expect(offlineMark(3 * 24 * 60 * MINUTE, fr)).toBe('hors ligne — chiffres d’il y a 3\u00a0jours');
  });

  it('should say it in English too', () => {
    expect(offlineMark(12 * MINUTE, en)).toBe('offline — figures from 12\u00a0min ago');
    expect(offlineMark(5 * 60 * MINUTE, en)).toBe('offline — figures from 5\u00a0h ago');
    expect(offlineMark(2 * 24 * 60 * MINUTE, en)).toBe('offline — figures from 2\u00a0days ago');
  });

  it('should not count seconds, nor go below zero when the phone’s clock moved back', () => {
    expect(offlineMark(59_999, fr)).toBe('hors ligne — chiffres de moins d’une minute');
    expect(offlineMark(-5 * MINUTE, en)).toBe('offline — figures from less than a minute ago');
  });
});
