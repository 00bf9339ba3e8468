import { ErrorBoundary, lazy, Suspense, type JSX } from 'solid-js';
import type { TodayEntry } from '../api/wire';
import { t } from '../i18n/locale';

/** The dialog and its QR code generator stay out of the first load: fetched on first use. */
const TicketQrDialog = lazy(() => import('./TicketQrDialog'));

/**
 * Reception's QR code of a waiting patient's ticket link (TicketQrDialog.tsx), fetched on first
 * use. If its code cannot arrive (this page predates a deploy that replaced its files), a way to
 * reload instead.
 */
export function TicketQr(props: { clinicId: string; entry: TodayEntry; timeZone: string; onClose: () => void; onSessionEnded: () => void }): JSX.Element {
  return (
    <ErrorBoundary
      fallback={
        <div class="notice notice-danger" role="alert">
          <p class="notice-title">{t().screenLoadFailed}</p>
          <button type="button" class="button" onClick={() => window.location.reload()}>
            {t().reloadPage}
          </button>
        </div>
      }
    >
      <Suspense>
        <TicketQrDialog {...props} />
      </Suspense>
    </ErrorBoundary>
  );
}
