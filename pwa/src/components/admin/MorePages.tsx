import { Show, type JSX } from 'solid-js';
import type { CursorPagesActions, CursorPagesView } from '../../admin/cursor-pages';
import { t } from '../../i18n/locale';
import { ReadFailure } from '../ReadFailure';

/**
 * Below a list read a page at a time: the failure of the last page with a retry, the next page on
 * its way, or the button that asks for it. Nothing once the oldest item is on screen.
 */
export function MorePages<Item>(props: { pages: CursorPagesView<Item>; actions: CursorPagesActions; loading: string }): JSX.Element {
  return (
    <>
      <Show when={props.pages.error !== null}>
        <ReadFailure error={props.pages.error} onRetry={props.actions.loadMore} />
      </Show>
      <Show when={props.pages.loading}>
        <p class="checking" role="status">
          {props.loading}
        </p>
      </Show>
      <Show when={props.pages.hasMore && !props.pages.loading && props.pages.error === null && props.pages.items.length > 0}>
        <button type="button" class="button button-quiet" onClick={() => props.actions.loadMore()}>
          {t().loadMore}
        </button>
      </Show>
    </>
  );
}
