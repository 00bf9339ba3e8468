/**
 * A clinic's Monday digest as data (`format=json`): the figures the e-mail lays out, and its
 * insight written as the e-mail writes it, in the reader's language.
 */
import type { WeeklyDigestJson } from '../domain/digest-wire.ts';
import type { Locale } from '../domain/vocabulary.ts';
import type { ClinicWeekReport } from '../domain/weekly-digest.ts';
import { insightSentence } from './insight-sentence.ts';

export function clinicDigestJson(clinicId: string, report: ClinicWeekReport, locale: Locale): WeeklyDigestJson {
  const { insight } = report;
  return {
    clinicId,
    week: report.week,
    figures: report.figures,
    previous: report.previous,
    change: report.change,
    busiestDay: report.busiestDay,
    busiestHour: report.busiestHour,
    insight: insight === null ? null : { kind: insight.kind, text: insightSentence(insight, locale), figure: insight.figure, against: insight.against, change: insight.change },
    sameWeekday: report.sameWeekday,
    chart: report.chart,
    notes: report.notes,
    smsBudget: report.smsBudget,
    alerts: report.alerts.map(({ kind, value, threshold, firedAt, resolvedAt, detail }) => ({ kind, value, threshold, firedAt, resolvedAt, detail })),
  };
}
