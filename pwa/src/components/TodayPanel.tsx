import { Show, type Accessor, type JSX } from 'solid-js';
import { t } from '../i18n/locale';
import { isStale } from '../live/connection-status';
import type { LiveSnapshot } from '../live/last-snapshot';
import type { LiveActions, LiveView } from '../live/live-store';
import { createTicker } from '../live/ticker';
import { StaleNotice, UpdatedAgo } from './LiveStatus';
import { TodayFigures } from './TodayFigures';
import { UnusualNotice } from './UnusualNotice';

/** "Mis à jour il y a …" and the waits move by the second at most. */
const TICK_MS = 1_000;

/** The day as the panel shows it, for what follows the figures (the queue, on Aujourd'hui). */
export interface LiveDay {
  snapshot: Accessor<LiveSnapshot>;
  now: Accessor<number>;
  /** The line is down: figures are as last received, and waits stop moving. */
  stale: Accessor<boolean>;
}

/**
 * A clinic's day, live, as Aujourd'hui and the admin's clinic page show it: since when it is
 * confirmed, a notice while it is stale, the figure cards with the doctor's presence, what is
 * unusual for the hour, then `children` if any. Figures wait for the first snapshot (live or remembered on the phone).
 */
export function TodayPanel(props: {
  live: LiveView;
  actions: LiveActions;
  presence: (snapshot: Accessor<LiveSnapshot>) => JSX.Element;
  children?: (day: LiveDay) => JSX.Element;
}): JSX.Element {
  const now = createTicker(TICK_MS);
  const stale = () => isStale(props.live.status);
  return (
    <Show when={props.live.snapshot} fallback={<p class="checking">{t().loadingFigures}</p>}>
      {(snapshot) => (
        <>
          <UpdatedAgo confirmedAt={props.live.confirmedAt} now={now()} />
          <StaleNotice status={props.live.status} confirmedAt={props.live.confirmedAt} now={now()} onRetry={props.actions.retryNow} />
          <TodayFigures snapshot={snapshot()} stale={stale()} now={now()} presence={props.presence(snapshot)} />
          <UnusualNotice unusual={snapshot().figures.unusual} />
          {props.children?.({ snapshot, now, stale })}
        </>
      )}
    </Show>
  );
}
