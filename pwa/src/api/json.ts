/** A JSON object (not null, not an array), whose fields still need checking one by one. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A field that must be a non-empty string; `fail` builds the error naming what was wrong. */
export function requireString(record: Record<string, unknown>, field: string, fail: (reason: string) => Error): string {
  const value = record[field];
  if (typeof value !== 'string' || value === '') throw fail(`${field} must be a non-empty string`);
  return value;
}
