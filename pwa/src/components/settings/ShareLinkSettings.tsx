import { createSignal, createUniqueId, For, Show, type JSX } from 'solid-js';
import type { ClinicAccess } from '../../api/account';
import { createShareLink, revokeShareLink, SHARE_LINK_DAYS, type NewShareLink, type ShareLink, type ShareLinkList } from '../../api/share-links';
import { formText } from '../../form-text';
import { locale, t } from '../../i18n/locale';
import { createScreenRead } from '../../session/screen-read';
import { refreshShareLinks, shareLinksQuery } from '../../settings/share-link-queries';
import { formatShareExpiry, parseShareDays, shareDaysOutOfRangeWords, shareLinkErrorWords } from '../../settings/share-link-words';
import { SHARE_SCOPES, type ShareScope } from '../../../../worker/domain/vocabulary.ts';
import { DataPanel } from '../DataPanel';
import { SaveStatus, type SaveOutcome } from './SaveStatus';

/** Days a new link lasts unless the owner says otherwise: a week's look. */
const DEFAULT_DAYS = 7;

/**
 * An owner's clinic: read-only links to its day (and history) for someone without an account —
 * made here (the address shown once, to copy), listed with their state, revoked with one tap.
 */
export function ShareLinkSettings(props: { clinic: ClinicAccess; onAccessLost: () => void }): JSX.Element {
  const read = createScreenRead(shareLinksQuery, (): [string] => [props.clinic.id], props.onAccessLost);
  return (
    <DataPanel title={t().shareLinksTitle} answer={read.answer} onRetry={read.retry} loading={t().shareLinksLoading} card>
      {(list) => <ShareLinks clinic={props.clinic} list={list()} />}
    </DataPanel>
  );
}

function ShareLinks(props: { clinic: ClinicAccess; list: ShareLinkList }): JSX.Element {
  const [made, setMade] = createSignal<NewShareLink | null>(null);
  return (
    <div class="share-links">
      <p class="clinic-name">{props.clinic.name}</p>
      <p class="field-hint">{t().shareLinksIntro}</p>
      <NewLinkForm clinic={props.clinic} onMade={setMade} />
      <Show when={made()} keyed>
        {(link) => <MadeLink link={link} />}
      </Show>
      <Show when={props.list.links.length > 0} fallback={<p class="footnote">{t().shareLinksNone}</p>}>
        <ul class="share-link-list">
          <For each={props.list.links}>{(link) => <LinkRow clinic={props.clinic} link={link} />}</For>
        </ul>
      </Show>
    </div>
  );
}

function NewLinkForm(props: { clinic: ClinicAccess; onMade: (link: NewShareLink) => void }): JSX.Element {
  const [saving, setSaving] = createSignal(false);
  const [outcome, setOutcome] = createSignal<SaveOutcome | null>(null);
  const daysId = createUniqueId();

  const make = async (scope: ShareScope, expiresInDays: number): Promise<void> => {
    setSaving(true);
    setOutcome(null);
    try {
      props.onMade(await createShareLink(props.clinic.id, { scope, expiresInDays }));
      await refreshShareLinks(props.clinic.id);
    } catch (error) {
      setOutcome({ saved: false, failure: { words: (messages) => shareLinkErrorWords(error, messages) } });
    } finally {
      setSaving(false);
    }
  };

  const submit = (event: SubmitEvent & { currentTarget: HTMLFormElement }): void => {
    event.preventDefault();
    const days = parseShareDays(formText(event.currentTarget, 'days'));
    const scope = SHARE_SCOPES.find((known) => known === formText(event.currentTarget, 'scope')) ?? 'today';
    if (days === null) setOutcome({ saved: false, failure: { words: shareDaysOutOfRangeWords } });
    else void make(scope, days);
  };

  return (
    <form class="form share-link-form" method="post" novalidate onSubmit={submit}>
      <fieldset disabled={saving()}>
        <fieldset class="segmented share-scope">
          <legend>{t().shareScopeField}</legend>
          <For each={SHARE_SCOPES}>
            {(scope) => (
              <label class="segment">
                <input type="radio" name="scope" value={scope} checked={scope === 'today'} />
                <span>{t().shareScopes[scope]}</span>
              </label>
            )}
          </For>
        </fieldset>
        <div class="field">
          <label for={daysId}>{t().shareDaysField}</label>
          <input id={daysId} name="days" type="number" inputmode="numeric" min={SHARE_LINK_DAYS.min} max={SHARE_LINK_DAYS.max} step="1" required value={DEFAULT_DAYS} />
          <p class="field-hint">{t().shareDaysHint(SHARE_LINK_DAYS.min, SHARE_LINK_DAYS.max)}</p>
        </div>
      </fieldset>
      <SaveStatus outcome={outcome()} />
      <button type="submit" class="button" disabled={saving()}>
        {saving() ? t().shareCreating : t().shareCreate}
      </button>
    </form>
  );
}

/** The link just made: its address, selectable and copied with one tap; never shown again. */
function MadeLink(props: { link: NewShareLink }): JSX.Element {
  const [copied, setCopied] = createSignal<boolean | null>(null);
  const inputId = createUniqueId();
  let input: HTMLInputElement | undefined;
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(props.link.url);
      setCopied(true);
    } catch {
      // No clipboard (an old browser, a refused permission): the link is selected for a long press.
      input?.select();
      setCopied(false);
    }
  };
  return (
    <div class="notice notice-ok share-link-made">
      <p class="notice-title">{t().shareCreated}</p>
      <div class="field">
        <label for={inputId}>{t().shareLinkLabel}</label>
        <input id={inputId} ref={input} type="url" readOnly value={props.link.url} onFocus={(event) => event.currentTarget.select()} />
      </div>
      <button type="button" class="button" onClick={() => void copy()}>
        {t().shareCopy}
      </button>
      <p role="status" class="footnote">
        <Show when={copied() !== null}>{copied() === true ? t().shareCopied : t().shareNotCopied}</Show>
      </p>
    </div>
  );
}

function LinkRow(props: { clinic: ClinicAccess; link: ShareLink }): JSX.Element {
  const [revoking, setRevoking] = createSignal(false);
  const [outcome, setOutcome] = createSignal<SaveOutcome | null>(null);
  const until = () => formatShareExpiry(props.link.expiresAt, locale(), props.clinic.timezone);
  const revoke = async (): Promise<void> => {
    setRevoking(true);
    setOutcome(null);
    try {
      await revokeShareLink(props.clinic.id, props.link.id);
      await refreshShareLinks(props.clinic.id);
    } catch (error) {
      setOutcome({ saved: false, failure: { words: (messages) => shareLinkErrorWords(error, messages) } });
    } finally {
      setRevoking(false);
    }
  };
  return (
    <li class="share-link" data-state={props.link.state}>
      <p>
        <strong>{t().shareScopes[props.link.scope]}</strong> · <span class="share-link-state">{t().shareStates[props.link.state]}</span> · {t().shareLinkUntil(until())}
      </p>
      <p class="footnote">{t().shareLinkBy(props.link.createdBy)}</p>
      <SaveStatus outcome={outcome()} />
      <Show when={props.link.state === 'active'}>
        <button
          type="button"
          class="button button-quiet"
          disabled={revoking()}
          aria-label={t().shareRevokeLabel(t().shareScopes[props.link.scope], until())}
          onClick={() => void revoke()}
        >
          {revoking() ? t().shareRevoking : t().shareRevoke}
        </button>
      </Show>
    </li>
  );
}
