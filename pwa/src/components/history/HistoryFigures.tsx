import { For, Show, type JSX } from 'solid-js';
import { COMPARED_FIGURES, type AnalyticsAnswer, type ComparedFigure, type HistoryFigures as Figures } from '../../api/history';
import { formatCalendarDay } from '../../i18n/format';
import { formatChange, formatCount, formatMinutes, formatMoneyOnCard, formatShare } from '../../i18n/figures';
import { locale, t } from '../../i18n/locale';
import { estimateErrorReading, serviceLevelHistoryReading, unfinishedWords, withinRangeReading, type Reading } from '../../history/accuracy-words';
import { senseOf, trendOf, type Trend } from '../../history/comparison';

const count = (value: number): Reading => ({ value: formatCount(value, locale()) });
const minutes = (value: number | null, none: string): Reading =>
  value === null ? { value: null, detail: none } : { value: formatMinutes(value, t()) };
const share = (value: number | null, none: string, detail: string | null = null): Reading =>
  value === null ? { value: null, detail: none } : { value: formatShare(value, locale()), detail };

/** How each compared figure reads, in the product's words (PRODUCT.md, "History for a clinic", "Trust and foresight"). */
const READINGS: Record<ComparedFigure, (figures: Figures, currency: string) => Reading> = {
  patients: (figures) => ({ ...count(figures.patients), detail: unfinishedWords(figures, locale(), t()) }),
  seen: (figures) => count(figures.seen),
  noShows: (figures) => count(figures.noShows),
  noShowRate: (figures) => share(figures.noShowRate, t().noPatientInPeriod),
  avgWaitMinutes: (figures) => minutes(figures.avgWaitMinutes, t().noneCalledYet),
  maxWaitMinutes: (figures) => minutes(figures.maxWaitMinutes, t().noneCalledYet),
  avgConsultationMinutes: (figures) => minutes(figures.avgConsultationMinutes, t().noConsultationYet),
  qrShare: (figures) =>
    share(
      figures.qrShare,
      t().noCheckInYet,
      t().checkInCounts(formatCount(figures.checkInsQr, locale()), formatCount(figures.checkInsManual, locale()), figures.checkInsManual),
    ),
  smsSent: (figures) => ({
    value: formatCount(figures.smsSent, locale()),
    detail: figures.smsFailed > 0 ? t().smsFailed(formatCount(figures.smsFailed, locale())) : null,
  }),
  smsCostMinor: (figures, currency) => ({ value: formatMoneyOnCard(figures.smsCostMinor, currency, locale()) }),
  meanAbsoluteErrorMinutes: (figures) => estimateErrorReading(figures, locale(), t()),
  withinRangeShare: (figures) => withinRangeReading(figures, locale(), t()),
  serviceLevelShare: (figures) => serviceLevelHistoryReading(figures, locale(), t()),
};

const ARROWS: Record<Trend, string> = { up: '↑', down: '↓', flat: '→', none: '' };

/** The change against the previous period: an arrow and a signed percentage, or why there is none. */
function Change(props: { figure: ComparedFigure; change: number | null }): JSX.Element {
  const trend = () => trendOf(props.change);
  // Not `when={props.change}`: a change of 0 % is a change to show.
  const text = () => (props.change === null ? null : formatChange(props.change, locale()));
  return (
    <span class="change" data-trend={trend()} data-sense={senseOf(props.figure, trend())}>
      <Show
        when={text()}
        fallback={
          <>
            <span aria-hidden="true">{t().noFigure}</span> {t().noPreviousPeriod}
          </>
        }
      >
        {(change) => (
          <>
            <span aria-hidden="true">{ARROWS[trend()]}</span> {change()}
            <span class="visually-hidden"> {t().changeAgainstPrevious}</span>
          </>
        )}
      </Show>
    </span>
  );
}

function HistoryFigure(props: { figure: ComparedFigure; answer: AnalyticsAnswer }): JSX.Element {
  const reading = () => READINGS[props.figure](props.answer.current, props.answer.currency);
  return (
    <div class="figure">
      <dt class="figure-label">{reading().label ?? t().historyFigureNames[props.figure]}</dt>
      <dd class="figure-data">
        <span class="figure-value" classList={{ 'figure-none': reading().value === null }} aria-hidden={reading().value === null ? 'true' : undefined}>
          {reading().value ?? t().noFigure}
        </span>
        <Show when={reading().detail}>{(detail) => <span class="figure-detail">{detail()}</span>}</Show>
        <Change figure={props.figure} change={props.answer.periodComparison[props.figure]} />
      </dd>
    </div>
  );
}

/** The window's figures, one card each, with their change against the window before. */
export function HistoryFigures(props: { answer: AnalyticsAnswer }): JSX.Element {
  const day = (value: string) => formatCalendarDay(value, locale(), 'period');
  return (
    <>
      <p class="history-period">
        {t().periodRange(day(props.answer.period.from), day(props.answer.period.to))}
        <span class="footnote"> · {t().comparedWith(day(props.answer.previousPeriod.from), day(props.answer.previousPeriod.to))}</span>
      </p>
      <dl class="figures history-figures">
        <For each={COMPARED_FIGURES}>{(figure) => <HistoryFigure figure={figure} answer={props.answer} />}</For>
      </dl>
    </>
  );
}
