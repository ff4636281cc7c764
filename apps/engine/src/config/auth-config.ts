import type { AuthMode, EngineEnvironment } from './engine-environment';

/** How callers authenticate (README.md, "Sign-in"). */
export interface AuthConfig {
  readonly mode: AuthMode;
  /** The audience every accepted token must name (`aud`). */
  readonly audience: string;
  /** The claim holding the caller's roles (a dotted path is followed); Keycloak's `realm_access.roles` is read as well. */
  readonly rolesClaim: string;
  /** The built-in development issuer, when it runs (local mode only). */
  readonly devIssuer?: { readonly issuer: string };
  /** The external OpenID Connect issuer, when one is configured. */
  readonly oidc?: OidcIssuerConfig;
  /** How the web app signs people in at the external issuer (`GET /api/v1/sign-in`). */
  readonly web: WebClientConfig;
}

export interface WebClientConfig {
  /**
   * The web app's public client at `oidc.issuer` (authorization code flow with PKCE). Set, the
   * web app signs in there, also in local mode; unset, it uses the development issuer's user
   * picker, and in production mode it cannot sign anyone in.
   */
  readonly clientId?: string;
  /** The scopes it asks for; `openid` among them. */
  readonly scope: string;
}

export interface OidcIssuerConfig {
  /** Exactly as in the tokens' `iss`. */
  readonly issuer: string;
  /** Where its keys are; unset: `jwks_uri` of `<issuer>/.well-known/openid-configuration`. */
  readonly jwksUrl?: string;
}

/** What the configuration is loaded for: `migrate` needs no issuer. */
export type ConfigPurpose = 'serve' | 'migrate';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Derives the authentication settings and adds the problems of their combination: production
 * mode needs an external issuer over HTTPS and refuses the development issuer.
 */
export function resolveAuthConfig(settings: EngineEnvironment, purpose: ConfigPurpose, problems: string[]): AuthConfig {
  // Without DATABASE_URL Laufweg runs on its embedded database: a developer's machine.
  const mode: AuthMode = settings.AUTH_MODE ?? (settings.DATABASE_URL ? 'production' : 'local');
  const devIssuerEnabled = settings.DEV_ISSUER ?? mode === 'local';
  if (purpose === 'serve') {
    if (mode === 'production') {
      if (settings.DEV_ISSUER === true) {
        problems.push('DEV_ISSUER=true is refused in production mode: the development issuer signs a token for anyone who asks. Remove DEV_ISSUER, or set AUTH_MODE=local on a development machine');
      }
      if (!settings.OIDC_ISSUER) {
        problems.push(
          'OIDC_ISSUER must be set in production mode (AUTH_MODE=production, the default when DATABASE_URL is set): the URL of your identity provider, e.g. https://id.example.de/realms/laufweg; for a development setup set AUTH_MODE=local',
        );
      }
      for (const [name, url] of [['OIDC_ISSUER', settings.OIDC_ISSUER], ['OIDC_JWKS_URL', settings.OIDC_JWKS_URL]] as const) {
        if (url?.startsWith('http://') && !LOOPBACK.has(hostOf(url))) {
          problems.push(`${name} must use https in production mode (plain http only to localhost): keys fetched over http can be swapped on the way`);
        }
      }
    } else if (!devIssuerEnabled && !settings.OIDC_ISSUER) {
      problems.push('No token issuer is configured: with DEV_ISSUER=false set OIDC_ISSUER, or nobody can sign in');
    }
    if (settings.OIDC_WEB_CLIENT_ID && !settings.OIDC_ISSUER) {
      problems.push('OIDC_WEB_CLIENT_ID is set but OIDC_ISSUER is not: the web app signs in at the identity provider OIDC_ISSUER names; set both, or remove OIDC_WEB_CLIENT_ID');
    }
  }
  return {
    mode,
    audience: settings.OIDC_AUDIENCE,
    rolesClaim: settings.OIDC_ROLES_CLAIM,
    web: { ...(settings.OIDC_WEB_CLIENT_ID ? { clientId: settings.OIDC_WEB_CLIENT_ID } : {}), scope: settings.OIDC_WEB_SCOPE },
    ...(devIssuerEnabled && mode === 'local' ? { devIssuer: { issuer: `http://localhost:${settings.PORT}/dev-auth` } } : {}),
    ...(settings.OIDC_ISSUER ? { oidc: { issuer: settings.OIDC_ISSUER, ...(settings.OIDC_JWKS_URL ? { jwksUrl: settings.OIDC_JWKS_URL } : {}) } } : {}),
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
