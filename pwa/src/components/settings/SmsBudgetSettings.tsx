import { createSignal, createUniqueId, Show, untrack, type JSX } from 'solid-js';
import type { ClinicAccess } from '../../api/account';
import { setSmsBudget, type SmsBudget } from '../../api/sms-budget';
import { formText } from '../../form-text';
import { formatMoney } from '../../i18n/figures';
import { locale, t } from '../../i18n/locale';
import { createScreenRead } from '../../session/screen-read';
import { keepSmsBudget, smsBudgetQuery } from '../../settings/settings-queries';
import { budgetErrorWords, budgetOutOfRangeWords, parseBudgetAmount } from '../../settings/sms-budget';
import { DataPanel } from '../DataPanel';
import { SaveStatus, type SaveOutcome } from './SaveStatus';

/**
 * An owner's clinic: its monthly SMS budget, which Aujourd'hui's SMS card measures the month
 * against and the budget alerts watch (80 %, 100 %, the month-end estimate). Typed in the clinic's
 * currency; removing it stops the budget alerts.
 */
export function SmsBudgetSettings(props: { clinic: ClinicAccess; onAccessLost: () => void }): JSX.Element {
  const read = createScreenRead(smsBudgetQuery, (): [string] => [props.clinic.id], props.onAccessLost);
  return (
    <DataPanel title={t().smsMonth.settingsTitle} answer={read.answer} onRetry={read.retry} loading={t().settingsLoading} card>
      {(budget) => <BudgetForm clinic={props.clinic} saved={budget()} />}
    </DataPanel>
  );
}

/** An amount in minor units as the owner types it back: "80,5" for 80 500 millimes, no currency sign. */
function typedAmount(minor: number, currency: string): string {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: 0, maximumFractionDigits: digits, useGrouping: false }).format(minor / 10 ** digits);
}

function BudgetForm(props: { clinic: ClinicAccess; saved: SmsBudget }): JSX.Element {
  const [current, setCurrent] = createSignal(untrack(() => props.saved));
  const [saving, setSaving] = createSignal(false);
  const [outcome, setOutcome] = createSignal<SaveOutcome | null>(null);
  const inputId = createUniqueId();
  const currency = () => current().currency;
  const budgetWords = () => {
    const amount = current().monthlyAmountMinor;
    return amount === null ? t().smsMonth.noBudget : t().smsMonth.budgetNow(formatMoney(amount, currency(), locale()));
  };
  const typed = () => {
    const amount = current().monthlyAmountMinor;
    return amount === null ? '' : typedAmount(amount, currency());
  };

  const save = async (monthlyAmountMinor: number | null): Promise<void> => {
    setSaving(true);
    setOutcome(null);
    try {
      const saved = await setSmsBudget(props.clinic.id, monthlyAmountMinor);
      keepSmsBudget(props.clinic.id, saved);
      setCurrent(saved);
      setOutcome({ saved: true });
    } catch (error) {
      setOutcome({ saved: false, failure: { words: (messages) => budgetErrorWords(error, messages, currency(), locale()) } });
    } finally {
      setSaving(false);
    }
  };

  const submit = (event: SubmitEvent & { currentTarget: HTMLFormElement }): void => {
    event.preventDefault();
    const amount = parseBudgetAmount(formText(event.currentTarget, 'amount'), currency());
    if (amount === null) setOutcome({ saved: false, failure: { words: (messages) => budgetOutOfRangeWords(messages, currency(), locale()) } });
    else void save(amount);
  };

  return (
    <form class="form threshold-form sms-budget-form" method="post" novalidate onSubmit={submit}>
      <p class="clinic-name">{props.clinic.name}</p>
      <p>{budgetWords()}</p>
      <fieldset disabled={saving()}>
        <div class="field">
          <label for={inputId}>{t().smsMonth.field(currency())}</label>
          <input
            id={inputId}
            name="amount"
            type="text"
            inputmode="decimal"
            autocomplete="off"
            required
            value={typed()}
          />
          <p class="field-hint">{t().smsMonth.hint}</p>
        </div>
      </fieldset>
      <SaveStatus outcome={outcome()} />
      <div class="confirm-buttons">
        <button type="submit" class="button" disabled={saving()}>
          {saving() ? t().saving : t().smsMonth.save}
        </button>
        <Show when={current().monthlyAmountMinor !== null}>
          <button type="button" class="button button-quiet" disabled={saving()} onClick={() => void save(null)}>
            {t().smsMonth.remove}
          </button>
        </Show>
      </div>
    </form>
  );
}
