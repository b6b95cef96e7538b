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

/**
 * What was wrong with one field, as stable data a page can put into the reader's language (the messages in
 * FieldErrors are English): the zod issue code plus its limit or format.
 */
export interface FieldIssue {
  code: string;
  min?: number;
  max?: number;
  /** For too_small/too_big: what was measured (string, number, array). For invalid_format: the format. */
  kind?: string;
  /** For too_small/too_big: the limit itself is not allowed (e.g. positive(): more than 0). */
  exclusive?: boolean;
}
export type FieldIssues = Record<string, FieldIssue[]>;

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly fields?: FieldErrors;
  readonly issues?: FieldIssues;
  /** For RATE_LIMITED: sent as the Retry-After header. */
  readonly retryAfterSeconds?: number;

  constructor(
    code: string,
    message: string,
    options?: {
      status?: number;
      fields?: FieldErrors;
      issues?: FieldIssues;
      cause?: unknown;
      retryAfterSeconds?: number;
    },
  ) {
    super(message, { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.status = options?.status ?? statusForCode(code);
    this.fields = options?.fields;
    this.issues = options?.issues;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

export function statusForCode(code: string): number {
  return (errorStatus as Record<string, number>)[code] ?? 400;
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
