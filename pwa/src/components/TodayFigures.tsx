import { createEffect, createSignal, on, Show, type JSX } from 'solid-js';
import { formatClinicClock, formatCount, formatMinutes, formatShare } from '../i18n/figures';
import { locale, t } from '../i18n/locale';
import { estimatedEndNow, longestWaitMinutesNow } from '../live/clock-figures';
import { accuracyWords, serviceLevelReading } from '../live/estimate-words';
import type { LiveSnapshot } from '../live/last-snapshot';

export interface FigureProps {
  label: string;
  /** Null when the figure has no value yet; `detail` then says why. */
  value: string | null;
  detail?: string | null;
  /** What the figure is measured over, in words ("the last 30 days"), under the rest. */
  window?: string;
  wide?: boolean;
}

/** One figure card of a description list: its label, its value (or "—") and what qualifies it. */
export function Figure(props: FigureProps): JSX.Element {
  return (
    <div class="figure" classList={{ 'figure-wide': props.wide === true }}>
      <dt class="figure-label">{props.label}</dt>
      <dd class="figure-data">
        <span class="figure-value" classList={{ 'figure-none': props.value === null }} aria-hidden={props.value === null ? 'true' : undefined}>
          {props.value ?? t().noFigure}
        </span>
        <Show when={props.detail}>{(detail) => <span class="figure-detail">{detail()}</span>}</Show>
        <Show when={props.window}>{(window) => <span class="figure-window">{window()}</span>}</Show>
      </dd>
    </div>
  );
}

/**
 * The seven figures of PRODUCT.md, the mean consultation and the service level, as big cards: "En
 * attente" first and widest, with the doctor's presence beside it (`presence`, outside its
 * description list); under them, in one line, how close today's quotes came. Live, the waits and
 * the estimated end move with the clock between messages; stale, they stay as received and look it.
 */
export function TodayFigures(props: { snapshot: LiveSnapshot; stale: boolean; now: number; presence: JSX.Element }): JSX.Element {
  const figures = () => props.snapshot.figures;
  const elapsed = () => (props.stale ? 0 : Math.max(0, props.now - props.snapshot.receivedAt));
  const minutesOrNull = (minutes: number | null) => (minutes === null ? null : formatMinutes(minutes, t()));
  const longestWait = () => minutesOrNull(longestWaitMinutesNow(figures(), props.snapshot.entries, elapsed()));
  const estimatedEnd = () => {
    const at = estimatedEndNow(figures(), elapsed());
    return at === null ? null : t().estimatedEnd(formatClinicClock(at, locale(), figures().timezone));
  };
  const serviceLevel = () => serviceLevelReading(figures().serviceLevel, locale(), t());
  const checkIns = () => {
    const { qr, manual, qrShare } = figures().checkIns;
    return {
      share: qrShare === null ? null : t().checkInShare(formatShare(qrShare, locale())),
      counts: qr + manual === 0 ? t().noCheckInYet : t().checkInCounts(formatCount(qr, locale()), formatCount(manual, locale()), manual),
    };
  };

  return (
    <section class="figures-section" classList={{ stale: props.stale }} aria-labelledby="figures-title">
      <h2 id="figures-title" class="visually-hidden">
        {t().figuresTitle}
      </h2>
      <FiguresAnnouncement waiting={figures().waiting} seen={figures().seenToday} />
      <div class="figure figure-hero">
        <dl>
          <dt class="figure-label">{t().figureWaiting}</dt>
          <dd class="figure-data">
            <span class="figure-value">{formatCount(figures().waiting, locale())}</span>
          </dd>
        </dl>
        {props.presence}
      </div>
      <dl class="figures">
        <Figure label={t().figureSeen} value={formatCount(figures().seenToday, locale())} />
        <Figure label={t().figureNoShows} value={formatCount(figures().noShowsToday, locale())} />
        <Figure
          label={t().figureAvgWait}
          value={minutesOrNull(figures().avgWaitMinutes)}
          detail={figures().avgWaitMinutes === null ? t().noneCalledYet : null}
        />
        <Figure label={t().figureMaxWait} value={longestWait()} detail={longestWait() === null ? t().noWaitYet : null} />
        <Figure
          label={t().figureAvgConsultation}
          value={minutesOrNull(figures().avgConsultationMinutes)}
          detail={figures().avgConsultationMinutes === null ? t().noConsultationYet : null}
        />
        <Figure
          label={t().figureEstimatedEnd}
          value={estimatedEnd()}
          detail={estimatedEnd() === null ? (figures().doctorPresent ? t().endQueueEmpty : t().endDoctorAway) : t().atTheClinic}
        />
        <Figure label={serviceLevel().label} value={serviceLevel().value} detail={serviceLevel().detail} wide />
        <Figure label={t().figureCheckIn} value={checkIns().share} detail={checkIns().counts} wide />
      </dl>
      <p class="estimate-accuracy">{accuracyWords(figures().estimates, locale(), t())}</p>
    </section>
  );
}

/**
 * What a screen reader hears when the queue moves: the two counts that matter, once per change,
 * never the first reading (the page is read then) nor the figures that move with the clock.
 */
function FiguresAnnouncement(props: { waiting: number; seen: number }): JSX.Element {
  const [text, setText] = createSignal('');
  createEffect(
    on(
      () => [props.waiting, props.seen] as const,
      ([waiting, seen]) => setText(t().figuresAnnouncement(formatCount(waiting, locale()), formatCount(seen, locale()))),
      { defer: true },
    ),
  );
  return (
    <p class="visually-hidden" aria-live="polite">
      {text()}
    </p>
  );
}
