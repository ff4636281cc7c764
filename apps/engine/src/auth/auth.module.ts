import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AuthConfig } from '../config/auth-config';
import { AuthenticationGuard } from './authentication.guard';
import { DevIssuer } from './dev-issuer/dev-issuer';
import { DevIssuerModule } from './dev-issuer/dev-issuer.module';
import { AUTH_CONFIG, SignInController } from './sign-in/sign-in.controller';
import { TenantMembershipRepository } from './tenant-membership.repository';
import { TokenVerifier } from './token-verifier';
import { remoteIssuer, type TrustedIssuer } from './trusted-issuer';

/**
 * Authentication for the whole service: the global AuthenticationGuard, the token verifier over
 * the trusted issuers (the development issuer in local mode, the configured OpenID Connect
 * issuer), the tenant memberships, and `GET /api/v1/sign-in`, which tells the web app where to
 * sign in. Global, so feature modules inject TenantMembershipRepository (e.g. to forget a
 * changed membership).
 */
@Module({})
export class AuthModule {
  static forRoot(auth: AuthConfig): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: [DevIssuerModule.forRoot(auth)],
      controllers: [SignInController],
      providers: [
        { provide: AUTH_CONFIG, useValue: auth },
        TenantMembershipRepository,
        {
          provide: TokenVerifier,
          inject: [DevIssuer],
          useFactory: (devIssuer: DevIssuer | null) => {
            const issuers: TrustedIssuer[] = [];
            if (devIssuer) issuers.push(devIssuer.trusted());
            if (auth.oidc) issuers.push(remoteIssuer(auth.oidc));
            return new TokenVerifier(issuers, { audience: auth.audience, rolesClaim: auth.rolesClaim });
          },
        },
        { provide: APP_GUARD, useClass: AuthenticationGuard },
      ],
      exports: [TenantMembershipRepository, TokenVerifier],
    };
  }
}
