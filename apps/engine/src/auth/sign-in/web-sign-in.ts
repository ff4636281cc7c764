import type { AuthConfig } from '../../config/auth-config';

/** Where the web app's sign-in page sends people: the development issuer's user picker (local mode). */
export interface LocalSignIn {
  readonly mode: 'local';
  /** Path of the development issuer on this service. */
  readonly devIssuer: '/dev-auth';
}

/**
 * Sign-in at the external OpenID Connect issuer: authorization code flow with PKCE for the public
 * client `clientId`. `clientId` is null when OIDC_WEB_CLIENT_ID is unset; `detail` then says so.
 */
export interface OidcSignIn {
  readonly mode: 'oidc';
  readonly issuer: string;
  readonly clientId: string | null;
  readonly scope: string;
  /** The audience the access tokens must name for this service to accept them. */
  readonly audience: string;
  readonly detail?: string;
}

/** What `GET /api/v1/sign-in` tells the web app. */
export type WebSignIn = LocalSignIn | OidcSignIn;

/**
 * Decides how the web app signs people in: at the external issuer when its web client is
 * configured (in local mode too, so a developer can try the municipality's provider), else through
 * the development issuer when it runs, else at the external issuer without a client — which the
 * sign-in page explains, naming OIDC_WEB_CLIENT_ID.
 */
export function webSignInOf(auth: AuthConfig): WebSignIn {
  const { oidc, web, devIssuer, audience } = auth;
  if (oidc && web.clientId) return { mode: 'oidc', issuer: oidc.issuer, clientId: web.clientId, scope: web.scope, audience };
  if (devIssuer || !oidc) return { mode: 'local', devIssuer: '/dev-auth' };
  return {
    mode: 'oidc',
    issuer: oidc.issuer,
    clientId: null,
    scope: web.scope,
    audience,
    detail: `OIDC_WEB_CLIENT_ID is not set: register a public client for the web app at ${oidc.issuer} (authorization code flow with PKCE, redirect URI <this service>/?signin-callback) and set OIDC_WEB_CLIENT_ID to its client id.`,
  };
}
