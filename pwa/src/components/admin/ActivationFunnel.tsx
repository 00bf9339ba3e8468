import { For, Show, type JSX } from 'solid-js';
import { cohortWords } from '../../admin/admin-words';
import { funnelSteps, funnelTotal, medianDaysWords, type FunnelStepView } from '../../admin/funnel-figures';
import { FUNNEL_STEPS, type FunnelAnswer } from '../../api/funnel';
import { formatCount, formatShare } from '../../i18n/figures';
import { locale, t } from '../../i18n/locale';
import { ScrollingTable } from '../history/DataTable';

/** The clinics a funnel starts with. */
const created = (steps: readonly FunnelStepView[]) => steps[0]?.clinics ?? 0;

const shareWords = (share: number | null) => (share === null ? t().noFigure : formatShare(share, locale()));

/**
 * A funnel drawn as bars (CSS, no chart library: the screen stays light), each as long as its
 * step's share of the cohort. For the eye only: the table below says the same to everyone.
 */
function FunnelBars(props: { title: string; steps: readonly FunnelStepView[] }): JSX.Element {
  return (
    <section class="funnel card" aria-hidden="true">
      <h3>{props.title}</h3>
      <Show when={created(props.steps) > 0} fallback={<p class="footnote">{t().funnelNoClinic}</p>}>
        <ol class="funnel-bars">
          <For each={props.steps}>
            {(step) => (
              <li class="funnel-bar">
                <span class="funnel-bar-label">{t().funnelBar(t().funnelSteps[step.step], formatCount(step.clinics, locale()), shareWords(step.share))}</span>
                <span class="funnel-bar-fill" style={{ width: `${Math.round((step.share ?? 0) * 1000) / 10}%` }} />
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}

/** A step's cell: its clinics, their share of the cohort, and (after the first step) the median days since the one before. */
function StepCell(props: { step: FunnelStepView; first: boolean }): JSX.Element {
  return (
    <td data-step={props.step.step}>
      <span class="funnel-count">{formatCount(props.step.clinics, locale())}</span>
      <Show when={!props.first}>
        {' · '}
        <span class="funnel-share">{shareWords(props.step.share)}</span>
        {' · '}
        <span class="funnel-median">{medianDaysWords(props.step.medianDaysFromPrevious, t(), locale())}</span>
      </Show>
    </td>
  );
}

/**
 * The activation funnel of the window's cohorts: the whole period's funnel, each month's with clinics, then
 * every figure in one table (a row per cohort, a total row) — the accessible form of the bars.
 */
export function ActivationFunnel(props: { funnel: FunnelAnswer }): JSX.Element {
  const total = () => funnelTotal(props.funnel.cohorts);
  // A month without clinics has no funnel to draw: its row of zeros in the table says so.
  const drawn = () => props.funnel.cohorts.map((cohort) => ({ month: cohort.month, steps: funnelSteps(cohort) })).filter((cohort) => created(cohort.steps) > 0);
  return (
    <>
      <div class="funnels">
        <FunnelBars title={t().funnelTotalTitle} steps={total()} />
        <For each={drawn()}>{(cohort) => <FunnelBars title={cohortWords(cohort.month, locale())} steps={cohort.steps} />}</For>
      </div>
      <ScrollingTable caption={t().funnelTableCaption} columns={[t().funnelColumnMonth, ...FUNNEL_STEPS.map((step) => t().funnelSteps[step])]} class="data funnel-table">
        <For each={props.funnel.cohorts}>
          {(cohort) => (
            <tr data-month={cohort.month}>
              <th scope="row">{cohortWords(cohort.month, locale())}</th>
              <For each={funnelSteps(cohort)}>{(step, index) => <StepCell step={step} first={index() === 0} />}</For>
            </tr>
          )}
        </For>
        <tr data-month="total" class="total-row">
          <th scope="row">{t().funnelTotalRow}</th>
          <For each={total()}>{(step, index) => <StepCell step={step} first={index() === 0} />}</For>
        </tr>
      </ScrollingTable>
      <p class="footnote">{t().funnelTotalFootnote}</p>
    </>
  );
}
