import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * ISO-8601 instants. Contracts carry timestamps as ISO strings already, so output is a pass-through
 * (no Date round trip per field: subscription fan-out serialises these for every event).
 */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An ISO-8601 date-time string in UTC, such as 2026-03-10T06:59:00.000Z.',
  serialize(value) {
    if (typeof value === 'string') return value;
    if (value instanceof Date) return value.toISOString();
    throw new GraphQLError('DateTime cannot represent a non-date value');
  },
  parseValue(value) {
    if (typeof value === 'string' && ISO.test(value)) return value;
    throw new GraphQLError('DateTime must be an ISO-8601 string');
  },
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING && ISO.test(ast.value)) return ast.value;
    throw new GraphQLError('DateTime must be an ISO-8601 string');
  },
});
