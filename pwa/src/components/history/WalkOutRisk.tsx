import type { JSX } from 'solid-js';
import type { AnalyticsAnswer } from '../../api/history';
import { locale, t } from '../../i18n/locale';
import { walkOutRiskWords } from '../../history/foresight-words';

/**
 * How far the walk-out risk shown on the reception list can be trusted, over the window: judged
 * on the patients who ended in it, against the clinic's plain share of walk-outs, in one sentence.
 */
export function WalkOutRisk(props: { answer: AnalyticsAnswer }): JSX.Element {
  return (
    <>
      <p class="foresight-words">{walkOutRiskWords(props.answer.current.walkOutModel, locale())}</p>
      <p class="footnote">{t().walkOutExplained}</p>
    </>
  );
}
