/**
 * The ClinicQueue's own SQLite storage: today's entries and SMS, the event ids it has seen, and the
 * outbox of rows still to be written to libSQL. Every write of one ingestion happens in one
 * `transactionSync`, so the object's state and its outbox never disagree.
 */
import { z } from 'zod';
import type { ModelHistoryEntry } from '../domain/past-entry.ts';
import { HeldSmsMonthSchema, type HeldSmsMonthStore } from './sms-month-memo.ts';
import { SERVICE_WALK_OUT_PRIOR, WalkOutModelSchema, type WalkOutModel } from '../domain/walk-out-risk.ts';
import {
  ActivityRowSchema,
  ClinicSettingsSchema,
  DailyRollupRowSchema,
  HourlyRollupRowSchema,
  DayMetaSchema,
  PastEntrySchema,
  QueueEntryRowSchema,
  SmsRowSchema,
  StoredEventRowSchema,
  type DayMeta,
} from './stored-rows.ts';

const ArchivedSchema = z.boolean();

/** Append-only, like migrations/: version N runs once, in order, when the object starts. */
const STORAGE_MIGRATIONS = [
  `create table meta (key text primary key, value text not null);
   create table seen_events (id text primary key, day text not null);
   create index seen_events_day on seen_events (day);
   create table entries (id text primary key, row text not null);
   create table sms (id text primary key, row text not null);
   create table outbox (seq integer primary key autoincrement, kind text not null, row text not null, enqueued_at integer not null);`,
  // The wait estimator's history: the last weeks' entries, the few fields it reads, kept here so a
  // day opens with a fresh model without waiting for libSQL.
  `create table past_entries (id text primary key, day text not null, row text not null);
   create index past_entries_day on past_entries (day);`,
];

export function migrateQueueStorage(sql: SqlStorage): void {
  sql.exec('create table if not exists storage_version (version integer not null)');
  const current = sql.exec<{ version: number }>('select version from storage_version').toArray()[0]?.version ?? 0;
  for (let version = current; version < STORAGE_MIGRATIONS.length; version += 1) {
    sql.exec(STORAGE_MIGRATIONS[version] ?? '');
  }
  sql.exec('delete from storage_version');
  sql.exec('insert into storage_version (version) values (?)', STORAGE_MIGRATIONS.length);
}

function readMeta<T extends z.ZodType>(sql: SqlStorage, key: string, schema: T): z.infer<T> | undefined {
  const row = sql.exec<{ value: string }>('select value from meta where key = ?', key).toArray()[0];
  return row === undefined ? undefined : schema.parse(JSON.parse(row.value));
}

function writeMeta(sql: SqlStorage, key: string, value: unknown): void {
  sql.exec('insert into meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value', key, JSON.stringify(value));
}

export const readSettings = (sql: SqlStorage) => readMeta(sql, 'settings', ClinicSettingsSchema);
export const writeSettings = (sql: SqlStorage, settings: z.infer<typeof ClinicSettingsSchema>) => writeMeta(sql, 'settings', settings);
/** An archived clinic's queue takes no events until the clinic is restored. */
export const readArchived = (sql: SqlStorage) => readMeta(sql, 'archived', ArchivedSchema) ?? false;
export const writeArchived = (sql: SqlStorage, archived: boolean) => writeMeta(sql, 'archived', archived);
export const readDayMeta = (sql: SqlStorage) => readMeta(sql, 'day', DayMetaSchema);
/** The service's walk-out model as last read from libSQL (the day's own is shrunk toward it); the default before. */
export const readWalkOutPrior = (sql: SqlStorage) => readMeta(sql, 'walk_out_prior', WalkOutModelSchema) ?? SERVICE_WALK_OUT_PRIOR;
export const writeWalkOutPrior = (sql: SqlStorage, model: WalkOutModel) => writeMeta(sql, 'walk_out_prior', model);
export const writeDayMeta = (sql: SqlStorage, meta: DayMeta) => writeMeta(sql, 'day', meta);
/** The month's SMS before today as last read from libSQL (sms-month-memo.ts). */
export function heldSmsMonthStore(sql: SqlStorage): HeldSmsMonthStore {
  return {
    // A copy of another shape (an older deployment's) is no copy.
    load: () => (HeldSmsMonthSchema.safeParse(readMeta(sql, 'sms_month', z.unknown())).data),
    save: (held) => writeMeta(sql, 'sms_month', held),
    clear: () => void sql.exec("delete from meta where key = 'sms_month'"),
  };
}

export function readEntries(sql: SqlStorage) {
  return sql.exec<{ row: string }>('select row from entries').toArray().map(({ row }) => QueueEntryRowSchema.parse(JSON.parse(row)));
}

export function readSms(sql: SqlStorage) {
  return sql.exec<{ row: string }>('select row from sms').toArray().map(({ row }) => SmsRowSchema.parse(JSON.parse(row)));
}

export function putEntry(sql: SqlStorage, row: z.infer<typeof QueueEntryRowSchema>): void {
  sql.exec('insert or replace into entries (id, row) values (?, ?)', row.id, JSON.stringify(row));
}

export function putSms(sql: SqlStorage, row: z.infer<typeof SmsRowSchema>): void {
  sql.exec('insert or replace into sms (id, row) values (?, ?)', row.id, JSON.stringify(row));
}

/** A new clinic day: yesterday's entries and SMS leave the object (they are in libSQL). */
export function clearDayRows(sql: SqlStorage): void {
  sql.exec('delete from entries');
  sql.exec('delete from sms');
}

export function hasSeenEvent(sql: SqlStorage, id: string): boolean {
  return sql.exec('select 1 from seen_events where id = ?', id).toArray().length > 0;
}

export function markEventSeen(sql: SqlStorage, id: string, day: string): void {
  sql.exec('insert or ignore into seen_events (id, day) values (?, ?)', id, day);
}

/** Forgets ids of days before `day`: a resend that old is refused as belonging to a closed day. */
export function forgetEventsBefore(sql: SqlStorage, day: string): void {
  sql.exec('delete from seen_events where day < ?', day);
}

export function putPastEntries(sql: SqlStorage, entries: Iterable<ModelHistoryEntry>): void {
  for (const entry of entries) {
    const row: ModelHistoryEntry = {
      id: entry.id, clinicDay: entry.clinicDay, state: entry.state, method: entry.method, checkedInAt: entry.checkedInAt, calledAt: entry.calledAt,
      completedAt: entry.completedAt, noShowAt: entry.noShowAt, cancelledAt: entry.cancelledAt, unfinishedAt: entry.unfinishedAt,
      quoteWaitMinutes: entry.quoteWaitMinutes,
    };
    sql.exec('insert or replace into past_entries (id, day, row) values (?, ?, ?)', entry.id, entry.clinicDay, JSON.stringify(row));
  }
}

export function readPastEntries(sql: SqlStorage): ModelHistoryEntry[] {
  return sql.exec<{ row: string }>('select row from past_entries').toArray().map(({ row }) => PastEntrySchema.parse(JSON.parse(row)));
}

export function forgetPastEntriesBefore(sql: SqlStorage, day: string): void {
  sql.exec('delete from past_entries where day < ?', day);
}

/** What the outbox carries to libSQL, one row each. */
export const OUTBOX_SCHEMAS = {
  event: StoredEventRowSchema,
  entry: QueueEntryRowSchema,
  sms: SmsRowSchema,
  activity: ActivityRowSchema,
  daily: DailyRollupRowSchema,
  hourly: HourlyRollupRowSchema,
} as const;
export type OutboxKind = keyof typeof OUTBOX_SCHEMAS;
export type OutboxRow<K extends OutboxKind> = z.infer<(typeof OUTBOX_SCHEMAS)[K]>;

/** A row for libSQL, written there later by the alarm (outbox.ts), in the order rows were added. */
export function addToOutbox<K extends OutboxKind>(sql: SqlStorage, kind: K, row: OutboxRow<K>, now: number): void {
  sql.exec('insert into outbox (kind, row, enqueued_at) values (?, ?, ?)', kind, JSON.stringify(row), now);
}

export interface OutboxBatch {
  lastSeq: number;
  events: OutboxRow<'event'>[];
  entries: OutboxRow<'entry'>[];
  sms: OutboxRow<'sms'>[];
  activity: OutboxRow<'activity'>[];
  daily: OutboxRow<'daily'>[];
  hourly: OutboxRow<'hourly'>[];
}

/**
 * The oldest `limit` outbox rows. Several versions of one entry or SMS collapse to the newest:
 * rows are written whole, so the last version is all libSQL needs.
 */
export function readOutbox(sql: SqlStorage, limit: number): OutboxBatch | undefined {
  const rows = sql.exec<{ seq: number; kind: string; row: string }>('select seq, kind, row from outbox order by seq limit ?', limit).toArray();
  const last = rows.at(-1);
  if (last === undefined) return undefined;
  const entries = new Map<string, OutboxRow<'entry'>>();
  const sms = new Map<string, OutboxRow<'sms'>>();
  const batch: OutboxBatch = { lastSeq: last.seq, events: [], entries: [], sms: [], activity: [], daily: [], hourly: [] };
  for (const { kind, row } of rows) {
    const value: unknown = JSON.parse(row);
    if (kind === 'event') batch.events.push(OUTBOX_SCHEMAS.event.parse(value));
    else if (kind === 'activity') batch.activity.push(OUTBOX_SCHEMAS.activity.parse(value));
    else if (kind === 'daily') batch.daily.push(OUTBOX_SCHEMAS.daily.parse(value));
    else if (kind === 'hourly') batch.hourly.push(OUTBOX_SCHEMAS.hourly.parse(value));
    else if (kind === 'entry') {
      const entry = OUTBOX_SCHEMAS.entry.parse(value);
      entries.set(entry.id, entry);
    } else if (kind === 'sms') {
      const message = OUTBOX_SCHEMAS.sms.parse(value);
      sms.set(message.id, message);
    }
  }
  batch.entries = [...entries.values()];
  batch.sms = [...sms.values()];
  return batch;
}

export function dropOutboxThrough(sql: SqlStorage, seq: number): void {
  sql.exec('delete from outbox where seq <= ?', seq);
}

/** How far behind libSQL is: rows waiting and the age of the oldest. */
export function outboxBacklog(sql: SqlStorage, now: number): { rows: number; lagMs: number } {
  const row = sql.exec<{ rows: number; oldest: number | null }>('select count(*) as rows, min(enqueued_at) as oldest from outbox').toArray()[0];
  return { rows: row?.rows ?? 0, lagMs: row?.oldest == null ? 0 : Math.max(0, now - row.oldest) };
}
