import { createEffect, createSignal, Show, type JSX } from 'solid-js';
import type { TodayEntry } from '../api/wire';
import { ClinicHeader } from '../components/ClinicHeader';
import { ConnectionBadge } from '../components/LiveStatus';
import { PresenceBadge, PresenceSwitch } from '../components/Presence';
import { QueueList, type EntryControls } from '../components/QueueList';
import { ReceptionDock } from '../components/ReceptionDock';
import { TicketQrDialog } from '../components/TicketQrDialog';
import { TodayForesight } from '../components/TodayForesight';
import { TodayPanel } from '../components/TodayPanel';
import { TodaySmsCard } from '../components/TodaySmsCard';
import { t } from '../i18n/locale';
import { createForesightStore } from '../live/foresight-store';
import { createLiveStore } from '../live/live-store';
import { createSmsMonthStore } from '../live/sms-month-store';
import { createReceptionStore } from '../reception/reception-store';
import { useSession } from '../session/SessionProvider';

/**
 * The doctor's default screen: the selected clinic's day, live, and what the forecast says of its
 * end and of tomorrow. Clinic members get reception's
 * controls (walk-ins, calls, each entry's next step, a waiting patient's ticket as a QR code, the
 * doctor's presence); the super admin reads the same screen without them.
 */
export default function Today(): JSX.Element {
  const [session, sessionActions] = useSession();
  const clinicId = () => session.clinic?.id ?? null;
  const canReceive = () => session.clinic !== null && session.clinic.role !== 'super_admin';
  // A refusal means the session or the membership ended: the session store finds out, and the
  // layout leads to the login screen or drops the clinic.
  const recheckSession = (): void => void sessionActions.reload();
  const [live, liveActions] = createLiveStore({ clinicId, onRefused: recheckSession });
  const [reception, receptionActions] = createReceptionStore({ clinicId, onSessionEnded: recheckSession });
  const foresight = createForesightStore({ clinicId, figuresChanged: () => live.snapshot?.figures.asOf });
  /** The SMS month and its budget are the owners' concern (they set the budget), and the super admin's. */
  const seesSmsBudget = () => session.clinic !== null && session.clinic.role !== 'staff';
  const smsMonth = createSmsMonthStore({ clinicId: () => (seesSmsBudget() ? clinicId() : null), figuresChanged: () => live.snapshot?.figures.asOf });
  /** The waiting patient whose ticket link is shown as a QR code, if any. */
  const [ticketFor, setTicketFor] = createSignal<TodayEntry | null>(null);

  const entryControls = (): EntryControls | null => {
    if (!canReceive()) return null;
    const sending = reception.sending;
    return {
      busy: sending !== null,
      sendingFor: sending?.kind === 'entry' ? { entryId: sending.entryId, action: sending.action } : null,
      move: (entry, action) => {
        void receptionActions.send({ kind: 'entry', action, entryId: entry.entryId, ticketNumber: entry.ticketNumber });
      },
      showTicket: (entry) => setTicketFor(entry),
    };
  };

  createEffect(() => {
    document.title = `${t().todayTitle} · ${t().appName}`;
  });

  return (
    <section class="screen today" aria-labelledby="today-title">
      <div class="screen-head">
        <h1 id="today-title">{t().todayTitle}</h1>
        <Show when={session.clinic}>
          <ConnectionBadge status={live.status} />
        </Show>
      </div>
      <ClinicHeader />
      <Show when={session.clinic}>
        <TodayPanel
          live={live}
          actions={liveActions}
          presence={(snapshot) => (
            <Show when={canReceive()} fallback={<PresenceBadge present={snapshot().figures.doctorPresent} />}>
              <PresenceSwitch
                present={snapshot().figures.doctorPresent}
                busy={reception.sending !== null}
                onChange={(present) => void receptionActions.send({ kind: 'presence', present })}
              />
            </Show>
          )}
        >
          {(day) => (
            <>
              <TodayForesight foresight={foresight} />
              <Show when={smsMonth()}>{(sms) => <TodaySmsCard sms={sms()} />}</Show>
              <QueueList
                entries={day.snapshot().entries}
                asOf={day.snapshot().figures.asOf}
                elapsedMs={day.stale() ? 0 : Math.max(0, day.now() - day.snapshot().receivedAt)}
                controls={entryControls()}
              />
            </>
          )}
        </TodayPanel>
        <Show when={canReceive()} fallback={<p class="footnote">{t().readOnly}</p>}>
          <ReceptionDock reception={reception} actions={receptionActions} entries={live.snapshot?.entries ?? []} />
        </Show>
        <Show when={session.clinic}>
          {(clinic) => (
            <Show when={ticketFor()} keyed>
              {(entry) => (
                <TicketQrDialog clinicId={clinic().id} entry={entry} timeZone={clinic().timezone} onClose={() => setTicketFor(null)} onSessionEnded={recheckSession} />
              )}
            </Show>
          )}
        </Show>
      </Show>
    </section>
  );
}
