import { createAsync, useParams, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, Match, Show, Switch, type JSX } from 'solid-js';
import { ApiError } from '../api/errors';
import { fetchSharedAnalytics, type SharedToday } from '../api/shared';
import type { Timeframe } from '../api/history';
import { HistoryFigures } from '../components/history/HistoryFigures';
import { HistoryPanel } from '../components/history/HistoryPanel';
import { TimeframePicker } from '../components/history/TimeframePicker';
import { UpdatedAgo } from '../components/LiveStatus';
import { PresenceBadge } from '../components/Presence';
import { TodayFigures } from '../components/TodayFigures';
import { UnusualNotice } from '../components/UnusualNotice';
import { locale, t } from '../i18n/locale';
import { timeframeOf } from '../history/timeframe';
import { createTicker } from '../live/ticker';
import { formatShareExpiry } from '../settings/share-link-words';
import { createSharedDay } from '../shared/shared-day';

/** "Mis à jour il y a …" and the waits move by the second at most. */
const TICK_MS = 1_000;

/**
 * What someone holding a read-only share link sees (`/shared/<token>`), without an account: the
 * clinic's name and its day's figures, read again every 15 s, and for a `history` link a second
 * view with the window's figures. Nothing else: no queue with its patients, no reception action, no
 * way into the members' screens. A link that does not open (unknown, expired, revoked) says so,
 * and nothing it showed before stays on screen.
 */
export default function Shared(): JSX.Element {
  const params = useParams<{ token: string }>();
  const [search, setSearch] = useSearchParams();
  const [day, actions] = createSharedDay(() => params.token);
  const view = () => (search['view'] === 'history' && day.today?.scope === 'history' ? 'history' : 'today');

  createEffect(() => {
    const name = day.today?.clinic.name;
    document.title = day.status === 'invalid' ? `${t().sharedInvalidTitle} · ${t().appName}` : `${name ?? t().todayTitle} · ${t().appName}`;
  });

  return (
    <section class="screen today shared" aria-labelledby="shared-title">
      <Switch fallback={<p class="checking">{t().sharedLoading}</p>}>
        <Match when={day.status === 'invalid'}>
          <h1 id="shared-title">{t().sharedInvalidTitle}</h1>
          <p>{t().sharedInvalidText}</p>
        </Match>
        <Match when={day.today}>
          {(today) => (
            <>
              <div class="screen-head">
                <h1 id="shared-title">{today().clinic.name}</h1>
                <p class="chip shared-badge">{t().sharedBadge}</p>
              </div>
              <Show when={today().scope === 'history'}>
                <div class="segmented shared-views" role="group" aria-label={t().sharedViews}>
                  <button type="button" class="segment" aria-pressed={view() === 'today'} onClick={() => setSearch({ view: undefined }, { replace: true })}>
                    {t().todayTitle}
                  </button>
                  <button type="button" class="segment" aria-pressed={view() === 'history'} onClick={() => setSearch({ view: 'history' }, { replace: true })}>
                    {t().historyTitle}
                  </button>
                </div>
              </Show>
              <Show
                when={view() === 'history'}
                fallback={<SharedDay today={today()} receivedAt={day.receivedAt} stale={day.status === 'stale'} />}
              >
                <SharedHistory
                  token={params.token}
                  timeframe={timeframeOf(search['timeframe'])}
                  onTimeframe={(timeframe) => setSearch({ timeframe }, { replace: true })}
                  onLinkClosed={actions.retryNow}
                />
              </Show>
              <p class="footnote">{t().sharedUntil(formatShareExpiry(today().expiresAt, locale(), today().clinic.timezone))}</p>
            </>
          )}
        </Match>
        <Match when={day.status === 'stale'}>
          <div class="notice notice-danger" role="alert">
            <p class="notice-title">{t().sharedUnreachable}</p>
            <button type="button" class="button" onClick={() => actions.retryNow()}>
              {t().retry}
            </button>
          </div>
        </Match>
      </Switch>
    </section>
  );
}

/** The day's figures as members see them on Aujourd'hui, with the doctor's presence as a badge: nothing to press. */
function SharedDay(props: { today: SharedToday; receivedAt: number | null; stale: boolean }): JSX.Element {
  const now = createTicker(TICK_MS);
  const snapshot = () => ({ figures: props.today.figures, entries: [], receivedAt: props.receivedAt ?? now() });
  return (
    <>
      <UpdatedAgo confirmedAt={props.receivedAt} now={now()} />
      <Show when={props.stale}>
        <div class="notice notice-stale" role="status">
          <p>{t().sharedStale}</p>
        </div>
      </Show>
      <TodayFigures snapshot={snapshot()} stale={props.stale} now={now()} presence={<PresenceBadge present={props.today.figures.doctorPresent} />} />
      <UnusualNotice unusual={props.today.figures.unusual} />
    </>
  );
}

/**
 * A `history` link's second view: the window's figures against the window before, the window kept
 * in the address. A link revoked meanwhile answers 404: the day is asked again, which closes the page.
 */
function SharedHistory(props: { token: string; timeframe: Timeframe; onTimeframe: (timeframe: Timeframe) => void; onLinkClosed: () => void }): JSX.Element {
  const [attempt, setAttempt] = createSignal(0);
  const answer = createAsync(() => {
    attempt();
    return fetchSharedAnalytics(props.token, props.timeframe).catch((error: unknown) => {
      if (error instanceof ApiError && error.code === 'NOT_FOUND') props.onLinkClosed();
      throw error;
    });
  });
  return (
    <>
      <TimeframePicker value={props.timeframe} onChange={(next) => props.onTimeframe(next)} />
      <HistoryPanel title={t().historyFiguresTitle} answer={answer} onRetry={() => setAttempt((n) => n + 1)} flat>
        {(analytics) => <HistoryFigures answer={analytics()} />}
      </HistoryPanel>
    </>
  );
}
