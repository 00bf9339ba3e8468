/**
 * Notes on the charts (PRODUCT "Alerts people keep on"): a few words on a clinic day ("médecin
 * remplaçant"), the clinic's own or the service's (the super admin's, shown on every clinic's
 * charts). Their bounds, how a member reads one, which days one may be on and where it lands on a
 * chart. Zod only: the PWA reads notes and places them with it; what the Worker checks on a write
 * is in note-rules.ts.
 */
import { z } from 'zod';

/** A note is a label on a chart, not a report: a line a phone shows in full. */
export const NOTE_TEXT_MAX_CHARACTERS = 200;
/**
 * The first day a note may be on. Days are compared as text, and calendar arithmetic on years
 * before 100 goes wrong (`Date.UTC` reads them as 1900 + year): no clinic has history before this.
 */
export const FIRST_NOTE_DAY = '2000-01-01';
/** The notes listed when no window is asked for: the longest daily chart (90d). */
export const NOTES_DEFAULT_DAYS = 90;
/** The longest window of notes one request may ask for: a year's chart (365 days) and some. */
export const NOTES_MAX_WINDOW_DAYS = 400;

/** Whose a note is: one clinic's, or the whole service's (every clinic sees it). */
export const NOTE_SCOPES = ['clinic', 'service'] as const;
export type NoteScope = (typeof NOTE_SCOPES)[number];

/** A note as written: a clinic day (YYYY-MM-DD) and a line of text (`NewNoteSchema` checks it). */
export interface NewNote {
  day: string;
  text: string;
}

/** A note as a member reads it: `author` is the e-mail of who wrote it. */
export const NoteSchema = z.object({
  id: z.string(),
  day: z.string(),
  text: z.string(),
  author: z.string(),
  scope: z.enum(NOTE_SCOPES),
  /** When it was written (ISO 8601). */
  createdAt: z.string(),
});
export type Note = z.infer<typeof NoteSchema>;

/** A note as a `charts` answer carries it, by day. */
export const ChartNoteSchema = NoteSchema.pick({ id: true, day: true, text: true, author: true, scope: true });
export type ChartNote = z.infer<typeof ChartNoteSchema>;

/** Why a note may not be written on `day`, or null: never after the writer's today. */
export function noteDayProblem(day: string, today: string): string | null {
  return day > today ? `must not be after today (${today})` : null;
}

/**
 * The point of a chart a note lands on: the one whose days (`from`…`to`, both included) hold its
 * day — its day on a daily chart, its week on a weekly one; -1 outside the chart. Days compare as
 * text (`YYYY-MM-DD`).
 */
export function notePointIndex(day: string, points: readonly { from: string; to: string }[]): number {
  return points.findIndex((point) => point.from <= day && day <= point.to);
}
