/**
 * What a use case answers: its value, or the expected failure that stopped it, named by a code.
 * Failures are values so the route decides how each one reads over HTTP (`valueOr` in
 * worker/routes/refusals.ts); an exception stays what it is, something nobody expected.
 */
export type Result<Value, Failure extends string> = { ok: true; value: Value } | { ok: false; error: Failure };

export function succeeded<Value>(value: Value): { ok: true; value: Value } {
  return { ok: true, value };
}

export function failed<Failure extends string>(error: Failure): { ok: false; error: Failure } {
  return { ok: false, error };
}
