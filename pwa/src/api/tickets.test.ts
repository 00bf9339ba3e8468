import { describe, expect, it } from 'vitest';
import { UnexpectedAnswerError } from './errors';
import { parseTicketLink } from './tickets';

const LINK = { url: 'https://pulse.example/t/AbCd-_0123456789abcdefghij', expiresAt: '2026-12-06T23:00:00.000Z' };

describe('parseTicketLink', () => {
  it('should read the link of a ticket page and when it expires, ignoring fields it does not know yet', () => {
    expect(parseTicketLink({ ...LINK, entryId: 'walkin-3f2a' })).toEqual(LINK);
    expect(parseTicketLink({ ...LINK, url: 'http://localhost:8787/t/AbCd' })).toEqual({ ...LINK, url: 'http://localhost:8787/t/AbCd' });
  });

  it('should refuse to hand over for drawing anything but a ticket page', () => {
    const answers = [
      null,
      [],
      { url: LINK.url },
      { ...LINK, url: '' },
      { ...LINK, url: 'not a link' },
      { ...LINK, url: 'javascript:alert(1)//t/x' },
      { ...LINK, url: 'https://pulse.example/login' },
      { ...LINK, expiresAt: 'tonight' },
      { ...LINK, expiresAt: 7 },
    ];
    for (const answer of answers) expect(() => parseTicketLink(answer), JSON.stringify(answer)).toThrow(UnexpectedAnswerError);
  });
});
