/**
 * The month's SMS before today (`stats/today`), as the clinic's queue object keeps it: read from
 * libSQL at most once a minute and once per clinic day, so a phone refreshing its figures costs
 * libSQL nothing most of the time. The copy is also written to the object's storage, to stand in
 * (marked stale, with its age) while libSQL is down, across restarts of the object.
 */
import { z } from 'zod';
import { isDatabaseUnreachable } from '../../db/errors.ts';
import type { SmsMonthBeforeToday } from '../../db/queries/sms-budget.ts';
import { SmsMonthBeforeTodaySchema, type Kept } from '../use-cases/today-sms.ts';

/**
 * How long a read answers: the earlier days' rollups change only when a day closes or late events
 * are written behind, and a budget change forgets the copy at once.
 */
export const SMS_MONTH_MEMO_MS = 60_000;

export const HeldSmsMonthSchema = z.object({ day: z.string(), readAt: z.number(), value: SmsMonthBeforeTodaySchema });
export type HeldSmsMonth = z.infer<typeof HeldSmsMonthSchema>;

/** Where the last read is kept between the object's lives. */
export interface HeldSmsMonthStore {
  load(): HeldSmsMonth | undefined;
  save(held: HeldSmsMonth): void;
  clear(): void;
}

export class SmsMonthMemo {
  readonly #read: (clinicId: string, now: number) => Promise<SmsMonthBeforeToday | undefined>;
  readonly #store: HeldSmsMonthStore;
  #held: HeldSmsMonth | undefined;
  #loaded = false;
  /** Bumped by `forget`: a read that started before it is answered but not kept. */
  #generation = 0;
  /** One read at a time: phones refreshing together when the copy expires ask libSQL once. */
  #reading: Promise<Kept<SmsMonthBeforeToday | undefined> | undefined> | undefined;

  constructor(read: (clinicId: string, now: number) => Promise<SmsMonthBeforeToday | undefined>, store: HeldSmsMonthStore) {
    this.#read = read;
    this.#store = store;
  }

  /** The month around the clinic's `day` as of `now`; undefined when libSQL is unreachable and nothing was kept. Other errors go on. */
  async around(clinicId: string, day: string, now: number): Promise<Kept<SmsMonthBeforeToday | undefined> | undefined> {
    const held = this.#heldCopy();
    if (held !== undefined && held.day === day && now >= held.readAt && now - held.readAt < SMS_MONTH_MEMO_MS) return { value: held.value, ageSeconds: null };
    if (this.#reading !== undefined) return this.#reading;
    const reading = this.#readAndKeep(clinicId, day, now).finally(() => {
      if (this.#reading === reading) this.#reading = undefined;
    });
    this.#reading = reading;
    return reading;
  }

  /** The budget or the clinic changed: the next answer reads libSQL. */
  forget(): void {
    this.#generation += 1;
    // A read already under way may have seen the old budget: the next caller does not join it.
    this.#reading = undefined;
    this.#held = undefined;
    this.#loaded = true;
    this.#store.clear();
  }

  async #readAndKeep(clinicId: string, day: string, now: number): Promise<Kept<SmsMonthBeforeToday | undefined> | undefined> {
    const generation = this.#generation;
    try {
      const value = await this.#read(clinicId, now);
      if (generation === this.#generation) {
        this.#held = { day, readAt: now, value };
        this.#store.save(this.#held);
      }
      return { value, ageSeconds: null };
    } catch (error) {
      if (!isDatabaseUnreachable(error)) throw error;
      const held = this.#heldCopy();
      return held === undefined ? undefined : { value: held.value, ageSeconds: Math.max(0, Math.floor((now - held.readAt) / 1000)) };
    }
  }

  #heldCopy(): HeldSmsMonth | undefined {
    if (!this.#loaded) {
      this.#held = this.#store.load();
      this.#loaded = true;
    }
    return this.#held;
  }
}
