import { useSearchParams } from '@solidjs/router';
import { createEffect, For, Show, type JSX } from 'solid-js';
import { ADMIN_ACCESS_LOST } from '../../admin/admin-queries';
import { FAILED_JOBS_PAGE_SIZE, failedJobsQuery } from '../../admin/back-office-queries';
import { FailedJobCard } from '../../components/admin/FailedJobCard';
import { Pager } from '../../components/admin/Pager';
import { DataPanel } from '../../components/DataPanel';
import { t } from '../../i18n/locale';
import { createScreenRead } from '../../session/screen-read';
import { useSession } from '../../session/SessionProvider';

/** The page in the address (`?page=2`), 1 for anything else. */
function pageOf(value: string | string[] | undefined): number {
  const page = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/**
 * "Tâches en échec": the dead letters, newest first, paged, each with what it was about, its error
 * and its failures, and Retry / Delete behind a confirmation.
 */
export default function FailedJobs(): JSX.Element {
  const [, actions] = useSession();
  const [params, setParams] = useSearchParams();
  const page = () => pageOf(params['page']);
  const jobs = createScreenRead(failedJobsQuery, (): [number, number] => [page(), FAILED_JOBS_PAGE_SIZE], () => void actions.reload(), ADMIN_ACCESS_LOST);
  createEffect(() => {
    document.title = `${t().failedJobsTitle} · ${t().appName}`;
  });
  return (
    <section class="screen admin-failed-jobs" aria-labelledby="failed-jobs-title">
      <div class="screen-intro">
        <h1 id="failed-jobs-title">{t().failedJobsTitle}</h1>
        <p class="lead">{t().failedJobsIntro}</p>
      </div>
      <DataPanel title={t().failedJobsTitle} answer={jobs.answer} onRetry={jobs.retry} loading={t().failedJobsLoading}>
        {(answer) => (
          <>
            <Show when={answer().jobs.length > 0} fallback={<p>{t().failedJobsEmpty}</p>}>
              <ul class="plain-list divided">
                <For each={answer().jobs}>{(job) => <FailedJobCard job={job} />}</For>
              </ul>
            </Show>
            <Pager page={answer().page} pageSize={answer().pageSize} total={answer().total} onPage={(next) => setParams({ page: String(next) })} />
          </>
        )}
      </DataPanel>
    </section>
  );
}
