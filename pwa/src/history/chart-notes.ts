/**
 * The notes of a `charts` answer as Historique shows them: numbered in day order, each on the point
 * holding its day (its week on a year's chart), listed under the chart with its author; who may
 * delete which; and the note form's refusals in words.
 */
import { ApiError } from '../api/errors';
import type { ChartNote } from '../api/annotations';
import { FIRST_NOTE_DAY, NOTE_TEXT_MAX_CHARACTERS, noteDayProblem, notePointIndex } from '../../../worker/domain/chart-notes.ts';
import type { Messages } from '../i18n/fr';
import { describeRequestError } from '../i18n/request-errors';

export { FIRST_NOTE_DAY, NOTE_TEXT_MAX_CHARACTERS };

/** A note of the answer, with its number in the list and the point it stands on (-1: off the chart). */
/** What placing notes reads of a `charts` answer: its points' days and its notes. */
export interface NotedChart {
  points: readonly { from: string; to: string }[];
  annotations: readonly ChartNote[];
}

export interface PlacedNote {
  number: number;
  pointIndex: number;
  note: ChartNote;
}

/** The answer's notes numbered 1, 2, … in the answer's order (by day). */
export function placedNotes(answer: NotedChart): PlacedNote[] {
  return answer.annotations.map((note, at) => ({ number: at + 1, pointIndex: notePointIndex(note.day, answer.points), note }));
}

/** One flag per point holding notes, their numbers joined ("2·3": two notes in one week). */
export function noteMarkers(placed: readonly PlacedNote[]): { index: number; label: string }[] {
  const byPoint = new Map<number, number[]>();
  for (const { pointIndex, number } of placed) {
    if (pointIndex < 0) continue;
    byPoint.set(pointIndex, [...(byPoint.get(pointIndex) ?? []), number]);
  }
  return [...byPoint].map(([index, numbers]) => ({ index, label: numbers.join('·') }));
}

/** Who wrote a note, short enough for a phone's line: "a.b@…", or the whole service's. */
export function noteAuthorWords(note: ChartNote, messages: Messages): string {
  if (note.scope === 'service') return messages.noteByService;
  const at = note.author.indexOf('@');
  return at < 0 ? note.author : `${note.author.slice(0, at)}@…`;
}

/** Who is looking: their e-mail and their role in the clinic shown. */
export interface NoteViewer {
  email: string;
  role: 'super_admin' | 'clinic_owner' | 'staff';
}

/**
 * Whether Historique offers to delete a note: the clinic's notes to its owners and the super
 * admin, a receptionist's own to them. A service-wide note is the console's to delete.
 */
export function mayDeleteShown(note: ChartNote, viewer: NoteViewer): boolean {
  if (note.scope === 'service') return false;
  return viewer.role !== 'staff' || note.author === viewer.email;
}

/**
 * What is wrong with the note form, checked before asking the API to word a slip at once: the day,
 * and the length counted as the API counts it (characters, after trimming). Control characters
 * are the API's to refuse (a one-line field rarely holds one), worded by noteErrorWords.
 */
export type NoteFormProblem = { kind: 'dayMissing' | 'dayTooEarly' | 'dayFuture' | 'textEmpty' | 'textUnreadable' } | { kind: 'textTooLong'; length: number };

export function checkNoteForm(day: string, text: string, today: string): NoteFormProblem | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return { kind: 'dayMissing' };
  if (day < FIRST_NOTE_DAY) return { kind: 'dayTooEarly' };
  if (noteDayProblem(day, today) !== null) return { kind: 'dayFuture' };
  const length = [...text.trim()].length;
  if (length === 0) return { kind: 'textEmpty' };
  return length > NOTE_TEXT_MAX_CHARACTERS ? { kind: 'textTooLong', length } : null;
}

export function noteProblemWords(problem: NoteFormProblem, messages: Messages): string {
  switch (problem.kind) {
    case 'dayMissing':
      return messages.noteDayMissing;
    case 'dayTooEarly':
      return messages.noteDayTooEarly;
    case 'dayFuture':
      return messages.noteDayFuture;
    case 'textEmpty':
      return messages.noteTextEmpty;
    case 'textUnreadable':
      return messages.noteTextUnreadable;
    case 'textTooLong':
      return messages.noteTextTooLong(NOTE_TEXT_MAX_CHARACTERS, problem.length);
  }
}

/** A refused write in words: the field the API refused, a note already gone, one not theirs to delete. */
export function noteErrorWords(error: unknown, messages: Messages): string {
  if (error instanceof ApiError) {
    if (error.code === 'VALIDATION_FAILED') {
      const issues = error.details['issues'];
      const first: unknown = Array.isArray(issues) ? issues[0] : undefined;
      const path = typeof first === 'object' && first !== null && 'path' in first ? String(first.path) : '';
      return path === 'day' ? messages.noteDayFuture : messages.noteTextUnreadable;
    }
    if (error.code === 'FORBIDDEN') return messages.noteDeleteRefused;
    if (error.code === 'NOT_FOUND') return messages.noteGone;
  }
  return describeRequestError(error, 'read', messages);
}

/** The flags a chart of this answer draws. */
export function chartNoteMarkers(answer: NotedChart): { index: number; label: string }[] {
  return noteMarkers(placedNotes(answer));
}
