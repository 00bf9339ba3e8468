import { Match, Show, Switch, type JSX } from 'solid-js';
import { formatAge } from '../i18n/figures';
import type { Messages } from '../i18n/fr';
import { locale, t } from '../i18n/locale';
import { isStale, type ConnectionStatus } from '../live/connection-status';
import { offlineMark } from '../session/offline-mark';
import { RefreshIcon } from './icons';

const STATUS_WORDS: Record<ConnectionStatus, (messages: Messages) => string> = {
  live: (m) => m.connectionLive,
  connecting: (m) => m.connectionConnecting,
  reconnecting: (m) => m.connectionReconnecting,
  offline: (m) => m.connectionOffline,
};

/** Live, connecting, reconnecting or offline: a dot and a word, announced politely when it changes. */
export function ConnectionBadge(props: { status: ConnectionStatus }): JSX.Element {
  return (
    <p class="connection" data-status={props.status} role="status">
      <span class="connection-dot" aria-hidden="true" />
      {STATUS_WORDS[props.status](t())}
    </p>
  );
}

/**
 * How old the figures are: "Mis à jour il y a 20 s", counted from the last proof they were current
 * (a message or a keep-alive answer). Not a live region: it ticks, and a screen reader reading
 * every tick would drown the figures.
 */
export function UpdatedAgo(props: { confirmedAt: number | null; now: number }): JSX.Element {
  const age = () => (props.confirmedAt === null ? null : formatAge(Math.max(0, props.now - props.confirmedAt), locale(), t()));
  return <Show when={age()}>{(text) => <p class="freshness">{t().updatedAgo(text())}</p>}</Show>;
}

/**
 * "hors ligne — chiffres d’il y a 12 min": figures kept on the phone while the server cannot be
 * reached, and since when (`since`, `now`: this phone's clock, ms). Not a live region, as it ticks.
 */
export function OfflineMark(props: { since: number; now: number }): JSX.Element {
  return <p class="offline-mark">{offlineMark(props.now - props.since, t())}</p>;
}

/**
 * When the figures are not live: they may be out of date, why, and a way to retry at once;
 * offline, how old they are (`confirmedAt`, the last proof they were current).
 */
export function StaleNotice(props: { status: ConnectionStatus; confirmedAt: number | null; now: number; onRetry: () => void }): JSX.Element {
  const offlineSince = () => (props.status === 'offline' ? props.confirmedAt : null);
  return (
    <Show when={isStale(props.status)}>
      <div class="notice notice-stale">
        <div>
          <p class="notice-title">{t().staleTitle}</p>
          <Show when={offlineSince()}>{(since) => <OfflineMark since={since()} now={props.now} />}</Show>
          <p>
            <Switch>
              <Match when={props.status === 'offline'}>{t().staleOffline}</Match>
              <Match when={props.status === 'reconnecting'}>{t().staleReconnecting}</Match>
              <Match when={props.status === 'connecting'}>{t().staleConnecting}</Match>
            </Switch>
          </p>
        </div>
        <Show when={props.status !== 'connecting'}>
          <button type="button" class="button button-quiet" onClick={() => props.onRetry()}>
            <RefreshIcon spinning={false} />
            <span>{t().retry}</span>
          </button>
        </Show>
      </div>
    </Show>
  );
}
