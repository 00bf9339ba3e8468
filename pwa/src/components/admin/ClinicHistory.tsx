import { type JSX } from 'solid-js';
import type { Timeframe } from '../../api/history';
import { analyticsQuery, chartsQuery, windowArgs } from '../../history/history-queries';
import { createScreenRead } from '../../session/screen-read';
import { t } from '../../i18n/locale';
import { HistoryFigures } from '../history/HistoryFigures';
import { HistoryPanel } from '../history/HistoryPanel';
import { TimeframePicker } from '../history/TimeframePicker';
import { TrendChart } from '../history/TrendChart';

/**
 * A clinic's history as its doctor sees it on Historique: the window's figures against the window
 * before, and its daily curves, each loading and failing on its own.
 */
export function ClinicHistory(props: {
  clinicId: string;
  timeframe: Timeframe;
  onTimeframe: (timeframe: Timeframe) => void;
  onAccessLost: () => void;
}): JSX.Element {
  const asked = () => windowArgs({ clinicId: props.clinicId, timeframe: props.timeframe });
  const analytics = createScreenRead(analyticsQuery, asked, props.onAccessLost);
  const charts = createScreenRead(chartsQuery, asked, props.onAccessLost);
  return (
    <section class="admin-section history" aria-labelledby="clinic-history-title">
      <h2 id="clinic-history-title">{t().historyTitle}</h2>
      <TimeframePicker value={props.timeframe} onChange={props.onTimeframe} />
      <HistoryPanel title={t().historyFiguresTitle} answer={analytics.answer} onRetry={analytics.retry} flat>
        {(answer) => <HistoryFigures answer={answer()} />}
      </HistoryPanel>
      <HistoryPanel title={t().trendTitle} answer={charts.answer} onRetry={charts.retry}>
        {(answer) => <TrendChart answer={answer()} />}
      </HistoryPanel>
    </section>
  );
}
