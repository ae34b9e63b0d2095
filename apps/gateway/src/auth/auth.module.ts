import { Module } from '@nestjs/common';
import { ApiKeyVerifier } from './api-key.verifier';
import { AuthService } from './auth.service';
import { CredentialsService } from './credentials.service';
import { CurrentAccess } from './current-access';
import { GatewayContextFactory } from './gateway-context.factory';
import { IdpTokenVerifier } from './idp-token.verifier';
import { TokenRevocations } from './token-revocations';
import { TokenService } from './token.service';

@Module({
  providers: [
    TokenRevocations,
    CurrentAccess,
    TokenService,
    IdpTokenVerifier,
    ApiKeyVerifier,
    CredentialsService,
    AuthService,
    GatewayContextFactory,
  ],
  exports: [
    AuthService,
    TokenRevocations,
    CurrentAccess,
    CredentialsService,
    ApiKeyVerifier,
    GatewayContextFactory,
  ],
})
export class AuthModule {}
