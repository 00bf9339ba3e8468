import { useSearchParams } from '@solidjs/router';
import { createEffect, on, Show, type JSX } from 'solid-js';
import { ClinicHeader } from '../components/ClinicHeader';
import { AccuracyByHour } from '../components/history/AccuracyByHour';
import { AccuracyChart } from '../components/history/AccuracyChart';
import { ChartNotes } from '../components/history/ChartNotes';
import { ForecastChart } from '../components/history/ForecastChart';
import { HistoryFigures } from '../components/history/HistoryFigures';
import { HistoryPanel } from '../components/history/HistoryPanel';
import { NoShowPattern } from '../components/history/NoShowPattern';
import { PeakHours } from '../components/history/PeakHours';
import { ServiceLevelChart } from '../components/history/ServiceLevelChart';
import { TimeframePicker } from '../components/history/TimeframePicker';
import { TrendChart } from '../components/history/TrendChart';
import { WalkOutRisk } from '../components/history/WalkOutRisk';
import { historyCsvUrl } from '../api/history';
import { t } from '../i18n/locale';
import {
  analyticsQuery,
  chartsQuery,
  estimatesQuery,
  forecastAccuracyQuery,
  noShowsQuery,
  peakHoursQuery,
  windowArgs,
  type HistoryWindow,
} from '../history/history-queries';
import type { NoteViewer } from '../history/chart-notes';
import { watchKept, type Kept } from '../history/kept-answers';
import { timeframeOf } from '../history/timeframe';
import { createScreenRead, type NamedQuery } from '../session/screen-read';
import { RECHECK_MS, useSession } from '../session/SessionProvider';

/**
 * The selected clinic's trends over a window kept in the address (`?timeframe=90d`), so a link or
 * a reload opens the same one: the window's figures against the window before, the daily curves,
 * how close the quoted waits came and how soon patients were called (by day, then by hour of the
 * call), how the arrivals forecast and the walk-out risk held, the peak hours and the no-shows by
 * weekday. Each part loads, fails and retries on its own.
 * Loaded on first visit (App.tsx), with chart.js behind it.
 */
export default function History(): JSX.Element {
  const [session, sessionActions] = useSession();
  const [params, setParams] = useSearchParams();
  const timeframe = () => timeframeOf(params['timeframe']);
  createEffect(() => {
    document.title = `${t().historyTitle} · ${t().appName}`;
  });
  return (
    <section class="screen history" aria-labelledby="history-title">
      <h1 id="history-title">{t().historyTitle}</h1>
      <ClinicHeader />
      <Show when={session.clinic?.id} keyed>
        {(clinicId) => (
          <>
            <TimeframePicker value={timeframe()} onChange={(next) => setParams({ timeframe: next }, { replace: true })} />
            <Show when={session.clinic?.role === 'clinic_owner'}>
              <a href={historyCsvUrl(clinicId, timeframe())} download="" class="text-link">
                {t().historyExportCsv}
              </a>
            </Show>
            <ClinicHistory window={{ clinicId, timeframe: timeframe() }} onAccessLost={() => void sessionActions.reload()} />
          </>
        )}
      </Show>
    </section>
  );
}

/**
 * The clinic's history in its parts. Offline, a part may show the answer kept on the phone: the
 * session then asks the API (and keeps asking while it cannot be reached), and once the API
 * confirms the session again, every part is read again, which takes the marks away.
 */
function ClinicHistory(props: { window: HistoryWindow; onAccessLost: () => void }): JSX.Element {
  const [session, sessionActions] = useSession();
  const asked = () => windowArgs(props.window);
  let showsKept = false;
  const noticeKept = (): void => {
    if (showsKept) return;
    showsKept = true;
    // Asked only if no recent answer says otherwise: a server that answers `/me` but not the
    // history must not be asked in a loop.
    if (session.session.status === 'signedIn' && Date.now() - (session.confirmedAt ?? 0) > RECHECK_MS) void sessionActions.reload();
  };
  const watched = <Args extends unknown[], Answer extends object>(read: NamedQuery<Args, Kept<Answer>>) => watchKept(read, noticeKept);
  const analytics = createScreenRead(watched(analyticsQuery), asked, props.onAccessLost);
  const charts = createScreenRead(watched(chartsQuery), asked, props.onAccessLost);
  const estimates = createScreenRead(watched(estimatesQuery), asked, props.onAccessLost);
  const forecasts = createScreenRead(watched(forecastAccuracyQuery), asked, props.onAccessLost);
  const peakHours = createScreenRead(watched(peakHoursQuery), asked, props.onAccessLost);
  const noShows = createScreenRead(watched(noShowsQuery), asked, props.onAccessLost);
  // Who may write and delete notes: whoever shows this clinic, as their role in it says.
  const viewer = (): NoteViewer | null => {
    const email = session.account?.user.email;
    const role = session.clinic?.role;
    return email === undefined || role === undefined ? null : { email, role };
  };
  createEffect(
    on(
      () => session.confirmedAt,
      () => {
        if (!showsKept) return;
        showsKept = false;
        for (const read of [analytics, charts, estimates, forecasts, peakHours, noShows]) read.retry();
      },
      { defer: true },
    ),
  );
  return (
    <>
      <HistoryPanel title={t().historyFiguresTitle} answer={analytics.answer} onRetry={analytics.retry} flat>
        {(answer) => <HistoryFigures answer={answer()} />}
      </HistoryPanel>
      <div class="history-charts">
        <HistoryPanel title={t().trendTitle} answer={charts.answer} onRetry={charts.retry}>
          {(answer) => (
            <>
              <TrendChart answer={answer()} />
              <ChartNotes answer={answer()} clinicId={props.window.clinicId} viewer={viewer()} onChanged={charts.retry} />
            </>
          )}
        </HistoryPanel>
        <HistoryPanel title={t().accuracyTitle} answer={charts.answer} onRetry={charts.retry}>
          {(answer) => <AccuracyChart answer={answer()} />}
        </HistoryPanel>
        <HistoryPanel title={t().serviceLevelTitle} answer={charts.answer} onRetry={charts.retry}>
          {(answer) => <ServiceLevelChart answer={answer()} />}
        </HistoryPanel>
        <HistoryPanel title={t().byHourTitle} answer={estimates.answer} onRetry={estimates.retry}>
          {(answer) => <AccuracyByHour answer={answer()} />}
        </HistoryPanel>
        <HistoryPanel title={t().forecastTitle} answer={forecasts.answer} onRetry={forecasts.retry}>
          {(answer) => <ForecastChart answer={answer()} />}
        </HistoryPanel>
        <HistoryPanel title={t().walkOutTitle} answer={analytics.answer} onRetry={analytics.retry}>
          {(answer) => <WalkOutRisk answer={answer()} />}
        </HistoryPanel>
        <HistoryPanel title={t().peakTitle} answer={peakHours.answer} onRetry={peakHours.retry}>
          {(answer) => <PeakHours answer={answer()} />}
        </HistoryPanel>
        <HistoryPanel title={t().noShowTitle} answer={noShows.answer} onRetry={noShows.retry}>
          {(answer) => <NoShowPattern answer={answer()} />}
        </HistoryPanel>
      </div>
    </>
  );
}
