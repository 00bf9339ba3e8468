import { createEffect, type JSX } from 'solid-js';
import { revenueCsvUrl } from '../../api/revenue';
import { ADMIN_ACCESS_LOST, adminRevenueQuery, REVENUE_MONTHS } from '../../admin/admin-queries';
import { RevenueMovements } from '../../components/admin/RevenueMovements';
import { DataPanel } from '../../components/DataPanel';
import { t } from '../../i18n/locale';
import { createScreenRead } from '../../session/screen-read';
import { useSession } from '../../session/SessionProvider';

/**
 * Revenus (`GET /admin/revenue`): the last 12 months' MRR movements per currency — new clinics,
 * plan rises and cuts, departures and returns — as a chart and its table, and the same figures as
 * a CSV download.
 */
export default function Revenue(): JSX.Element {
  const [, actions] = useSession();
  const revenue = createScreenRead(adminRevenueQuery, (): [number] => [REVENUE_MONTHS], () => void actions.reload(), ADMIN_ACCESS_LOST);
  createEffect(() => {
    document.title = `${t().revenueTitle} · ${t().appName}`;
  });
  return (
    <section class="screen admin-revenue" aria-labelledby="revenue-title">
      <h1 id="revenue-title">{t().revenueTitle}</h1>
      <p class="footnote">{t().revenueExplained}</p>
      <a href={revenueCsvUrl(REVENUE_MONTHS)} download="" class="text-link revenue-export">
        {t().revenueExportCsv}
      </a>
      <DataPanel title={t().revenueMonthsTitle} answer={revenue.answer} onRetry={revenue.retry} loading={t().adminLoading}>
        {(answer) => <RevenueMovements revenue={answer()} />}
      </DataPanel>
    </section>
  );
}
