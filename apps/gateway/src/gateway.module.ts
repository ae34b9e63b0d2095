import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ROOST_ENV, type RoostEnv } from '@roost/config';
import { platformModules } from '@roost/platform';
import { AuthModule } from './auth/auth.module';
import { GatewayContextFactory } from './auth/gateway-context.factory';
import { CommonModule } from './common/common.module';
import { GatewayErrorFormatter } from './common/errors/gateway-error.formatter';
import { GraphqlLimits } from './common/limits/graphql-limits';
import { RateLimitService } from './common/limits/rate-limit.service';
import { GatewayMetricsModule } from './common/metrics.module';
import { SubscriptionsModule } from './subscriptions/subscriptions.module';
import { apolloOptions } from './transport/apollo-options';
import { GraphqlWsServer } from './transport/graphql-ws.server';
import { TransportModule } from './transport/transport.module';

/**
 * The gateway: Apollo on HTTP and graphql-ws (GraphqlWsServer, which needs the schema host
 * GraphQLModule gives this module) in front of the resolvers of TransportModule.
 */
@Module({})
export class GatewayModule {
  static forEnv(env: RoostEnv): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        ...platformModules({ env, service: 'gateway' }),
        CommonModule,
        GatewayMetricsModule,
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
