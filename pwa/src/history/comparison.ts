import type { ComparedFigure } from '../api/history';

/** Which way a figure moved against the previous period; `none` when there was nothing to compare with. */
export type Trend = 'up' | 'down' | 'flat' | 'none';

/** Whether that move is good news for the clinic; colour only, the sign and the words say the rest. */
export type TrendSense = 'good' | 'bad' | 'neutral';

/**
 * Which way is better for each figure; null where neither is: more patients, longer consultations
 * or more SMS are facts of the practice, not things to fix.
 */
const BETTER: Record<ComparedFigure, 'up' | 'down' | null> = {
  patients: null,
  seen: 'up',
  noShows: 'down',
  noShowRate: 'down',
  avgWaitMinutes: 'down',
  maxWaitMinutes: 'down',
  avgConsultationMinutes: null,
  qrShare: 'up',
  smsSent: null,
  smsCostMinor: 'down',
  meanAbsoluteErrorMinutes: 'down',
  // Ranges are made to hold the wait 8 times in 10: a higher share may only mean wider ranges.
  withinRangeShare: null,
  serviceLevelShare: 'up',
};

/** The change in percent as the API gives it (null when the previous period was empty). */
export function trendOf(changePercent: number | null): Trend {
  if (changePercent === null) return 'none';
  if (changePercent > 0) return 'up';
  return changePercent < 0 ? 'down' : 'flat';
}

export function senseOf(figure: ComparedFigure, trend: Trend): TrendSense {
  const better = BETTER[figure];
  if (better === null || (trend !== 'up' && trend !== 'down')) return 'neutral';
  return trend === better ? 'good' : 'bad';
}
