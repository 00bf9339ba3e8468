/**
 * Notes on the charts: a clinic's (its owners and staff write them, members read them) and the
 * service's (the super admin's, on every clinic's charts). Every write is audited, a refused
 * deletion too.
 */
import type { Database } from '../../db/client.ts';
import {
  annotationsBetween,
  deleteAnnotation,
  insertAnnotation,
  readAnnotationOwnership,
  serviceAnnotationsBetween,
  type AnnotationView,
} from '../../db/queries/annotations.ts';
import { readHistoryClinic } from '../../db/queries/history.ts';
import { SERVICE_TIME_ZONE } from '../digest/digest-content.ts';
import { noteDayProblem, type ChartNote, type NewNote, type Note } from '../domain/chart-notes.ts';
import { mayDeleteNote, noteWindow } from '../domain/note-rules.ts';
import { clinicDayOf } from '../domain/clinic-time.ts';
import type { AuditEntry } from '../http/audit.ts';
import type { Clock } from '../runtime/clock.ts';
import { failed, succeeded, type Result } from './result.ts';

export interface NotePorts {
  db: Database;
  clock: Clock;
  audit(entry: AuditEntry): Promise<void>;
}

/** Who writes or deletes a note, in the clinic concerned. */
export interface NoteWriter {
  userId: string;
  role: 'super_admin' | 'clinic_owner' | 'staff';
}

/** A day or window that cannot be used, with the field it comes from. */
export interface NoteRefusal {
  path: 'day' | 'from' | 'to';
  message: string;
}

export type NoteFailure = 'no_such_clinic' | 'no_such_note' | 'not_yours';

/** A note as members read it. */
export function noteOf(view: AnnotationView): Note {
  return { ...chartNoteOf(view), createdAt: new Date(view.createdAt).toISOString() };
}

/** A note as a `charts` answer carries it. */
export function chartNoteOf(view: AnnotationView): ChartNote {
  return { id: view.id, day: view.day, text: view.text, author: view.author, scope: view.clinicId === null ? 'service' : 'clinic' };
}

/** The notes a clinic's charts show over a window: its own and the service's, by day. */
export async function chartNotesBetween(db: Database, clinicId: string, period: { from: string; to: string }): Promise<ChartNote[]> {
  return (await annotationsBetween(db, clinicId, period.from, period.to)).map(chartNoteOf);
}

async function clinicToday(ports: NotePorts, clinicId: string): Promise<string | undefined> {
  const clinic = await readHistoryClinic(ports.db, clinicId);
  return clinic === undefined ? undefined : clinicDayOf(ports.clock.now(), clinic.timezone);
}

/** Writes a note on one of the clinic's days, never after the clinic's today. */
export async function writeClinicNote(ports: NotePorts, clinicId: string, writer: NoteWriter, note: NewNote): Promise<Result<Note, 'no_such_clinic'> | NoteRefusal> {
  const today = await clinicToday(ports, clinicId);
  if (today === undefined) return failed('no_such_clinic');
  return writeNote(ports, clinicId, writer, note, today);
}

/** Writes a service-wide note, never after today on the service's clock. */
export async function writeServiceNote(ports: NotePorts, writer: NoteWriter, note: NewNote): Promise<Result<Note, never> | NoteRefusal> {
  return writeNote(ports, null, writer, note, clinicDayOf(ports.clock.now(), SERVICE_TIME_ZONE));
}

async function writeNote(ports: NotePorts, clinicId: string | null, writer: NoteWriter, note: NewNote, today: string): Promise<Result<Note, never> | NoteRefusal> {
  const problem = noteDayProblem(note.day, today);
  if (problem !== null) return { path: 'day', message: problem };
  const view = await insertAnnotation(ports.db, { id: crypto.randomUUID(), clinicId, day: note.day, text: note.text, authorId: writer.userId, createdAt: ports.clock.now() });
  await ports.audit({ action: 'annotation_create', clinicId, targetType: 'annotation', targetId: view.id, success: true, detail: { day: note.day, scope: clinicId === null ? 'service' : 'clinic' } });
  return succeeded(noteOf(view));
}

/** The clinic's notes and the service's over a window (by default the last 90 days to the clinic's today). */
export async function listClinicNotes(ports: NotePorts, clinicId: string, asked: { from?: string | undefined; to?: string | undefined }): Promise<Result<{ annotations: Note[] }, 'no_such_clinic'> | NoteRefusal> {
  const today = await clinicToday(ports, clinicId);
  if (today === undefined) return failed('no_such_clinic');
  const window = noteWindow(asked, today);
  if ('problem' in window) return { path: window.path, message: window.problem };
  return succeeded({ annotations: (await annotationsBetween(ports.db, clinicId, window.from, window.to)).map(noteOf) });
}

/** The service-wide notes over a window (by default the last 90 days to today on the service's clock). */
export async function listServiceNotes(ports: NotePorts, asked: { from?: string | undefined; to?: string | undefined }): Promise<Result<{ annotations: Note[] }, never> | NoteRefusal> {
  const window = noteWindow(asked, clinicDayOf(ports.clock.now(), SERVICE_TIME_ZONE));
  if ('problem' in window) return { path: window.path, message: window.problem };
  return succeeded({ annotations: (await serviceAnnotationsBetween(ports.db, window.from, window.to)).map(noteOf) });
}

/**
 * Deletes one of the clinic's notes: its author, the clinic's owners and the super admin may; a
 * receptionist only their own. Another clinic's note, or a service-wide one, is not found here.
 */
export async function deleteClinicNote(ports: NotePorts, clinicId: string, deleter: NoteWriter, noteId: string): Promise<Result<null, NoteFailure>> {
  const note = await readAnnotationOwnership(ports.db, noteId);
  const refusal: NoteFailure | null = note === undefined || note.clinicId !== clinicId ? 'no_such_note' : mayDeleteNote(deleter, note) ? null : 'not_yours';
  return deleteAudited(ports, clinicId, noteId, refusal);
}

/** Deletes a service-wide note (the super admin's alone, as the route says). */
export async function deleteServiceNote(ports: NotePorts, noteId: string): Promise<Result<null, NoteFailure>> {
  const note = await readAnnotationOwnership(ports.db, noteId);
  return deleteAudited(ports, null, noteId, note === undefined || note.clinicId !== null ? 'no_such_note' : null);
}

async function deleteAudited(ports: NotePorts, clinicId: string | null, noteId: string, refusal: NoteFailure | null): Promise<Result<null, NoteFailure>> {
  // Deleted only if nobody did it first: two deletions at once answer 204 and 404.
  const outcome: NoteFailure | null = refusal ?? ((await deleteAnnotation(ports.db, noteId)) ? null : 'no_such_note');
  const errorCode = outcome === null ? null : outcome === 'not_yours' ? 'FORBIDDEN' : 'NOT_FOUND';
  await ports.audit({ action: 'annotation_delete', clinicId, targetType: 'annotation', targetId: noteId, success: outcome === null, errorCode });
  return outcome === null ? succeeded(null) : failed(outcome);
}
