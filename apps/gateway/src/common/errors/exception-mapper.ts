import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError, ErrorCode, InvalidPayloadError } from '@roost/contracts';
import { GraphQLError } from 'graphql';

/** What a client may learn about a failure: a code, a message and machine-readable details. */
export interface ClientError {
  readonly code: string;
  readonly message: string;
  readonly details?: Record<string, unknown>;
}

export const INTERNAL: ClientError = { code: ErrorCode.Internal, message: 'internal error' };

/**
 * The one mapping from anything thrown behind a resolver to what the client sees (STYLE.md
 * practice 10). Unknown errors become INTERNAL with a fixed message: no stack, no internals.
 */
export function mapException(err: unknown): ClientError {
  if (err instanceof DomainError) {
    if (err.code === ErrorCode.Internal) return INTERNAL;

    return err.details
      ? { code: err.code, message: err.message, details: err.details }
      : { code: err.code, message: err.message };
  }
  if (err instanceof InvalidPayloadError) {
    return {
      code: ErrorCode.BadUserInput,
      message: 'invalid input',
      details: { reason: 'INVALID_INPUT', problems: err.problems },
    };
  }
  if (err instanceof HttpException) return fromHttpException(err);
  if (err instanceof GraphQLError && typeof err.extensions['code'] === 'string') {
    const details = err.extensions['details'];

    return isRecord(details)
      ? { code: err.extensions['code'], message: err.message, details }
      : { code: err.extensions['code'], message: err.message };
  }

  return INTERNAL;
}

/** Guards and pipes (class-validator) throw Nest HTTP exceptions; map them to the same codes. */
function fromHttpException(err: HttpException): ClientError {
  const status = err.getStatus();
  switch (status) {
    case HttpStatus.BAD_REQUEST:
    case HttpStatus.UNPROCESSABLE_ENTITY: {
      const body = err.getResponse();
      const problems = isRecord(body) && Array.isArray(body['message']) ? body['message'] : [err.message];

      return {
        code: ErrorCode.BadUserInput,
        message: 'invalid input',
        details: { reason: 'INVALID_INPUT', problems },
      };
    }
    case HttpStatus.UNAUTHORIZED:
      return { code: ErrorCode.Unauthenticated, message: 'authentication required' };
    case HttpStatus.FORBIDDEN:
      return { code: ErrorCode.Forbidden, message: 'forbidden' };
    case HttpStatus.NOT_FOUND:
      return { code: ErrorCode.NotFound, message: 'not found' };
    case HttpStatus.CONFLICT:
      return { code: ErrorCode.Conflict, message: err.message };
    case HttpStatus.TOO_MANY_REQUESTS:
      return { code: ErrorCode.RateLimited, message: 'too many requests' };
    default:
      return INTERNAL;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
