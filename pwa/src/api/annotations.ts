/**
 * Notes on a clinic's charts (`/api/v1/clinics/{id}/annotations`): written by its owners and staff,
 * deleted by their author, the clinic's owners or the super admin. The notes themselves reach the
 * screen inside the `charts` answer; these are the writes. Each resolves with an answer checked
 * against the Worker's schema, or rejects with the errors of client.ts.
 */
import { NoteSchema, type NewNote, type Note } from '../../../worker/domain/chart-notes.ts';
import { parseAnswer } from './answer';
import { api, callApi, clinicParams, segment } from './client';

export type { ChartNote, NewNote, Note } from '../../../worker/domain/chart-notes.ts';

const notes = api.clinics[':clinicId'].annotations;

export const parseNote = (value: unknown): Note => parseAnswer(NoteSchema, 'note', value);

/** `POST …/annotations`: the note as written (its text trimmed). */
export async function writeNote(clinicId: string, note: NewNote): Promise<Note> {
  return parseNote(await callApi(notes.$post({ param: clinicParams(clinicId), json: note })));
}

/** `DELETE …/annotations/{id}`. */
export async function deleteNote(clinicId: string, noteId: string): Promise<void> {
  await callApi(notes[':annotationId'].$delete({ param: { ...clinicParams(clinicId), annotationId: segment(noteId) } }));
}
