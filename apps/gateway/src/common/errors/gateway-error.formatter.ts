import { Injectable, Logger } from '@nestjs/common';
import { ErrorCode } from '@roost/contracts';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { GraphqlLimits } from '../limits/graphql-limits';
import { mapException } from './exception-mapper';

/** graphql-js's suggestion suffix, e.g. ` Did you mean "conversations"?` */
const SUGGESTION = / ?Did you mean(.+?)\?$/;

/**
 * The last step before an error leaves the gateway, shared by Apollo's `formatError` (HTTP) and
 * the graphql-ws hooks (socket): only `code` and `details` survive in `extensions` (never a stack
 * trace), errors that reached us unmapped are mapped by the same `mapException` as the filter, and
 * schema suggestions are stripped when the policy says so.
 */
@Injectable()
export class GatewayErrorFormatter {
  private readonly log = new Logger('GraphQLErrors');
  private readonly hideSchemaDetails: boolean;

  constructor(limits: GraphqlLimits) {
    this.hideSchemaDetails = limits.policy.hideSchemaDetails;
  }

  /** `fallbackCode` names errors with neither a code nor an original error (e.g. variable coercion). */
  format(error: GraphQLError, fallbackCode: string = ErrorCode.Internal): GraphQLFormattedError {
    let code: string;
    let message = error.message;
    let details: Record<string, unknown> | undefined;
    const ownCode = error.extensions['code'];
    if (typeof ownCode === 'string') {
      code = ownCode;
      const d = error.extensions['details'];
      if (typeof d === 'object' && d !== null) details = d as Record<string, unknown>;
    } else if (error.originalError) {
      const mapped = mapException(error.originalError);
      ({ code, message, details } = mapped);
      if (code === ErrorCode.Internal) {
        this.log.error(
          { err: error.originalError.stack ?? error.originalError.message, path: error.path },
          'operation failed',
        );
      }
    } else {
      code = fallbackCode;
    }
    if (this.hideSchemaDetails) message = message.replace(SUGGESTION, '');

    return {
      message,
      ...(error.locations ? { locations: error.locations } : {}),
      ...(error.path ? { path: error.path } : {}),
      extensions: details ? { code, details } : { code },
    };
  }

  /** Apollo's `formatError(formattedError, error)`: work from the GraphQLError when we have it. */
  readonly forApollo = (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (error instanceof GraphQLError) return this.format(error);
    const code = formatted.extensions?.['code'];

    return this.format(
      new GraphQLError(formatted.message, { extensions: typeof code === 'string' ? { code } : {} }),
    );
  };
}
