import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { RoostEnv } from '@roost/config';
import type { Request } from 'express';
import type { GatewayContextFactory } from '../auth/gateway-context.factory';
import type { GatewayErrorFormatter } from '../common/errors/gateway-error.formatter';
import { GRAPHQL_PATH, SCHEMA_FILE } from '../common/gateway.constants';
import type { GraphqlLimits } from '../common/limits/graphql-limits';
import type { RateLimitService } from '../common/limits/rate-limit.service';

/** Apollo on HTTP; graphql-ws is mounted by GraphqlWsServer (see there why not by the driver). */
export function apolloOptions(
  env: RoostEnv,
  limits: GraphqlLimits,
  errors: GatewayErrorFormatter,
  contexts: GatewayContextFactory,
  rateLimits: RateLimitService,
): ApolloDriverConfig {
  return {
    path: GRAPHQL_PATH,
    // Emitted by development starts (`npm start`) and committed; tests and production build it in
    // memory only, so a test run never rewrites the committed file and schema-drift.int-spec can
    // compare the two (it regenerates the file with UPDATE_SCHEMA=1).
    autoSchemaFile: env.nodeEnv === 'development' ? SCHEMA_FILE : true,
    sortSchema: true,
    buildSchemaOptions: { numberScalarMode: 'integer' },
    context: ({ req }: { req: Request }) => contexts.forHttp(req),
    // Limits: the same parse options and rule list the socket path uses (GraphqlLimits.prepare).
    parseOptions: limits.parseOptions,
    validationRules: [...limits.validationRules],
    // One token per operation from the caller's bucket; the socket path takes from the same one.
    plugins: [rateLimits.apolloPlugin],
    // Apollo's own switch stays open on purpose: introspection is refused by noIntrospectionRule in
    // the shared rule list when the policy says so (production), identically on both transports.
    introspection: true,
    hideSchemaDetailsFromClientErrors: limits.policy.hideSchemaDetails,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    persistedQueries: false,
    playground: false,
    formatError: errors.forApollo,
    // Our exception filter already mapped HTTP exceptions; don't let Nest remap them.
    autoTransformHttpErrors: false,
    stopOnTerminationSignals: false,
  };
}
