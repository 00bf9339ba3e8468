import { Show, type JSX } from 'solid-js';
import { t } from '../../i18n/locale';
import { isStale } from '../../live/connection-status';
import { createLiveStore } from '../../live/live-store';
import { createTicker } from '../../live/ticker';
import { useSession } from '../../session/SessionProvider';
import { ConnectionBadge, StaleNotice, UpdatedAgo } from '../LiveStatus';
import { PresenceBadge } from '../Presence';
import { TodayFigures } from '../TodayFigures';

/** The waits and "… ago" move by the second, as on Aujourd'hui. */
const TICK_MS = 1_000;

/**
 * A clinic's day, live, as its doctor sees it on Aujourd'hui, in read-only mode: the same figure
 * cards and presence, no reception controls.
 */
export function ClinicToday(props: { clinicId: string }): JSX.Element {
  const [, sessionActions] = useSession();
  const [live, liveActions] = createLiveStore({ clinicId: () => props.clinicId, onRefused: () => void sessionActions.reload() });
  const now = createTicker(TICK_MS);
  return (
    <section class="admin-section" aria-labelledby="clinic-today-title">
      <div class="screen-head">
        <h2 id="clinic-today-title">{t().todayTitle}</h2>
        <ConnectionBadge status={live.status} />
      </div>
      <Show when={live.snapshot} fallback={<p class="checking">{t().loadingFigures}</p>}>
        {(snapshot) => (
          <>
            <UpdatedAgo confirmedAt={live.confirmedAt} now={now()} />
            <StaleNotice status={live.status} onRetry={liveActions.retryNow} />
            <TodayFigures
              snapshot={snapshot()}
              stale={isStale(live.status)}
              now={now()}
              presence={<PresenceBadge present={snapshot().figures.doctorPresent} />}
            />
          </>
        )}
      </Show>
    </section>
  );
}
