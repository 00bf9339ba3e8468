import { describe, expect, it } from 'vitest';
import { JOB_ERROR_MAX_CHARACTERS, jobErrorText, jobOf, jobScope } from './failed-jobs.ts';

describe('jobErrorText', () => {
  it("should keep an error's message alone, never its stack or cause", () => {
    const error = new Error('digest not sent, will retry: user-1: 451 try later', { cause: new Error('socket said something') });
    expect(jobErrorText(error)).toBe('digest not sent, will retry: user-1: 451 try later');
    expect(jobErrorText('plain words')).toBe('plain words');
  });

  it('should mask e-mail addresses a mail server quoted, and fold whitespace', () => {
    expect(jobErrorText(new Error('550 <leila.ben@example.com>:\n  mailbox unavailable'))).toBe('550 <[address]>: mailbox unavailable');
  });

  it(`should cut a long message at ${JOB_ERROR_MAX_CHARACTERS} characters, and name an empty one`, () => {
    const cut = jobErrorText(new Error('x'.repeat(2_000)));
    expect(cut).toHaveLength(JOB_ERROR_MAX_CHARACTERS);
    expect(cut.endsWith('…')).toBe(true);
    expect(jobErrorText(new Error('x'.repeat(JOB_ERROR_MAX_CHARACTERS)))).toHaveLength(JOB_ERROR_MAX_CHARACTERS);
    expect(jobErrorText(new Error('  '))).toBe('Unknown error');
  });
});

describe('jobScope', () => {
  it("should say what a job is about from its message's known fields", () => {
    expect(jobScope(jobOf('{"type":"digest.clinic","clinicId":"c-1","weekStart":"2026-11-30"}'))).toEqual({ clinicId: 'c-1', alertId: null, weekStart: '2026-11-30', at: null });
    expect(jobScope(jobOf('{"type":"alert.deliver","alertId":"a-1","noticeAt":1000}'))).toEqual({ clinicId: null, alertId: 'a-1', weekStart: null, at: 1000 });
    expect(jobScope(jobOf('{"type":"retention.run","at":5}'))).toEqual({ clinicId: null, alertId: null, weekStart: null, at: 5 });
  });

  it('should say nothing of a body that is no job, whatever it carries', () => {
    expect(jobOf('"not a job"')).toBeNull();
    expect(jobOf('{"type":"no.such.job","clinicId":"c-1"}')).toBeNull();
    expect(jobOf('{not json')).toBeNull();
    expect(jobScope(null)).toEqual({ clinicId: null, alertId: null, weekStart: null, at: null });
  });
});
