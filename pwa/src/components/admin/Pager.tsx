import { Show, type JSX } from 'solid-js';
import { pageCount } from '../../admin/clinic-table-state';
import { t } from '../../i18n/locale';

/** "Page 2 of 3" between the previous and next pages; nothing when everything fits one page. */
export function Pager(props: { page: number; pageSize: number; total: number; onPage: (page: number) => void }): JSX.Element {
  const pages = () => pageCount(props.total, props.pageSize);
  return (
    <Show when={pages() > 1 || props.page > 1}>
      <nav class="pager" aria-label={t().pagerLabel}>
        <button type="button" class="button button-quiet" disabled={props.page <= 1} onClick={() => props.onPage(props.page - 1)}>
          {t().previousPage}
        </button>
        <span class="pager-position" aria-current="page">
          {t().pageOf(props.page, pages())}
        </span>
        <button type="button" class="button button-quiet" disabled={props.page >= pages()} onClick={() => props.onPage(props.page + 1)}>
          {t().nextPage}
        </button>
      </nav>
    </Show>
  );
}
