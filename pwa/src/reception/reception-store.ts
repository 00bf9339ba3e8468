import { createSignal, onCleanup } from 'solid-js';
import { ApiError } from '../api/errors';
import { addWalkIn, callNextPatient, moveEntry, setDoctorPresence, type EntryAction } from '../api/queue';
import type { CheckInMethod } from '../api/wire';

/** One thing reception asks of the queue. */
export type ReceptionCommand =
  | { kind: 'walkIn'; method: CheckInMethod }
  | { kind: 'callNext' }
  | { kind: 'entry'; action: EntryAction; entryId: string; ticketNumber: number }
  | { kind: 'presence'; present: boolean };

/** A command the queue took, and the entry it created or moved (the screen finds its ticket live). */
export interface ReceptionDone {
  command: ReceptionCommand;
  entryId: string | null;
}

export interface ReceptionView {
  /** The command on its way; every reception button waits for it. */
  readonly sending: ReceptionCommand | null;
  readonly failure: { command: ReceptionCommand; error: unknown } | null;
  /** The last command taken, for a few seconds. */
  readonly done: ReceptionDone | null;
  /** How the next walk-in checked in: "manuel" unless reception says QR. */
  readonly method: CheckInMethod;
}

export interface ReceptionActions {
  /** Sends a command unless one is on its way; never rejects (failures land in `failure`). */
  send(command: ReceptionCommand): Promise<void>;
  chooseMethod(method: CheckInMethod): void;
}

/** Long enough to read "ticket 14 added" and write it down; short enough not to linger. */
const DONE_VISIBLE_MS = 8_000;

async function perform(clinicId: string, command: ReceptionCommand): Promise<string | null> {
  switch (command.kind) {
    case 'walkIn':
      return addWalkIn(clinicId, command.method);
    case 'callNext':
      return callNextPatient(clinicId);
    case 'entry':
      return moveEntry(clinicId, command.entryId, command.action);
    case 'presence':
      await setDoctorPresence(clinicId, command.present);
      return null;
  }
}

/**
 * Reception's desk for one clinic: one command at a time, its failure kept for the screen to put
 * into words. The figures themselves move through the live store, which the queue updates.
 */
export function createReceptionStore(options: {
  clinicId: () => string | null;
  /** The API answered UNAUTHORIZED: the session store must find out. */
  onSessionEnded: () => void;
}): [ReceptionView, ReceptionActions] {
  const [sending, setSending] = createSignal<ReceptionCommand | null>(null);
  const [failure, setFailure] = createSignal<{ command: ReceptionCommand; error: unknown } | null>(null);
  const [done, setDone] = createSignal<ReceptionDone | null>(null);
  const [method, setMethod] = createSignal<CheckInMethod>('manual');
  let doneTimer: number | undefined;
  onCleanup(() => window.clearTimeout(doneTimer));

  const actions: ReceptionActions = {
    async send(command) {
      const clinicId = options.clinicId();
      if (clinicId === null || sending() !== null) return;
      setSending(command);
      setFailure(null);
      setDone(null);
      window.clearTimeout(doneTimer);
      try {
        const entryId = await perform(clinicId, command);
        setDone({ command, entryId });
        doneTimer = window.setTimeout(() => setDone(null), DONE_VISIBLE_MS);
      } catch (error) {
        setFailure({ command, error });
        if (error instanceof ApiError && error.code === 'UNAUTHORIZED') options.onSessionEnded();
      } finally {
        setSending(null);
      }
    },
    chooseMethod: setMethod,
  };
  const view: ReceptionView = {
    get sending() {
      return sending();
    },
    get failure() {
      return failure();
    },
    get done() {
      return done();
    },
    get method() {
      return method();
    },
  };
  return [view, actions];
}
