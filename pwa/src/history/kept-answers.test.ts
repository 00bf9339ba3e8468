import { describe, expect, it } from 'vitest';
import { ApiError, ServerUnreachableError } from '../api/errors';
import { parseCharts } from '../api/history';
import { createDeviceCopies } from '../session/device-copies';
import { DOCTOR, RECEPTION, StoredMap, TEN_AM } from '../session/shared-phone.fixture';
import { copiesBeyond, keepingAnswers, MAX_KEPT_ANSWERS } from './kept-answers';
import { WEEK } from './marsa-week.fixture';

/** An answer as small as the test needs: how many patients the window saw. */
interface Patients {
  patients: number;
}

const parsePatients = (value: unknown): Patients => {
  if (typeof value !== 'object' || value === null || typeof Reflect.get(value, 'patients') !== 'number') throw new Error('not patients');
  return { patients: Number(Reflect.get(value, 'patients')) };
};

/** The copies of one phone, with the doctor signed in. */
function onePhone() {
  const stored = new StoredMap();
  const copies = createDeviceCopies(() => stored);
  copies.confirm(DOCTOR, TEN_AM);
  return copies;
}

/** A server that answers `patients` until it is switched off. */
function server(patients: number) {
  let reachable = true;
  return {
    read: async (_clinicId: string, _timeframe: string): Promise<Patients> => {
      if (!reachable) throw new ServerUnreachableError('no answer from the server');
      return { patients };
    },
    switchOff: () => {
      reachable = false;
    },
  };
}

describe('keepingAnswers', () => {
  it('should give the last answer back, marked with when it was kept, once the server is out of reach', async () => {
    const copies = onePhone();
    const api = server(412);
    const read = keepingAnswers('analytics', api.read, parsePatients, copies, () => TEN_AM);

    expect(await read('clinic-001', '30d')).toEqual({ patients: 412 });
    api.switchOff();
    expect(await read('clinic-001', '30d')).toEqual({ patients: 412, keptAt: TEN_AM });
    // Another window was never kept: the failure stands.
    await expect(read('clinic-001', '7d')).rejects.toBeInstanceOf(ServerUnreachableError);
  });

  it('should give back nothing kept for a refusal: the session has ended, the copy must not hide it', async () => {
    const copies = onePhone();
    let refuse = false;
    const read = keepingAnswers(
      'analytics',
      async (_clinicId: string, _timeframe: string): Promise<Patients> => {
        if (refuse) throw new ApiError({ status: 401, code: 'UNAUTHORIZED', message: 'signed out', details: {}, retryAfterSeconds: null });
        return { patients: 412 };
      },
      parsePatients,
      copies,
      () => TEN_AM,
    );
    await read('clinic-001', '30d');
    refuse = true;
    await expect(read('clinic-001', '30d')).rejects.toBeInstanceOf(ApiError);
  });

  it("should not give the doctor's answer to the receptionist on the same phone", async () => {
    const stored = new StoredMap();
    const copies = createDeviceCopies(() => stored);
    copies.confirm(DOCTOR, TEN_AM);
    const api = server(412);
    const read = keepingAnswers('analytics', api.read, parsePatients, copies, () => TEN_AM);
    await read('clinic-001', '30d');

    copies.confirm(RECEPTION, TEN_AM + 60_000);
    api.switchOff();
    await expect(read('clinic-001', '30d')).rejects.toBeInstanceOf(ServerUnreachableError);
  });

  it('should treat an answer kept by a version of the app from before quotes as missing', async () => {
    const copies = onePhone();
    const { estimates: _estimates, serviceLevel: _serviceLevel, unfinished: _unfinished, ...before } = WEEK;
    const keptBefore = {
      clinicId: 'clinic-001',
      timezone: 'Africa/Tunis',
      currency: 'TND',
      timeframe: '30d',
      period: { from: '2026-10-26', to: '2026-11-24' },
      granularity: 'day',
      points: [{ date: '2026-11-24', from: '2026-11-24', to: '2026-11-24', figures: before }],
      insufficientData: false,
      lastUpdated: '2026-11-24T09:00:00.000Z',
      dataFreshness: 'live',
    };
    copies.keep('history/charts/clinic-001/30d', JSON.stringify({ savedAt: TEN_AM, answer: keptBefore }));
    const offline = async (_clinicId: string, _timeframe: string) => Promise.reject(new ServerUnreachableError('no answer from the server'));
    const read = keepingAnswers('charts', offline, parseCharts, copies, () => TEN_AM);
    await expect(read('clinic-001', '30d')).rejects.toBeInstanceOf(ServerUnreachableError);
    // The same copy with today's fields is given back.
    const keptNow = { ...keptBefore, points: [{ ...keptBefore.points[0], figures: WEEK }] };
    copies.keep('history/charts/clinic-001/30d', JSON.stringify({ savedAt: TEN_AM, answer: keptNow }));
    expect(await read('clinic-001', '30d')).toMatchObject({ keptAt: TEN_AM, points: [{ figures: WEEK }] });
  });

  it('should keep at most MAX_KEPT_ANSWERS answers, dropping the least recently received', async () => {
    const copies = onePhone();
    let clock = TEN_AM;
    const read = keepingAnswers('analytics', server(1).read, parsePatients, copies, () => clock);
    for (let clinic = 0; clinic <= MAX_KEPT_ANSWERS; clinic += 1) {
      clock += 1_000;
      await read(`clinic-${clinic}`, '30d');
    }
    const kept = copies.names('history/');
    expect(kept).toHaveLength(MAX_KEPT_ANSWERS);
    expect(kept).not.toContain('history/analytics/clinic-0/30d');
    expect(kept).toContain(`history/analytics/clinic-${MAX_KEPT_ANSWERS}/30d`);
  });
});

describe('copiesBeyond', () => {
  it('should name the oldest copies past the limit', () => {
    const copies = [
      { name: 'history/charts/clinic-001/30d', savedAt: 3 },
      { name: 'history/analytics/clinic-001/7d', savedAt: 1 },
      { name: 'history/analytics/clinic-001/30d', savedAt: 2 },
    ];
    expect(copiesBeyond(copies, 2)).toEqual(['history/analytics/clinic-001/7d']);
    expect(copiesBeyond(copies, 3)).toEqual([]);
  });
});
