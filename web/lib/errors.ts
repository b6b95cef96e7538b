// Stable error codes and the one table that maps them to HTTP status.
// SQL raises snake_case messages with a VTnnn SQLSTATE; web/lib/db/error-map.ts turns them into AppError.

export const errorStatus = {
  INVALID_INPUT: 422,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  ALREADY_EXISTS: 409,
  SLOT_TAKEN: 409,
  PET_BUSY: 409,
  IDEMPOTENCY_IN_PROGRESS: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const satisfies Record<string, number>;

export type KnownErrorCode = keyof typeof errorStatus;

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly fields?: FieldErrors;
  /** For RATE_LIMITED: sent as the Retry-After header. */
  readonly retryAfterSeconds?: number;

  constructor(
    code: string,
    message: string,
    options?: { status?: number; fields?: FieldErrors; cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(message, { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.status = options?.status ?? statusForCode(code);
    this.fields = options?.fields;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

export function statusForCode(code: string): number {
  return (errorStatus as Record<string, number>)[code] ?? 400;
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
