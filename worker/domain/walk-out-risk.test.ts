import { describe, expect, it } from 'vitest';
import { addClinicDays, startOfClinicDay } from './clinic-time.ts';
import {
  fitWalkOutModel,
  scoreWalkOut,
  SERVICE_WALK_OUT_PRIOR,
  WALK_OUT_FEATURES,
  walkedOut,
  walkOutLandmarks,
  WalkOutModelSchema,
  walkOutRisks,
  type WalkOutEntry,
  type WalkOutModel,
} from './walk-out-risk.ts';

const MINUTE = 60_000;
const TIMEZONE = 'Africa/Tunis';
const TUESDAY = '2026-11-24';
/** A Tunis wall time (UTC+1 all year) as an instant. */
const tunis = (time: string, day = TUESDAY) => Date.parse(`${day}T${time}:00.000+01:00`);

/** A patient of `day` checked in at `checkIn` at the desk, waiting unless `change` says otherwise. */
function patient(id: string, checkIn: string, change: Partial<WalkOutEntry> = {}, day = TUESDAY): WalkOutEntry {
  return { id, clinicDay: day, state: 'waiting', method: 'manual', checkedInAt: tunis(checkIn, day), calledAt: null, noShowAt: null, cancelledAt: null, unfinishedAt: null, ...change };
}
const calledAt = (time: string, day = TUESDAY): Partial<WalkOutEntry> => ({ state: 'completed', calledAt: tunis(time, day) });
const leftAt = (time: string, day = TUESDAY): Partial<WalkOutEntry> => ({ state: 'cancelled', cancelledAt: tunis(time, day) });

/** A model with the given weights by feature name, the others 0. */
function modelWith(weights: Partial<Record<(typeof WALK_OUT_FEATURES)[number], number>>, baseRate = 0.1): WalkOutModel {
  return { weights: WALK_OUT_FEATURES.map((feature) => weights[feature] ?? 0), baseRate, entries: 0, landmarks: 0 };
}
/** Reads the position back as a risk: p = position ÷ (position + 1), so 1 → 0.5, 2 → 0.67, 3 → 0.75, 4 → 0.8. */
const POSITION_READER = modelWith({ logPosition: 1 });
const logit = (p: number) => Math.log(p / (1 - p));

/**
 * A Tuesday morning in La Marsa: Amel waits 40 min; Karim gives up after 25; Hedi and Sonia come
 * in at the same minute (Hedi's id sorts first, so he is ahead); Nadia is still waiting at
 * midnight and is closed unfinished.
 */
const amel = patient('amel', '08:00', calledAt('08:40'));
const karim = patient('karim', '08:05', leftAt('08:30'));
const sonia = patient('sonia', '08:10', calledAt('09:00'));
const hedi = patient('hedi', '08:10', calledAt('08:50'));
const nadia = patient('nadia', '08:55', { state: 'unfinished', unfinishedAt: startOfClinicDay(addClinicDays(TUESDAY, 1), TIMEZONE) });
const morning = [amel, karim, sonia, hedi, nadia];

function risksAt(entries: WalkOutEntry[], model: WalkOutModel, time: string): Record<string, number> {
  return Object.fromEntries([...walkOutRisks(entries, model, tunis(time), TIMEZONE)].map(([id, risk]) => [id, risk.probability]));
}

describe('who walked out', () => {
  it('should count a patient who left or was a no-show before any call, and nobody who was called', () => {
    expect(walkedOut(karim)).toBe(true);
    expect(walkedOut(patient('rim', '08:05', { state: 'no_show', noShowAt: tunis('08:30') }))).toBe(true);
    expect(walkedOut(amel)).toBe(false);
    // Called, then not there: a no-show at the call is not a walk-out.
    expect(walkedOut(patient('lina', '08:00', { state: 'no_show', calledAt: tunis('08:40'), noShowAt: tunis('08:43') }))).toBe(false);
  });

  it('should leave undecided a patient still waiting and one closed unfinished at midnight', () => {
    expect(walkedOut(patient('sami', '08:00'))).toBeNull();
    expect(walkedOut(nadia)).toBeNull();
    expect(walkedOut(patient('omar', '08:00', { state: 'unfinished', calledAt: tunis('23:50'), unfinishedAt: tunis('00:00', '2026-11-25') }))).toBeNull();
  });
});

describe('the reception list of a Tuesday morning', () => {
  it('should give each patient waiting now their position, counting earlier check-ins still waiting, ties by id', () => {
    expect(risksAt(morning, POSITION_READER, '08:20')).toEqual({ amel: 0.5, karim: 0.67, hedi: 0.75, sonia: 0.8 });
    // Karim left at 08:30: those behind him move up.
    expect(risksAt(morning, POSITION_READER, '08:35')).toEqual({ amel: 0.5, hedi: 0.67, sonia: 0.75 });
    // Amel was called at 08:40 sharp: from then on she is not waiting.
    expect(risksAt(morning, POSITION_READER, '08:40')).toEqual({ hedi: 0.5, sonia: 0.67 });
    expect(risksAt(morning, POSITION_READER, '09:30')).toEqual({ nadia: 0.5 });
  });

  it('should show nobody who has not checked in yet, and nobody of another day', () => {
    const yesterday = patient('walid', '08:00', {}, '2026-11-23');
    expect(risksAt([...morning, yesterday], POSITION_READER, '08:02')).toEqual({ amel: 0.5 });
  });

  it('should put a level on each risk: high from 0.2, medium from 0.1', () => {
    const levelAt = (p: number) => walkOutRisks([patient('amel', '08:00')], modelWith({ intercept: logit(p) }), tunis('08:30'), TIMEZONE).get('amel');
    expect(levelAt(0.05)).toEqual({ probability: 0.05, level: 'low' });
    expect(levelAt(0.1)).toEqual({ probability: 0.1, level: 'medium' });
    expect(levelAt(0.2)).toEqual({ probability: 0.2, level: 'high' });
    expect(levelAt(0.634)).toEqual({ probability: 0.63, level: 'high' });
  });

  it('should never lower a patient’s risk as their wait goes on, whatever else stays the same', () => {
    for (const model of [SERVICE_WALK_OUT_PRIOR, modelWith({ intercept: -3, waited: 2, logPosition: 0.5 })]) {
      // The same instant and the same place in the queue (alone), after 0 to 3 hours of waiting.
      const risks = Array.from({ length: 37 }, (_, step) => {
        const waiting = { ...patient('amel', '08:00'), checkedInAt: tunis('11:00') - step * 5 * MINUTE };
        return walkOutRisks([waiting], model, tunis('11:00'), TIMEZONE).get('amel')?.probability ?? Number.NaN;
      });
      expect(risks.every((risk, step) => step === 0 || risk >= (risks[step - 1] ?? 1))).toBe(true);
      expect(risks.at(-1)).toBeGreaterThan(risks[0] ?? 1);
    }
  });
});

describe('learning samples (landmarks)', () => {
  it('should see each decided patient every quarter hour of their wait, with their position then, and none closed unfinished', () => {
    const samples = walkOutLandmarks(morning, TIMEZONE);
    const positionAt = WALK_OUT_FEATURES.indexOf('position');
    const positions = samples.outcomes.map((_, index) => Math.round((samples.features[index * WALK_OUT_FEATURES.length + positionAt] ?? 0) * 8));
    // In check-in order: Amel 08:00–08:40, Karim 08:05–08:30 (left), Hedi 08:10–08:50, Sonia 08:10–09:00.
    expect(positions).toEqual([1, 1, 1, 2, 2, 3, 3, 1, 4, 4, 2, 1]);
    expect(samples.outcomes).toEqual([0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(samples.entries).toBe(4);
  });

  it('should still count a patient closed unfinished in the positions of those behind them', () => {
    // Zied comes in at 09:10 behind Nadia, who never leaves: second at 09:10 and 09:25, called at 09:40.
    const zied = patient('zied', '09:10', calledAt('09:40'));
    const samples = walkOutLandmarks([...morning, zied], TIMEZONE);
    expect(samples.entries).toBe(5);
    expect(samples.outcomes).toHaveLength(14);
    expect(scoreWalkOut([...morning, zied], zied, POSITION_READER, TIMEZONE)?.brier).toBeCloseTo(4 / 9, 12);
  });

  it('should learn nothing from a day of patients all still waiting or closed unfinished', () => {
    const undecided = [patient('sami', '08:00'), nadia];
    expect(walkOutLandmarks(undecided, TIMEZONE)).toEqual({ features: [], outcomes: [], entries: 0 });
    expect(fitWalkOutModel(undecided, TIMEZONE, SERVICE_WALK_OUT_PRIOR)).toEqual({ ...SERVICE_WALK_OUT_PRIOR, entries: 0, landmarks: 0 });
  });
});

/**
 * A clinic where half the patients give up, `mornings` Tuesday mornings of it: 40 patients a
 * morning, one every 5 minutes from 08:00; each odd one leaves after `leaveAfter` minutes, each
 * even one is called after `callAfter`. With the defaults every patient is seen once, second in
 * line (the one before is still there) at the instant they check in.
 */
function impatientClinic(mornings: number, leaveAfter = 10, callAfter = 10): WalkOutEntry[] {
  return Array.from({ length: mornings }, (_, week) => addClinicDays(TUESDAY, -7 * (week + 1))).flatMap((day) =>
    Array.from({ length: 40 }, (_, index) => {
      const checkIn = tunis('08:00', day) + index * 5 * MINUTE;
      const ending: Partial<WalkOutEntry> =
        index % 2 === 1 ? { state: 'cancelled', cancelledAt: checkIn + leaveAfter * MINUTE } : { state: 'completed', calledAt: checkIn + callAfter * MINUTE };
      return { ...patient(`p-${day}-${index}`, '08:00', ending, day), checkedInAt: checkIn };
    }),
  );
}

describe('a clinic’s own model, shrunk toward the service’s', () => {
  /** The risk of a patient who has just checked in, second in line, on a Tuesday morning: where the clinic's history has its say. */
  const riskOf = (model: WalkOutModel) =>
    walkOutRisks([patient('amel', '09:00'), patient('karim', '09:05')], model, tunis('09:05'), TIMEZONE).get('karim')?.probability;

  it('should answer as the service does while the clinic is young, and as itself once its history is long', () => {
    const risks = [0, 4, 40, 160, 1120].map((entries) => {
      const model = entries === 0 ? SERVICE_WALK_OUT_PRIOR : fitWalkOutModel(impatientClinic(28).slice(0, entries), TIMEZONE, SERVICE_WALK_OUT_PRIOR);
      return { entries: model.entries, landmarks: model.landmarks, risk: riskOf(model), baseRate: Math.round(model.baseRate * 100) / 100 };
    });
    // Half of this clinic's patients leave, against one in a thousand for the service in this place.
    expect(risks).toEqual([
      { entries: 138_120, landmarks: 677_700, risk: 0, baseRate: 0.08 },
      { entries: 4, landmarks: 4, risk: 0.01, baseRate: 0.1 },
      { entries: 40, landmarks: 40, risk: 0.22, baseRate: 0.25 },
      { entries: 160, landmarks: 160, risk: 0.43, baseRate: 0.41 },
      { entries: 1120, landmarks: 1120, risk: 0.5, baseRate: 0.48 },
    ]);
  });

  it('should keep the weight of the wait at 0 rather than let the risk fall as the wait goes on', () => {
    // Here those who leave do so within 10 minutes and the others are called after 50: the data
    // alone would have the risk drop with the wait.
    const model = fitWalkOutModel(impatientClinic(28, 10, 50), TIMEZONE, modelWith({ intercept: -2 }));
    expect(model.weights[WALK_OUT_FEATURES.indexOf('waited')]).toBe(0);
    expect(WalkOutModelSchema.safeParse(model).success).toBe(true);
  });
});

describe('scoring the risks when an entry ends', () => {
  it('should give the mean squared error of the risks at each landmark, and the base rate’s', () => {
    // Sonia, called: positions 4, 4, 2, 1 at 08:10, 08:25, 08:40, 08:55, risks 0.8, 0.8, 2/3, 0.5.
    const called = scoreWalkOut(morning, sonia, POSITION_READER, TIMEZONE);
    expect(called?.brier).toBeCloseTo((0.8 ** 2 + 0.8 ** 2 + (2 / 3) ** 2 + 0.5 ** 2) / 4, 12);
    expect(called?.baseRateBrier).toBeCloseTo(0.01, 12);
    // Karim, who left: second at 08:05 and 08:20, risk 2/3 each time.
    const left = scoreWalkOut(morning, karim, POSITION_READER, TIMEZONE);
    expect(left?.brier).toBeCloseTo(1 / 9, 12);
    expect(left?.baseRateBrier).toBeCloseTo(0.81, 12);
  });

  it('should not score an entry still waiting, one closed unfinished, or one called the instant it came', () => {
    expect(scoreWalkOut(morning, patient('sami', '08:00'), POSITION_READER, TIMEZONE)).toBeNull();
    expect(scoreWalkOut(morning, nadia, POSITION_READER, TIMEZONE)).toBeNull();
    expect(scoreWalkOut(morning, patient('yosra', '09:10', calledAt('09:10')), POSITION_READER, TIMEZONE)).toBeNull();
  });

  it('should score the entry as it ended, even when the day’s list still holds it waiting', () => {
    const stillWaiting = morning.map((entry) => (entry.id === 'karim' ? { ...entry, state: 'waiting' as const, cancelledAt: null } : entry));
    expect(scoreWalkOut(stillWaiting, karim, POSITION_READER, TIMEZONE)?.brier).toBeCloseTo(1 / 9, 12);
  });
});

describe('the stored model', () => {
  it('should accept the service’s model and a fitted one read back from JSON', () => {
    expect(WalkOutModelSchema.parse(SERVICE_WALK_OUT_PRIOR)).toEqual(SERVICE_WALK_OUT_PRIOR);
    const fitted = fitWalkOutModel(morning, TIMEZONE, SERVICE_WALK_OUT_PRIOR);
    expect(WalkOutModelSchema.parse(JSON.parse(JSON.stringify(fitted)))).toEqual(fitted);
  });

  it('should reject a model stored by another version or corrupted', () => {
    const weights = SERVICE_WALK_OUT_PRIOR.weights;
    const malformed: unknown[] = [
      { ...SERVICE_WALK_OUT_PRIOR, weights: weights.slice(1) },
      { ...SERVICE_WALK_OUT_PRIOR, weights: weights.map((weight, index) => (index === WALK_OUT_FEATURES.indexOf('waited') ? -0.5 : weight)) },
      { ...SERVICE_WALK_OUT_PRIOR, weights: [...weights.slice(1), 'x'] },
      { ...SERVICE_WALK_OUT_PRIOR, baseRate: 1.5 },
      { ...SERVICE_WALK_OUT_PRIOR, entries: 2.5 },
      { weights, baseRate: 0.07 },
      null,
    ];
    for (const stored of malformed) expect(WalkOutModelSchema.safeParse(stored).success).toBe(false);
  });
});
