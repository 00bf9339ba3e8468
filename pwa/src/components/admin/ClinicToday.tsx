import type { JSX } from 'solid-js';
import { t } from '../../i18n/locale';
import { createLiveStore } from '../../live/live-store';
import { useSession } from '../../session/SessionProvider';
import { ConnectionBadge } from '../LiveStatus';
import { PresenceBadge } from '../Presence';
import { TodayPanel } from '../TodayPanel';

/**
 * A clinic's day, live, as its doctor sees it on Aujourd'hui, in read-only mode: the same figure
 * cards and presence, no reception controls.
 */
export function ClinicToday(props: { clinicId: string }): JSX.Element {
  const [, sessionActions] = useSession();
  const [live, liveActions] = createLiveStore({ clinicId: () => props.clinicId, onRefused: () => void sessionActions.reload() });
  return (
    <section class="admin-section" aria-labelledby="clinic-today-title">
      <div class="screen-head">
        <h2 id="clinic-today-title">{t().todayTitle}</h2>
        <ConnectionBadge status={live.status} />
      </div>
      <TodayPanel live={live} actions={liveActions} presence={(snapshot) => <PresenceBadge present={snapshot().figures.doctorPresent} />} />
    </section>
  );
}
