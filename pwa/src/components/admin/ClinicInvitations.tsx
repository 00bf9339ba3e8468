import { createSignal, For, Show, type JSX } from 'solid-js';
import { resendInvitation, revokeInvitation, type Invitation } from '../../api/invitations';
import { ADMIN_ACCESS_LOST, clinicInvitationsQuery, forgetClinicAnswers } from '../../admin/admin-queries';
import { canManageInvitation, invitationDetailWords, invitationStateWords } from '../../admin/invitation-words';
import { locale, t } from '../../i18n/locale';
import { describeRequestError } from '../../i18n/request-errors';
import { createScreenRead } from '../../session/screen-read';
import { DataPanel } from '../DataPanel';
import { FormFailure, type WordedFailure } from '../FormFailure';
import { SetupLink } from './SetupLink';

/** What the last action did, said once under the list; a resent link is shown when the API hands it over (no mail). */
type Outcome = { kind: 'resent'; invitation: Invitation } | { kind: 'revoked'; invitation: Invitation };

/**
 * The clinic's invitations, newest first, each with its state, and resend and revoke for the ones
 * still open (pending or expired). The super admin's page: every role.
 */
export function ClinicInvitations(props: { clinicId: string; onAccessLost: () => void }): JSX.Element {
  const invitations = createScreenRead(clinicInvitationsQuery, (): [string] => [props.clinicId], props.onAccessLost, ADMIN_ACCESS_LOST);
  const [busy, setBusy] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<WordedFailure | null>(null);
  const [outcome, setOutcome] = createSignal<Outcome | null>(null);

  const act = async (invitation: Invitation, kind: Outcome['kind']): Promise<void> => {
    setBusy(invitation.id);
    setFailure(null);
    setOutcome(null);
    try {
      const changed = kind === 'resent' ? await resendInvitation(props.clinicId, invitation.id) : await revokeInvitation(props.clinicId, invitation.id);
      setOutcome({ kind, invitation: changed });
      await forgetClinicAnswers();
    } catch (error) {
      setFailure({ words: (messages) => describeRequestError(error, 'read', messages) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <DataPanel title={t().invitationsTitle} answer={invitations.answer} onRetry={invitations.retry} loading={t().invitationsLoading} card>
      {(list) => (
        <>
          <Show when={list().length > 0} fallback={<p class="footnote">{t().noInvitationsYet}</p>}>
            <ul class="clinic-list invitation-list">
              <For each={list()}>
                {(invitation) => (
                  <li data-state={invitation.state}>
                    <span class="owner-email">{invitation.email}</span>
                    <span class="role-badge">{invitation.role === 'clinic_owner' ? t().roleClinicOwner : t().roleStaff}</span>
                    <span class="role-badge invitation-state">{invitationStateWords(invitation, t())}</span>
                    <p class="footnote">{invitationDetailWords(invitation, t(), locale())}</p>
                    <Show when={canManageInvitation(invitation)}>
                      <div class="confirm-buttons">
                        <button type="button" class="button button-quiet" disabled={busy() !== null} onClick={() => void act(invitation, 'resent')}>
                          {t().resendInvitation}
                        </button>
                        <button type="button" class="button button-quiet button-danger" disabled={busy() !== null} onClick={() => void act(invitation, 'revoked')}>
                          {t().revokeInvitation}
                        </button>
                      </div>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <FormFailure failure={failure()} />
          <Show when={outcome()}>
            {(done) => (
              <Show
                when={done().kind === 'resent' && done().invitation.setupUrl !== undefined}
                fallback={
                  <p role="status" class="notice notice-ok">
                    {done().kind === 'resent' ? t().invitationResent(done().invitation.email) : t().invitationRevoked(done().invitation.email)}
                  </p>
                }
              >
                <SetupLink invitation={done().invitation} />
              </Show>
            )}
          </Show>
        </>
      )}
    </DataPanel>
  );
}
