import { Match, Switch, type JSX } from 'solid-js';
import { t } from '../../i18n/locale';
import { FormFailure, type WordedFailure } from '../FormFailure';

/** The outcome of the last save of a setting: done, or why not. */
export type SaveOutcome = { saved: true } | { saved: false; failure: WordedFailure };

/** "Saved." for assistive technology and the eye, or the failure in words. */
export function SaveStatus(props: { outcome: SaveOutcome | null }): JSX.Element {
  return (
    <Switch>
      <Match when={props.outcome?.saved === true}>
        <p class="footnote" role="status">
          {t().saved}
        </p>
      </Match>
      <Match when={props.outcome?.saved === false ? props.outcome.failure : null}>{(failure) => <FormFailure failure={failure()} />}</Match>
    </Switch>
  );
}
