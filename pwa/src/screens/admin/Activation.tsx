import { useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, Show, type JSX } from 'solid-js';
import { ADMIN_ACCESS_LOST, adminFunnelQuery } from '../../admin/admin-queries';
import { funnelWindowOf, funnelWindowProblem, type FunnelWindow } from '../../admin/funnel-figures';
import { ActivationFunnel } from '../../components/admin/ActivationFunnel';
import { DataPanel } from '../../components/DataPanel';
import { t } from '../../i18n/locale';
import { createScreenRead } from '../../session/screen-read';
import { useSession } from '../../session/SessionProvider';

/** The two months of the window, as typed; sent to the address only when the API would take them. */
function FunnelWindowPicker(props: { window: FunnelWindow; onChange: (window: FunnelWindow) => void }): JSX.Element {
  const [problem, setProblem] = createSignal<string | null>(null);
  const submit = (form: HTMLFormElement): void => {
    const data = new FormData(form);
    const asked = { from: String(data.get('from') ?? ''), to: String(data.get('to') ?? '') };
    const reason = funnelWindowProblem(asked, t());
    setProblem(reason);
    if (reason === null) props.onChange(asked);
  };
  return (
    <form
      class="card form funnel-window"
      aria-label={t().funnelWindowLabel}
      onSubmit={(event) => {
        event.preventDefault();
        submit(event.currentTarget);
      }}
    >
      <div class="field">
        <label for="funnel-from">{t().funnelFrom}</label>
        <input id="funnel-from" type="month" name="from" value={props.window.from} required aria-describedby="funnel-window-problem" />
      </div>
      <div class="field">
        <label for="funnel-to">{t().funnelTo}</label>
        <input id="funnel-to" type="month" name="to" value={props.window.to} required aria-describedby="funnel-window-problem" />
      </div>
      <button type="submit" class="button">
        {t().funnelShow}
      </button>
      <p id="funnel-window-problem" class="field-error" role="alert">
        <Show when={problem()}>{(reason) => reason()}</Show>
      </p>
    </form>
  );
}

/**
 * The activation funnel (`GET /admin/funnel`): per creation month, the clinics that went from
 * created to active in their 4th week, step by step, with the share of the cohort and the median
 * days between steps. The window (the last 12 months unless chosen) is kept in the address.
 */
export default function Activation(): JSX.Element {
  const [, actions] = useSession();
  const [params, setParams] = useSearchParams();
  const window = createMemo(() => funnelWindowOf(params, Date.now()));
  const funnel = createScreenRead(adminFunnelQuery, (): [string, string] => [window().from, window().to], () => void actions.reload(), ADMIN_ACCESS_LOST);
  createEffect(() => {
    document.title = `${t().funnelTitle} · ${t().appName}`;
  });
  return (
    <section class="screen admin-activation" aria-labelledby="activation-title">
      <h1 id="activation-title">{t().funnelTitle}</h1>
      <p class="footnote">{t().funnelExplained}</p>
      <FunnelWindowPicker window={window()} onChange={(next) => setParams({ from: next.from, to: next.to })} />
      <DataPanel title={t().funnelCohortsTitle} answer={funnel.answer} onRetry={funnel.retry} loading={t().adminLoading}>
        {(answer) => <ActivationFunnel funnel={answer()} />}
      </DataPanel>
    </section>
  );
}
