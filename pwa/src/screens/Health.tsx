import {
  createEffect,
  createResource,
  ErrorBoundary,
  onCleanup,
  Show,
  Suspense,
  useTransition,
  type JSX,
} from 'solid-js';
import type { Health as HealthDocument } from '../api/health';
import { checkHealth, type HealthReading } from '../api/health-check';
import { DatabaseIcon, RefreshIcon } from '../components/icons';
import { formatCheckTime, formatLatency } from '../i18n/format';
import { locale, t } from '../i18n/locale';

/** How often the screen checks again on its own. */
const REFRESH_SECONDS = 15;

/** The home screen: is Pulse's service up, and is its database answering? */
export default function Health(): JSX.Element {
  const [reading, { refetch }] = createResource(checkHealth);
  const [refreshing, startRefresh] = useTransition();
  // Set while the error boundary shows a malformed answer, so that automatic checks, not
  // only the retry button, can bring the report back.
  let resetAfterError: (() => void) | null = null;
  const refresh = (): void => {
    if (resetAfterError !== null) {
      const reset = resetAfterError;
      resetAfterError = null;
      void refetch();
      reset();
      return;
    }
    // Inside a transition the current figures stay on screen while the next check runs,
    // instead of the Suspense placeholder flashing every 15 seconds.
    void startRefresh(() => {
      void refetch();
    });
  };

  const timer = window.setInterval(refresh, REFRESH_SECONDS * 1000);
  window.addEventListener('online', refresh);
  onCleanup(() => {
    window.clearInterval(timer);
    window.removeEventListener('online', refresh);
  });
  createEffect(() => {
    document.title = `${t().healthTitle} · ${t().appName}`;
  });

  return (
    <section class="screen" aria-labelledby="health-title">
      <div class="screen-head">
        <h1 id="health-title">{t().healthTitle}</h1>
        <button type="button" class="button" onClick={refresh}>
          <RefreshIcon spinning={refreshing()} />
          <span>{refreshing() ? t().refreshing : t().refresh}</span>
        </button>
      </div>
      <ErrorBoundary
        fallback={(error: unknown, reset) => {
          resetAfterError = reset;
          return (
            <div class="notice notice-danger" role="alert">
              <p class="notice-title">{t().unexpectedAnswer}</p>
              <p class="notice-detail">{error instanceof Error ? error.message : String(error)}</p>
              <button type="button" class="button" onClick={refresh}>
                {t().retry}
              </button>
            </div>
          );
        }}
      >
        <Suspense fallback={<p class="checking">{t().checking}</p>}>
          <Show when={reading()}>{(current) => <HealthReport reading={current()} />}</Show>
        </Suspense>
      </ErrorBoundary>
      <p class="footnote">{t().autoRefresh(REFRESH_SECONDS)}</p>
    </section>
  );
}

function HealthReport(props: { reading: HealthReading }): JSX.Element {
  return (
    <>
      <Show when={props.reading.source === 'lastKnown'}>
        <div class="notice notice-danger" role="status">
          <p class="notice-title">{t().serverUnreachable}</p>
          <p>{props.reading.health === null ? t().nothingKnownYet : t().showingLastKnown}</p>
        </div>
      </Show>
      <Show when={props.reading.health}>
        {(health) => <HealthCard health={health()} lastKnown={props.reading.source === 'lastKnown'} />}
      </Show>
    </>
  );
}

function HealthCard(props: { health: HealthDocument; lastKnown: boolean }): JSX.Element {
  const database = () => props.health.database;
  const latency = (): string | null => {
    const current = database();
    return current.reachable ? formatLatency(current.latencyMs, locale()) : null;
  };
  const failure = (): string | null => {
    const current = database();
    return current.reachable ? null : current.error;
  };
  // The database has its own line above; the other parts are named here.
  const otherFailures = (): string | null => {
    const parts = props.health.failing.filter((part) => part !== 'database').map((part) => t().healthParts[part]);
    return parts.length === 0 ? null : t().failingParts(parts.join(', '));
  };
  return (
    <article class="health-card" classList={{ 'last-known': props.lastKnown }}>
      <p class="status-badge" data-status={props.health.status}>
        <span class="status-dot" aria-hidden="true" />
        {props.health.status === 'ok' ? t().statusOk : t().statusDegraded}
      </p>
      <div class="database" data-reachable={String(database().reachable)}>
        <DatabaseIcon />
        <span class="database-state">{database().reachable ? t().databaseReachable : t().databaseUnreachable}</span>
        <Show when={latency()}>
          {(text) => (
            <span class="latency">
              <span class="visually-hidden">{t().latency} </span>
              {text()}
            </span>
          )}
        </Show>
      </div>
      <Show when={failure()}>{(error) => <p class="database-error">{error()}</p>}</Show>
      <Show when={otherFailures()}>{(text) => <p class="failing-parts">{text()}</p>}</Show>
      <dl class="facts">
        <div>
          <dt>{t().version}</dt>
          <dd>{props.health.version}</dd>
        </div>
        <div>
          <dt>{t().lastCheck}</dt>
          <dd>
            <time datetime={props.health.time}>{formatCheckTime(props.health.time, locale(), new Date())}</time>
          </dd>
        </div>
      </dl>
    </article>
  );
}
