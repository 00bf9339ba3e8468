import { A, useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, For, Show, type JSX } from 'solid-js';
import { auditCsvUrl, fetchAuditPage, type AuditEntry, type AuditFilters } from '../api/audit';
import { ApiError } from '../api/errors';
import { auditFiltersFrom, auditFiltersOf, auditQueryOf, hasAuditFilters } from '../admin/audit-filters';
import { createCursorPages } from '../admin/cursor-pages';
import { MorePages } from '../components/admin/MorePages';
import { formText } from '../form-text';
import { auditActionName } from '../i18n/audit-actions';
import { formatCheckTime } from '../i18n/format';
import { locale, t } from '../i18n/locale';
import { useSession } from '../session/SessionProvider';

/**
 * The audit log, newest first, a page at a time: narrowed by action, clinic, actor and days (kept
 * in the address), and exported as CSV with the same filters. Only the super admin reaches it.
 */
export default function Audit(): JSX.Element {
  const [session, actions] = useSession();
  const [params, setParams] = useSearchParams();
  const filters = createMemo(() => auditFiltersOf(params), undefined, { equals: (a, b) => JSON.stringify(a) === JSON.stringify(b) });
  const [log, logActions] = createCursorPages({
    asked: filters,
    fetchPage: async (asked: AuditFilters, cursor) => {
      try {
        const page = await fetchAuditPage(asked, cursor);
        return { items: page.entries, nextCursor: page.nextCursor };
      } catch (error) {
        // An expired session: the session store finds out and the layout shows the login screen.
        if (error instanceof ApiError && error.code === 'UNAUTHORIZED') void actions.reload();
        throw error;
      }
    },
    idOf: (entry: AuditEntry) => String(entry.id),
  });
  const clinicName = (clinicId: string) => session.account?.clinics.find((clinic) => clinic.id === clinicId)?.name ?? clinicId;
  createEffect(() => {
    document.title = `${t().auditTitle} · ${t().appName}`;
  });

  const apply = (event: SubmitEvent & { currentTarget: HTMLFormElement }): void => {
    event.preventDefault();
    const form = event.currentTarget;
    const field = (name: string) => formText(form, name);
    const chosen = auditFiltersFrom({ action: field('action'), clinicId: field('clinicId'), actorId: field('actorId'), from: field('from'), to: field('to') });
    setParams(auditQueryOf(chosen));
  };

  return (
    <section class="screen audit" aria-labelledby="audit-title">
      <div class="screen-intro">
        <h1 id="audit-title">{t().auditTitle}</h1>
        <p class="lead">{t().auditIntro}</p>
      </div>
      <form class="card form audit-filters" role="search" aria-label={t().auditFiltersLabel} onSubmit={apply}>
        <div class="field">
          <label for="audit-action">{t().auditAction}</label>
          <select id="audit-action" name="action" value={filters().action ?? ''}>
            <option value="">{t().auditAnyAction}</option>
            <For each={Object.keys(t().auditActions)}>{(action) => <option value={action}>{auditActionName(action, t())}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="audit-clinic">{t().clinic}</label>
          <select id="audit-clinic" name="clinicId" value={filters().clinicId ?? ''}>
            <option value="">{t().auditAnyClinic}</option>
            <For each={session.account?.clinics ?? []}>{(clinic) => <option value={clinic.id}>{clinic.name}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="audit-actor">{t().auditActor}</label>
          <input
            id="audit-actor"
            name="actorId"
            type="text"
            value={filters().actorId ?? ''}
            autocomplete="off"
            spellcheck={false}
            maxLength={64}
            aria-describedby="audit-actor-hint"
          />
          <p class="field-hint" id="audit-actor-hint">
            {t().auditActorHint}
          </p>
        </div>
        <div class="field-pair">
          <div class="field">
            <label for="audit-from">{t().auditFrom}</label>
            <input id="audit-from" name="from" type="date" value={filters().from ?? ''} />
          </div>
          <div class="field">
            <label for="audit-to">{t().auditTo}</label>
            <input id="audit-to" name="to" type="date" value={filters().to ?? ''} />
          </div>
        </div>
        <div class="confirm-buttons">
          <button type="submit" class="button">
            {t().applyFilters}
          </button>
          <Show when={hasAuditFilters(filters())}>
            <A href="/admin/audit" class="button button-quiet">
              {t().clearFilters}
            </A>
          </Show>
        </div>
      </form>
      <a href={auditCsvUrl(filters())} download="pulse-audit.csv" class="text-link">
        {hasAuditFilters(filters()) ? t().exportFilteredCsv : t().exportCsv}
      </a>
      <Show when={log.items.length === 0 && !log.loading && log.error === null}>
        <p>{hasAuditFilters(filters()) ? t().auditNoMatch : t().auditEmpty}</p>
      </Show>
      <Show when={log.items.length > 0}>
        <ol class="card audit-list" aria-busy={log.loading}>
          <For each={log.items}>{(entry) => <AuditRow entry={entry} clinicName={clinicName} />}</For>
        </ol>
      </Show>
      <MorePages pages={log} actions={logActions} loading={t().auditLoading} />
    </section>
  );
}

function AuditRow(props: { entry: AuditEntry; clinicName: (clinicId: string) => string }): JSX.Element {
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
        <Show when={props.entry.clinicId}>{(clinicId) => ` · ${props.clinicName(clinicId())}`}</Show>
      </p>
    </li>
  );
}
