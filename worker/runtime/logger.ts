/** Fields every line of one request carries. Never personal data: ids and patterns only. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

/** One structured JSON line per call, picked up by Workers Logs / `wrangler tail`. */
export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, error: unknown, fields?: LogFields): void;
  with(fields: LogFields): Logger;
}

export function createLogger(base: LogFields = {}, write: (line: string) => void = console.log): Logger {
  const emit = (level: string, message: string, fields: LogFields = {}) =>
    write(JSON.stringify({ level, time: new Date().toISOString(), message, ...base, ...fields }));
  return {
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, error, fields) =>
      emit('error', message, {
        ...fields,
        error: error instanceof Error ? error.message : String(error),
        stack: error instanceof Error ? error.stack : undefined,
      }),
    with: (fields) => createLogger({ ...base, ...fields }, write),
  };
}
