import { useIsRouting, type AccessorWithLatest } from '@solidjs/router';
import { createUniqueId, ErrorBoundary, Show, Suspense, type Accessor, type JSX } from 'solid-js';
import { ReadFailure } from './ReadFailure';

/**
 * One part of a screen and the answer it shows: its title, then the answer, or in words that it is
 * loading or that it failed, with a way to try again. While the next answer loads (a new page, a
 * new sort, a new window), the last one stays on screen, marked busy.
 */
export function DataPanel<Answer>(props: {
  title: string;
  answer: AccessorWithLatest<Answer | undefined>;
  /** Asks the API again after a failure. */
  onRetry: () => void;
  /** What shows while the first answer loads. */
  loading: string;
  /** Drawn as a card (charts), or flat (figure cards, which are cards themselves). */
  card?: boolean;
  children: (answer: Accessor<Answer>) => JSX.Element;
}): JSX.Element {
  const titleId = createUniqueId();
  const routing = useIsRouting();
  return (
    <section class="history-panel" classList={{ card: props.card === true }} aria-labelledby={titleId} aria-busy={routing()}>
      <h2 id={titleId}>{props.title}</h2>
      <ErrorBoundary
        fallback={(error: unknown, reset) => (
          <ReadFailure
            error={error}
            onRetry={() => {
              props.onRetry();
              reset();
            }}
          />
        )}
      >
        <Suspense fallback={<p class="checking">{props.loading}</p>}>
          <Show when={props.answer()}>{(answer) => props.children(answer)}</Show>
        </Suspense>
      </ErrorBoundary>
    </section>
  );
}
