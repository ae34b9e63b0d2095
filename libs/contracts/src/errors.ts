/**
 * Error codes shared by every transport. The gateway maps them to GraphQL `extensions.code`,
 * request/reply carries them in `{ ok: false, error: { code } }`, consumers map them to settlement.
 */
export enum ErrorCode {
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  BadUserInput = 'BAD_USER_INPUT',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  UpstreamUnavailable = 'UPSTREAM_UNAVAILABLE',
  RateLimited = 'RATE_LIMITED',
  Internal = 'INTERNAL',
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** Machine-readable detail: which limit, which field, e.g. `{ reason: 'REPLY_TOO_LONG', limit: 280 }`. */
  details?: Record<string, unknown>;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toBody(): ErrorBody {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }

  static notFound(what: string, id: string): DomainError {
    return new DomainError(ErrorCode.NotFound, `${what} not found`, { what, id });
  }
}
