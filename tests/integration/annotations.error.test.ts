import { describe, expect, it } from 'vitest';
import type { Note } from '../../worker/domain/chart-notes.ts';
import { addClinicDays, clinicDayOf } from '../../worker/domain/clinic-time.ts';
import { api, apiJson, signedInWorld } from '../support/world.ts';

interface ErrorBody {
  error: { code: string; message: string; details: { issues?: Array<{ path: string; message: string }> } };
}

describe('notes that cannot be written or listed as asked', () => {
  const signedIn = signedInWorld(['ownerA', 'superAdmin']);
  const tunisToday = () => clinicDayOf(Date.now(), 'Africa/Tunis');

  const write = (body: unknown) => apiJson<ErrorBody & Note>(signedIn.world, `/clinics/${signedIn.world.clinicA}/annotations`, { method: 'POST', token: signedIn.token('ownerA'), json: body });
  const clinicNotes = async () => {
    const { world } = signedIn;
    // Days to come too: a note refused for its day must not have been stored either.
    const window = `from=${addClinicDays(tunisToday(), -300)}&to=${addClinicDays(tunisToday(), 30)}`;
    const listed = await apiJson<{ annotations: Note[] }>(world, `/clinics/${world.clinicA}/annotations?${window}`, { token: signedIn.token('ownerA') });
    return listed.body.annotations.filter((note) => note.scope === 'clinic');
  };

  it('should take a text of exactly 200 characters, counted as people count them, and refuse 201', async () => {
    const day = tunisToday();
    const twoHundred = await write({ day, text: '😷'.repeat(200) });
    expect(twoHundred.status).toBe(201);
    expect([...twoHundred.body.text]).toHaveLength(200);
    const tooLong = await write({ day, text: '😷'.repeat(201) });
    expect([tooLong.status, tooLong.body.error.code, tooLong.body.error.details.issues]).toEqual([400, 'VALIDATION_FAILED', [{ path: 'text', message: 'must have at most 200 characters (it has 201)' }]]);
    const plain = await write({ day, text: 'a'.repeat(201) });
    expect(plain.status).toBe(400);
    expect((await clinicNotes()).map((note) => note.id)).toEqual([twoHundred.body.id]);
    await api(signedIn.world, `/clinics/${signedIn.world.clinicA}/annotations/${twoHundred.body.id}`, { method: 'DELETE', token: signedIn.token('ownerA') });
  });

  it('should refuse control characters, a line break at the end included, rather than strip them; and an empty note', async () => {
    const day = tunisToday();
    for (const text of ['Panne SMS\n', 'Panne\r\nSMS', 'Panne\u0000', '\tPanne', 'Panne\u0085SMS', 'Panne \u202eSMS', '', '   ']) {
      const { status, body } = await write({ day, text });
      expect({ text, status, code: body.error.code, path: body.error.details.issues?.[0]?.path }).toEqual({ text, status: 400, code: 'VALIDATION_FAILED', path: 'text' });
    }
    const { body } = await write({ day, text: 'Panne SMS\n' });
    expect(body.error.details.issues?.[0]?.message).toBe('contains U+000A, a control character, at position 10; control characters, line breaks and bidirectional overrides are not allowed in a note');
    expect(await clinicNotes()).toEqual([]);
  });

  it("should refuse a day after the clinic's today, before 2000 or off the calendar, and fields it does not know", async () => {
    const today = tunisToday();
    const tomorrow = await write({ day: addClinicDays(today, 1), text: 'Fermé' });
    expect([tomorrow.status, tomorrow.body.error.code, tomorrow.body.error.details.issues]).toEqual([400, 'VALIDATION_FAILED', [{ path: 'day', message: `must not be after today (${today})` }]]);
    const refused: unknown[] = [
      { day: '1999-12-31', text: 'x' },
      { day: '2026-02-30', text: 'x' },
      { day: '12/11/2026', text: 'x' },
      { day: today },
      { text: 'x' },
      { day: today, text: 42 },
      { day: today, text: 'x', author: 'someone-else@test.pulse' },
      { day: today, text: 'x', clinicId: null },
      [today, 'x'],
    ];
    for (const body of refused) {
      const answer = await write(body);
      expect({ body, status: answer.status, code: answer.body.error.code }).toEqual({ body, status: 400, code: 'VALIDATION_FAILED' });
    }
    const notJson = await api(signedIn.world, `/clinics/${signedIn.world.clinicA}/annotations`, { method: 'POST', token: signedIn.token('ownerA'), headers: { 'Content-Type': 'application/json' }, body: 'day=today' });
    expect(notJson.status).toBe(400);
    expect(await clinicNotes()).toEqual([]);
  });

  it('should refuse a service-wide note on a day to come', async () => {
    const answer = await apiJson<ErrorBody>(signedIn.world, '/admin/annotations', { method: 'POST', token: signedIn.token('superAdmin'), json: { day: addClinicDays(tunisToday(), 2), text: 'Maintenance' } });
    expect([answer.status, answer.body.error.details.issues?.[0]?.path]).toEqual([400, 'day']);
  });

  it('should refuse a window that ends before it starts or spans more than 400 days', async () => {
    const { world } = signedIn;
    const today = tunisToday();
    const ask = (query: string) => apiJson<ErrorBody>(world, `/clinics/${world.clinicA}/annotations?${query}`, { token: signedIn.token('ownerA') });
    expect((await ask(`from=${addClinicDays(today, -399)}&to=${today}`)).status).toBe(200);
    for (const query of [`from=${addClinicDays(today, -400)}&to=${today}`, `from=${today}&to=${addClinicDays(today, -1)}`, `from=${addClinicDays(today, -400)}`, 'from=1999-12-31', 'to=2026-02-30', 'from=yesterday']) {
      const { status, body } = await ask(query);
      expect({ query, status, code: body.error.code }).toEqual({ query, status: 400, code: 'VALIDATION_FAILED' });
    }
    const admin = await apiJson<ErrorBody>(world, `/admin/annotations?from=${today}&to=${addClinicDays(today, -1)}`, { token: signedIn.token('superAdmin') });
    expect(admin.status).toBe(400);
  });

  it('should answer 404 for a note that does not exist', async () => {
    const { world } = signedIn;
    const missing = await apiJson<ErrorBody>(world, `/clinics/${world.clinicA}/annotations/no-such-note`, { method: 'DELETE', token: signedIn.token('ownerA') });
    expect([missing.status, missing.body.error.message]).toEqual([404, 'No such note']);
    expect((await api(world, '/admin/annotations/no-such-note', { method: 'DELETE', token: signedIn.token('superAdmin') })).status).toBe(404);
  });
});
