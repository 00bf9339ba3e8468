/**
 * Dr Ben Salah's clinic in La Marsa, the week ending Tuesday 24 November 2026, as the history
 * endpoints tell it: shared by the tests of the history's parsers and words.
 */
import type { HistoryFigures } from '../api/history';

export const WEEK: HistoryFigures = {
  patients: 212,
  checkInsQr: 131,
  checkInsManual: 81,
  seen: 196,
  noShows: 12,
  cancelled: 4,
  noShowRate: 12 / 212,
  avgWaitMinutes: 18.4,
  maxWaitMinutes: 71.5,
  avgConsultationMinutes: 11.2,
  qrShare: 131 / 212,
  smsSent: 180,
  smsFailed: 3,
  smsCostMinor: 5400,
  // Friday's last two patients were still waiting at midnight.
  unfinished: 2,
  // 160 of the 198 called had a quote: 131 called within its range, 16 later than its top.
  estimates: { called: 160, meanAbsoluteErrorMinutes: 5.6, medianAbsoluteErrorMinutes: 4, withinRangeShare: 131 / 160, underQuotedShare: 16 / 160 },
  serviceLevel: { targetMinutes: 30, called: 198, calledWithinTarget: 162, share: 162 / 198 },
  // The 208 patients who ended this week (called, or gone uncalled), each judged on the risks shown while they waited.
  walkOutModel: { entries: 208, brier: 0.041, baseRateBrier: 0.052 },
};

/** A day the clinic was closed. */
export const QUIET_DAY: HistoryFigures = {
  ...WEEK,
  patients: 0,
  checkInsQr: 0,
  checkInsManual: 0,
  seen: 0,
  noShows: 0,
  cancelled: 0,
  noShowRate: null,
  avgWaitMinutes: null,
  maxWaitMinutes: null,
  avgConsultationMinutes: null,
  qrShare: null,
  smsSent: 0,
  smsFailed: 0,
  smsCostMinor: 0,
  unfinished: 0,
  estimates: { called: 0, meanAbsoluteErrorMinutes: null, medianAbsoluteErrorMinutes: null, withinRangeShare: null, underQuotedShare: null },
  serviceLevel: { targetMinutes: 30, called: 0, calledWithinTarget: 0, share: null },
  walkOutModel: { entries: 0, brier: null, baseRateBrier: null },
};
