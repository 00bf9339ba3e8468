import { createSignal, Match, onMount, Show, Switch, type JSX } from 'solid-js';
import { sendTestPush } from '../../api/push';
import { t } from '../../i18n/locale';
import { describeRequestError } from '../../i18n/request-errors';
import { browserPush, pulsePush } from '../../settings/browser-push';
import { disablePush, enablePush, readPush, type PushState } from '../../settings/push-enrolment';
import { pushProblemWords, testOutcomeWords } from '../../settings/push-words';
import type { Messages } from '../../i18n/fr';

type Busy = 'enabling' | 'disabling' | 'testing';

/** What the last test notification reached, or why it could not be sent: worded when shown, so a language switch re-words it. */
interface TestReport {
  words: (messages: Messages) => string;
  reachedNone: boolean;
}

/**
 * Web push on this device: why it cannot be had (unsupported, blocked), a button to turn it on, or,
 * once on, a test notification and a way to turn it off. Every step that went wrong is said in
 * words, including a browser that never answered.
 */
export function PushSettings(): JSX.Element {
  const browser = browserPush();
  /** Null while the browser is first asked where this device stands. */
  const [push, setPush] = createSignal<PushState | null>(null);
  const [busy, setBusy] = createSignal<Busy | null>(null);
  const [tested, setTested] = createSignal<TestReport | null>(null);

  onMount(() => {
    void readPush(browser).then(setPush);
  });

  /** `change` starts at once, still inside the tap: browsers show their permission question only then. */
  const change = async (kind: Busy, start: () => Promise<PushState>): Promise<void> => {
    setBusy(kind);
    setTested(null);
    setPush(await start());
    setBusy(null);
  };

  const sendTest = async (): Promise<void> => {
    setBusy('testing');
    setTested(null);
    try {
      const outcome = await sendTestPush();
      setTested({ words: (messages) => testOutcomeWords(outcome, messages), reachedNone: outcome.delivered === 0 });
    } catch (error) {
      setTested({ words: (messages) => describeRequestError(error, 'read', messages), reachedNone: true });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section class="card" aria-labelledby="push-title" aria-busy={busy() !== null}>
      <h2 id="push-title">{t().pushTitle}</h2>
      <p class="footnote">{t().pushIntro}</p>
      <Switch fallback={<p class="checking">{t().pushChecking}</p>}>
        <Match when={push()?.status === 'unsupported'}>
          <div class="notice notice-warning">
            <p class="notice-title">{t().pushUnsupported}</p>
            <p>{t().pushUnsupportedHint}</p>
          </div>
        </Match>
        <Match when={push()?.status === 'denied'}>
          <div class="notice notice-warning">
            <p class="notice-title">{t().pushDenied}</p>
            <p>{t().pushDeniedHint}</p>
          </div>
        </Match>
        <Match when={push()?.status === 'off'}>
          <p>{t().pushOff}</p>
          <button type="button" class="button" disabled={busy() !== null} onClick={() => void change('enabling', () => enablePush(browser, pulsePush))}>
            {busy() === 'enabling' ? t().pushEnabling : t().pushEnable}
          </button>
        </Match>
        <Match when={push()?.status === 'on'}>
          <p>{t().pushOn}</p>
          <button type="button" class="button" disabled={busy() !== null} onClick={() => void sendTest()}>
            {busy() === 'testing' ? t().sending : t().pushSendTest}
          </button>
          <button
            type="button"
            class="button button-quiet"
            disabled={busy() !== null}
            onClick={() => void change('disabling', () => disablePush(browser, pulsePush))}
          >
            {busy() === 'disabling' ? t().pushDisabling : t().pushDisable}
          </button>
        </Match>
      </Switch>
      <Show when={push()?.problem}>
        {(problem) => (
          <p class="form-error" role="alert">
            {pushProblemWords(problem(), t())}
          </p>
        )}
      </Show>
      <Show when={tested()}>
        {(report) => (
          <p classList={{ 'form-error': report().reachedNone }} role="status">
            {report().words(t())}
          </p>
        )}
      </Show>
    </section>
  );
}
