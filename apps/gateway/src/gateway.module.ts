import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ROOST_ENV, type RoostEnv } from '@roost/config';
import { platformModules } from '@roost/platform';
import type { Request } from 'express';
import { AuthModule } from './auth/auth.module';
import { GatewayContextFactory } from './auth/gateway-context.factory';
import { CommonModule } from './common/common.module';
import { GRAPHQL_PATH, SCHEMA_FILE } from './common/gateway.constants';
import { GatewayErrorFormatter } from './common/errors/gateway-error.formatter';
import { GraphqlLimits } from './common/limits/graphql-limits';
import { RateLimitService } from './common/limits/rate-limit.service';
import { SubscriptionsModule } from './subscriptions/subscriptions.module';
import { GraphqlWsServer } from './transport/graphql-ws.server';
import { TransportModule } from './transport/transport.module';

/** Apollo on HTTP; graphql-ws is mounted by GraphqlWsServer (see there why not by the driver). */
function apolloOptions(
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

@Module({})
export class GatewayModule {
  static forEnv(env: RoostEnv): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        ...platformModules({ env, service: 'gateway' }),
        CommonModule,
        AuthModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule],
          inject: [ROOST_ENV, GraphqlLimits, GatewayErrorFormatter, GatewayContextFactory, RateLimitService],
          useFactory: apolloOptions,
        }),
        SubscriptionsModule,
        TransportModule,
      ],
      providers: [GraphqlWsServer],
    };
  }
}
