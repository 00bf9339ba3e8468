import { DurableObject } from 'cloudflare:workers';
import { isDatabaseUnreachable } from '../../db/errors.ts';
import { findLiveSession, isStillLive, slideSession, type LiveSession, type SessionLifetime, type SessionUser } from '../../db/queries/sessions.ts';
import { durableObjectRuntime } from '../runtime/durable-object-runtime.ts';
import type { Runtime } from '../runtime/runtime.ts';

/**
 * What a directory answers for a token: its person, no live session, libSQL out of reach (its
 * message), or not its database to answer for.
 */
export type SessionLookup = { kind: 'user'; user: SessionUser } | { kind: 'none' } | { kind: 'unreachable'; message: string } | { kind: 'other_database' };

/** Whose sessions a change concerns: one session, every session of a person, or all of them. */
export type SessionsToForget = { tokenHash: string } | { userId: string } | { all: true };

/**
 * Sessions kept in memory here are bounded: past this, the least recently proven go first (and
 * are read from libSQL again when they come back).
 */
const KNOWN_MAX = 50_000;

/**
 * The live sessions of part of the service, in memory, so checking a session on the hot path is
 * one call to this object instead of a libSQL round trip. It is the authority for revocation:
 * every change that ends or narrows a session (logout, password change or reset, disabling,
 * deletion, a membership gone or added, a clinic archived, restored or erased) is written to
 * libSQL first and then told here (`forget`), before the change is answered — so a revoked
 * session is refused from the next request on, in every isolate. A restart only empties the
 * memory: the next check reads libSQL again.
 */
export class SessionDirectory extends DurableObject<Env> {
  readonly #runtime: Runtime;
  #known = new Map<string, LiveSession>();
  /**
   * Bumped by every `forget`: a libSQL read that started before a forget may have seen the
   * session before it was revoked, so its result is answered but not kept.
   */
  #generation = 0;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.#runtime = durableObjectRuntime(ctx, env, 'SessionDirectory');
  }

  /**
   * The person behind a live session at `now` (the caller's clock, so a test's pinned time holds
   * here), for a caller on `databaseUrl`. In production every caller has this object's database;
   * an app built over another one (a test's service database of its own) is told to ask it itself.
   */
  async userOf(tokenHash: string, now: number, lifetime: SessionLifetime, databaseUrl: string): Promise<SessionLookup> {
    if (databaseUrl !== this.#runtime.config.libsqlUrl) return { kind: 'other_database' };
    const known = this.#known.get(tokenHash);
    const generation = this.#generation;
    if (known !== undefined && isStillLive(known, now, lifetime)) {
      const slid = await this.#slid(tokenHash, known, now, lifetime);
      if (generation === this.#generation) {
        // Moved to the end: the least recently proven go first when the memory is full.
        this.#known.delete(tokenHash);
        this.#known.set(tokenHash, slid);
      }
      return { kind: 'user', user: known.user };
    }
    this.#known.delete(tokenHash);
    try {
      const found = await findLiveSession(this.#runtime.db, tokenHash, now, lifetime);
      if (found === null) return { kind: 'none' };
      const slid = await slideSession(this.#runtime.db, tokenHash, found, now, lifetime);
      if (generation === this.#generation) this.#keep(tokenHash, slid);
      return { kind: 'user', user: found.user };
    } catch (error) {
      if (isDatabaseUnreachable(error)) return { kind: 'unreachable', message: error instanceof Error ? error.message : String(error) };
      throw error;
    }
  }

  /** Drops what this object knows of the sessions concerned; the next check reads libSQL. */
  forget(of: SessionsToForget): number {
    this.#generation += 1;
    let dropped = 0;
    for (const [tokenHash, session] of this.#known) {
      const concerned = 'all' in of || ('tokenHash' in of ? tokenHash === of.tokenHash : session.user.id === of.userId);
      if (!concerned) continue;
      this.#known.delete(tokenHash);
      dropped += 1;
    }
    return dropped;
  }

  /** The slide is a write; libSQL out of reach only postpones it to the next check (the session stays live in memory). */
  async #slid(tokenHash: string, known: LiveSession, now: number, lifetime: SessionLifetime): Promise<LiveSession> {
    try {
      return await slideSession(this.#runtime.db, tokenHash, known, now, lifetime);
    } catch (error) {
      if (!isDatabaseUnreachable(error)) throw error;
      this.#runtime.logger.warn('session slide postponed: libSQL unreachable', { error: String(error) });
      return known;
    }
  }

  #keep(tokenHash: string, session: LiveSession): void {
    if (this.#known.size >= KNOWN_MAX) this.#known.delete(this.#known.keys().next().value ?? '');
    this.#known.set(tokenHash, session);
  }
}
