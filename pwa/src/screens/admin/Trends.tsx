import { useSearchParams } from '@solidjs/router';
import { createEffect, type JSX } from 'solid-js';
import { ADMIN_TIMEFRAMES, type AdminTimeframe } from '../../api/admin';
import { ADMIN_ACCESS_LOST, adminTrendsQuery } from '../../admin/admin-queries';
import { adminTimeframeOf } from '../../admin/trend-series';
import { BusinessTrends } from '../../components/admin/BusinessTrends';
import { HistoryPanel } from '../../components/history/HistoryPanel';
import { TimeframePicker } from '../../components/history/TimeframePicker';
import { t } from '../../i18n/locale';
import { createScreenRead } from '../../session/screen-read';
import { useSession } from '../../session/SessionProvider';

/**
 * The business over 30 days, 90 or a year (kept in the address): MRR, active clinics, patients,
 * SMS and their cost, QR adoption and daily logins, each a chart with its table; logins per day,
 * week and month; retention by signup month. Served from the API's cache, said so when stale.
 */
export default function Trends(): JSX.Element {
  const [, actions] = useSession();
  const [params, setParams] = useSearchParams();
  const timeframe = () => adminTimeframeOf(params['timeframe']);
  const trends = createScreenRead(adminTrendsQuery, (): [AdminTimeframe] => [timeframe()], () => void actions.reload(), ADMIN_ACCESS_LOST);
  createEffect(() => {
    document.title = `${t().trendsTitle} · ${t().appName}`;
  });
  return (
    <section class="screen history admin-trends" aria-labelledby="trends-title">
      <h1 id="trends-title">{t().trendsTitle}</h1>
      <TimeframePicker
        value={timeframe()}
        choices={ADMIN_TIMEFRAMES}
        onChange={(next) => setParams({ timeframe: adminTimeframeOf(next) }, { replace: true })}
      />
      <HistoryPanel title={t().businessTrendsTitle} answer={trends.answer} onRetry={trends.retry} loading={t().adminLoading} flat>
        {(answer) => <BusinessTrends trends={answer()} />}
      </HistoryPanel>
    </section>
  );
}
