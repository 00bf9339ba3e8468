import { createSignal, For, untrack, type JSX } from 'solid-js';
import { updateMySettings } from '../../api/settings';
import { LOCALES } from '../../../../worker/domain/vocabulary.ts';
import { LANGUAGE_NAMES, locale, setLocale, t, type Locale } from '../../i18n/locale';
import { describeRequestError } from '../../i18n/request-errors';
import { keepMySettings } from '../../settings/settings-queries';
import { SaveStatus, type SaveOutcome } from './SaveStatus';


const failed = (error: unknown): SaveOutcome => ({ saved: false, failure: { words: (messages) => describeRequestError(error, 'read', messages) } });

/**
 * The account's language, which its e-mails and notifications speak, and this device's: Pulse
 * switches at once, and back if the server refuses.
 */
export function LanguageChoice(props: { saved: Locale }): JSX.Element {
  const [chosen, setChosen] = createSignal(untrack(() => props.saved));
  const [saving, setSaving] = createSignal(false);
  const [outcome, setOutcome] = createSignal<SaveOutcome | null>(null);

  const choose = async (next: Locale): Promise<void> => {
    const before = { chosen: chosen(), shown: locale() };
    setChosen(next);
    setLocale(next);
    setSaving(true);
    setOutcome(null);
    try {
      keepMySettings(await updateMySettings({ locale: next }));
      setOutcome({ saved: true });
    } catch (error) {
      setChosen(before.chosen);
      setLocale(before.shown);
      setOutcome(failed(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      {/* Each language named in itself, as people look for their own language's name. */}
      <fieldset class="segmented language-choice" disabled={saving()}>
        <legend class="visually-hidden">{t().languageTitle}</legend>
        <For each={LOCALES}>
          {(code) => (
            <label class="segment" lang={code}>
              <input type="radio" name="language" value={code} checked={chosen() === code} onChange={() => void choose(code)} />
              <span>{LANGUAGE_NAMES[code]}</span>
            </label>
          )}
        </For>
      </fieldset>
      <p class="field-hint">{t().languageHint}</p>
      <SaveStatus outcome={outcome()} />
    </>
  );
}

/** The weekly digest by e-mail, on or off: the box follows the tap at once, and goes back if the server refuses. */
export function DigestChoice(props: { saved: boolean }): JSX.Element {
  const [on, setOn] = createSignal(untrack(() => props.saved));
  const [saving, setSaving] = createSignal(false);
  const [outcome, setOutcome] = createSignal<SaveOutcome | null>(null);

  const toggle = async (next: boolean): Promise<void> => {
    setOn(next);
    setSaving(true);
    setOutcome(null);
    try {
      keepMySettings(await updateMySettings({ weeklyDigest: next }));
      setOutcome({ saved: true });
    } catch (error) {
      setOn(!next);
      setOutcome(failed(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <label class="check">
        <input type="checkbox" name="weeklyDigest" checked={on()} disabled={saving()} onChange={(event) => void toggle(event.currentTarget.checked)} />
        <span>{t().digestToggle}</span>
      </label>
      <p class="field-hint">{t().digestHint}</p>
      <SaveStatus outcome={outcome()} />
    </>
  );
}
