/**
 * The digest's insight as one sentence in the reader's language: the figure that triggered it and
 * what it is compared with (domain/digest-insights.ts chooses it, texts/ words it).
 */
import type { InsightCandidate } from '../domain/digest-insights.ts';
import { mondayFirstWeekday } from '../domain/history-figures.ts';
import type { Locale } from '../domain/vocabulary.ts';
import { textsFor } from '../texts/catalogue.ts';

export function insightSentence(insight: InsightCandidate, locale: Locale): string {
  const words = textsFor(locale).digestInsight;
  switch (insight.kind) {
    case 'day_change': {
      const weekday = words.weekdays[mondayFirstWeekday(insight.day)] ?? insight.day;
      return insight.measure === 'patients'
        ? words.dayPatients(weekday, insight.figure, insight.change, insight.against)
        : words.dayWait(weekday, insight.figure, insight.change, insight.against);
    }
    case 'slowest_hour':
      return words.slowestHour(insight.hour, insight.figure, insight.against);
    case 'no_show_spike':
      return words.noShowSpike(insight.figure, insight.noShows, insight.against);
    case 'qr_drop':
      return words.qrDrop(insight.figure, insight.against);
    case 'estimates_off':
      return words.estimatesOff(insight.figure, insight.against, insight.meanAbsoluteErrorMinutes);
    case 'steady':
      return insight.against === null ? words.steadyWithoutHistory(insight.figure) : words.steady(insight.figure, insight.against);
  }
}
