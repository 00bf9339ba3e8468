import { createSignal, For, onCleanup, Show, type JSX } from 'solid-js';
import type { ClinicAccess } from '../api/account';
import { formatClinicDay, formatClinicTime } from '../i18n/format';
import { locale, t } from '../i18n/locale';
import { useSession } from '../session/SessionProvider';

/** The clinic clock moves on screen without a reload; a minute is its finest unit. */
const CLOCK_SECONDS = 30;

/**
 * Which clinic a screen is about, and its clinic day in its own time zone. With several clinics
 * (an owner of two, the super admin) it is also the switcher; the choice is kept on this phone.
 */
export function ClinicHeader(): JSX.Element {
  const [state, actions] = useSession();
  const clinics = () => state.account?.clinics ?? [];
  return (
    <Show
      when={state.clinic}
      fallback={
        <div class="notice" role="status">
          <p class="notice-title">{t().noClinic}</p>
          <p>{t().noClinicBody}</p>
        </div>
      }
    >
      {(clinic) => (
        <article class="card clinic-header">
          <Show when={clinics().length > 1} fallback={<p class="clinic-name">{clinic().name}</p>}>
            <div class="field">
              <label for="clinic-choice">{t().clinic}</label>
              <select id="clinic-choice" value={clinic().id} onChange={(event) => actions.chooseClinic(event.currentTarget.value)}>
                <For each={clinics()}>{(option) => <option value={option.id}>{option.name}</option>}</For>
              </select>
            </div>
          </Show>
          <ClinicClock clinic={clinic()} />
        </article>
      )}
    </Show>
  );
}

function ClinicClock(props: { clinic: ClinicAccess }): JSX.Element {
  const [now, setNow] = createSignal(new Date());
  const timer = window.setInterval(() => setNow(new Date()), CLOCK_SECONDS * 1000);
  onCleanup(() => window.clearInterval(timer));
  return (
    <p class="clinic-clock">
      <span>{t().clinicDay(formatClinicDay(now(), locale(), props.clinic.timezone))}</span>
      <span class="footnote">{t().clinicTime(formatClinicTime(now(), locale(), props.clinic.timezone), props.clinic.timezone)}</span>
    </p>
  );
}
