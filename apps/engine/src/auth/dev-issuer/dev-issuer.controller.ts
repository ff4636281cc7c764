import { Body, Controller, Get, Header, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth.decorators';
import { DEMO_TENANT, DEMO_USERS, findDemoUser } from './demo-users';
import { DEV_TOKEN_LIFETIME_SECONDS, DevIssuer } from './dev-issuer';
import { DemoUserDto, DevTokenRequestDto, DevTokenResponseDto } from './dev-token-request.dto';

/**
 * The development issuer's endpoints (local mode only; not mounted in production mode): its
 * discovery document and key set, so any OpenID Connect client can verify its tokens, the demo
 * users, and a token for a demo user without a password.
 */
@ApiTags('dev-auth')
@Public()
@Controller('dev-auth')
export class DevIssuerController {
  constructor(private readonly devIssuer: DevIssuer) {}

  @Get('.well-known/openid-configuration')
  @ApiOperation({ summary: 'Discovery document of the development issuer (OpenID Connect Discovery 1.0).' })
  @ApiOkResponse({ schema: { example: { issuer: 'http://localhost:3000/dev-auth', jwks_uri: 'http://localhost:3000/dev-auth/jwks' } } })
  discovery(): Record<string, unknown> {
    const { issuer } = this.devIssuer;
    return {
      issuer,
      jwks_uri: `${issuer}/jwks`,
      // Not an OAuth token endpoint: POST { "username": ... } as JSON, no client authentication.
      token_endpoint: `${issuer}/token`,
      response_types_supported: ['token'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'name', 'preferred_username', 'roles'],
    };
  }

  @Get('jwks')
  @ApiOperation({ summary: "The development issuer's public key set (generated at start)." })
  @ApiOkResponse({ schema: { example: { keys: [{ kty: 'RSA', kid: 'Qx3…', alg: 'RS256', use: 'sig', n: '…', e: 'AQAB' }] } } })
  jwks(): { keys: unknown[] } {
    return this.devIssuer.jwks;
  }

  @Get('users')
  @ApiOperation({ summary: 'The demo users, one per role at least, for the web app\'s user picker.' })
  @ApiOkResponse({ type: [DemoUserDto] })
  users(): DemoUserDto[] {
    return DEMO_USERS.map(({ username, displayName, role, description, groups }) => ({ username, displayName, role, description, tenants: [{ tenantId: DEMO_TENANT.id, groups }] }));
  }

  @Post('token')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Sign in as a demo user: a signed access token (8 hours) for the API.' })
  @ApiOkResponse({ type: DevTokenResponseDto })
  @ApiBadRequestResponse({ description: 'Not a demo user (problem+json).' })
  async token(@Body() body: DevTokenRequestDto): Promise<DevTokenResponseDto> {
    const user = findDemoUser(body.username);
    // The DTO admits demo users only; this keeps the compiler and a future refactoring honest.
    if (!user) throw new Error(`No demo user ${body.username}`);
    return { access_token: await this.devIssuer.tokenFor(user), token_type: 'Bearer', expires_in: DEV_TOKEN_LIFETIME_SECONDS };
  }
}
