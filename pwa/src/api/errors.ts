/** The network or the edge did not let us reach Pulse's API: an expected state on a phone. */
export class ServerUnreachableError extends Error {
  override readonly name = 'ServerUnreachableError';
}

/** The codes of Pulse's one error shape (PRODUCT.md, "Error shape"). */
export const API_ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  /** A reception action the queue cannot take in its current state (nobody waiting, already seen…). */
  'INVALID_TRANSITION',
  'PAYLOAD_TOO_LARGE',
  'INSUFFICIENT_DATA',
  'RATE_LIMITED',
  'INTERNAL',
  'UNAVAILABLE',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

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
