import { describe, expect, it } from 'vitest';
import { noteDayProblem } from './chart-notes.ts';
import { mayDeleteNote, NewNoteSchema, noteTextProblem, noteWindow } from './note-rules.ts';

const issuesOf = (body: unknown) => NewNoteSchema.safeParse(body).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];

describe('what a note on the charts may say', () => {
  it('should keep a note as typed, trimmed of the blanks around it', () => {
    expect(NewNoteSchema.parse({ day: '2026-11-12', text: '  Médecin remplaçant  ' })).toEqual({ day: '2026-11-12', text: 'Médecin remplaçant' });
    expect(NewNoteSchema.parse({ day: '2026-11-12', text: 'عيادة مغلقة بعد الظهر 🩺' }).text).toBe('عيادة مغلقة بعد الظهر 🩺');
  });

  it('should count characters as people do: 200 emoji are 200 characters, 201 are one too many', () => {
    expect(noteTextProblem('é'.repeat(200))).toBeNull();
    expect(noteTextProblem('😷'.repeat(200))).toBeNull();
    expect(noteTextProblem(`  ${'x'.repeat(200)}  `)).toBeNull();
    expect(noteTextProblem('😷'.repeat(201))).toBe('must have at most 200 characters (it has 201)');
    expect(noteTextProblem('x'.repeat(201))).toBe('must have at most 200 characters (it has 201)');
  });

  it('should refuse an empty note and one of blanks only', () => {
    expect(noteTextProblem('')).toBe('must not be empty');
    expect(noteTextProblem('    ')).toBe('must not be empty');
  });

  it('should refuse control characters anywhere, a line break at the end too, rather than strip them', () => {
    expect(noteTextProblem('Panne SMS\n')).toBe('contains U+000A, a control character, at position 10; control characters, line breaks and bidirectional overrides are not allowed in a note');
    for (const text of ['Panne\r\nSMS', '\tPanne', 'Panne\u0000', 'Panne\u0085SMS', 'Panne\u009b', 'Panne\u007f']) expect(noteTextProblem(text), JSON.stringify(text)).toContain('a control character');
    expect(noteTextProblem('Panne \u202eSMS')).toContain('a bidirectional formatting character');
    expect(issuesOf({ day: '2026-11-12', text: 'Panne\nSMS' })).toEqual([expect.stringMatching(/^text: contains U\+000A/)]);
  });

  it('should take only days of the calendar from 2000-01-01, written YYYY-MM-DD', () => {
    expect(issuesOf({ day: '2000-01-01', text: 'x' })).toEqual([]);
    expect(issuesOf({ day: '2024-02-29', text: 'x' })).toEqual([]);
    for (const day of ['2026-02-30', '2025-02-29', '2026-13-01', '12/11/2026', '2026-1-5', '']) expect(issuesOf({ day, text: 'x' }), day).toEqual(['day: must be a day of the calendar, YYYY-MM-DD']);
    expect(issuesOf({ day: '1999-12-31', text: 'x' })).toEqual(['day: must be 2000-01-01 or later']);
    expect(issuesOf({ day: '0099-01-01', text: 'x' })).toEqual(['day: must be 2000-01-01 or later']);
    expect(issuesOf({ day: '2026-11-12', text: 'x', author: 'someone' })).toEqual([expect.stringContaining('author')]);
  });

  it("should refuse a day after the writer's today, and take today itself", () => {
    expect(noteDayProblem('2026-11-12', '2026-11-12')).toBeNull();
    expect(noteDayProblem('2026-11-13', '2026-11-12')).toBe('must not be after today (2026-11-12)');
  });
});

describe('who may delete a note', () => {
  const note = { authorId: 'user-reception' };
  it("should let its author, the clinic's owners and the super admin delete it, and a receptionist only their own", () => {
    expect(mayDeleteNote({ role: 'staff', userId: 'user-reception' }, note)).toBe(true);
    expect(mayDeleteNote({ role: 'staff', userId: 'user-other-reception' }, note)).toBe(false);
    expect(mayDeleteNote({ role: 'clinic_owner', userId: 'user-doctor' }, note)).toBe(true);
    expect(mayDeleteNote({ role: 'super_admin', userId: 'user-admin' }, note)).toBe(true);
  });
});

describe('the window of notes a list is asked for', () => {
  it('should default to the 90 days ending today, or ending `to`', () => {
    expect(noteWindow({}, '2026-11-12')).toEqual({ from: '2026-08-15', to: '2026-11-12' });
    expect(noteWindow({ to: '2026-03-31' }, '2026-11-12')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(noteWindow({ from: '2026-11-01' }, '2026-11-12')).toEqual({ from: '2026-11-01', to: '2026-11-12' });
  });

  it('should never reach before 2000-01-01', () => {
    expect(noteWindow({ to: '2000-01-05' }, '2026-11-12')).toEqual({ from: '2000-01-01', to: '2000-01-05' });
  });

  it('should refuse a window of more than 400 days, or one that ends before it starts', () => {
    expect(noteWindow({ from: '2025-10-09', to: '2026-11-12' }, '2026-11-12')).toEqual({ from: '2025-10-09', to: '2026-11-12' });
    expect(noteWindow({ from: '2025-10-08', to: '2026-11-12' }, '2026-11-12')).toEqual({ problem: 'the window from 2025-10-08 to 2026-11-12 spans 401 days; at most 400', path: 'from' });
    expect(noteWindow({ from: '2020-01-01' }, '2026-11-12')).toMatchObject({ path: 'from' });
    expect(noteWindow({ from: '2026-11-13' }, '2026-11-12')).toEqual({ problem: 'must not be after to (2026-11-12)', path: 'from' });
  });
});
