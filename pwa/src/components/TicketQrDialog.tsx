import { createSignal, Match, onMount, Switch, type JSX } from 'solid-js';
import { ApiError } from '../api/errors';
import { fetchTicketLink, type TicketLink } from '../api/tickets';
import type { TodayEntry } from '../api/wire';
import { locale, t } from '../i18n/locale';
import { describeTicketLinkError } from '../i18n/ticket-link-errors';
import type { QrSymbol } from '../reception/ticket-qr';

type Shown =
  | { kind: 'asking' }
  | { kind: 'ready'; link: TicketLink; symbol: QrSymbol }
  | { kind: 'failed'; error: unknown }
  /** The QR code's own file could not be fetched: this page predates a deploy that replaced it. */
  | { kind: 'outdated' };

/**
 * A waiting patient's ticket as reception shows it at the desk: the QR code of the link to their
 * live ticket page, for their phone's camera, with the ticket number, the link in words and until
 * when it opens. The browser's own modal dialog: focus stays inside, Escape or the button closes
 * it. The QR code generator is fetched when a dialog first opens, never with the first screen.
 */
export function TicketQrDialog(props: {
  clinicId: string;
  entry: TodayEntry;
  /** The clinic's zone, in which the link's last moment is said. */
  timeZone: string;
  onClose: () => void;
  /** The API answered UNAUTHORIZED: the session store must find out. */
  onSessionEnded: () => void;
}): JSX.Element {
  let dialog: HTMLDialogElement | undefined;
  const [shown, setShown] = createSignal<Shown>({ kind: 'asking' });
  const ready = () => {
    const now = shown();
    return now.kind === 'ready' ? now : null;
  };
  const failure = () => {
    const now = shown();
    return now.kind === 'failed' ? now : null;
  };
  const validUntil = (expiresAt: string) =>
    new Intl.DateTimeFormat(locale(), { timeZone: props.timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(expiresAt));

  onMount(() => {
    dialog?.showModal();
    const drawing = import('../reception/ticket-qr').catch(() => null);
    fetchTicketLink(props.clinicId, props.entry.entryId).then(
      async (link) => {
        const qr = await drawing;
        setShown(qr === null ? { kind: 'outdated' } : { kind: 'ready', link, symbol: qr.qrSymbolOf(link.url) });
      },
      (error: unknown) => {
        setShown({ kind: 'failed', error });
        if (error instanceof ApiError && error.code === 'UNAUTHORIZED') props.onSessionEnded();
      },
    );
  });

  return (
    <dialog
      ref={dialog}
      class="ticket-dialog"
      aria-labelledby="ticket-dialog-title"
      onClose={() => props.onClose()}
      // A tap on the backdrop closes it too: only the backdrop is the dialog itself (its content fills it).
      onClick={(event) => {
        if (event.target === dialog) dialog.close();
      }}
    >
      <div class="ticket-dialog-content">
        <h2 id="ticket-dialog-title">{t().ticketQrTitle(props.entry.ticketNumber)}</h2>
        <Switch>
          <Match when={ready()}>
            {(now) => (
              <>
                <svg
                  class="ticket-qr"
                  viewBox={`0 0 ${now().symbol.size} ${now().symbol.size}`}
                  role="img"
                  aria-label={t().ticketQrImage(props.entry.ticketNumber)}
                  shape-rendering="crispEdges"
                >
                  {/* Dark on light whatever the theme: cameras read codes that way round. */}
                  <rect width={now().symbol.size} height={now().symbol.size} fill="#ffffff" />
                  <path d={now().symbol.path} fill="#000000" />
                </svg>
                <p class="footnote">{t().ticketQrHint}</p>
                <p class="ticket-link">{now().link.url}</p>
                <p class="footnote">{t().ticketQrValidUntil(validUntil(now().link.expiresAt))}</p>
              </>
            )}
          </Match>
          <Match when={failure()}>
            {(now) => (
              <p class="form-error" role="alert">
                {describeTicketLinkError(now().error, props.entry.ticketNumber, t())}
              </p>
            )}
          </Match>
          <Match when={shown().kind === 'outdated'}>
            <p class="form-error" role="alert">
              {t().screenLoadFailed}
            </p>
          </Match>
          <Match when={shown().kind === 'asking'}>
            <p class="checking" role="status">
              {t().ticketQrLoading}
            </p>
          </Match>
        </Switch>
        <button type="button" class="button" onClick={() => dialog?.close()}>
          {t().ticketQrClose}
        </button>
      </div>
    </dialog>
  );
}
