import { describe, expect, it } from 'vitest';
import { JOB_TYPES } from '../../../worker/jobs/job-messages.ts';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { jobKindWords, jobScopeWords } from './failed-job-words';

const none = { clinicId: null, clinicName: null, alertId: null, weekStart: null, at: null };

describe('jobKindWords', () => {
  it('should name every job type, and an unreadable message, in French and English', () => {
    for (const kind of [...JOB_TYPES, 'unreadable']) {
      expect(jobKindWords(kind, fr), kind).not.toBe(kind);
      expect(jobKindWords(kind, en), kind).not.toBe(kind);
    }
    expect(jobKindWords('alert.deliver', fr)).toBe('Envoi d’une alerte');
  });

  it('should keep the code of a job type it does not know', () => {
    expect(jobKindWords('newer.job', fr)).toBe('newer.job');
    expect(jobKindWords('toString', fr)).toBe('toString');
  });
});

describe('jobScopeWords', () => {
  it('should name the clinic, else its id, else the week, else the whole service', () => {
    expect(jobScopeWords({ ...none, clinicId: 'c-1', clinicName: 'Cabinet Ennasr', alertId: 'a-1' }, fr)).toBe('Cabinet Ennasr');
    expect(jobScopeWords({ ...none, clinicId: 'c-gone' }, fr)).toBe('c-gone');
    expect(jobScopeWords({ ...none, weekStart: '2026-11-30' }, fr)).toBe('semaine du 2026-11-30');
    expect(jobScopeWords(none, en)).toBe('The whole service');
  });
});
