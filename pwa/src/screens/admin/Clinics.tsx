import { A, useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, Show, type JSX } from 'solid-js';
import { clinicsCsvUrl, type ClinicHealthQuery } from '../../api/admin';
import { ADMIN_ACCESS_LOST, clinicHealthQuery } from '../../admin/admin-queries';
import { healthQueryOf, sortedBy, tableQueryOf, tableStateOf, type ClinicTableState } from '../../admin/clinic-table-state';
import { createWideScreen } from '../../admin/wide-screen';
import { ClinicCards } from '../../components/admin/ClinicCards';
import { ClinicFilters } from '../../components/admin/ClinicFilters';
import { ClinicTable } from '../../components/admin/ClinicTable';
import { Pager } from '../../components/admin/Pager';
import { DataPanel } from '../../components/DataPanel';
import { t } from '../../i18n/locale';
import { createScreenRead } from '../../session/screen-read';
import { useSession } from '../../session/SessionProvider';

/**
 * The clinic health table: every clinic's last login, patients and wait today, status, plan and QR
 * share, searched, filtered, sorted and paged by the API. What is on screen is in the address, so
 * a reload, a link or the back button shows the same rows. A sortable table on wide screens,
 * cards on a phone.
 */
export default function Clinics(): JSX.Element {
  const [, actions] = useSession();
  const [params, setParams] = useSearchParams();
  const state = createMemo(() => tableStateOf(params));
  const show = (next: ClinicTableState, typing = false): void => setParams(tableQueryOf(next), { replace: typing });
  const page = createScreenRead(clinicHealthQuery, (): [ClinicHealthQuery] => [healthQueryOf(state())], () => void actions.reload(), ADMIN_ACCESS_LOST);
  const wide = createWideScreen();
  createEffect(() => {
    document.title = `${t().clinicsTitle} · ${t().appName}`;
  });
  return (
    <section class="screen admin-clinics" aria-labelledby="clinics-title">
      <div class="screen-head">
        <h1 id="clinics-title">{t().clinicsTitle}</h1>
        <A href="/admin/clinics/new" class="button">
          {t().newClinic}
        </A>
      </div>
      <ClinicFilters state={state()} onChange={show} sortField={!wide()} />
      <DataPanel
        title={state().archived ? t().archivedClinicsTitle : t().clinicHealthTitle}
        answer={page.answer}
        onRetry={page.retry}
        loading={t().adminLoading}
      >
        {(answer) => (
          <>
            <p class="footnote" role="status">
              {t().clinicsFound(answer().total)}
            </p>
            {/* Every page of the table under these filters, in this order: the export reads them all. */}
            <a href={clinicsCsvUrl(state())} download="" class="text-link clinics-export">
              {t().clinicsExportCsv}
            </a>
            <Show when={answer().clinics.length > 0} fallback={<p>{t().noClinicMatches}</p>}>
              <Show when={wide()} fallback={<ClinicCards rows={answer().clinics} />}>
                <ClinicTable rows={answer().clinics} state={state()} onSort={(column) => show(sortedBy(state(), column))} />
              </Show>
            </Show>
            <Pager page={answer().page} pageSize={answer().pageSize} total={answer().total} onPage={(next) => show({ ...state(), page: next })} />
          </>
        )}
      </DataPanel>
    </section>
  );
}
