/**
 * What the Worker checks of a note on the charts (chart-notes.ts has the note itself): what its
 * text may say, the day it is on, who may delete it, the window a list is asked for.
 */
import { z } from 'zod';
import { FIRST_NOTE_DAY, NOTE_TEXT_MAX_CHARACTERS, NOTES_DEFAULT_DAYS, NOTES_MAX_WINDOW_DAYS, type NewNote } from './chart-notes.ts';
import { addClinicDays, clinicDaysBetween } from './clinic-time.ts';
import { unreadableNameReason } from './human-name.ts';

/**
 * Why `raw` (as typed, before trimming) cannot be a note's text, in words, or null when it can.
 * A control character anywhere is refused, not stripped: a line break at the end is refused too.
 * Length counts characters as people do (code points: an emoji is one), after trimming.
 */
export function noteTextProblem(raw: string): string | null {
  const unreadable = unreadableNameReason(raw);
  if (unreadable !== null) return unreadable.replace('in a name', 'in a note');
  const length = [...raw.trim()].length;
  if (length === 0) return 'must not be empty';
  if (length > NOTE_TEXT_MAX_CHARACTERS) return `must have at most ${NOTE_TEXT_MAX_CHARACTERS} characters (it has ${length})`;
  return null;
}

/**
 * A note's text as sent: checked as typed, then trimmed. The bound on the raw string only keeps a
 * body of blanks from being read at length; the rule is noteTextProblem's.
 */
export const NoteTextSchema = z
  .string()
  .max(NOTE_TEXT_MAX_CHARACTERS * 5, `must have at most ${NOTE_TEXT_MAX_CHARACTERS} characters`)
  .superRefine((raw, context) => {
    const problem = noteTextProblem(raw);
    if (problem !== null) context.addIssue({ code: 'custom', message: problem });
  })
  .trim();

/**
 * A day of the calendar a note may be on (whether it is past the clinic's today is the use case's
 * to say). zod runs the refinement even after the format failed: only a day shaped YYYY-MM-DD is
 * compared, so "12/11/2026" gets one issue, not two.
 */
export const NoteDaySchema = z.iso
  .date('must be a day of the calendar, YYYY-MM-DD')
  .refine((day) => !/^\d{4}-\d{2}-\d{2}$/.test(day) || day >= FIRST_NOTE_DAY, `must be ${FIRST_NOTE_DAY} or later`);

export const NewNoteSchema = z.strictObject({ day: NoteDaySchema, text: NoteTextSchema }) satisfies z.ZodType<NewNote>;

/**
 * Who may delete a clinic's note: its author, the clinic's owners and the super admin. A
 * receptionist may delete their own notes only.
 */
export function mayDeleteNote(deleter: { role: 'super_admin' | 'clinic_owner' | 'staff'; userId: string }, note: { authorId: string }): boolean {
  return deleter.role !== 'staff' || deleter.userId === note.authorId;
}

/** A window of days to list notes for, `from`…`to` both included, or why it cannot be one. */
export type NoteWindow = { from: string; to: string } | { problem: string; path: 'from' | 'to' };

/**
 * The window a list of notes is asked for: `to` the writer's today unless given, `from` the
 * NOTES_DEFAULT_DAYS before `to` unless given (never before FIRST_NOTE_DAY); at most
 * NOTES_MAX_WINDOW_DAYS days, `from` not after `to`. Both days must be calendar days from
 * FIRST_NOTE_DAY (NoteDaySchema).
 */
export function noteWindow(asked: { from?: string | undefined; to?: string | undefined }, today: string): NoteWindow {
  const to = asked.to ?? today;
  const defaultFrom = addClinicDays(to, -(NOTES_DEFAULT_DAYS - 1));
  const from = asked.from ?? (defaultFrom < FIRST_NOTE_DAY ? FIRST_NOTE_DAY : defaultFrom);
  if (from > to) return { problem: `must not be after to (${to})`, path: 'from' };
  const days = clinicDaysBetween(from, to) + 1;
  if (days > NOTES_MAX_WINDOW_DAYS) return { problem: `the window from ${from} to ${to} spans ${days} days; at most ${NOTES_MAX_WINDOW_DAYS}`, path: asked.from === undefined ? 'to' : 'from' };
  return { from, to };
}
