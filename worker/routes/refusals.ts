import type { AppError } from '../errors.ts';
import type { Result } from '../use-cases/result.ts';

/**
 * A use case's value, or the AppError its route answers for the failure. The table names every
 * failure the use case can return, so a new one cannot reach a client unmapped.
 */
export function valueOr<Value, Failure extends string>(result: Result<Value, Failure>, refusals: { readonly [Code in Failure]: () => AppError }): Value {
  if (result.ok) return result.value;
  throw refusals[result.error]();
}
