import { A, useParams, useSearchParams } from '@solidjs/router';
import { createEffect, ErrorBoundary, Show, Suspense, type JSX } from 'solid-js';
import type { AdminClinic } from '../../api/admin';
import { ApiError } from '../../api/errors';
import type { Timeframe } from '../../api/history';
import { ADMIN_ACCESS_LOST, adminClinicQuery } from '../../admin/admin-queries';
import { ArchiveClinic } from '../../components/admin/ArchiveClinic';
import { EraseClinic } from '../../components/admin/EraseClinic';
import { ClinicHistory } from '../../components/admin/ClinicHistory';
import { ClinicInvitations } from '../../components/admin/ClinicInvitations';
import { ClinicOwners } from '../../components/admin/ClinicOwners';
import { ClinicSettings } from '../../components/admin/ClinicSettings';
import { ClinicStatusBadge } from '../../components/admin/ClinicStatusBadge';
import { ClinicTimeline } from '../../components/admin/ClinicTimeline';
import { ClinicToday } from '../../components/admin/ClinicToday';
import { ReadFailure } from '../../components/ReadFailure';
import { timeframeOf } from '../../history/timeframe';
import { t } from '../../i18n/locale';
import { createScreenRead } from '../../session/screen-read';
import { useSession } from '../../session/SessionProvider';

/** No clinic at this address (a mistyped link, or one from another database). */
function NoSuchClinic(): JSX.Element {
  return (
    <div class="notice" role="alert">
      <p class="notice-title">{t().noSuchClinic}</p>
      <A href="/admin/clinics" class="text-link">
        {t().backToClinics}
      </A>
    </div>
  );
}

/** The clinic's page once its detail has come: the screen is named after it. */
function ClinicPage(props: {
  clinic: AdminClinic;
  timeframe: Timeframe;
  onTimeframe: (timeframe: Timeframe) => void;
  onAccessLost: () => void;
}): JSX.Element {
  createEffect(() => {
    document.title = `${props.clinic.name} · ${t().appName}`;
  });
  return (
    <>
      <div class="screen-head">
        <h1 id="clinic-title">{props.clinic.name}</h1>
        <ClinicStatusBadge status={props.clinic.status} archived={props.clinic.archived} />
      </div>
      <Show when={props.clinic.archived}>
        <p class="notice">{t().clinicIsArchived}</p>
      </Show>
      <ClinicSettings clinic={props.clinic} />
      <ClinicOwners clinic={props.clinic} />
      <ClinicInvitations clinicId={props.clinic.clinicId} onAccessLost={props.onAccessLost} />
      <Show when={!props.clinic.archived}>
        <ClinicToday clinicId={props.clinic.clinicId} />
      </Show>
      <ClinicTimeline clinicId={props.clinic.clinicId} timezone={props.clinic.timezone} />
      <ClinicHistory clinicId={props.clinic.clinicId} timeframe={props.timeframe} onTimeframe={props.onTimeframe} onAccessLost={props.onAccessLost} />
      <ArchiveClinic clinic={props.clinic} />
      <EraseClinic clinic={props.clinic} />
    </>
  );
}

/**
 * One clinic as the super admin sees it: its health figures and settings, its owners, its
 * invitations (resent or revoked there), its day live and its history as its doctor sees them
 * (read-only), what happened there newest first, and its archiving. The history's window is in the address.
 */
export default function ClinicDetail(): JSX.Element {
  const [, actions] = useSession();
  const params = useParams<{ clinicId: string }>();
  const [search, setSearch] = useSearchParams();
  const recheckSession = (): void => void actions.reload();
  const clinic = createScreenRead(adminClinicQuery, (): [string] => [params.clinicId], recheckSession, ADMIN_ACCESS_LOST);
  createEffect(() => {
    document.title = `${t().clinic} · ${t().appName}`;
  });
  return (
    <section class="screen admin-clinic" aria-labelledby="clinic-title">
      <ErrorBoundary
        fallback={(error: unknown, reset) =>
          error instanceof ApiError && error.code === 'NOT_FOUND' ? (
            <NoSuchClinic />
          ) : (
            <ReadFailure
              error={error}
              onRetry={() => {
                clinic.retry();
                reset();
              }}
            />
          )
        }
      >
        <Suspense fallback={<p class="checking">{t().adminLoading}</p>}>
          <Show when={clinic.answer()}>
            {(answer) => (
              <ClinicPage
                clinic={answer()}
                timeframe={timeframeOf(search['timeframe'])}
                onTimeframe={(timeframe) => setSearch({ timeframe }, { replace: true })}
                onAccessLost={recheckSession}
              />
            )}
          </Show>
        </Suspense>
      </ErrorBoundary>
    </section>
  );
}
