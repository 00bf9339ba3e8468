/**
 * The `query` label of `pulse_db_query_duration_seconds`: the statement's kind and main table,
 * e.g. `select:sessions`, `insert:events`, `batch:select:sessions` (a batch, by its first). Statements come only from our own code (drizzle
 * sends values as parameters, never in the text), so the set is as small as the schema.
 */
const MAX_LABEL_LENGTH = 60;

/** Parenthesised parts (subqueries, column lists) removed, so `from` is the statement's own. */
function outermost(statement: string): string {
  let text = statement;
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(/\([^()]*\)/g, ' ');
  }
  return text;
}

export function queryLabel(statement: string, batch = false): string {
  const text = outermost(statement).replace(/\s+/g, ' ').trim().toLowerCase();
  const kind = /^(select|insert|update|delete|with|begin|commit|rollback|pragma)\b/.exec(text)?.[1] ?? 'other';
  const table =
    kind === 'insert' ? /^insert (?:or \w+ )?into "?([\w]+)"?/.exec(text)?.[1]
    : kind === 'update' ? /^update "?([\w]+)"?/.exec(text)?.[1]
    : / from "?([\w]+)"?/.exec(text)?.[1];
  return `${batch ? 'batch:' : ''}${table === undefined ? kind : `${kind}:${table}`}`.slice(0, MAX_LABEL_LENGTH);
}
