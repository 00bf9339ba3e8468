import type { JSX } from 'solid-js';
import type { SecurityFiguresAnswer } from '../../../../worker/domain/security-wire.ts';
import { formatCount } from '../../i18n/figures';
import { locale, t } from '../../i18n/locale';
import { DataTable } from '../history/DataTable';
import { Figure } from '../TodayFigures';

/** An hour's start as its row head, in UTC as the API counts: "06/12 09:00". */
function hourHead(iso: string): string {
  return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' }).format(Date.parse(iso));
}

/**
 * The last hours' security figures from the audit log: their totals as cards, and hour by hour in
 * a table behind "show the data". A burst of failed sign-ins stands out in the total first.
 */
export function SecurityFigures(props: { figures: SecurityFiguresAnswer; hours: number }): JSX.Element {
  const count = (value: number) => formatCount(value, locale());
  const totals = () => props.figures.totals;
  const window = () => t().securityWindow(props.hours);
  return (
    <>
      <dl class="figures business-figures">
        <Figure label={t().securityFailedLogins} value={count(totals().failedLogins)} window={window()} />
        <Figure label={t().securityThrottledLogins} value={count(totals().throttledLogins)} window={window()} />
        <Figure label={t().securityExports} value={count(totals().exports)} window={window()} />
        <Figure label={t().securityAdminActions} value={count(totals().adminActions)} window={window()} />
      </dl>
      <DataTable
        caption={t().securityTableCaption}
        columns={[t().securityHourColumn, t().securityFailedLogins, t().securityThrottledLogins, t().securityExports, t().securityAdminActions]}
        rows={props.figures.hours.map((hour) => ({
          head: hourHead(hour.hour),
          cells: [count(hour.failedLogins), count(hour.throttledLogins), count(hour.exports), count(hour.adminActions)],
        }))}
      />
    </>
  );
}
