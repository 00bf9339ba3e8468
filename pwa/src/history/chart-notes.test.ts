import { describe, expect, it } from 'vitest';
import type { ChartNote } from '../api/annotations';
import { ApiError } from '../api/errors';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { chartNoteMarkers, checkNoteForm, mayDeleteShown, noteAuthorWords, noteErrorWords, noteProblemWords, placedNotes } from './chart-notes';

const note = (id: string, day: string, author = 'dr.bensalah@cabinet.tn', scope: ChartNote['scope'] = 'clinic'): ChartNote => ({ id, day, text: `note ${id}`, author, scope });
const days = (...list: string[]) => list.map((day) => ({ from: day, to: day }));

describe('notes placed on a chart', () => {
  it('should number the notes in day order and put each on its own day', () => {
    const answer = { points: days('2026-11-10', '2026-11-11', '2026-11-12'), annotations: [note('a', '2026-11-10'), note('b', '2026-11-12')] };
    expect(placedNotes(answer).map(({ number, pointIndex, note: { id } }) => [number, pointIndex, id])).toEqual([[1, 0, 'a'], [2, 2, 'b']]);
    expect(chartNoteMarkers(answer)).toEqual([{ index: 0, label: '1' }, { index: 2, label: '2' }]);
  });

  it("should fly one flag for the notes of one week on a year's chart, their numbers joined", () => {
    const weeks = [{ from: '2025-11-13', to: '2025-11-16' }, { from: '2025-11-17', to: '2025-11-23' }];
    const answer = { points: weeks, annotations: [note('a', '2025-11-14'), note('b', '2025-11-17'), note('c', '2025-11-21')] };
    expect(chartNoteMarkers(answer)).toEqual([{ index: 0, label: '1' }, { index: 1, label: '2·3' }]);
  });

  it('should draw no flag for a note outside the chart, though it keeps its number in the list', () => {
    const answer = { points: days('2026-11-12'), annotations: [note('a', '2026-11-01'), note('b', '2026-11-12')] };
    expect(chartNoteMarkers(answer)).toEqual([{ index: 0, label: '2' }]);
  });
});

describe('who a note is by, and who may delete it on Historique', () => {
  it("should shorten the author's e-mail to its name, and say the whole service for a service-wide note", () => {
    expect(noteAuthorWords(note('a', '2026-11-12'), fr)).toBe('dr.bensalah@…');
    expect(noteAuthorWords(note('a', '2026-11-12', 'admin@pulse.local', 'service'), fr)).toBe('tout le service');
    expect(noteAuthorWords(note('a', '2026-11-12', 'admin@pulse.local', 'service'), en)).toBe('whole service');
  });

  it("should offer the clinic's notes to its owners and the super admin, a receptionist's own to them, and no service-wide note", () => {
    const doctors = note('a', '2026-11-12');
    const receptions = note('b', '2026-11-12', 'accueil@cabinet.tn');
    expect(mayDeleteShown(receptions, { email: 'dr.bensalah@cabinet.tn', role: 'clinic_owner' })).toBe(true);
    expect(mayDeleteShown(doctors, { email: 'admin@pulse.local', role: 'super_admin' })).toBe(true);
    expect(mayDeleteShown(receptions, { email: 'accueil@cabinet.tn', role: 'staff' })).toBe(true);
    expect(mayDeleteShown(doctors, { email: 'accueil@cabinet.tn', role: 'staff' })).toBe(false);
    expect(mayDeleteShown(note('c', '2026-11-12', 'admin@pulse.local', 'service'), { email: 'admin@pulse.local', role: 'super_admin' })).toBe(false);
  });
});

describe('the note form, checked before asking', () => {
  const today = '2026-11-12';
  it('should take today or a day before, and a line of at most 200 characters', () => {
    expect(checkNoteForm(today, 'Médecin remplaçant', today)).toBeNull();
    expect(checkNoteForm('2026-01-05', '😷'.repeat(200), today)).toBeNull();
  });

  it('should word each slip in the reader’s language', () => {
    const words = (day: string, text: string) => {
      const problem = checkNoteForm(day, text, today);
      return problem === null ? null : noteProblemWords(problem, fr);
    };
    expect(words('', 'x')).toBe('Choisissez le jour de la note.');
    expect(words('1999-12-31', 'x')).toBe('Le jour doit être le 1er janvier 2000 ou après.');
    expect(words('2026-11-13', 'x')).toBe('Le jour ne peut pas être après aujourd’hui.');
    expect(words(today, '   ')).toBe('Écrivez la note.');
    expect(words(today, '😷'.repeat(201))).toBe('La note fait 201 caractères : 200 au plus.');
  });

  it("should word the API's refusals: a control character, a note not theirs, a note already gone", () => {
    const refused = (code: 'VALIDATION_FAILED' | 'FORBIDDEN' | 'NOT_FOUND', details: Record<string, unknown> = {}) =>
      new ApiError({ status: 400, code, message: code, details, retryAfterSeconds: null });
    expect(noteErrorWords(refused('VALIDATION_FAILED', { issues: [{ path: 'text', message: 'contains U+0009' }] }), fr)).toBe('La note doit tenir sur une ligne, sans caractère de contrôle.');
    expect(noteErrorWords(refused('VALIDATION_FAILED', { issues: [{ path: 'day', message: 'must not be after today' }] }), en)).toBe('The day cannot be after today.');
    expect(noteErrorWords(refused('FORBIDDEN'), en)).toBe('You can only delete the notes you wrote.');
    expect(noteErrorWords(refused('NOT_FOUND'), fr)).toBe('Cette note n’existe plus.');
  });
});
