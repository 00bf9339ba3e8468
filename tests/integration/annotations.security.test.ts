import { describe, expect, it } from 'vitest';
import { auditRowsAbout } from '../../db/queries/audit-rows.ts';
import type { Note } from '../../worker/domain/chart-notes.ts';
import { addClinicDays, clinicDayOf } from '../../worker/domain/clinic-time.ts';
import type { ChartsAnswer } from '../../worker/domain/history-wire.ts';
import { api, apiJson, signedInWorld, testDatabase } from '../support/world.ts';

interface ErrorBody {
  error: { code: string; message: string };
}

describe("a clinic's notes kept within the clinic, and deleted only by those who may", () => {
  const signedIn = signedInWorld(['ownerA', 'staffA', 'ownerB', 'superAdmin']);
  const tunisToday = () => clinicDayOf(Date.now(), 'Africa/Tunis');
  const doctorNote = async () => {
    const { world } = signedIn;
    const written = await apiJson<Note>(world, `/clinics/${world.clinicA}/annotations`, { method: 'POST', token: signedIn.token('ownerA'), json: { day: addClinicDays(tunisToday(), -1), text: 'Médecin remplaçant' } });
    expect(written.status).toBe(201);
    return written.body;
  };
  const stillListed = async (id: string) => {
    const { world } = signedIn;
    const listed = await apiJson<{ annotations: Note[] }>(world, `/clinics/${world.clinicA}/annotations`, { token: signedIn.token('ownerA') });
    return listed.body.annotations.some((note) => note.id === id);
  };

  it("should refuse a receptionist deleting the doctor's note (403), keep it, and audit the refusal", async () => {
    const { world } = signedIn;
    const note = await doctorNote();
    const refused = await apiJson<ErrorBody>(world, `/clinics/${world.clinicA}/annotations/${note.id}`, { method: 'DELETE', token: signedIn.token('staffA') });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect(await stillListed(note.id)).toBe(true);
    const [audited] = await auditRowsAbout(testDatabase(), note.id);
    expect(audited).toMatchObject({ action: 'annotation_delete', actorId: world.staffA.id, actorRole: 'staff', success: false, errorCode: 'FORBIDDEN' });
    // The super admin may delete any clinic's note.
    expect((await api(world, `/clinics/${world.clinicA}/annotations/${note.id}`, { method: 'DELETE', token: signedIn.token('superAdmin') })).status).toBe(204);
    expect(await stillListed(note.id)).toBe(false);
  });

  it("should hide clinic A's notes from clinic B's owner on every route (404), its charts included", async () => {
    const { world } = signedIn;
    const note = await doctorNote();
    const other = signedIn.token('ownerB');
    const routes: Array<[string, string, unknown?]> = [
      ['POST', `/clinics/${world.clinicA}/annotations`, { day: tunisToday(), text: 'Intrus' }],
      ['GET', `/clinics/${world.clinicA}/annotations`],
      ['DELETE', `/clinics/${world.clinicA}/annotations/${note.id}`],
    ];
    for (const [method, path, json] of routes) {
      const answer = await apiJson<ErrorBody>(world, path, { method, token: other, ...(json === undefined ? {} : { json }) });
      expect({ method, status: answer.status, message: answer.body.error.message }).toEqual({ method, status: 404, message: 'No such clinic' });
    }
    // Through their own clinic, clinic A's note does not exist.
    const viaOwnClinic = await apiJson<ErrorBody>(world, `/clinics/${world.clinicB}/annotations/${note.id}`, { method: 'DELETE', token: other });
    expect([viaOwnClinic.status, viaOwnClinic.body.error.message]).toEqual([404, 'No such note']);
    expect(await stillListed(note.id)).toBe(true);
    const ownNotes = await apiJson<{ annotations: Note[] }>(world, `/clinics/${world.clinicB}/annotations`, { token: other });
    expect(ownNotes.body.annotations.map((listed) => listed.id)).not.toContain(note.id);
    const ownCharts = await apiJson<ChartsAnswer>(world, `/clinics/${world.clinicB}/charts?timeframe=7d`, { token: other });
    expect(ownCharts.body.annotations.map((carried) => carried.id)).not.toContain(note.id);
  });

  it('should ask the signed out and the queue app to sign in (401) on every route', async () => {
    const { world } = signedIn;
    const note = await doctorNote();
    const routes: Array<[string, string, unknown?]> = [
      ['POST', `/clinics/${world.clinicA}/annotations`, { day: tunisToday(), text: 'x' }],
      ['GET', `/clinics/${world.clinicA}/annotations`],
      ['DELETE', `/clinics/${world.clinicA}/annotations/${note.id}`],
      ['POST', '/admin/annotations', { day: tunisToday(), text: 'x' }],
      ['GET', '/admin/annotations'],
      ['DELETE', `/admin/annotations/${note.id}`],
    ];
    for (const [method, path, json] of routes) {
      for (const token of [undefined, world.keyA]) {
        const answer = await apiJson<ErrorBody>(world, path, { method, token, ...(json === undefined ? {} : { json }) });
        expect({ method, path, status: answer.status, code: answer.body.error.code }).toEqual({ method, path, status: 401, code: 'UNAUTHORIZED' });
      }
    }
    expect(await stillListed(note.id)).toBe(true);
  });

  it("should keep the service's notes the super admin's: the console's routes do not exist for a clinic's owner (404), nor do they delete a clinic's note", async () => {
    const { world } = signedIn;
    const note = await doctorNote();
    for (const [method, json] of [['POST', { day: tunisToday(), text: 'Intrus' }], ['GET', undefined], ['DELETE', undefined]] as const) {
      const path = method === 'DELETE' ? `/admin/annotations/${note.id}` : '/admin/annotations';
      const answer = await apiJson<ErrorBody>(world, path, { method, token: signedIn.token('ownerA'), ...(json === undefined ? {} : { json }) });
      expect({ method, status: answer.status }).toEqual({ method, status: 404 });
    }
    const asAdmin = await apiJson<ErrorBody>(world, `/admin/annotations/${note.id}`, { method: 'DELETE', token: signedIn.token('superAdmin') });
    expect([asAdmin.status, asAdmin.body.error.message]).toEqual([404, 'No such note']);
    expect(await stillListed(note.id)).toBe(true);
  });
});
