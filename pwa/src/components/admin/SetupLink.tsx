import { createSignal, Show, type JSX } from 'solid-js';
import type { Invitation } from '../../api/invitations';
import { invitationTime } from '../../admin/invitation-words';
import { locale, t } from '../../i18n/locale';

/**
 * An invitation just sent. Where mail really leaves, it says so; where the deployment sends none
 * (the outbox), the API hands the super admin the link to pass on: selectable, copied with one tap.
 */
export function SetupLink(props: { invitation: Invitation }): JSX.Element {
  const [copied, setCopied] = createSignal<boolean | null>(null);
  let input: HTMLInputElement | undefined;
  const copy = async (url: string): Promise<void> => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard (an old browser, a refused permission): the link is selected for a long press.
      input?.select();
      setCopied(false);
    }
  };
  const until = () => invitationTime(props.invitation.expiresAt, locale());
  return (
    <Show
      when={props.invitation.setupUrl}
      fallback={
        <p role="status" class="notice notice-ok setup-link">
          {t().invitationMailed(props.invitation.email, until())}
        </p>
      }
    >
      {(url) => (
        <div class="notice notice-ok setup-link">
          <p class="notice-title">{t().invitationCreated(props.invitation.email)}</p>
          <div class="field">
            <label for="setup-link">{t().setupLinkLabel}</label>
            <input id="setup-link" ref={input} type="url" readOnly value={url()} onFocus={(event) => event.currentTarget.select()} />
            <p class="field-hint">{t().setupLinkExpires(until())}</p>
          </div>
          <button type="button" class="button" onClick={() => void copy(url())}>
            {t().copySetupLink}
          </button>
          <p role="status" class="footnote">
            <Show when={copied() !== null}>{copied() === true ? t().setupLinkCopied : t().setupLinkNotCopied}</Show>
          </p>
        </div>
      )}
    </Show>
  );
}
