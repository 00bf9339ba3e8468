import { describe, expect, it } from 'vitest';
import { auditRowsAbout } from '../../db/queries/audit-rows.ts';
import type { Note } from '../../worker/domain/chart-notes.ts';
import { addClinicDays, clinicDayOf } from '../../worker/domain/clinic-time.ts';
import type { ChartsAnswer } from '../../worker/domain/history-wire.ts';
import { api, apiJson, signedInWorld, testDatabase } from '../support/world.ts';

/**
 * Clinic A (Tunis) notes its days; the super admin notes a day of the whole service. Other test
 * files share the database, and a service-wide note shows on every clinic: lists are compared
 * exactly on clinic A's own notes, and service-wide notes are looked for by their id.
 */
describe('notes on the charts: written, listed, carried by the charts, deleted', () => {
  const signedIn = signedInWorld(['ownerA', 'staffA', 'ownerB', 'superAdmin']);
  const tunisToday = () => clinicDayOf(Date.now(), 'Africa/Tunis');

  const write = (token: string, body: unknown, clinicId = signedIn.world.clinicA) =>
    apiJson<Note>(signedIn.world, `/clinics/${clinicId}/annotations`, { method: 'POST', token, json: body });
  const charts = (token: string, timeframe: string, clinicId = signedIn.world.clinicA) =>
    apiJson<ChartsAnswer>(signedIn.world, `/clinics/${clinicId}/charts?timeframe=${timeframe}`, { token });
  const ownNotes = <N extends { scope: string }>(notes: readonly N[]): N[] => notes.filter((note) => note.scope === 'clinic');

  it("should let the doctor and the receptionist note the clinic's days, and list them by day with their authors", async () => {
    const { world } = signedIn;
    const today = tunisToday();
    const doctor = await write(signedIn.token('ownerA'), { day: today, text: '  Médecin remplaçant  ' });
    expect(doctor.status).toBe(201);
    expect(doctor.body).toEqual({ id: expect.any(String), day: today, text: 'Médecin remplaçant', author: world.ownerA.email, scope: 'clinic', createdAt: expect.any(String) });
    expect(Math.abs(Date.parse(doctor.body.createdAt) - Date.now())).toBeLessThan(60_000);
    const reception = await write(signedIn.token('staffA'), { day: addClinicDays(today, -3), text: 'Coupure de courant le matin' });
    expect(reception.status).toBe(201);

    const listed = await apiJson<{ annotations: Note[] }>(world, `/clinics/${world.clinicA}/annotations`, { token: signedIn.token('staffA') });
    expect(listed.status).toBe(200);
    expect(ownNotes(listed.body.annotations).map(({ day, text, author }) => ({ day, text, author }))).toEqual([
      { day: addClinicDays(today, -3), text: 'Coupure de courant le matin', author: world.staffA.email },
      { day: today, text: 'Médecin remplaçant', author: world.ownerA.email },
    ]);
    // A window that holds only the older one.
    const window = `from=${addClinicDays(today, -5)}&to=${addClinicDays(today, -1)}`;
    const older = await apiJson<{ annotations: Note[] }>(world, `/clinics/${world.clinicA}/annotations?${window}`, { token: signedIn.token('ownerA') });
    expect(ownNotes(older.body.annotations).map((note) => note.id)).toEqual([reception.body.id]);

    // Each write is in the audit log, by whom, in which clinic.
    const [created] = await auditRowsAbout(testDatabase(), reception.body.id);
    expect(created).toMatchObject({ action: 'annotation_create', actorId: world.staffA.id, actorRole: 'staff', clinicId: world.clinicA, targetType: 'annotation', success: true });
    expect(JSON.parse(created?.detail ?? '{}')).toEqual({ day: addClinicDays(today, -3), scope: 'clinic' });

    // Clean up for the next story: the owner deletes the receptionist's note, the receptionist the doctor's is not theirs.
    expect((await api(world, `/clinics/${world.clinicA}/annotations/${reception.body.id}`, { method: 'DELETE', token: signedIn.token('ownerA') })).status).toBe(204);
    expect((await api(world, `/clinics/${world.clinicA}/annotations/${doctor.body.id}`, { method: 'DELETE', token: signedIn.token('ownerA') })).status).toBe(204);
    const deleted = (await auditRowsAbout(testDatabase(), reception.body.id)).map((row) => [row.action, row.actorId, row.success]);
    expect(deleted).toEqual([['annotation_delete', world.ownerA.id, true], ['annotation_create', world.staffA.id, true]]);
  });

  it('should carry a new note in the very next charts answer, though the points come from the cache, and drop a deleted one at once', async () => {
    const { world } = signedIn;
    const token = signedIn.token('ownerA');
    const today = tunisToday();
    const first = await charts(token, '7d');
    expect(first.status).toBe(200);
    expect(ownNotes(first.body.annotations)).toEqual([]);
    const etag = first.response.headers.get('ETag');

    const note = await write(signedIn.token('staffA'), { day: addClinicDays(today, -2), text: 'Journée de vaccination' });
    const second = await charts(token, '7d');
    // The points are the cache's (under 5 minutes old), the notes are not.
    expect(second.body.dataFreshness).toBe('cached');
    expect(second.body.lastUpdated).toBe(first.body.lastUpdated);
    expect(ownNotes(second.body.annotations)).toEqual([{ id: note.body.id, day: addClinicDays(today, -2), text: 'Journée de vaccination', author: world.staffA.email, scope: 'clinic' }]);
    expect(second.response.headers.get('ETag')).not.toBe(etag);
    // A browser holding the old answer is sent the new one, not "still the same".
    const revalidated = await api(world, `/clinics/${world.clinicA}/charts?timeframe=7d`, { token, headers: { 'If-None-Match': etag ?? '' } });
    expect(revalidated.status).toBe(200);

    // A year's chart carries it too (its point is the week holding that day).
    expect(ownNotes((await charts(token, '1y')).body.annotations).map((carried) => carried.id)).toEqual([note.body.id]);

    expect((await api(world, `/clinics/${world.clinicA}/annotations/${note.body.id}`, { method: 'DELETE', token: signedIn.token('staffA') })).status).toBe(204);
    expect(ownNotes((await charts(token, '7d')).body.annotations)).toEqual([]);
  });

  it("should show the super admin's service-wide note on every clinic's charts, marked as the service's, until it is deleted", async () => {
    const { world } = signedIn;
    // Far from this week: the digests other tests read never hold it.
    const day = addClinicDays(tunisToday(), -300);
    const written = await apiJson<Note>(world, '/admin/annotations', { method: 'POST', token: signedIn.token('superAdmin'), json: { day, text: 'Panne du fournisseur SMS (2 h)' } });
    expect(written.status).toBe(201);
    expect(written.body).toMatchObject({ day, text: 'Panne du fournisseur SMS (2 h)', author: world.superAdmin.email, scope: 'service' });
    const expected = { id: written.body.id, day, text: 'Panne du fournisseur SMS (2 h)', author: world.superAdmin.email, scope: 'service' };

    expect((await charts(signedIn.token('ownerA'), '1y')).body.annotations).toContainEqual(expected);
    expect((await charts(signedIn.token('ownerB'), '1y', world.clinicB)).body.annotations).toContainEqual(expected);
    // Not on a window that does not hold its day.
    expect((await charts(signedIn.token('ownerA'), '90d')).body.annotations.map((note) => note.id)).not.toContain(written.body.id);
    const window = `from=${addClinicDays(day, -1)}&to=${addClinicDays(day, 1)}`;
    const inClinicB = await apiJson<{ annotations: Note[] }>(world, `/clinics/${world.clinicB}/annotations?${window}`, { token: signedIn.token('ownerB') });
    expect(inClinicB.body.annotations).toContainEqual({ ...expected, createdAt: written.body.createdAt });
    const inConsole = await apiJson<{ annotations: Note[] }>(world, `/admin/annotations?${window}`, { token: signedIn.token('superAdmin') });
    expect(inConsole.body.annotations).toContainEqual({ ...expected, createdAt: written.body.createdAt });
    expect(inConsole.body.annotations.every((note) => note.scope === 'service')).toBe(true);

    // A clinic's members cannot delete it through their clinic: it is not the clinic's.
    expect((await api(world, `/clinics/${world.clinicA}/annotations/${written.body.id}`, { method: 'DELETE', token: signedIn.token('ownerA') })).status).toBe(404);
    expect((await api(world, `/admin/annotations/${written.body.id}`, { method: 'DELETE', token: signedIn.token('superAdmin') })).status).toBe(204);
    expect((await charts(signedIn.token('ownerB'), '1y', world.clinicB)).body.annotations.map((note) => note.id)).not.toContain(written.body.id);

    const audited = (await auditRowsAbout(testDatabase(), written.body.id)).map((row) => [row.action, row.clinicId, row.actorRole, row.success, row.errorCode]);
    expect(audited).toEqual([
      ['annotation_delete', null, 'super_admin', true, null],
      ['annotation_delete', world.clinicA, 'clinic_owner', false, 'NOT_FOUND'],
      ['annotation_create', null, 'super_admin', true, null],
    ]);
  });
});
