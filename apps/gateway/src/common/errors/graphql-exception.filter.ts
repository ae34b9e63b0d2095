import { Catch, Logger, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';
import { ErrorCode } from '@roost/contracts';
import { GraphQLError } from 'graphql';
import { mapException } from './exception-mapper';

/**
 * Registered once (APP_FILTER) for every resolver, on both transports: whatever a resolver, guard
 * or pipe throws leaves as a GraphQLError carrying `extensions.code` and `extensions.details`.
 * HTTP controllers (health, metrics) keep Nest's default handling.
 */
@Catch()
export class GraphqlExceptionFilter extends BaseExceptionFilter {
  private readonly log = new Logger(GraphqlExceptionFilter.name);

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() !== 'graphql') return super.catch(exception, host);
    const mapped = mapException(exception);
    if (mapped.code === ErrorCode.Internal) {
      this.log.error(
        { err: exception instanceof Error ? (exception.stack ?? exception.message) : String(exception) },
        'resolver failed',
      );
    }

    // Returned, not thrown: Nest hands the value back as the resolver's result, graphql-js turns an
    // Error result into a field error. The original error (and its stack) is deliberately not attached.
    return new GraphQLError(mapped.message, {
      extensions: mapped.details ? { code: mapped.code, details: mapped.details } : { code: mapped.code },
    });
  }
}
