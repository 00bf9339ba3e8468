import type { ApiErrorCode } from './contract';

export type { ApiErrorCode };

/** The network or the edge did not let us reach Pulse's API: an expected state on a phone. */
export class ServerUnreachableError extends Error {
  override readonly name = 'ServerUnreachableError';
}

/** Every code of Pulse's one error shape; a record, so a code the Worker adds or drops is a type error here. */
const KNOWN_CODES: Record<ApiErrorCode, true> = {
  VALIDATION_FAILED: true,
  UNAUTHORIZED: true,
  FORBIDDEN: true,
  NOT_FOUND: true,
  CONFLICT: true,
  INVALID_TRANSITION: true,
  PAYLOAD_TOO_LARGE: true,
  INSUFFICIENT_DATA: true,
  RATE_LIMITED: true,
  INTERNAL: true,
  UNAVAILABLE: true,
};

/** A code of Pulse's error shape; any other makes the answer a broken contract. */
export function isApiErrorCode(value: unknown): value is ApiErrorCode {
  return typeof value === 'string' && Object.hasOwn(KNOWN_CODES, value);
}

/** Pulse refused a request in its one error shape: an expected answer that screens put into words. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly details: Readonly<Record<string, unknown>>;
  /** For RATE_LIMITED: how long before trying again, from the details or the Retry-After header. */
  readonly retryAfterSeconds: number | null;

  constructor(answer: {
    status: number;
    code: ApiErrorCode;
    message: string;
    details: Record<string, unknown>;
    retryAfterSeconds: number | null;
  }) {
    super(answer.message);
    this.status = answer.status;
    this.code = answer.code;
    this.details = answer.details;
    this.retryAfterSeconds = answer.retryAfterSeconds;
  }
}

/** Pulse's API answered something that is neither its data nor its error shape: a bug, never shown as data. */
export class UnexpectedAnswerError extends Error {
  override readonly name = 'UnexpectedAnswerError';
}
