import { describe, expect, it } from 'vitest';
import { activationFunnel, cohortFunnel, median, monthCount, monthEnd, monthsBetween, monthStart, type ClinicMilestones } from './activation-funnel.ts';

const DAY = 86_400_000;
const MARCH = Date.parse('2031-03-01T00:00:00Z');

/** A clinic created `createdDay` days into March 2031 whose steps came `days` days after its creation (null: never). */
function clinic(clinicId: string, createdDay: number, days: Partial<Record<Exclude<keyof ClinicMilestones, 'clinicId' | 'created'>, number | null>>): ClinicMilestones {
  const created = MARCH + createdDay * DAY;
  const at = (offset: number | null | undefined) => (offset === null || offset === undefined ? null : created + offset * DAY);
  return {
    clinicId,
    created,
    ownerInvited: at(days.ownerInvited),
    ownerJoined: at(days.ownerJoined),
    firstLogin: at(days.firstLogin),
    firstPatient: at(days.firstPatient),
    firstQrCheckIn: at(days.firstQrCheckIn),
    activeInWeek4: at(days.activeInWeek4),
  };
}

const countsOf = (cohort: ReturnType<typeof cohortFunnel>) => cohort.steps.map((step) => step.clinics);
const mediansOf = (cohort: ReturnType<typeof cohortFunnel>) => cohort.steps.map((step) => step.medianDaysFromPrevious);

describe('the activation funnel', () => {
  it('should take the middle value for an odd count and the mean of the two middle ones for an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeNull();
  });

  it('should count each step over the clinics that reached every earlier one, with the median days between steps', () => {
    const cohort = cohortFunnel('2031-03', [
      clinic('a', 0, { ownerInvited: 0, ownerJoined: 1, firstLogin: 2, firstPatient: 3, firstQrCheckIn: 5, activeInWeek4: 22 }),
      clinic('b', 1, { ownerInvited: 1, ownerJoined: 4, firstLogin: 5, firstPatient: 10, firstQrCheckIn: 11 }),
      clinic('c', 2, { ownerInvited: 0.5, ownerJoined: 2.5, firstLogin: 3.5 }),
      clinic('d', 3, { ownerInvited: 2 }),
    ]);
    expect(countsOf(cohort)).toEqual([4, 4, 3, 3, 2, 2, 1]);
    // Invited: 0, 1, 0.5, 2 days → 0.75. Joined after invited: 1, 3, 2 → 2. Login: 1, 1, 1 → 1.
    // Patient after login: 1, 5 → 3. QR: 2, 1 → 1.5. Week 4 after QR: 17.
    expect(mediansOf(cohort)).toEqual([null, 0.8, 2, 1, 3, 1.5, 17]);
  });

  it('should leave out of every later step a clinic that skipped one, even if it reached the later steps', () => {
    // Patients checked in through the queue app before anyone logged in: no first login, so not counted further.
    const cohort = cohortFunnel('2031-03', [
      clinic('skips-login', 0, { ownerInvited: 0, ownerJoined: 0, firstPatient: 1, firstQrCheckIn: 1, activeInWeek4: 21 }),
      clinic('whole', 0, { ownerInvited: 0, ownerJoined: 0, firstLogin: 1, firstPatient: 2, firstQrCheckIn: 3, activeInWeek4: 25 }),
    ]);
    expect(countsOf(cohort)).toEqual([2, 2, 2, 1, 1, 1, 1]);
    expect(mediansOf(cohort)).toEqual([null, 0, 0, 1, 1, 1, 22]);
  });

  it('should give an empty cohort zeros and no medians', () => {
    const cohort = cohortFunnel('2031-04', []);
    expect(countsOf(cohort)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(mediansOf(cohort)).toEqual([null, null, null, null, null, null, null]);
  });

  it('should put each clinic in the UTC month of its creation and list every month of the window', () => {
    const lastInstantOfMarch = clinic('late', 30, {});
    lastInstantOfMarch.created = Date.parse('2031-03-31T23:59:59.999Z');
    const cohorts = activationFunnel('2031-02', '2031-04', [lastInstantOfMarch, { ...clinic('april', 31, {}), clinicId: 'april' }]);
    expect(cohorts.map((cohort) => [cohort.month, cohort.steps[0]?.clinics])).toEqual([
      ['2031-02', 0],
      ['2031-03', 1],
      ['2031-04', 1],
    ]);
    expect(monthsBetween('2031-11', '2032-02')).toEqual(['2031-11', '2031-12', '2032-01', '2032-02']);
  });

  it('should count months at the ends of the calendar without walking past them', () => {
    expect(monthsBetween('9999-11', '9999-12')).toEqual(['9999-11', '9999-12']);
    expect(monthCount('2031-05', '2031-04')).toBe(0);
    expect(monthCount('2030-01', '2031-12')).toBe(24);
    expect(new Date(monthStart('0050-03')).toISOString()).toBe('0050-03-01T00:00:00.000Z');
    expect(new Date(monthEnd('9999-12')).toISOString()).toBe('+010000-01-01T00:00:00.000Z');
  });
});
