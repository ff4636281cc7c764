import { type DynamicModule, Module } from '@nestjs/common';
import type { AuthConfig } from '../../config/auth-config';
import { DemoDataSeeder } from './demo-data-seeder';
import { DevIssuer } from './dev-issuer';
import { DevIssuerController } from './dev-issuer.controller';

/**
 * The development issuer: mounted only when the configuration enables it (local mode). Otherwise
 * no route exists under /dev-auth and `DevIssuer` resolves to null.
 */
@Module({})
export class DevIssuerModule {
  static forRoot(auth: AuthConfig): DynamicModule {
    const { devIssuer } = auth;
    if (!devIssuer) return { module: DevIssuerModule, providers: [{ provide: DevIssuer, useValue: null }], exports: [DevIssuer] };
    return {
      module: DevIssuerModule,
      controllers: [DevIssuerController],
      providers: [{ provide: DevIssuer, useFactory: () => DevIssuer.create(devIssuer.issuer, auth.audience) }, DemoDataSeeder],
      exports: [DevIssuer],
    };
  }
}
