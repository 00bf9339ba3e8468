import type { MetricsRecorder } from '../metrics/recorder.ts';
import type { Clock } from '../runtime/clock.ts';

/** PRODUCT: at most 4 updates a second per connection. */
const BROADCAST_INTERVAL_MS = 250;

/** Who opened a live socket, kept as the socket's tags so their sockets can be found and closed. */
export interface SocketOwner {
  sessionTokenHash: string;
  userId: string;
}

/**
 * What the next message must carry: everything, or the entries changed since the last one. An
 * object woken from hibernation under open sockets has nothing to catch up on: the runtime never
 * hibernates an object with a timer set, and an update not sent yet is a timer.
 */
export type LiveChanges = { kind: 'snapshot' } | { kind: 'update'; entryIds: ReadonlySet<string> };

const sessionTag = (sessionTokenHash: string) => `session:${sessionTokenHash}`;
const userTag = (userId: string) => `user:${userId}`;

/**
 * The phones watching one clinic's queue: hibernatable sockets tagged with who opened them, told
 * of changes at most every BROADCAST_INTERVAL_MS. It remembers which entries changed since the
 * phones were last told, so an update carries those rather than the whole day.
 */
export class LiveSockets {
  readonly #ctx: DurableObjectState;
  readonly #clock: Clock;
  readonly #metrics: MetricsRecorder;
  #lastBroadcastAt = 0;
  #broadcastTimer: ReturnType<typeof setTimeout> | undefined;
  #changedEntries = new Set<string>();
  /** The next message is the whole list (a new day, memory reloaded). */
  #snapshotDue = false;

  constructor(ctx: DurableObjectState, runtime: { clock: Clock; metrics: MetricsRecorder }) {
    this.#ctx = ctx;
    this.#clock = runtime.clock;
    this.#metrics = runtime.metrics;
  }

  /** These entries changed: the next update carries them. */
  entriesChanged(entryIds: Iterable<string>): void {
    for (const entryId of entryIds) this.#changedEntries.add(entryId);
  }

  /** Anything may have changed (a new day, a reload): the next message is the whole list. */
  everythingChanged(): void {
    this.#snapshotDue = true;
  }

  accept(server: WebSocket, owner: SocketOwner): void {
    this.#ctx.acceptWebSocket(server, [sessionTag(owner.sessionTokenHash), userTag(owner.userId)]);
  }

  /** The sockets one session opened, or every socket of a user. */
  ownedBy(of: { sessionTokenHash: string } | { userId: string }): WebSocket[] {
    return this.#ctx.getWebSockets('sessionTokenHash' in of ? sessionTag(of.sessionTokenHash) : userTag(of.userId));
  }

  /** Sockets still open, `closing` aside (it is open until its close handler returns). */
  openCount(closing?: WebSocket): number {
    return this.#ctx.getWebSockets().filter((socket) => socket !== closing && socket.readyState === WebSocket.OPEN).length;
  }

  /** Closes `sockets` (all of them by default) with `code` and `reason`; answers how many it closed. */
  close(code: number, reason: string, sockets: WebSocket[] = this.#ctx.getWebSockets()): number {
    let closed = 0;
    for (const socket of sockets) {
      try {
        socket.close(code, reason);
        closed += 1;
      } catch {
        // Already closing: nothing more to do for this one.
      }
    }
    return closed;
  }

  /**
   * Tells the phones: at once when the last update is 250 ms old or more, else once that time has
   * passed, with the state as it is then (updates coalesce; none is lost, none is stale).
   * `update` answers the text to send then, given what changed, or undefined when there is nothing to tell.
   * With no phone connected nothing is kept: the next one starts from its own snapshot.
   */
  scheduleBroadcast(update: (changes: LiveChanges) => string | undefined): void {
    if (this.#ctx.getWebSockets().length === 0) {
      this.#forgetChanges();
      return;
    }
    if (this.#broadcastTimer !== undefined) return;
    const wait = this.#lastBroadcastAt + BROADCAST_INTERVAL_MS - this.#clock.now();
    if (wait <= 0) {
      this.#broadcast(update);
      return;
    }
    this.#broadcastTimer = setTimeout(() => {
      this.#broadcastTimer = undefined;
      this.#broadcast(update);
    }, wait);
  }

  #forgetChanges(): void {
    this.#changedEntries = new Set();
    this.#snapshotDue = false;
  }

  #broadcast(update: (changes: LiveChanges) => string | undefined): void {
    const changes: LiveChanges = this.#snapshotDue ? { kind: 'snapshot' } : { kind: 'update', entryIds: this.#changedEntries };
    this.#forgetChanges();
    const text = update(changes);
    if (text === undefined) return;
    this.#lastBroadcastAt = this.#clock.now();
    let sent = 0;
    for (const socket of this.#ctx.getWebSockets()) {
      try {
        socket.send(text);
        sent += 1;
      } catch {
        // A socket closing under us is not an error of ours: it will be gone next time.
      }
    }
    this.#metrics.count('pulse_websocket_messages_total', {}, sent);
  }
}
