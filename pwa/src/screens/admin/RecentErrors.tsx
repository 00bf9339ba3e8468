import { createEffect, For, Show, type JSX } from 'solid-js';
import { ADMIN_ACCESS_LOST } from '../../admin/admin-queries';
import { RECENT_ERROR_DAYS, recentErrorsQuery } from '../../admin/back-office-queries';
import { ScrollingTable } from '../../components/history/DataTable';
import { DataPanel } from '../../components/DataPanel';
import { formatCheckTime } from '../../i18n/format';
import { locale, t } from '../../i18n/locale';
import { createScreenRead } from '../../session/screen-read';
import { useSession } from '../../session/SessionProvider';

/**
 * "Erreurs récentes": the API's 5xx answers of the last 7 days, newest first, each with its route
 * pattern, status, the code and message the client read, and the request id to find its log line.
 */
export default function RecentErrors(): JSX.Element {
  const [, actions] = useSession();
  const errors = createScreenRead(recentErrorsQuery, (): [number] => [RECENT_ERROR_DAYS], () => void actions.reload(), ADMIN_ACCESS_LOST);
  createEffect(() => {
    document.title = `${t().recentErrorsTitle} · ${t().appName}`;
  });
  return (
    <section class="screen admin-errors" aria-labelledby="recent-errors-title">
      <div class="screen-intro">
        <h1 id="recent-errors-title">{t().recentErrorsTitle}</h1>
        <p class="lead">{t().recentErrorsIntro(RECENT_ERROR_DAYS)}</p>
      </div>
      <DataPanel title={t().recentErrorsTitle} answer={errors.answer} onRetry={errors.retry} loading={t().recentErrorsLoading}>
        {(answer) => (
          <Show when={answer().errors.length > 0} fallback={<p>{t().recentErrorsEmpty}</p>}>
            <ScrollingTable caption={t().recentErrorsCaption} columns={[t().errorAtColumn, t().errorRouteColumn, t().errorStatusColumn, t().errorMessageColumn, t().errorRequestColumn]}>
              <For each={answer().errors}>
                {(error) => (
                  <tr>
                    <th scope="row">{formatCheckTime(error.at, locale(), new Date())}</th>
                    <td>
                      <code>
                        {error.method} {error.route}
                      </code>
                    </td>
                    <td>{error.status}</td>
                    <td>{error.code === null ? t().errorAnsweredOnPurpose : `${error.code} · ${error.message ?? ''}`}</td>
                    <td>
                      <code>{error.requestId}</code>
                    </td>
                  </tr>
                )}
              </For>
            </ScrollingTable>
          </Show>
        )}
      </DataPanel>
    </section>
  );
}
