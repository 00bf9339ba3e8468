import { describe, expect, it } from 'vitest';
import { queryLabel } from './query-label.ts';

describe('the query label', () => {
  it('should name the statement kind and its own table, not a subquery', () => {
    expect(queryLabel('select "id", "token_hash" from "sessions" where "token_hash" = ?')).toBe('select:sessions');
    expect(queryLabel('select "id", (select max("occurred_at") from "clinic_activity" where "kind" = ?) from "clinics"')).toBe('select:clinics');
    expect(queryLabel('insert into "events" ("clinic_id", "id") values (?, ?) on conflict do nothing')).toBe('insert:events');
    expect(queryLabel('update "sessions" set "last_seen_at" = ?')).toBe('update:sessions');
    expect(queryLabel('delete from "events" where "rowid" in (select "rowid" from "events" limit ?)')).toBe('delete:events');
    expect(queryLabel('select 1')).toBe('select');
    expect(queryLabel('select "session" from "sessions"', true)).toBe('batch:select:sessions');
    expect(queryLabel('vacuum')).toBe('other');
  });
});

describe('query labels of other statements', () => {
  it('should read through case, line breaks, unquoted names and `or replace`', () => {
    expect(queryLabel('SELECT\n  "id"\nFROM\n  "users"\nWHERE "email" = ?')).toBe('select:users');
    expect(queryLabel('insert or replace into "daily_rollups" ("clinic_id") values (?)')).toBe('insert:daily_rollups');
    expect(queryLabel('delete from login_attempts where attempted_at < ?')).toBe('delete:login_attempts');
    expect(queryLabel('with recent as (select "id" from "events" where "occurred_at" > ?) select count(*) from "queue_entries"')).toBe('with:queue_entries');
  });

  it('should name transactions and pragmas by kind alone', () => {
    expect(['begin', 'BEGIN IMMEDIATE', 'commit', 'rollback', 'pragma foreign_keys = on'].map((statement) => queryLabel(statement))).toEqual(['begin', 'begin', 'commit', 'rollback', 'pragma']);
  });

  it('should cut a label at 60 characters, so even a very long table name stays one bounded value', () => {
    const label = queryLabel(`select * from "${'a'.repeat(80)}"`, true);
    expect(label).toBe(`batch:select:${'a'.repeat(47)}`);
    expect(label).toHaveLength(60);
  });
});
