/** Notes on the days of the charts: a clinic's own, and the service-wide ones every clinic sees. */
import { and, asc, between, eq, isNull, or } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { users } from '../schema/accounts.ts';
import { annotations } from '../schema/sharing.ts';

export interface AnnotationView {
  id: string;
  /** Null for a service-wide note. */
  clinicId: string | null;
  day: string;
  text: string;
  /** The author's e-mail, as members see it (a shared link never shows it). */
  author: string;
  createdAt: number;
}

/**
 * The notes of a window of clinic days (`from`…`to`, both included, YYYY-MM-DD), the clinic's and
 * the service's, by day then by when they were written.
 */
export function annotationsBetween(db: Database, clinicId: string, from: string, to: string): Promise<AnnotationView[]> {
  return db
    .select({ id: annotations.id, clinicId: annotations.clinicId, day: annotations.day, text: annotations.text, author: users.email, createdAt: annotations.createdAt })
    .from(annotations)
    .innerJoin(users, eq(users.id, annotations.authorId))
    .where(and(or(eq(annotations.clinicId, clinicId), isNull(annotations.clinicId)), between(annotations.day, from, to)))
    .orderBy(asc(annotations.day), asc(annotations.createdAt));
}

/** The service-wide notes of a window of days (`from`…`to`, both included), by day then by when they were written. */
export function serviceAnnotationsBetween(db: Database, from: string, to: string): Promise<AnnotationView[]> {
  return db
    .select({ id: annotations.id, clinicId: annotations.clinicId, day: annotations.day, text: annotations.text, author: users.email, createdAt: annotations.createdAt })
    .from(annotations)
    .innerJoin(users, eq(users.id, annotations.authorId))
    .where(and(isNull(annotations.clinicId), between(annotations.day, from, to)))
    .orderBy(asc(annotations.day), asc(annotations.createdAt));
}

export type NewAnnotationRow = typeof annotations.$inferInsert;

/** Writes a note; answers it as members read it. */
export async function insertAnnotation(db: Database, row: NewAnnotationRow): Promise<AnnotationView> {
  await db.insert(annotations).values(row);
  const [author] = await db.select({ email: users.email }).from(users).where(eq(users.id, row.authorId));
  return { id: row.id, clinicId: row.clinicId ?? null, day: row.day, text: row.text, author: author?.email ?? '', createdAt: row.createdAt };
}

/** What deciding on a note's deletion needs: whose it is and who wrote it. */
export interface AnnotationOwnership {
  id: string;
  clinicId: string | null;
  authorId: string;
  day: string;
}

export async function readAnnotationOwnership(db: Database, id: string): Promise<AnnotationOwnership | undefined> {
  const [row] = await db
    .select({ id: annotations.id, clinicId: annotations.clinicId, authorId: annotations.authorId, day: annotations.day })
    .from(annotations)
    .where(eq(annotations.id, id));
  return row;
}

/** Deletes a note; true when there was one to delete. */
export async function deleteAnnotation(db: Database, id: string): Promise<boolean> {
  const deleted = await db.delete(annotations).where(eq(annotations.id, id)).returning({ id: annotations.id });
  return deleted.length > 0;
}
