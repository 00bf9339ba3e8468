import { A } from '@solidjs/router';
import { createSignal, Show, type JSX } from 'solid-js';
import { ApiError } from '../api/errors';
import { RefreshIcon } from '../components/icons';
import { t } from '../i18n/locale';
import { describeRequestError } from '../i18n/request-errors';
import { useSession } from '../session/SessionProvider';

/**
 * In place of a signed-in screen when the API cannot say who is signed in: offline, a stopped
 * server or a broken answer. The service health stays reachable, with its last known status.
 */
export default function SessionProblem(): JSX.Element {
  const [state, actions] = useSession();
  const [retrying, setRetrying] = createSignal(false);
  const failure = () => (state.session.status === 'failed' ? { error: state.session.error } : null);
  // Pulse's own refusals (a database down…) have words; anything else is a bug, shown with its detail.
  const title = (): string => {
    const current = failure();
    if (current === null) return t().serverUnreachable;
    return current.error instanceof ApiError ? describeRequestError(current.error, 'read', t()) : t().unexpectedAnswer;
  };
  const detail = (): string | null => {
    const current = failure();
    if (current === null || current.error instanceof ApiError) return null;
    return current.error instanceof Error ? current.error.message : String(current.error);
  };
  const retry = async (): Promise<void> => {
    setRetrying(true);
    await actions.reload();
    setRetrying(false);
  };
  return (
    <section class="screen" aria-labelledby="session-problem-title">
      <div class="notice notice-danger" role="alert">
        <p class="notice-title" id="session-problem-title">
          {title()}
        </p>
        <Show when={failure() === null}>
          <p>{t().sessionUnreachable}</p>
        </Show>
        <Show when={detail()}>{(text) => <p class="notice-detail">{text()}</p>}</Show>
        <button type="button" class="button" disabled={retrying()} onClick={() => void retry()}>
          <RefreshIcon spinning={retrying()} />
          <span>{t().retry}</span>
        </button>
      </div>
      <A href="/health" class="text-link">
        {t().seeServiceHealth}
      </A>
    </section>
  );
}
