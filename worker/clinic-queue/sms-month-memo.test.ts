import { describe, expect, it } from 'vitest';
import type { SmsMonthBeforeToday } from '../../db/queries/sms-budget.ts';
import { SMS_MONTH_MEMO_MS, SmsMonthMemo, type HeldSmsMonth, type HeldSmsMonthStore } from './sms-month-memo.ts';

const NOW = Date.parse('2026-12-07T10:00:00+01:00');
const month = (budgetMinor: number | null): SmsMonthBeforeToday => ({ budgetMinor, currency: 'TND', createdAt: 0, days: [{ day: '2026-12-02', count: 4, costMinor: 160, seen: 12 }] });
const unreachable = () => new Error('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });

/** libSQL as the memo sees it: what it answers now, and how many times it was asked. */
function fakeLibsql() {
  const libsql = {
    answer: month(5_000) as SmsMonthBeforeToday | Error,
    reads: 0,
    read: async (_clinicId: string, _now: number) => {
      libsql.reads += 1;
      // What the database held when asked, answered a moment later.
      const answer = libsql.answer;
      await Promise.resolve();
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
  return libsql;
}

/** The object's storage: what outlives one life of the object. */
function memoryStore(): HeldSmsMonthStore & { held: HeldSmsMonth | undefined } {
  const store = {
    held: undefined as HeldSmsMonth | undefined,
    load: () => store.held,
    save: (held: HeldSmsMonth) => void (store.held = held),
    clear: () => void (store.held = undefined),
  };
  return store;
}

describe("the queue object's copy of the SMS month", () => {
  it('should ask libSQL once a minute and once a day, whatever the number of phones refreshing', async () => {
    const libsql = fakeLibsql();
    const memo = new SmsMonthMemo(libsql.read, memoryStore());
    // Twelve phones at once on a cold copy: one read.
    const answers = await Promise.all(Array.from({ length: 12 }, () => memo.around('marsa', '2026-12-07', NOW)));
    expect(answers.every((answer) => answer?.value?.budgetMinor === 5_000 && answer.ageSeconds === null)).toBe(true);
    expect(libsql.reads).toBe(1);
    await memo.around('marsa', '2026-12-07', NOW + SMS_MONTH_MEMO_MS - 1);
    expect(libsql.reads).toBe(1);
    await memo.around('marsa', '2026-12-07', NOW + SMS_MONTH_MEMO_MS);
    expect(libsql.reads).toBe(2);
    // A new clinic day reads again at once: yesterday now belongs to the month's earlier days.
    await memo.around('marsa', '2026-12-08', NOW + SMS_MONTH_MEMO_MS + 1);
    expect(libsql.reads).toBe(3);
  });

  it('should read a new budget at once once told, and not keep a read that raced the change', async () => {
    const libsql = fakeLibsql();
    const memo = new SmsMonthMemo(libsql.read, memoryStore());
    await memo.around('marsa', '2026-12-07', NOW);
    libsql.answer = month(8_000);
    expect((await memo.around('marsa', '2026-12-07', NOW + 1))?.value?.budgetMinor).toBe(5_000);
    memo.forget();
    expect((await memo.around('marsa', '2026-12-07', NOW + 2))?.value?.budgetMinor).toBe(8_000);
    // A read in flight when the budget changes answers its caller, but the next one reads again.
    libsql.answer = month(9_000);
    memo.forget();
    const racing = memo.around('marsa', '2026-12-07', NOW + 3);
    libsql.answer = month(10_000);
    memo.forget();
    // A phone asking while the old read is still under way does not join it.
    const after = memo.around('marsa', '2026-12-07', NOW + 4);
    expect((await racing)?.value?.budgetMinor).toBe(9_000);
    expect((await after)?.value?.budgetMinor).toBe(10_000);
    expect((await memo.around('marsa', '2026-12-07', NOW + 5))?.value?.budgetMinor).toBe(10_000);
  });

  it('should stand in with the last read, marked with its age, while libSQL is down, also after the object restarts', async () => {
    const libsql = fakeLibsql();
    const store = memoryStore();
    await new SmsMonthMemo(libsql.read, store).around('marsa', '2026-12-07', NOW);
    libsql.answer = unreachable();
    // A new life of the object: nothing in memory, the copy in its storage.
    const restarted = new SmsMonthMemo(libsql.read, store);
    expect(await restarted.around('marsa', '2026-12-07', NOW + 95_000)).toEqual({ value: month(5_000), ageSeconds: 95 });
    // Nothing kept and libSQL down: nothing to say; a wrong query is not an outage.
    expect(await new SmsMonthMemo(libsql.read, memoryStore()).around('marsa', '2026-12-07', NOW)).toBeUndefined();
    libsql.answer = new Error('no such column: sms_budget_minor');
    await expect(new SmsMonthMemo(libsql.read, memoryStore()).around('marsa', '2026-12-07', NOW)).rejects.toThrow('no such column');
  });
});
