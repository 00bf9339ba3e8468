import { createMemo, createSignal } from 'solid-js';
import type { Account, ClinicAccess } from '../api/account';
import * as auth from '../api/auth';
import { ServerUnreachableError, UnexpectedAnswerError } from '../api/errors';
import { readPreference, writePreference } from '../preferences';
import { pickClinic } from './clinic-choice';
import { deviceCopies, wipeCachedApiAnswers } from './device-copies';

/** Where this browser stands with Pulse's API. */
export type SessionState =
  | { status: 'checking' }
  /** `afterLogout` when the user just signed out here, rather than never having signed in. */
  | { status: 'signedOut'; afterLogout: boolean }
  /** No answer from the API, so nobody can tell whether the session is still valid. */
  | { status: 'unreachable' }
  /**
   * No answer from the API, but this phone remembers who was signed in (`savedAt`, its clock):
   * their screens open on the copies kept here, marked stale, until the API answers again.
   */
  | { status: 'remembered'; account: Account; savedAt: number }
  /** The API answered, but with neither an account nor "not signed in" (e.g. its database is down). */
  | { status: 'failed'; error: unknown }
  | { status: 'signedIn'; account: Account };

export interface SessionView {
  readonly session: SessionState;
  /** The signed-in account (confirmed, or remembered while the API cannot be reached), or null. */
  readonly account: Account | null;
  /** When the API last confirmed the account (this phone's clock, ms): answers kept meanwhile are read again after. */
  readonly confirmedAt: number | null;
  /** The clinic Today and History show, or null (signed out, or no clinic yet). */
  readonly clinic: ClinicAccess | null;
}

export interface SessionActions {
  /**
   * Asks the API who is signed in (at start, on retry, when the network returns, after a refusal
   * that may mean "expired"); never rejects. One question at a time: a call meanwhile shares it.
   */
  reload(): Promise<void>;
  signIn(email: string, password: string): Promise<void>;
  /** First password from an invitation's setup link, which signs in. */
  completeSetup(token: string, password: string): Promise<void>;
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  signOut(): Promise<void>;
  chooseClinic(clinicId: string): void;
}

const CLINIC_KEY = 'pulse.clinic';

/** Signed out, or the session turned out revoked: nothing the API answered stays on this phone. */
function forgetEverything(): void {
  deviceCopies.wipe();
  void wipeCachedApiAnswers();
}

/**
 * The session, kept by the API's HttpOnly cookie: this store mirrors what `/me` says, so a reload
 * asks again and stays signed in as long as the cookie is valid. The account `/me` confirmed is
 * remembered on the phone (device-copies.ts), so the installed app opens on it, and on its copies,
 * at once and without a network; the API's answer then confirms it, or signs out and wipes.
 * Actions reject with the API's errors for the screens to put into words; the state changes only
 * on success.
 */
export function createSessionStore(): [SessionView, SessionActions] {
  const kept = deviceCopies.remembered();
  const [session, setSession] = createSignal<SessionState>(kept === null ? { status: 'checking' } : { status: 'remembered', ...kept });
  const [confirmedAt, setConfirmedAt] = createSignal<number | null>(null);
  const [chosenClinicId, setChosenClinicId] = createSignal(readPreference(CLINIC_KEY));
  const account = createMemo(() => {
    const current = session();
    return current.status === 'signedIn' || current.status === 'remembered' ? current.account : null;
  });
  const clinic = createMemo(() => pickClinic(account()?.clinics ?? [], chosenClinicId()));
  let asking: Promise<void> | null = null;

  async function loadAccount(): Promise<Account | null> {
    const loaded = await auth.fetchAccount();
    if (loaded === null) {
      forgetEverything();
      setSession({ status: 'signedOut', afterLogout: false });
      return null;
    }
    const now = Date.now();
    deviceCopies.confirm(loaded, now);
    setSession({ status: 'signedIn', account: loaded });
    setConfirmedAt(now);
    return loaded;
  }

  /** The API cannot be reached: the account on screen (or remembered) stays, else nobody can tell. */
  function markUnreachable(): void {
    const shown = session();
    if (shown.status === 'remembered') return;
    const known = shown.status === 'signedIn' ? { account: shown.account, savedAt: confirmedAt() ?? Date.now() } : deviceCopies.remembered();
    setSession(known === null ? { status: 'unreachable' } : { status: 'remembered', ...known });
  }

  async function ask(): Promise<void> {
    try {
      await loadAccount();
    } catch (error) {
      if (error instanceof ServerUnreachableError) markUnreachable();
      else setSession({ status: 'failed', error });
    }
  }

  /** After an answer that set the cookie, the account must load, or the browser refused the cookie. */
  async function adoptNewSession(): Promise<void> {
    if ((await loadAccount()) === null) throw new UnexpectedAnswerError('signed in, but this browser did not keep the session cookie');
  }

  const actions: SessionActions = {
    reload() {
      asking ??= ask().finally(() => {
        asking = null;
      });
      return asking;
    },
    async signIn(email, password) {
      await auth.logIn(email, password);
      await adoptNewSession();
    },
    async completeSetup(token, password) {
      await auth.completeSetup(token, password);
      await adoptNewSession();
    },
    async changePassword(currentPassword, newPassword) {
      await auth.changePassword(currentPassword, newPassword);
    },
    async signOut() {
      await auth.logOut();
      forgetEverything();
      setSession({ status: 'signedOut', afterLogout: true });
    },
    chooseClinic(clinicId) {
      setChosenClinicId(clinicId);
      writePreference(CLINIC_KEY, clinicId);
    },
  };

  const view: SessionView = {
    get session() {
      return session();
    },
    get account() {
      return account();
    },
    get confirmedAt() {
      return confirmedAt();
    },
    get clinic() {
      return clinic();
    },
  };
  return [view, actions];
}
