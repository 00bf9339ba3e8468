import { useNavigate } from '@solidjs/router';
import { createSignal, type JSX } from 'solid-js';
import { confirmsClinicName } from '../../../../worker/domain/erasure.ts';
import { eraseClinic, type AdminClinic } from '../../api/admin';
import { ApiError } from '../../api/errors';
import { forgetClinicAnswers } from '../../admin/admin-queries';
import { describeRequestError } from '../../i18n/request-errors';
import { t } from '../../i18n/locale';
import { FormFailure, type WordedFailure } from '../FormFailure';

/**
 * Erasure on request (PRODUCT: erasure): it cannot be undone, so it says what goes and asks for
 * the clinic's exact name, typed — the button stays off until it matches, as the API checks too.
 * Erased without its figures, the clinic no longer exists: back to the list.
 */
export function EraseClinic(props: { clinic: AdminClinic }): JSX.Element {
  const navigate = useNavigate();
  const [typed, setTyped] = createSignal('');
  const [keepRollups, setKeepRollups] = createSignal(false);
  const [sending, setSending] = createSignal(false);
  const [failure, setFailure] = createSignal<WordedFailure | null>(null);
  const matches = () => confirmsClinicName(typed(), props.clinic.name);

  const erase = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (!matches()) return;
    setSending(true);
    setFailure(null);
    try {
      await eraseClinic(props.clinic.clinicId, typed(), keepRollups());
      await forgetClinicAnswers();
      if (!keepRollups()) navigate('/admin/clinics', { replace: true });
      setTyped('');
    } catch (error) {
      const mismatch = error instanceof ApiError && error.code === 'VALIDATION_FAILED';
      setFailure({ words: (messages) => (mismatch ? messages.eraseNameMismatch : describeRequestError(error, 'read', messages)) });
    } finally {
      setSending(false);
    }
  };

  return (
    <section class="card admin-section danger-zone" aria-labelledby="erase-title">
      <h2 id="erase-title">{t().eraseTitle}</h2>
      <p>{t().eraseExplained}</p>
      <form class="form" method="post" novalidate onSubmit={(event) => void erase(event)}>
        <fieldset disabled={sending()}>
          <div class="field">
            <label>
              <input type="checkbox" name="keepRollups" checked={keepRollups()} onChange={(event) => setKeepRollups(event.currentTarget.checked)} /> {t().eraseKeepRollups}
            </label>
            <p class="field-hint">{t().eraseKeepRollupsHint}</p>
          </div>
          <div class="field">
            <label for="erase-confirm">{t().eraseTypeName(props.clinic.name)}</label>
            <input id="erase-confirm" name="confirm" type="text" autocomplete="off" spellcheck={false} maxLength={200} value={typed()} onInput={(event) => setTyped(event.currentTarget.value)} />
          </div>
        </fieldset>
        <FormFailure failure={failure()} />
        <button type="submit" class="button button-danger" disabled={sending() || !matches()}>
          {sending() ? t().erasing : t().eraseConfirm}
        </button>
      </form>
    </section>
  );
}
