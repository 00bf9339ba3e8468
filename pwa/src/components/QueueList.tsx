import { createMemo, createSignal, For, onCleanup, Show, type JSX } from 'solid-js';
import type { EntryAction } from '../api/queue';
import type { TodayEntry } from '../api/wire';
import { formatMinutes } from '../i18n/figures';
import { locale, t } from '../i18n/locale';
import { minutesWaitedNow } from '../live/clock-figures';
import { positionWords, quoteWords, rangeWords } from '../live/estimate-words';
import { walkOutMark } from '../live/walk-out-words';
import { groupEntries, needsConfirmation, nextSteps } from '../reception/entry-actions';
import { MoreIcon } from './icons';

/** What the list needs from reception; absent for those who only read the screen. */
export interface EntryControls {
  busy: boolean;
  /** The entry whose step is on its way, to say so on its button. */
  sendingFor: { entryId: string; action: EntryAction } | null;
  move(entry: TodayEntry, action: EntryAction): void;
  /** Shows a waiting patient the link to their live ticket page, as a QR code. */
  showTicket(entry: TodayEntry): void;
}

/**
 * Today's list: who is with the doctor, who waits (in ticket order), and, folded, who is done.
 * Tickets, states in words and minutes waited; each waiting patient's place in the line and the
 * range of their wait, as the queue last estimated it; for those called, what they had been told
 * beside what they waited; a waiting patient likely to leave before being called is marked.
 * Reception gets each entry's next steps, and each waiting patient's ticket as a QR code for
 * their phone.
 */
export function QueueList(props: {
  entries: readonly TodayEntry[];
  asOf: string;
  elapsedMs: number;
  controls: EntryControls | null;
}): JSX.Element {
  const groups = createMemo(() => groupEntries(props.entries));
  const row = (entry: TodayEntry) => <EntryRow entry={entry} asOf={props.asOf} elapsedMs={props.elapsedMs} controls={props.controls} />;
  return (
    <section class="card queue" aria-labelledby="queue-title">
      <h2 id="queue-title">{t().queueTitle}</h2>
      <Show when={props.entries.length > 0} fallback={<p class="footnote">{t().queueEmpty}</p>}>
        <Show when={groups().current.length > 0}>
          <h3 class="card-label">{t().queueCurrent}</h3>
          <ol class="entries">
            <For each={groups().current}>{row}</For>
          </ol>
        </Show>
        <h3 class="card-label">{t().queueWaiting}</h3>
        <Show when={groups().waiting.length > 0} fallback={<p class="footnote">{t().nobodyWaiting}</p>}>
          <ol class="entries">
            <For each={groups().waiting}>{row}</For>
          </ol>
        </Show>
        <Show when={groups().done.length > 0}>
          <details class="done">
            <summary>{t().queueDone(groups().done.length)}</summary>
            <ol class="entries">
              <For each={groups().done}>{row}</For>
            </ol>
          </details>
        </Show>
      </Show>
    </section>
  );
}

/** After a first tap on an irreversible step, how long the second tap may come. */
const CONFIRM_WINDOW_MS = 4_000;

function EntryRow(props: { entry: TodayEntry; asOf: string; elapsedMs: number; controls: EntryControls | null }): JSX.Element {
  const minutes = () => formatMinutes(minutesWaitedNow(props.entry, props.asOf, props.elapsedMs), t());
  // As received: the queue estimates again with every change, and a range slid by the clock alone
  // would shrink toward "now" exactly when the doctor is slower than expected.
  const waiting = () => props.entry.state === 'waiting';
  const position = () => (waiting() && props.entry.position !== null ? positionWords(props.entry.position, locale(), t()) : null);
  const estimate = () => (waiting() && props.entry.estimate !== null ? rangeWords(props.entry.estimate, t()) : null);
  const quoted = () => quoteWords(props.entry, t());
  const walkOut = () => walkOutMark(props.entry, locale(), t());
  // Waiting rows are many and their steps rare (reception calls the next patient from the dock):
  // their steps fold behind one button. Rows with the doctor show theirs at once.
  const folds = () => props.entry.state === 'waiting';
  const [open, setOpen] = createSignal(false);
  const controls = () => (props.controls !== null && nextSteps(props.entry.state).length > 0 ? props.controls : null);
  const stepsId = () => `steps-${props.entry.entryId}`;
  return (
    <li class="entry" data-state={props.entry.state}>
      <span class="entry-ticket">
        <span class="visually-hidden">{t().ticket(props.entry.ticketNumber)}</span>
        <span aria-hidden="true">{props.entry.ticketNumber}</span>
      </span>
      <div class="entry-main">
        <p class="entry-line">
          <span class="entry-state">{position() ?? t().entryStates[props.entry.state]}</span>
          <Show when={estimate()}>
            {(range) => (
              <span class="entry-estimate">
                <span aria-hidden="true">{range().text}</span>
                <span class="visually-hidden">{range().spoken}</span>
              </span>
            )}
          </Show>
          <span class="entry-method">{t().entryMethod[props.entry.method]}</span>
          <Show when={walkOut()}>
            {(mark) => (
              <span class="entry-risk" data-level={mark().level} title={mark().spoken}>
                <span aria-hidden="true">{mark().text}</span>
                <span class="visually-hidden">{mark().spoken}</span>
              </span>
            )}
          </Show>
        </p>
        <p class="footnote">
          {props.entry.state === 'waiting' ? t().waitingFor(minutes()) : t().waited(minutes())}
          <Show when={quoted()}>{(words) => <span class="entry-quote"> · {words()}</span>}</Show>
        </p>
      </div>
      <Show when={controls()}>
        {(current) => (
          <>
            <Show when={folds()}>
              <div class="entry-buttons">
                <button
                  type="button"
                  class="button button-small button-quiet"
                  aria-haspopup="dialog"
                  aria-label={t().ticketQrLabel(props.entry.ticketNumber)}
                  onClick={() => current().showTicket(props.entry)}
                >
                  {t().ticketQr}
                </button>
                <button
                  type="button"
                  class="icon-button entry-more"
                  aria-expanded={open()}
                  aria-controls={stepsId()}
                  aria-label={t().entryMoreLabel(props.entry.ticketNumber)}
                  title={t().entryMore}
                  onClick={() => setOpen(!open())}
                >
                  <MoreIcon />
                </button>
              </div>
            </Show>
            <Show when={!folds() || open()}>
              <EntrySteps entry={props.entry} controls={current()} id={stepsId()} />
            </Show>
          </>
        )}
      </Show>
    </li>
  );
}

function EntrySteps(props: { entry: TodayEntry; controls: EntryControls; id: string }): JSX.Element {
  const [armed, setArmed] = createSignal<EntryAction | null>(null);
  let disarm: number | undefined;
  onCleanup(() => window.clearTimeout(disarm));

  const press = (action: EntryAction): void => {
    window.clearTimeout(disarm);
    if (needsConfirmation(action) && armed() !== action) {
      setArmed(action);
      disarm = window.setTimeout(() => setArmed(null), CONFIRM_WINDOW_MS);
      return;
    }
    setArmed(null);
    props.controls.move(props.entry, action);
  };

  return (
    <div class="entry-actions" id={props.id}>
      <For each={nextSteps(props.entry.state)}>
        {(action) => {
          const label = () => t().entryActionLabels[action](props.entry.ticketNumber);
          const sending = () => props.controls.sendingFor?.entryId === props.entry.entryId && props.controls.sendingFor.action === action;
          return (
            <button
              type="button"
              class="button button-small"
              classList={{ 'button-quiet': armed() !== action, 'button-danger': armed() === action }}
              disabled={props.controls.busy}
              aria-label={armed() === action ? t().confirmLabel(label()) : label()}
              onClick={() => press(action)}
            >
              {sending() ? t().sending : armed() === action ? t().confirm : t().entryActions[action]}
            </button>
          );
        }}
      </For>
    </div>
  );
}
