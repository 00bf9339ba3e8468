import { describe, expect, it } from 'vitest';
import { MailError, mailboxOf, recipientsOf } from './mailer.ts';

const message = { from: 'Pulse <alertes@pulse.tn>', subject: 'Résumé', html: '<p>x</p>', text: 'x' };

describe('mailboxes and recipients', () => {
  it('should split "Name <address>" into the name and the address the envelope needs', () => {
    expect(mailboxOf('Pulse <alertes@pulse.tn>')).toEqual({ name: 'Pulse', email: 'alertes@pulse.tn' });
    expect(mailboxOf('"Cabinet Dr Ben Salah" <dr@cabinet.tn>')).toEqual({ name: 'Cabinet Dr Ben Salah', email: 'dr@cabinet.tn' });
    expect(mailboxOf('  Pulse Alertes   <alertes@pulse.tn>  ')).toEqual({ name: 'Pulse Alertes', email: 'alertes@pulse.tn' });
  });

  it('should take a bare address, or one without a name, as the address alone', () => {
    expect(mailboxOf(' alertes@pulse.tn ')).toEqual({ email: 'alertes@pulse.tn' });
    expect(mailboxOf('<alertes@pulse.tn>')).toEqual({ email: 'alertes@pulse.tn' });
  });

  it('should list the recipients whichever way they were given', () => {
    expect(recipientsOf({ ...message, to: 'direction@pulse.tn' })).toEqual(['direction@pulse.tn']);
    const to = ['a@pulse.tn', 'b@pulse.tn'] as const;
    const listed = recipientsOf({ ...message, to });
    expect(listed).toEqual(['a@pulse.tn', 'b@pulse.tn']);
    expect(listed).not.toBe(to);
  });
});

describe('a message that did not leave', () => {
  it('should say which transport failed and whether another try is worth it, keeping the cause', () => {
    const cause = new Error('ECONNREFUSED');
    const error = new MailError('smtp', 'The SMTP server could not be reached', { retryable: true, cause });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'MailError', transport: 'smtp', retryable: true, message: 'The SMTP server could not be reached', cause });
    expect(new MailError('http', 'The mail provider answered 401', { retryable: false }).retryable).toBe(false);
  });
});
