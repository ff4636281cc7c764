import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** How the web app signs people in (`GET /api/v1/sign-in`); the fields beside `mode` depend on it. */
export class SignInSettingsDto {
  @ApiProperty({ enum: ['local', 'oidc'], description: '`local`: the development issuer\'s user picker; `oidc`: the external OpenID Connect issuer (authorization code flow with PKCE).', example: 'oidc' })
  mode!: 'local' | 'oidc';

  @ApiPropertyOptional({ description: 'local: path of the development issuer on this service.', example: '/dev-auth' })
  devIssuer?: string;

  @ApiPropertyOptional({ description: 'oidc: the issuer (OIDC_ISSUER), whose discovery document names its endpoints.', example: 'https://id.example.de/realms/laufweg' })
  issuer?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: "oidc: the web app's public client (OIDC_WEB_CLIENT_ID); null when unset, and then nobody can sign in to the web app.", example: 'laufweg-web' })
  clientId?: string | null;

  @ApiPropertyOptional({ description: 'oidc: the scopes to ask for (OIDC_WEB_SCOPE).', example: 'openid profile' })
  scope?: string;

  @ApiPropertyOptional({ description: 'oidc: the audience the access tokens must name (OIDC_AUDIENCE).', example: 'laufweg' })
  audience?: string;

  @ApiPropertyOptional({ description: 'oidc: why the web app cannot sign in yet, when it cannot.', example: 'OIDC_WEB_CLIENT_ID is not set: …' })
  detail?: string;
}
