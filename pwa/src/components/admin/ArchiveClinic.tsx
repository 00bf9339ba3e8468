import { createSignal, Show, type JSX } from 'solid-js';
import { setClinicArchived, type AdminClinic } from '../../api/admin';
import { forgetClinicAnswers } from '../../admin/admin-queries';
import { describeRequestError } from '../../i18n/request-errors';
import { t } from '../../i18n/locale';
import { ConfirmButtons } from '../ConfirmButtons';
import { FormFailure, type WordedFailure } from '../FormFailure';

/**
 * Archiving takes a clinic out of every figure (its history stays); restoring brings it back.
 * Either asks to be confirmed first, saying what it will do, and can be called off.
 */
export function ArchiveClinic(props: { clinic: AdminClinic }): JSX.Element {
  const [confirming, setConfirming] = createSignal(false);
  const [sending, setSending] = createSignal(false);
  const [failure, setFailure] = createSignal<WordedFailure | null>(null);
  const archiving = () => !props.clinic.archived;

  const confirm = async (): Promise<void> => {
    setSending(true);
    setFailure(null);
    try {
      await setClinicArchived(props.clinic.clinicId, archiving());
      await forgetClinicAnswers();
      setConfirming(false);
    } catch (error) {
      setFailure({ words: (messages) => describeRequestError(error, 'read', messages) });
    } finally {
      setSending(false);
    }
  };

  return (
    <section class="card admin-section" aria-labelledby="archive-title">
      <h2 id="archive-title">{archiving() ? t().archiveTitle : t().restoreTitle}</h2>
      <p>{archiving() ? t().archiveExplained : t().restoreExplained}</p>
      <Show
        when={confirming()}
        fallback={
          <button type="button" class="button button-quiet" onClick={() => setConfirming(true)}>
            {archiving() ? t().archiveClinic : t().restoreClinic}
          </button>
        }
      >
        <div class="confirm" role="group" aria-labelledby="archive-question">
          <p id="archive-question" class="notice-title">
            {archiving() ? t().archiveQuestion(props.clinic.name) : t().restoreQuestion(props.clinic.name)}
          </p>
          <ConfirmButtons
            label={archiving() ? t().archiveConfirm : t().restoreConfirm}
            danger={archiving()}
            sending={sending()}
            onConfirm={() => void confirm()}
            onCancel={() => setConfirming(false)}
          />
        </div>
      </Show>
      <FormFailure failure={failure()} />
    </section>
  );
}
