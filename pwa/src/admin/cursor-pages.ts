import { createEffect, on } from 'solid-js';
import { createStore } from 'solid-js/store';

/** A page of a list the API serves newest first, with the cursor of the next (older) page. */
export interface CursorPage<Item> {
  items: readonly Item[];
  nextCursor: string | null;
}

export interface CursorPagesView<Item> {
  readonly items: readonly Item[];
  /** Whether older items remain to be loaded. */
  readonly hasMore: boolean;
  readonly loading: boolean;
  /** Why the last page could not be read; null when it could. */
  readonly error: unknown;
}

export interface CursorPagesActions {
  /** Loads the next, older page; after a failure, the page that failed. */
  loadMore(): void;
}

/** The list so far with a page added after it, each item once (a page may overlap a newer insert). */
export function appendPage<Item>(items: readonly Item[], page: readonly Item[], idOf: (item: Item) => string): Item[] {
  const seen = new Set(items.map(idOf));
  return [...items, ...page.filter((item) => !seen.has(idOf(item)))];
}

interface PagesState<Item> {
  items: Item[];
  cursor: string | null;
  done: boolean;
  loading: boolean;
  error: unknown;
}

/**
 * A list read a page at a time through the API's cursor (a clinic's timeline, the audit log): its
 * first page whenever the question (`asked`: a clinic and a kind, a set of filters) changes, older
 * pages on demand. An answer to a question no longer asked is dropped.
 */
export function createCursorPages<Question, Item>(options: {
  asked: () => Question;
  fetchPage: (question: Question, cursor: string | null) => Promise<CursorPage<Item>>;
  idOf: (item: Item) => string;
}): [CursorPagesView<Item>, CursorPagesActions] {
  const [state, setState] = createStore<PagesState<Item>>({
    items: [],
    cursor: null,
    done: false,
    loading: false,
    error: null,
  });
  let generation = 0;

  async function load(question: Question, cursor: string | null, asked: number): Promise<void> {
    setState({ loading: true, error: null });
    try {
      const page = await options.fetchPage(question, cursor);
      if (asked !== generation) return;
      setState({ items: appendPage(state.items, page.items, options.idOf), cursor: page.nextCursor, done: page.nextCursor === null, loading: false });
    } catch (error) {
      if (asked === generation) setState({ loading: false, error });
    }
  }

  createEffect(
    on(options.asked, (question) => {
      generation += 1;
      setState({ items: [], cursor: null, done: false, error: null });
      void load(question, null, generation);
    }),
  );

  const view: CursorPagesView<Item> = {
    get items() {
      return state.items;
    },
    get hasMore() {
      return !state.done;
    },
    get loading() {
      return state.loading;
    },
    get error() {
      return state.error;
    },
  };
  return [view, { loadMore: () => void load(options.asked(), state.cursor, generation) }];
}
