import { Module } from '@nestjs/common';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { GatewayContextFactory } from './gateway-context.factory';
import { TokenService } from './token.service';

@Module({
  providers: [TokenService, AuthService, AuthResolver, GatewayContextFactory],
  exports: [TokenService, GatewayContextFactory],
})
export class AuthModule {}
