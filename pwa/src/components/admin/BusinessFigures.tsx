import type { JSX } from 'solid-js';
import type { AdminMetrics } from '../../api/admin';
import { formatChange, formatCount, formatDecimal, formatMoney, formatShare } from '../../i18n/figures';
import { locale, t } from '../../i18n/locale';
import { Figure } from '../TodayFigures';

type Money = { currency: string; amountMinor: number };

const moneyList = (amounts: readonly Money[]): string => amounts.map((money) => formatMoney(money.amountMinor, money.currency, locale())).join(' · ');

/** MRR against a week ago, per currency; why not, before the first business snapshot. */
function mrrComparison(mrr: AdminMetrics['mrr']): string {
  return mrr
    .map((money) => {
      if (money.sevenDaysAgoMinor === null) return t().noWeekAgoFigure;
      const before = formatMoney(money.sevenDaysAgoMinor, money.currency, locale());
      return money.changePercent === null ? t().weekAgoFigure(before) : t().weekAgoChange(before, formatChange(money.changePercent, locale()));
    })
    .join(' · ');
}

/**
 * Every business figure of PRODUCT.md as a card, each saying the window it is measured over:
 * a figure without its window ("patients today" — whose today?) is a figure misread.
 */
export function BusinessFigures(props: { metrics: AdminMetrics }): JSX.Element {
  const count = (value: number) => formatCount(value, locale());
  const share = (value: number | null) => (value === null ? null : formatShare(value, locale()));
  const decimal = (value: number | null) => (value === null ? null : formatDecimal(value, locale()));
  const m = () => props.metrics;
  const failures = () => m().smsFailureRate;
  const churn = () => m().churnRisk;
  const queue = () => m().averageQueueLength;
  // The clinics still opening are in the total but neither active nor at churn risk: said apart.
  const activeDetail = () => {
    const opening = m().onboardingClinics.count;
    return opening === 0 ? t().ofClinics(m().totalClinics) : `${t().ofClinics(m().totalClinics)} · ${t().openingClinics(opening)}`;
  };
  return (
    <dl class="figures business-figures">
      <Figure label={t().figureActiveClinics} value={count(m().activeClinics.count)} detail={activeDetail()} window={t().windowActive} />
      <Figure
        label={t().figureMrr}
        value={m().mrr.length === 0 ? formatMoney(0, 'TND', locale()) : moneyList(m().mrr)}
        detail={m().mrr.length === 0 ? null : mrrComparison(m().mrr)}
        window={t().windowMrr}
      />
      <Figure label={t().figurePatientsToday} value={count(m().patientsToday.count)} window={t().windowClinicToday} />
      <Figure
        label={t().figureSmsToday}
        value={count(m().smsToday.count)}
        detail={m().smsToday.cost.length === 0 ? t().smsCostNone : t().smsCost(moneyList(m().smsToday.cost))}
        window={t().windowClinicToday}
      />
      <Figure
        label={t().figureSmsFailureRate}
        value={share(failures().rate)}
        detail={
          failures().rate === null
            ? t().smsFailureTooFew(failures().minimumSent, count(failures().sent))
            : t().smsFailureCounts(count(failures().failed), count(failures().sent))
        }
        window={t().windowLastHour}
      />
      <Figure
        label={t().figureChurnRisk}
        value={count(churn().count)}
        detail={t().churnDetail(share(churn().share) ?? t().noFigure, churn().atRisk, churn().churned)}
        window={t().windowChurn}
      />
      <Figure
        label={t().figureQrAdoption}
        value={share(m().qrAdoption.today)}
        detail={m().qrAdoption.today === null ? t().noCheckInYet : null}
        window={t().qrLast30Days(share(m().qrAdoption.last30Days) ?? t().noFigure)}
      />
      <Figure
        label={t().figureAverageQueue}
        value={decimal(queue().value)}
        detail={queue().openQueues === 0 ? t().noOpenQueue : t().openQueues(queue().openQueues)}
        window={t().windowNow}
      />
    </dl>
  );
}
