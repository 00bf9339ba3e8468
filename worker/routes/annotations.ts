import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { signedInUser } from '../auth/authorize.ts';
import { CLINIC_MEMBERS } from '../auth/policy.ts';
import { clinicDaysBetween } from '../domain/clinic-time.ts';
import { NOTES_DEFAULT_DAYS, NOTES_MAX_WINDOW_DAYS, NoteSchema } from '../domain/chart-notes.ts';
import { NewNoteSchema, NoteDaySchema } from '../domain/note-rules.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from '../http/audit.ts';
import {
  deleteClinicNote,
  deleteServiceNote,
  listClinicNotes,
  listServiceNotes,
  writeClinicNote,
  writeServiceNote,
  type NoteFailure,
  type NotePorts,
  type NoteRefusal,
  type NoteWriter,
} from '../use-cases/annotations.ts';
import type { Result } from '../use-cases/result.ts';
import { adminRoute, ClinicParams, clinicRoute } from './guarded-routes.ts';
import { errorResponses, IdParam, jsonBody, jsonContent } from './openapi-helpers.ts';
import { valueOr } from './refusals.ts';

const NewAnnotation = NewNoteSchema.openapi('NewAnnotation', {
  description: 'A note on a day: `day` YYYY-MM-DD, from 2000-01-01 to today; `text` trimmed, 1–200 characters, no control characters (a line break is refused, not removed)',
});
const Annotation = NoteSchema.openapi('Annotation');
const AnnotationList = z.object({ annotations: z.array(Annotation) }).openapi('Annotations');

/** Both days given: the window is checked here; a default one by the use case, once today is known. */
const WindowQuery = z
  .object({
    from: NoteDaySchema.optional().openapi({ description: `First day (YYYY-MM-DD); by default ${NOTES_DEFAULT_DAYS - 1} days before \`to\`` }),
    to: NoteDaySchema.optional().openapi({ description: "Last day (YYYY-MM-DD); by default today" }),
  })
  .superRefine((window, context) => {
    const { from, to } = window;
    if (from === undefined || to === undefined || NoteDaySchema.safeParse(from).error || NoteDaySchema.safeParse(to).error) return;
    if (from > to) context.addIssue({ code: 'custom', path: ['from'], message: 'must not be after to' });
    else if (clinicDaysBetween(from, to) + 1 > NOTES_MAX_WINDOW_DAYS) context.addIssue({ code: 'custom', path: ['from'], message: `the window may span at most ${NOTES_MAX_WINDOW_DAYS} days` });
  });

const NoteParams = ClinicParams.extend({ annotationId: IdParam });
const writeErrors = errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND');

const createNote = clinicRoute(CLINIC_MEMBERS, '/annotations', {
  method: 'post',
  tags: ['history'],
  summary: "Note a clinic day on the charts (owners, staff); audited; the next `charts` answer carries it",
  request: { ...jsonBody(NewAnnotation) },
  responses: { 201: jsonContent(Annotation, 'Written'), ...writeErrors },
});

const listNotes = clinicRoute(CLINIC_MEMBERS, '/annotations', {
  method: 'get',
  tags: ['history'],
  summary: `The clinic's notes and the service-wide ones, by day (by default the last ${NOTES_DEFAULT_DAYS} days; at most ${NOTES_MAX_WINDOW_DAYS})`,
  request: { query: WindowQuery },
  responses: { 200: jsonContent(AnnotationList, 'Notes'), ...writeErrors },
});

const deleteNote = clinicRoute(CLINIC_MEMBERS, '/annotations/{annotationId}', {
  method: 'delete',
  tags: ['history'],
  summary: "Delete one of the clinic's notes: its author, the clinic's owners, the super admin (staff: their own only); audited",
  request: { params: NoteParams },
  responses: { 204: { description: 'Deleted' }, ...writeErrors },
});

const createServiceNote = adminRoute({
  method: 'post',
  path: '/admin/annotations',
  summary: 'Note a day on every clinic\'s charts ("panne du fournisseur SMS"); audited',
  request: { ...jsonBody(NewAnnotation) },
  responses: { 201: jsonContent(Annotation, 'Written'), ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'NOT_FOUND') },
});

const listServiceNotesRoute = adminRoute({
  method: 'get',
  path: '/admin/annotations',
  summary: `The service-wide notes, by day (by default the last ${NOTES_DEFAULT_DAYS} days; at most ${NOTES_MAX_WINDOW_DAYS})`,
  request: { query: WindowQuery },
  responses: { 200: jsonContent(AnnotationList, 'Notes'), ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'NOT_FOUND') },
});

const deleteServiceNoteRoute = adminRoute({
  method: 'delete',
  path: '/admin/annotations/{annotationId}',
  summary: 'Delete a service-wide note; audited',
  request: { params: z.object({ annotationId: IdParam }) },
  responses: { 204: { description: 'Deleted' }, ...errorResponses('UNAUTHORIZED', 'NOT_FOUND') },
});

function portsOf(c: Context<AppEnv>): NotePorts {
  return { db: c.var.services.db, clock: c.var.services.clock, audit: (entry) => recordAudit(c, entry) };
}

/** The caller as the writer of a note, in the clinic concerned (the super admin everywhere). */
function writerOf(c: Context<AppEnv>, clinicId: string | null): NoteWriter {
  const { user } = signedInUser(c);
  const role = user.role === 'super_admin' ? 'super_admin' : clinicId === null ? undefined : user.clinics.get(clinicId);
  // The route's policy let only these through.
  if (role === undefined) throw new AppError('NOT_FOUND', 'No such clinic');
  return { userId: user.id, role };
}

/** The value, or the refused day or window in the error shape of every validation. */
function acceptedOr<Value, Failure extends string>(outcome: Result<Value, Failure> | NoteRefusal, refusals: { readonly [Code in Failure]: () => AppError }): Value {
  if ('path' in outcome) throw new AppError('VALIDATION_FAILED', 'The request is not valid', { issues: [{ path: outcome.path, message: outcome.message }] });
  return valueOr(outcome, refusals);
}

const noSuchClinic = () => new AppError('NOT_FOUND', 'No such clinic');
const deletionRefusals: { readonly [Code in NoteFailure]: () => AppError } = {
  no_such_clinic: noSuchClinic,
  no_such_note: () => new AppError('NOT_FOUND', 'No such note'),
  not_yours: () => new AppError('FORBIDDEN', 'Staff may delete only the notes they wrote'),
};

export const annotationRoutes = new OpenAPIHono<AppEnv>()
  .openapi(createNote, async (c) => {
    const note = acceptedOr(await writeClinicNote(portsOf(c), c.var.clinicId, writerOf(c, c.var.clinicId), c.req.valid('json')), { no_such_clinic: noSuchClinic });
    return c.json(note, 201);
  })
  .openapi(listNotes, async (c) => c.json(acceptedOr(await listClinicNotes(portsOf(c), c.var.clinicId, c.req.valid('query')), { no_such_clinic: noSuchClinic }), 200))
  .openapi(deleteNote, async (c) => {
    const { annotationId } = c.req.valid('param');
    valueOr(await deleteClinicNote(portsOf(c), c.var.clinicId, writerOf(c, c.var.clinicId), annotationId), deletionRefusals);
    return c.body(null, 204);
  })
  .openapi(createServiceNote, async (c) => c.json(acceptedOr(await writeServiceNote(portsOf(c), writerOf(c, null), c.req.valid('json')), {}), 201))
  .openapi(listServiceNotesRoute, async (c) => c.json(acceptedOr(await listServiceNotes(portsOf(c), c.req.valid('query')), {}), 200))
  .openapi(deleteServiceNoteRoute, async (c) => {
    valueOr(await deleteServiceNote(portsOf(c), c.req.valid('param').annotationId), deletionRefusals);
    return c.body(null, 204);
  });
