import { describe, expect, it } from 'vitest';
import { headerLine, headerLines } from './header-line.ts';

describe('header values on one line, for every mail transport', () => {
  it('should turn CR, LF and the folding blanks after them into one space', () => {
    expect(headerLine('Clinique\r\nBcc: intrus@example.com')).toBe('Clinique Bcc: intrus@example.com');
    expect(headerLine('Clinique\n\tSfax')).toBe('Clinique Sfax');
    expect(headerLine('Clinique\r\r\n  \n  El Amal')).toBe('Clinique El Amal');
    expect(headerLine('Clinique El Amal — votre semaine')).toBe('Clinique El Amal — votre semaine');
  });

  it('should do the same to every value of a header map, leaving the names', () => {
    expect(headerLines({ 'X-Pulse-Kind': 'weekly_digest\r\nBcc: intrus@example.com', 'Reply-To': 'direction@pulse.tn' })).toEqual({
      'X-Pulse-Kind': 'weekly_digest Bcc: intrus@example.com',
      'Reply-To': 'direction@pulse.tn',
    });
  });
});
