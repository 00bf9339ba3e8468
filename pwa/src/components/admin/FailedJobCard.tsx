import { A } from '@solidjs/router';
import { createSignal, Show, type JSX } from 'solid-js';
import { ApiError } from '../../api/errors';
import { deleteFailedJob, retryFailedJob, type FailedJob } from '../../api/back-office';
import { forgetFailedJobAnswers } from '../../admin/back-office-queries';
import { jobKindWords, jobScopeWords } from '../../admin/failed-job-words';
import { formatCheckTime } from '../../i18n/format';
import { describeRequestError } from '../../i18n/request-errors';
import { locale, t } from '../../i18n/locale';
import { ConfirmButtons } from '../ConfirmButtons';
import { FormFailure, type WordedFailure } from '../FormFailure';
import { clinicHref } from './clinic-links';

type Action = 'retry' | 'delete';

/**
 * One failed job: what it was, what it was about, its error and its failures, and its two
 * actions. Each asks to be confirmed first and can be called off; the list is read again after.
 */
export function FailedJobCard(props: { job: FailedJob }): JSX.Element {
  const [confirming, setConfirming] = createSignal<Action | null>(null);
  const [sending, setSending] = createSignal(false);
  const [failure, setFailure] = createSignal<WordedFailure | null>(null);
  const when = (iso: string) => formatCheckTime(iso, locale(), new Date());
  const question = (action: Action) => (action === 'retry' ? t().failedJobRetryQuestion : t().failedJobDeleteQuestion);

  const confirm = async (action: Action): Promise<void> => {
    setSending(true);
    setFailure(null);
    try {
      await (action === 'retry' ? retryFailedJob(props.job.id) : deleteFailedJob(props.job.id));
      setConfirming(null);
      await forgetFailedJobAnswers();
    } catch (error) {
      // Gone already (a second click, another tab): the list is read again and says so.
      if (error instanceof ApiError && error.code === 'NOT_FOUND') {
        setFailure({ words: (messages) => messages.failedJobGone });
        await forgetFailedJobAnswers();
      } else setFailure({ words: (messages) => describeRequestError(error, 'read', messages) });
    } finally {
      setSending(false);
    }
  };

  return (
    <li class="card failed-job">
      <h2 class="notice-title">{jobKindWords(props.job.kind, t())}</h2>
      <p>
        {t().failedJobAbout}{' '}
        <Show when={props.job.scope.clinicId} fallback={jobScopeWords(props.job.scope, t())}>
          {(clinicId) => <A href={clinicHref(clinicId())}>{jobScopeWords(props.job.scope, t())}</A>}
        </Show>
      </p>
      <p class="failed-job-error">
        {t().failedJobError} <code>{props.job.error ?? t().failedJobNoError}</code>
      </p>
      <p class="footnote">
        {t().failedJobAttempts(props.job.attempts)}
        <Show when={props.job.firstFailedAt !== null && props.job.lastFailedAt !== null}>
          {' · '}
          {t().failedJobFailures(when(props.job.firstFailedAt ?? ''), when(props.job.lastFailedAt ?? ''))}
        </Show>
        {' · '}
        {t().failedJobReceived(when(props.job.receivedAt))}
      </p>
      <Show when={!props.job.retryable}>
        <p class="footnote">{t().failedJobUnreadable}</p>
      </Show>
      <Show
        when={confirming()}
        fallback={
          <div class="confirm-buttons">
            <Show when={props.job.retryable}>
              <button type="button" class="button" onClick={() => setConfirming('retry')}>
                {t().failedJobRetry}
              </button>
            </Show>
            <button type="button" class="button button-quiet" onClick={() => setConfirming('delete')}>
              {t().failedJobDelete}
            </button>
          </div>
        }
      >
        {(action) => (
          <div class="confirm" role="group" aria-label={question(action())}>
            <p class="notice-title">{question(action())}</p>
            <ConfirmButtons
              label={action() === 'retry' ? t().failedJobRetry : t().failedJobDelete}
              danger={action() === 'delete'}
              sending={sending()}
              onConfirm={() => void confirm(action())}
              onCancel={() => setConfirming(null)}
            />
          </div>
        )}
      </Show>
      <FormFailure failure={failure()} />
    </li>
  );
}
