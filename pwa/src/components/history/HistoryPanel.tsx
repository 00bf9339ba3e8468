import type { AccessorWithLatest } from '@solidjs/router';
import { Show, type Accessor, type JSX } from 'solid-js';
import type { AnalyticsAnswer } from '../../api/history';
import { formatAge } from '../../i18n/figures';
import { locale, t } from '../../i18n/locale';
import { createTicker } from '../../live/ticker';
import { DataPanel } from '../DataPanel';
import { OfflineMark } from '../LiveStatus';

/**
 * What every history answer says about its freshness: from the API's cache while the database is
 * down (`stale`, `ageSeconds`), or kept on the phone while the server cannot be reached (`keptAt`,
 * history/kept-answers.ts).
 */
type Freshness = Pick<AnalyticsAnswer, 'stale' | 'ageSeconds'> & { keptAt?: number };

/** The offline mark counts in minutes: checking twice as often keeps it within a minute's truth. */
const OFFLINE_TICK_MS = 30_000;

/** An answer kept on the phone, shown while the server cannot be reached: offline, and how old. */
function KeptNotice(props: { keptAt: number }): JSX.Element {
  const now = createTicker(OFFLINE_TICK_MS);
  return (
    <div class="notice notice-stale">
      <div>
        <OfflineMark since={props.keptAt} now={now()} />
      </div>
    </div>
  );
}

/** An answer served from the cache while the database is down: how old, and why. */
function CachedNotice(props: { answer: Freshness }): JSX.Element {
  const age = () => {
    const seconds = props.answer.ageSeconds;
    return seconds === undefined ? t().cachedAnswerAgeUnknown : t().cachedAnswer(formatAge(seconds * 1000, locale(), t()));
  };
  return (
    <Show when={props.answer.stale === true}>
      <div class="notice notice-stale" role="status">
        <div>
          <p class="notice-title">{age()}</p>
          <p>{t().cachedAnswerWhy}</p>
        </div>
      </div>
    </Show>
  );
}

export interface HistoryPanelProps<Answer extends Freshness> {
  title: string;
  answer: AccessorWithLatest<Answer | undefined>;
  /** Asks the API again after a failure. */
  onRetry: () => void;
  /** Drawn as a card (charts), or flat (the figure cards, which are cards themselves). */
  flat?: boolean;
  /** What shows while the first answer loads; the history's words when omitted. */
  loading?: string;
  children: (answer: Accessor<Answer>) => JSX.Element;
}

/**
 * One part of the history screen and its own answer (a DataPanel), saying so when the answer comes
 * from the API's cache because the database is down, or from the phone because the server cannot
 * be reached.
 */
export function HistoryPanel<Answer extends Freshness>(props: HistoryPanelProps<Answer>): JSX.Element {
  return (
    <DataPanel title={props.title} answer={props.answer} onRetry={props.onRetry} loading={props.loading ?? t().historyLoading} card={props.flat !== true}>
      {(answer) => (
        <>
          <Show when={answer().keptAt} fallback={<CachedNotice answer={answer()} />}>
            {(keptAt) => <KeptNotice keptAt={keptAt()} />}
          </Show>
          {props.children(answer)}
        </>
      )}
    </DataPanel>
  );
}
