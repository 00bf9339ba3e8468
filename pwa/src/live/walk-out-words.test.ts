import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { TEN_AM_ENTRIES } from './ten-am.fixture';
import { walkOutMark } from './walk-out-words';

const NBSP = '\u00a0';
/** French puts a no-break space before "%" (narrow or not, depending on the ICU version). */
const plain = (text: string) => text.replace(/[\u00a0\u202f](?=%)/g, ' ');

const ticket = (ticketNumber: number) => {
  const found = TEN_AM_ENTRIES.find((entry) => entry.ticketNumber === ticketNumber);
  if (found === undefined) throw new Error(`no ticket ${ticketNumber} at ten`);
  return found;
};

describe('a waiting patient’s walk-out risk on the reception list', () => {
  it('should mark a high risk plainly, with the percentage, and say what it means to a screen reader', () => {
    // Had no. 13, second in line, grown likely to give up:
    const restless = { ...ticket(13), walkOutRisk: { probability: 0.72, level: 'high' as const } };
    const mark = walkOutMark(restless, 'fr', fr);
    expect(mark?.level).toBe('high');
    expect(plain(mark?.text ?? '')).toBe('Risque de départ 72 %');
    expect(plain(mark?.spoken ?? '')).toBe(`Risque élevé de partir avant d’être appelé${NBSP}: 72 %`);
    expect(walkOutMark(restless, 'en', en)).toEqual({ level: 'high', text: 'Walk-out risk 72%', spoken: 'High risk of leaving before being called: 72%' });
  });

  it('should mention a medium risk quietly', () => {
    const mark = walkOutMark(ticket(13), 'fr', fr);
    expect(mark?.level).toBe('medium');
    expect(plain(mark?.text ?? '')).toBe('départ 18 %');
    expect(plain(mark?.spoken ?? '')).toBe(`Risque moyen de partir avant d’être appelé${NBSP}: 18 %`);
    expect(walkOutMark(ticket(13), 'en', en)?.text).toBe('walk-out 18%');
  });

  it('should mark nobody with a low risk, no risk yet, or no longer waiting', () => {
    expect(walkOutMark(ticket(12), 'fr', fr)).toBeNull();
    expect(walkOutMark({ ...ticket(12), walkOutRisk: null }, 'fr', fr)).toBeNull();
    // Called since: whatever risk was last read, they did not leave before the call.
    expect(walkOutMark({ ...ticket(11), walkOutRisk: { probability: 0.8, level: 'high' } }, 'fr', fr)).toBeNull();
  });
});
