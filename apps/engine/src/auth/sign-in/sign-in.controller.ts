import { Controller, Get, Header, Inject, Logger, type OnModuleInit } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthConfig } from '../../config/auth-config';
import { Public } from '../auth.decorators';
import { SignInSettingsDto } from './sign-in-settings.dto';
import { type WebSignIn, webSignInOf } from './web-sign-in';

/** The authentication settings the sign-in controller serves (AuthModule provides them). */
export const AUTH_CONFIG = Symbol('AUTH_CONFIG');

/**
 * Tells the web app how to sign people in, before anyone is: public, and it names nothing secret
 * (the issuer and the public client id are what any browser sees in the redirect anyway).
 */
@ApiTags('sign-in')
@Public()
@Controller('api/v1/sign-in')
export class SignInController implements OnModuleInit {
  private readonly logger = new Logger(SignInController.name);
  private readonly signIn: WebSignIn;

  constructor(@Inject(AUTH_CONFIG) auth: AuthConfig) {
    this.signIn = webSignInOf(auth);
  }

  onModuleInit(): void {
    if (this.signIn.mode === 'oidc' && this.signIn.detail) this.logger.warn(`The web app cannot sign anyone in: ${this.signIn.detail}`);
  }

  @Get()
  @Header('Cache-Control', 'no-cache')
  @ApiOperation({ summary: 'How the web app signs in: the development issuer (local mode) or the OpenID Connect issuer and the web app\'s public client.' })
  @ApiOkResponse({ type: SignInSettingsDto })
  settings(): SignInSettingsDto {
    return { ...this.signIn };
  }
}
