import { createEffect, createResource, ErrorBoundary, For, Show, Suspense, type JSX } from 'solid-js';
import { AUDIT_PAGE_SIZE, fetchLatestAudit, type AuditEntry } from '../api/audit';
import { ApiError } from '../api/errors';
import { auditActionName } from '../i18n/audit-actions';
import { formatCheckTime } from '../i18n/format';
import { locale, t } from '../i18n/locale';
import { describeRequestError } from '../i18n/request-errors';
import { useSession } from '../session/SessionProvider';

/** The super admin's view of the latest audited actions. Filters and the CSV export come later. */
export default function Audit(): JSX.Element {
  const [, actions] = useSession();
  const [entries, { refetch }] = createResource(async () => {
    try {
      return await fetchLatestAudit();
    } catch (error) {
      // An expired session: the session store finds out and the layout shows the login screen.
      if (error instanceof ApiError && error.code === 'UNAUTHORIZED') void actions.reload();
      throw error;
    }
  });
  createEffect(() => {
    document.title = `${t().auditTitle} · ${t().appName}`;
  });
  return (
    <section class="screen" aria-labelledby="audit-title">
      <div class="screen-intro">
        <h1 id="audit-title">{t().auditTitle}</h1>
        <p class="lead">{t().auditIntro(AUDIT_PAGE_SIZE)}</p>
      </div>
      <ErrorBoundary
        fallback={(error: unknown, reset) => (
          <div class="notice notice-danger" role="alert">
            <p class="notice-title">{describeRequestError(error, 'read', t())}</p>
            <button
              type="button"
              class="button"
              onClick={() => {
                void refetch();
                reset();
              }}
            >
              {t().retry}
            </button>
          </div>
        )}
      >
        <Suspense fallback={<p class="checking">{t().auditLoading}</p>}>
          <Show when={entries()}>
            {(list) => (
              <Show when={list().length > 0} fallback={<p>{t().auditEmpty}</p>}>
                <ol class="card audit-list">
                  <For each={list()}>{(entry) => <AuditRow entry={entry} />}</For>
                </ol>
              </Show>
            )}
          </Show>
        </Suspense>
      </ErrorBoundary>
    </section>
  );
}

function AuditRow(props: { entry: AuditEntry }): JSX.Element {
  const actor = () => {
    const { actorId, actorRole } = props.entry;
    if (actorId === null) return t().auditAnonymous;
    return actorRole === null ? actorId : `${actorId} (${actorRole})`;
  };
  return (
    <li class="audit-entry">
      <div class="audit-line">
        <span class="audit-action">{auditActionName(props.entry.action, t())}</span>
        <span class="outcome" data-success={String(props.entry.success)}>
          {props.entry.success ? t().auditSucceeded : `${t().auditFailed} · ${props.entry.errorCode ?? '—'}`}
        </span>
      </div>
      <p class="footnote">
        <time datetime={props.entry.at}>{formatCheckTime(props.entry.at, locale(), new Date())}</time>
        {' · '}
        {actor()}
        <Show when={props.entry.clinicId}>{(clinicId) => ` · ${clinicId()}`}</Show>
      </p>
    </li>
  );
}
