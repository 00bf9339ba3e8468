import { useSearchParams } from '@solidjs/router';
import { createEffect, Show, type JSX } from 'solid-js';
import { ClinicHeader } from '../components/ClinicHeader';
import { HistoryFigures } from '../components/history/HistoryFigures';
import { HistoryPanel } from '../components/history/HistoryPanel';
import { NoShowPattern } from '../components/history/NoShowPattern';
import { PeakHours } from '../components/history/PeakHours';
import { TimeframePicker } from '../components/history/TimeframePicker';
import { TrendChart } from '../components/history/TrendChart';
import { t } from '../i18n/locale';
import { analyticsQuery, chartsQuery, noShowsQuery, peakHoursQuery, windowArgs, type HistoryWindow } from '../history/history-queries';
import { timeframeOf } from '../history/timeframe';
import { createScreenRead } from '../session/screen-read';
import { useSession } from '../session/SessionProvider';

/**
 * The selected clinic's trends over a window kept in the address (`?timeframe=90d`), so a link or
 * a reload opens the same one: the window's figures against the window before, the daily curves,
 * the peak hours and the no-shows by weekday. Each part loads, fails and retries on its own.
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
            <ClinicHistory window={{ clinicId, timeframe: timeframe() }} onAccessLost={() => void sessionActions.reload()} />
          </>
        )}
      </Show>
    </section>
  );
}

function ClinicHistory(props: { window: HistoryWindow; onAccessLost: () => void }): JSX.Element {
  const asked = () => windowArgs(props.window);
  const analytics = createScreenRead(analyticsQuery, asked, props.onAccessLost);
  const charts = createScreenRead(chartsQuery, asked, props.onAccessLost);
  const peakHours = createScreenRead(peakHoursQuery, asked, props.onAccessLost);
  const noShows = createScreenRead(noShowsQuery, asked, props.onAccessLost);
  return (
    <>
      <HistoryPanel title={t().historyFiguresTitle} answer={analytics.answer} onRetry={analytics.retry} flat>
        {(answer) => <HistoryFigures answer={answer()} />}
      </HistoryPanel>
      <div class="history-charts">
        <HistoryPanel title={t().trendTitle} answer={charts.answer} onRetry={charts.retry}>
          {(answer) => <TrendChart answer={answer()} />}
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
