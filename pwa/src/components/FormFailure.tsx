import { Show } from 'solid-js';
import type { Messages } from '../i18n/fr';
import { t } from '../i18n/locale';

/** How to word a failure rather than its words, so that switching language re-words it. */
export interface WordedFailure {
  words: (messages: Messages) => string;
}

/** A form's failure, in words, announced to screen readers. */
export function FormFailure(props: { failure: WordedFailure | null | undefined }) {
  return (
    <Show when={props.failure}>
      {(current) => (
        <p class="form-error" role="alert">
          {current().words(t())}
        </p>
      )}
    </Show>
  );
}
