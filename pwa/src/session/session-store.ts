import { createMemo, createSignal } from 'solid-js';
import type { Account, ClinicAccess } from '../api/account';
import * as auth from '../api/auth';
import { ServerUnreachableError, UnexpectedAnswerError } from '../api/errors';
import { readPreference, writePreference } from '../preferences';
import { pickClinic } from './clinic-choice';

/** Where this browser stands with Pulse's API. */
export type SessionState =
  | { status: 'checking' }
  /** `afterLogout` when the user just signed out here, rather than never having signed in. */
  | { status: 'signedOut'; afterLogout: boolean }
  /** No answer from the API, so nobody can tell whether the session is still valid. */
  | { status: 'unreachable' }
  /** The API answered, but with neither an account nor "not signed in" (e.g. its database is down). */
  | { status: 'failed'; error: unknown }
  | { status: 'signedIn'; account: Account };

export interface SessionView {
  readonly session: SessionState;
  /** The signed-in account, or null. */
  readonly account: Account | null;
  /** The clinic Today and History show, or null (signed out, or no clinic yet). */
  readonly clinic: ClinicAccess | null;
}

export interface SessionActions {
  /** Asks the API who is signed in (at start, on retry, after a refusal that may mean "expired"); never rejects. */
  reload(): Promise<void>;
  signIn(email: string, password: string): Promise<void>;
  /** First password from an invitation's setup link, which signs in. */
  completeSetup(token: string, password: string): Promise<void>;
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  signOut(): Promise<void>;
  chooseClinic(clinicId: string): void;
}

const CLINIC_KEY = 'pulse.clinic';

/**
 * The session, kept by the API's HttpOnly cookie: this store only mirrors what `/me` says, so a
 * reload asks again and stays signed in as long as the cookie is valid. Actions reject with the
 * API's errors for the screens to put into words; the state changes only on success.
 */
export function createSessionStore(): [SessionView, SessionActions] {
  const [session, setSession] = createSignal<SessionState>({ status: 'checking' });
  const [chosenClinicId, setChosenClinicId] = createSignal(readPreference(CLINIC_KEY));
  const account = createMemo(() => {
    const current = session();
    return current.status === 'signedIn' ? current.account : null;
  });
  const clinic = createMemo(() => pickClinic(account()?.clinics ?? [], chosenClinicId()));

  async function loadAccount(): Promise<Account | null> {
    const loaded = await auth.fetchAccount();
    setSession(loaded === null ? { status: 'signedOut', afterLogout: false } : { status: 'signedIn', account: loaded });
    return loaded;
  }

  /** After an answer that set the cookie, the account must load, or the browser refused the cookie. */
  async function adoptNewSession(): Promise<void> {
    if ((await loadAccount()) === null) throw new UnexpectedAnswerError('signed in, but this browser did not keep the session cookie');
  }

  const actions: SessionActions = {
    async reload() {
      try {
        await loadAccount();
      } catch (error) {
        if (error instanceof ServerUnreachableError) setSession({ status: 'unreachable' });
        else setSession({ status: 'failed', error });
      }
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
    get clinic() {
      return clinic();
    },
  };
  return [view, actions];
}
