import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { channelErrorWords, quietHoursOfForm, withChannel } from './quiet-hours-form';

describe('quietHoursOfForm', () => {
  it('should take two different times, a night across midnight included, seconds dropped', () => {
    expect(quietHoursOfForm('20:00', '07:00')).toEqual({ from: '20:00', to: '07:00' });
    expect(quietHoursOfForm('12:30:00', '14:00')).toEqual({ from: '12:30', to: '14:00' });
  });

  it('should refuse an empty stretch and what is no time of day', () => {
    for (const [from, to] of [['07:00', '07:00'], ['', '07:00'], ['24:00', '07:00'], ['7:00', '20:00']] as const) expect(quietHoursOfForm(from, to)).toBeNull();
  });
});

describe('withChannel', () => {
  it('should switch one channel on or off and keep push, e-mail, digest order', () => {
    expect(withChannel(['digest'], 'push', true)).toEqual(['push', 'digest']);
    expect(withChannel(['push', 'email'], 'push', false)).toEqual(['email']);
    expect(withChannel(['email'], 'email', true)).toEqual(['email']);
  });
});

describe('channelErrorWords', () => {
  it("should word the API's refusal as the urgent alert that keeps a channel, in either language", () => {
    const refused = new ApiError({ status: 400, code: 'VALIDATION_FAILED', message: 'Invalid', details: { field: 'channels.sms_failures' }, retryAfterSeconds: null });
    expect(channelErrorWords(refused, fr)).toBe('Une alerte urgente du service garde au moins un canal.');
    expect(channelErrorWords(refused, en)).toBe('An urgent service alert keeps at least one channel.');
  });
});
