import { Show, type JSX } from 'solid-js';
import type { SmsMonth } from '../api/sms-budget';
import { locale, t } from '../i18n/locale';
import { costPerSeenLine, smsBudgetLevel, smsBudgetWarning, smsMonthLine, smsStaleLine } from '../live/sms-month-words';

/**
 * The owner's SMS month on Aujourd'hui: count, cost, share of the budget and the month-end
 * estimate in one line; from 80 % of the budget the card takes the warning colour and says why in
 * words (`data-level` for the style), and says so too when the estimate passes the budget.
 */
export function TodaySmsCard(props: { sms: SmsMonth }): JSX.Element {
  const warning = () => smsBudgetWarning(props.sms, locale());
  return (
    <section class="card sms-month" data-level={smsBudgetLevel(props.sms)} aria-labelledby="sms-month-title">
      <h2 id="sms-month-title" class="card-label">
        {t().smsMonth.title}
      </h2>
      <p class="sms-month-line">{smsMonthLine(props.sms, locale())}</p>
      <Show when={warning()}>{(words) => <p class="sms-month-warning">{words()}</p>}</Show>
      <Show when={costPerSeenLine(props.sms, locale())}>{(line) => <p class="sms-month-detail">{line()}</p>}</Show>
      <Show when={smsStaleLine(props.sms, locale())}>{(line) => <p class="sms-month-detail">{line()}</p>}</Show>
    </section>
  );
}
