import { Show, type JSX } from 'solid-js';
import type { CheckInMethod, TodayEntry } from '../api/wire';
import { t } from '../i18n/locale';
import { describeReceptionError } from '../i18n/reception-errors';
import type { ReceptionActions, ReceptionDone, ReceptionView } from '../reception/reception-store';

/** The outcome of the last command in words, with the ticket once the live list has it. */
function doneWords(done: ReceptionDone, entries: readonly TodayEntry[]): string | null {
  const entry = done.entryId === null ? undefined : entries.find((candidate) => candidate.entryId === done.entryId);
  switch (done.command.kind) {
    case 'walkIn':
      return entry === undefined ? t().walkInAddedNoTicket : t().walkInAdded(entry.ticketNumber);
    case 'callNext':
      return entry === undefined ? null : t().patientCalled(entry.ticketNumber);
    case 'entry':
      return entry === undefined ? null : t().entryMoved(entry.ticketNumber, t().entryStates[entry.state]);
    case 'presence':
      return done.command.present ? t().doctorPresent : t().doctorAway;
  }
}

/**
 * Reception's two everyday actions, kept at the bottom of the screen within thumb reach: add a
 * walk-in (checked in by hand unless QR is chosen) and call the next patient. Says in words what
 * happened or what went wrong, and waits for one command before the next.
 */
export function ReceptionDock(props: { reception: ReceptionView; actions: ReceptionActions; entries: readonly TodayEntry[] }): JSX.Element {
  const busy = () => props.reception.sending !== null;
  const sendingKind = () => props.reception.sending?.kind ?? null;
  const feedback = () => {
    const done = props.reception.done;
    return done === null ? null : doneWords(done, props.entries);
  };
  const method = (value: CheckInMethod, label: string) => (
    <label class="segment">
      <input
        type="radio"
        name="check-in-method"
        value={value}
        checked={props.reception.method === value}
        onChange={() => props.actions.chooseMethod(value)}
      />
      <span>{label}</span>
    </label>
  );
  return (
    <section class="reception-dock" aria-label={t().receptionTitle}>
      <Show when={props.reception.failure}>
        {(failure) => (
          <p class="form-error" role="alert">
            {describeReceptionError(failure().error, failure().command, t())}
          </p>
        )}
      </Show>
      <div class="dock-line">
        <fieldset class="segmented">
          <legend class="visually-hidden">{t().checkInMethod}</legend>
          {method('manual', t().methodManual)}
          {method('qr', t().methodQr)}
        </fieldset>
        <p class="dock-feedback" role="status">
          {feedback()}
        </p>
      </div>
      <div class="dock-buttons">
        <button
          type="button"
          class="button button-quiet dock-button"
          disabled={busy()}
          onClick={() => void props.actions.send({ kind: 'walkIn', method: props.reception.method })}
        >
          {sendingKind() === 'walkIn' ? t().sending : t().addWalkIn}
        </button>
        <button type="button" class="button dock-button" disabled={busy()} onClick={() => void props.actions.send({ kind: 'callNext' })}>
          {sendingKind() === 'callNext' ? t().sending : t().callNext}
        </button>
      </div>
    </section>
  );
}
