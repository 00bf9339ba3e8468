import { createEffect, type JSX } from 'solid-js';
import type { AdminTimeframe } from '../api/admin';
import { ADMIN_ACCESS_LOST, adminMetricsQuery, adminTrendsQuery, SECURITY_HOURS, securityFiguresQuery } from '../admin/admin-queries';
import { DEFAULT_ADMIN_TIMEFRAME } from '../admin/trend-series';
import { BusinessFigures } from '../components/admin/BusinessFigures';
import { DataPanel } from '../components/DataPanel';
import { ChurnBanner } from '../components/admin/ChurnBanner';
import { FiringAlerts } from '../components/admin/FiringAlerts';
import { SecurityFigures } from '../components/admin/SecurityFigures';
import { QuickActions } from '../components/admin/QuickActions';
import { quickActionsQuery } from '../admin/back-office-queries';
import { Sparklines } from '../components/admin/Sparklines';
import { HistoryPanel } from '../components/history/HistoryPanel';
import { t } from '../i18n/locale';
import { createScreenRead } from '../session/screen-read';
import { useSession } from '../session/SessionProvider';

/**
 * The super admin's home: the business at a glance. The clinics at risk of churning first (the
 * ones to call), every business figure with its window, the alerts firing now, and the last 30
 * days as sparklines, whose chart.js arrives after the figures; then the last day's security
 * figures (failed and throttled sign-ins, exports, admin actions), after the things to handle
 * (failed jobs, open alerts, pending invitations, clinics opening), each a link.
 */
export default function Admin(): JSX.Element {
  const [state, actions] = useSession();
  const recheckSession = (): void => void actions.reload();
  const metrics = createScreenRead(adminMetricsQuery, (): [] => [], recheckSession, ADMIN_ACCESS_LOST);
  const trends = createScreenRead(adminTrendsQuery, (): [AdminTimeframe] => [DEFAULT_ADMIN_TIMEFRAME], recheckSession, ADMIN_ACCESS_LOST);
  const security = createScreenRead(securityFiguresQuery, (): [number] => [SECURITY_HOURS], recheckSession, ADMIN_ACCESS_LOST);
  const quickActions = createScreenRead(quickActionsQuery, (): [] => [], recheckSession, ADMIN_ACCESS_LOST);
  createEffect(() => {
    document.title = `${t().adminTitle} · ${t().appName}`;
  });
  return (
    <section class="screen admin" aria-labelledby="admin-title">
      <div class="screen-intro">
        <h1 id="admin-title">{t().adminTitle}</h1>
        <p class="lead">{t().clinicCount(state.account?.clinics.length ?? 0)}</p>
      </div>
      <DataPanel title={t().businessTodayTitle} answer={metrics.answer} onRetry={metrics.retry} loading={t().adminLoading}>
        {(answer) => (
          <>
            <ChurnBanner churnRisk={answer().churnRisk} />
            <BusinessFigures metrics={answer()} />
            <FiringAlerts alerts={answer().firingAlerts} />
          </>
        )}
      </DataPanel>
      <HistoryPanel title={t().sparklinesTitle} answer={trends.answer} onRetry={trends.retry} loading={t().adminLoading} flat>
        {(answer) => <Sparklines trends={answer()} />}
      </HistoryPanel>
      <DataPanel title={t().quickActionsTitle} answer={quickActions.answer} onRetry={quickActions.retry} loading={t().adminLoading}>
        {(answer) => <QuickActions counts={answer()} />}
      </DataPanel>
      <DataPanel title={t().securityTitle} answer={security.answer} onRetry={security.retry} loading={t().adminLoading}>
        {(answer) => <SecurityFigures figures={answer()} hours={SECURITY_HOURS} />}
      </DataPanel>
    </section>
  );
}
