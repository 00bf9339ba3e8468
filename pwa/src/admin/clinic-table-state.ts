/**
 * The clinic health table's state, kept in the address (`/admin/clinics?status=at_risk&sort=…`)
 * so that a link, a reload or the back button opens the same view: read from the query, written
 * back without what is the default, turned into the API's query.
 */
import { CLINIC_SORTS, CLINIC_STATUSES, type ClinicHealthQuery, type ClinicSort, type ClinicStatus } from '../api/admin';

export type SortOrder = 'asc' | 'desc';

export interface ClinicTableState {
  status: ClinicStatus | null;
  q: string;
  sort: ClinicSort;
  order: SortOrder;
  page: number;
  archived: boolean;
}

/** By name, A first, the clinics in use: the view the table opens on. */
export const DEFAULT_TABLE_STATE: ClinicTableState = { status: null, q: '', sort: 'name', order: 'asc', page: 1, archived: false };

/** Rows per page: a phone scrolls through them, a laptop sees most at once. */
export const CLINIC_PAGE_SIZE = 25;

/** The API's own bound on a search (worker/routes/admin-clinics.ts). */
const SEARCH_MAX_LENGTH = 100;

type QueryValue = string | readonly string[] | undefined;

const single = (value: QueryValue): string | undefined => (typeof value === 'string' ? value : value?.[0]);

/** Reads the table's state from the address; anything unknown (a typo, an old link) gets the default. */
export function tableStateOf(query: Partial<Record<string, QueryValue>>): ClinicTableState {
  const status = single(query['status']);
  const sort = single(query['sort']);
  const order = single(query['order']);
  const page = Number(single(query['page']));
  return {
    status: CLINIC_STATUSES.find((candidate) => candidate === status) ?? null,
    q: (single(query['q']) ?? '').slice(0, SEARCH_MAX_LENGTH),
    sort: CLINIC_SORTS.find((candidate) => candidate === sort) ?? DEFAULT_TABLE_STATE.sort,
    order: order === 'desc' ? 'desc' : 'asc',
    page: Number.isSafeInteger(page) && page >= 1 ? page : 1,
    archived: single(query['archived']) === 'true',
  };
}

/** The address's query for a state; a default value is removed (undefined) so links stay short. */
export function tableQueryOf(state: ClinicTableState): Record<string, string | undefined> {
  const differs = <Key extends keyof ClinicTableState>(key: Key) => state[key] !== DEFAULT_TABLE_STATE[key];
  return {
    status: state.status ?? undefined,
    q: state.q.trim() === '' ? undefined : state.q,
    sort: differs('sort') ? state.sort : undefined,
    order: differs('order') ? state.order : undefined,
    page: differs('page') ? String(state.page) : undefined,
    archived: state.archived ? 'true' : undefined,
  };
}

/** What the API is asked for this state. */
export function healthQueryOf(state: ClinicTableState): ClinicHealthQuery {
  return { ...state, pageSize: CLINIC_PAGE_SIZE };
}

/**
 * A change of filter or search: a new set of rows, so back to its first page.
 */
export function filtered(state: ClinicTableState, change: Partial<Pick<ClinicTableState, 'status' | 'q' | 'archived'>>): ClinicTableState {
  return { ...state, ...change, page: 1 };
}

/**
 * A click on a column's header: the sorted column turns its order round; another column sorts
 * ascending (A first, fewest days, fewest patients…). Either way back to the first page.
 */
export function sortedBy(state: ClinicTableState, column: ClinicSort): ClinicTableState {
  const order: SortOrder = state.sort === column && state.order === 'asc' ? 'desc' : 'asc';
  return { ...state, sort: column, order, page: 1 };
}

/** The phone's sort field: a column and an order in one choice, `name:asc`. */
export function sortChoiceOf(state: ClinicTableState): string {
  return `${state.sort}:${state.order}`;
}

/** A choice of the phone's sort field read back; any other value leaves the state as it was. */
export function sortedByChoice(state: ClinicTableState, choice: string): ClinicTableState {
  const [sort, order] = choice.split(':');
  const column = CLINIC_SORTS.find((candidate) => candidate === sort);
  if (column === undefined || (order !== 'asc' && order !== 'desc')) return state;
  return { ...state, sort: column, order, page: 1 };
}

/** The `aria-sort` of a column's header: only the sorted one says which way. */
export function ariaSortOf(state: ClinicTableState, column: ClinicSort): 'ascending' | 'descending' | 'none' {
  if (state.sort !== column) return 'none';
  return state.order === 'asc' ? 'ascending' : 'descending';
}

/** How many pages `total` rows make; at least one, even empty. */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
