import type { JSX } from 'solid-js';
import { t } from '../i18n/locale';
import { describeRequestError } from '../i18n/request-errors';

/** A screen's data could not be read: why, in words, announced, and a way to ask again. */
export function ReadFailure(props: { error: unknown; onRetry: () => void }): JSX.Element {
  return (
    <div class="notice notice-danger" role="alert">
      <p class="notice-title">{describeRequestError(props.error, 'read', t())}</p>
      <button type="button" class="button" onClick={() => props.onRetry()}>
        {t().retry}
      </button>
    </div>
  );
}
