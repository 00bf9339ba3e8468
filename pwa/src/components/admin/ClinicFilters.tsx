import { For, onCleanup, Show, type JSX } from 'solid-js';
import { CLINIC_SORTS, CLINIC_STATUSES, type ClinicStatus } from '../../api/admin';
import { filtered, sortChoiceOf, sortedByChoice, type ClinicTableState, type SortOrder } from '../../admin/clinic-table-state';
import { t } from '../../i18n/locale';

/** Typing pauses this long before the table is asked again: one request a word, not a letter. */
export const SEARCH_DEBOUNCE_MS = 300;

export interface ClinicFiltersProps {
  state: ClinicTableState;
  /** `typing` for the search as it is typed: the address is replaced rather than stacked. */
  onChange: (next: ClinicTableState, typing: boolean) => void;
  /** A phone has no column headers to sort by: it gets a sort field instead. */
  sortField: boolean;
}

const statusOf = (value: string): ClinicStatus | null => CLINIC_STATUSES.find((status) => status === value) ?? null;

/** Search by name, status, archived or not, and on a phone the sort: each change a new first page. */
export function ClinicFilters(props: ClinicFiltersProps): JSX.Element {
  let timer: number | undefined;
  onCleanup(() => window.clearTimeout(timer));
  const search = (q: string): void => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => props.onChange(filtered(props.state, { q }), true), SEARCH_DEBOUNCE_MS);
  };
  return (
    <form class="card form clinic-filters" role="search" aria-label={t().clinicFiltersLabel} onSubmit={(event) => event.preventDefault()}>
      <div class="field clinic-search">
        <label for="clinic-search">{t().clinicSearch}</label>
        <input
          id="clinic-search"
          type="search"
          name="q"
          value={props.state.q}
          maxLength={100}
          autocomplete="off"
          onInput={(event) => search(event.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="clinic-status">{t().clinicStatusFilter}</label>
        <select
          id="clinic-status"
          value={props.state.status ?? ''}
          onChange={(event) => props.onChange(filtered(props.state, { status: statusOf(event.currentTarget.value) }), false)}
        >
          <option value="">{t().allStatuses}</option>
          <For each={CLINIC_STATUSES}>{(status) => <option value={status}>{t().clinicStatuses[status]}</option>}</For>
        </select>
      </div>
      <Show when={props.sortField}>
        <div class="field">
          <label for="clinic-sort">{t().clinicSortBy}</label>
          <select
            id="clinic-sort"
            value={sortChoiceOf(props.state)}
            onChange={(event) => props.onChange(sortedByChoice(props.state, event.currentTarget.value), false)}
          >
            <For each={CLINIC_SORTS}>
              {(sort) => (
                <For each={['asc', 'desc'] as const satisfies readonly SortOrder[]}>
                  {(order) => <option value={sortChoiceOf({ ...props.state, sort, order })}>{t().clinicSortChoice(t().clinicColumns[sort], order)}</option>}
                </For>
              )}
            </For>
          </select>
        </div>
      </Show>
      <label class="check">
        <input
          type="checkbox"
          checked={props.state.archived}
          onChange={(event) => props.onChange(filtered(props.state, { archived: event.currentTarget.checked }), false)}
        />
        <span>{t().showArchived}</span>
      </label>
    </form>
  );
}
