import { describe, expect, it } from 'vitest';
import { UnexpectedAnswerError } from './errors';
import { parseAlertSettings, parseMySettings, parseServiceTarget } from './settings';

describe('parseMySettings', () => {
  it("should read the doctor's language and weekly digest, ignoring fields it does not know yet", () => {
    const none = { quietHours: null, quietHoursZones: [], channels: {} };
    expect(parseMySettings({ locale: 'fr', weeklyDigest: true, timezone: 'Africa/Tunis' })).toEqual({ locale: 'fr', weeklyDigest: true, ...none });
    expect(parseMySettings({ locale: 'en', weeklyDigest: false })).toEqual({ locale: 'en', weeklyDigest: false, ...none });
  });

  it('should read quiet hours and the channels per alert kind, leaving out a kind it does not know yet', () => {
    const answer = {
      locale: 'fr',
      weeklyDigest: true,
      quietHours: { from: '20:00', to: '07:00' },
      quietHoursZones: ['Africa/Tunis'],
      channels: { queue_too_long: ['email', 'digest'], sms_budget: [], queue_on_fire: ['push'] },
    };
    expect(parseMySettings(answer)).toEqual({ ...answer, channels: { queue_too_long: ['email', 'digest'], sms_budget: [] } });
    expect(() => parseMySettings({ ...answer, channels: { queue_too_long: ['sms'] } })).toThrow(/settings: channels\.queue_too_long\.0/);
  });

  it('should refuse a language Pulse does not speak, or a digest that is not on or off, naming the field', () => {
    expect(() => parseMySettings({ locale: 'ar', weeklyDigest: true })).toThrow(/settings: locale/);
    expect(() => parseMySettings({ locale: 'fr', weeklyDigest: 'yes' })).toThrow(/settings: weeklyDigest/);
    expect(() => parseMySettings(null)).toThrow(UnexpectedAnswerError);
  });
});

describe('parseAlertSettings', () => {
  it("should read a clinic's own threshold against the default", () => {
    expect(parseAlertSettings({ queueTooLongThreshold: 12, isDefault: false, defaultThreshold: 30 })).toEqual({
      queueTooLongThreshold: 12,
      isDefault: false,
      defaultThreshold: 30,
    });
  });

  it('should read a clinic on the default threshold', () => {
    expect(parseAlertSettings({ queueTooLongThreshold: 30, isDefault: true, defaultThreshold: 30 })).toMatchObject({ isDefault: true });
  });

  it('should refuse a threshold that is not a whole number of patients', () => {
    expect(() => parseAlertSettings({ queueTooLongThreshold: 12.5, isDefault: false, defaultThreshold: 30 })).toThrow(/queueTooLongThreshold/);
    expect(() => parseAlertSettings({ queueTooLongThreshold: 0, isDefault: false, defaultThreshold: 30 })).toThrow(/queueTooLongThreshold/);
    expect(() => parseAlertSettings({ queueTooLongThreshold: 12, isDefault: false })).toThrow(/defaultThreshold/);
  });
});

describe('parseServiceTarget', () => {
  it("should read the clinic's target against the default", () => {
    expect(parseServiceTarget({ minutes: 45, defaultMinutes: 30 })).toEqual({ minutes: 45, defaultMinutes: 30 });
  });

  it('should refuse a target that is not whole minutes, naming the field', () => {
    expect(() => parseServiceTarget({ minutes: 'half an hour', defaultMinutes: 30 })).toThrow(/service target: minutes/);
    expect(() => parseServiceTarget({ minutes: 45 })).toThrow(/defaultMinutes/);
  });
});
