import { createSignal, Show, type JSX } from 'solid-js';
import { deleteUser } from '../../api/admin';
import { forgetClinicAnswers } from '../../admin/admin-queries';
import { describeRequestError } from '../../i18n/request-errors';
import { t } from '../../i18n/locale';
import { ConfirmButtons } from '../ConfirmButtons';
import { FormFailure, type WordedFailure } from '../FormFailure';

/**
 * Deletes a person's account on request (PRODUCT: erasure): asks first, naming them, and can be
 * called off. Their sessions, devices and settings go with it; the lists are read again after.
 */
export function DeleteUser(props: { userId: string; email: string }): JSX.Element {
  const [confirming, setConfirming] = createSignal(false);
  const [sending, setSending] = createSignal(false);
  const [failure, setFailure] = createSignal<WordedFailure | null>(null);

  const confirm = async (): Promise<void> => {
    setSending(true);
    setFailure(null);
    try {
      await deleteUser(props.userId);
      setConfirming(false);
      await forgetClinicAnswers();
    } catch (error) {
      setFailure({ words: (messages) => describeRequestError(error, 'read', messages) });
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <Show
        when={confirming()}
        fallback={
          <button type="button" class="button button-quiet" onClick={() => setConfirming(true)}>
            {t().deleteUser}
          </button>
        }
      >
        <div class="confirm" role="group" aria-label={t().deleteUserQuestion(props.email)}>
          <p class="notice-title">{t().deleteUserQuestion(props.email)}</p>
          <ConfirmButtons label={t().deleteUserConfirm} danger sending={sending()} onConfirm={() => void confirm()} onCancel={() => setConfirming(false)} />
        </div>
      </Show>
      <FormFailure failure={failure()} />
    </>
  );
}
