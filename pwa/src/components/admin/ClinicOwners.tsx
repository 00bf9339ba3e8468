import { createSignal, For, Show, type JSX } from 'solid-js';
import { inviteClinicOwner, type AdminClinic, type OwnerInvitation } from '../../api/admin';
import { ApiError } from '../../api/errors';
import { forgetClinicAnswers } from '../../admin/admin-queries';
import { formText } from '../../form-text';
import { locale, t } from '../../i18n/locale';
import { describeRequestError } from '../../i18n/request-errors';
import { FormFailure, type WordedFailure } from '../FormFailure';
import { DeleteUser } from './DeleteUser';
import { SetupLink } from './SetupLink';

/** Only the shape a typo breaks; the API has the final word on what an address is. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+$/;

/** An invitation refused, in words: an address that already has this clinic is the likely one. */
function describeInvitationError(error: unknown): WordedFailure {
  if (error instanceof ApiError && error.code === 'CONFLICT') return { words: (messages) => messages.alreadyInClinic };
  return { words: (messages) => describeRequestError(error, 'read', messages) };
}

/** The clinic's owners, pending invitations marked, and the invitation of a new owner. */
export function ClinicOwners(props: { clinic: AdminClinic }): JSX.Element {
  const [sending, setSending] = createSignal(false);
  const [failure, setFailure] = createSignal<WordedFailure | null>(null);
  const [invitation, setInvitation] = createSignal<OwnerInvitation | null>(null);

  const submit = async (event: SubmitEvent & { currentTarget: HTMLFormElement }): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget;
    const email = formText(form, 'email').trim();
    if (!EMAIL_SHAPE.test(email)) {
      setFailure({ words: (messages) => messages.errorInvalidEmail });
      return;
    }
    setSending(true);
    setFailure(null);
    setInvitation(null);
    try {
      setInvitation(await inviteClinicOwner(props.clinic.clinicId, email, locale()));
      form.reset();
      await forgetClinicAnswers();
    } catch (error) {
      setFailure(describeInvitationError(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <section class="card admin-section" aria-labelledby="owners-title">
      <h2 id="owners-title">{t().ownersTitle}</h2>
      <Show when={props.clinic.owners.length > 0} fallback={<p class="footnote">{t().noOwnerYet}</p>}>
        <ul class="clinic-list">
          <For each={props.clinic.owners}>
            {(owner) => (
              <li>
                <span class="owner-email">{owner.email}</span>
                <Show when={owner.pending}>
                  <span class="role-badge">{t().invitationPending}</span>
                </Show>
                <DeleteUser userId={owner.userId} email={owner.email} />
              </li>
            )}
          </For>
        </ul>
      </Show>
      <form class="form" method="post" novalidate aria-labelledby="invite-title" onSubmit={(event) => void submit(event)}>
        <h3 id="invite-title" class="card-label">
          {t().inviteOwnerTitle}
        </h3>
        <fieldset disabled={sending()}>
          <div class="field">
            <label for="owner-email">{t().email}</label>
            <input id="owner-email" name="email" type="email" autocomplete="off" inputmode="email" required maxLength={254} />
            <p class="field-hint">{t().inviteOwnerMailHint}</p>
          </div>
        </fieldset>
        <FormFailure failure={failure()} />
        <button type="submit" class="button" disabled={sending()}>
          {sending() ? t().inviting : t().inviteOwner}
        </button>
      </form>
      <Show when={invitation()}>{(current) => <SetupLink invitation={current()} />}</Show>
    </section>
  );
}
