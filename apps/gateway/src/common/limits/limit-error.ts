import { GraphQLError, type ASTNode } from 'graphql';

/** Why a document was refused; clients read `extensions.details.reason`, on both transports. */
export type LimitReason =
  'QUERY_TOO_DEEP' | 'TOO_MANY_ALIASES' | 'QUERY_TOO_COMPLEX' | 'INTROSPECTION_DISABLED';

/** Validation failures keep Apollo's code (GRAPHQL_VALIDATION_FAILED); the limit is in details. */
export const VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED';
export const PARSE_FAILED = 'GRAPHQL_PARSE_FAILED';

export function limitError(opts: {
  reason: LimitReason;
  message: string;
  node: ASTNode;
  limit?: number;
  actual?: number;
}): GraphQLError {
  const details: Record<string, unknown> = { reason: opts.reason };
  if (opts.limit !== undefined) details['limit'] = opts.limit;
  if (opts.actual !== undefined) details['actual'] = opts.actual;

  return new GraphQLError(opts.message, {
    nodes: [opts.node],
    extensions: { code: VALIDATION_FAILED, details },
  });
}
