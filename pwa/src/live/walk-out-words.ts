/**
 * A waiting patient's walk-out risk as reception sees it on their row (PRODUCT: walk-out risk):
 * high, a badge that stands out, "Risque de départ 72 %"; medium, a quiet mention; low, nothing,
 * since most patients stay and a list full of marks would hide the ones that matter. Pure: the
 * language comes in as its table and locale.
 */
import type { TodayEntry } from '../api/wire';
import type { Messages } from '../i18n/fr';
import { formatShare } from '../i18n/figures';
import type { Locale } from '../i18n/locale';

/** The mark on a row: shown as `text`, said as `spoken` (a bare "72 %" means nothing read aloud). */
export interface WalkOutMark {
  level: 'medium' | 'high';
  text: string;
  spoken: string;
}

/** The mark of an entry still waiting whose risk is medium or high; null for anyone else. */
export function walkOutMark(entry: Pick<TodayEntry, 'state' | 'walkOutRisk'>, locale: Locale, messages: Messages): WalkOutMark | null {
  const risk = entry.walkOutRisk;
  if (entry.state !== 'waiting' || risk === null || risk.level === 'low') return null;
  const share = formatShare(risk.probability, locale);
  return {
    level: risk.level,
    text: risk.level === 'high' ? messages.walkOutRiskHigh(share) : messages.walkOutRiskMedium(share),
    spoken: messages.walkOutRiskSpoken(risk.level, share),
  };
}
