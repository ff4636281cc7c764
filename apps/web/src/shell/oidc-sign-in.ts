import { ErrorResponse, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { saveToken, tokenClaims } from '../core/session';

/** `GET /api/v1/sign-in`: how the web app signs people in (apps/engine/src/auth/sign-in/web-sign-in.ts). */
export type SignInSettings = { readonly mode: 'local'; readonly devIssuer: string } | OidcSettings;

export interface OidcSettings {
  readonly mode: 'oidc';
  readonly issuer: string;
  /** Null when OIDC_WEB_CLIENT_ID is unset: nobody can sign in to the web app yet. */
  readonly clientId: string | null;
  readonly scope: string;
  readonly audience: string;
  readonly detail?: string;
}

/** An OIDC configuration the web app can sign in with. */
export type OidcClient = OidcSettings & { readonly clientId: string };

/**
 * The identity provider sends the browser back to the app's own page with this query parameter
 * (and `code`, `state`): the engine serves the web app at `/` only, and the app routes by hash.
 * Register `<origin>/?signin-callback` as the client's redirect URI and `<origin>/` as its
 * post-logout redirect URI.
 */
const CALLBACK_PARAMETER = 'signin-callback';

/** A sign-in at the identity provider that did not work out; `message` is German, for the sign-in page. */
export class SignInFailed extends Error {
  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'SignInFailed';
  }
}

export function isSignInCallback(url: string): boolean {
  return new URL(url).searchParams.has(CALLBACK_PARAMETER);
}

/**
 * oidc-client-ts for the web app's public client: authorization code flow with PKCE, no secret.
 * Its state and the signed-in user live in sessionStorage, so a sign-in belongs to one tab, like
 * the development issuer's token.
 */
function userManager(client: OidcClient): UserManager {
  const store = new WebStorageStateStore({ store: sessionStorage });
  return new UserManager({
    authority: client.issuer,
    client_id: client.clientId,
    scope: client.scope,
    response_type: 'code',
    redirect_uri: `${location.origin}/?${CALLBACK_PARAMETER}`,
    post_logout_redirect_uri: `${location.origin}/`,
    userStore: store,
    stateStore: store,
    loadUserInfo: false,
    automaticSilentRenew: false,
    monitorSession: false,
  });
}

/** Leaves for the identity provider's sign-in page; it comes back to the callback URL. */
export async function startOidcSignIn(client: OidcClient): Promise<void> {
  await userManager(client).signinRedirect();
}

/**
 * Finishes the sign-in at the callback URL: exchanges the code (with the PKCE verifier) for the
 * tokens and keeps the access token for the tab. Refuses an access token the engine would refuse
 * anyway (not a JWT, or for another audience), so the person learns what to tell the operators
 * instead of being sent round in circles.
 */
export async function completeOidcSignIn(client: OidcClient, url: string): Promise<void> {
  let user;
  try {
    user = await userManager(client).signinRedirectCallback(url);
  } catch (error) {
    if (error instanceof ErrorResponse) {
      const cancelled = error.error === 'access_denied';
      throw new SignInFailed(cancelled ? 'Die Anmeldung wurde beim Identitätsanbieter abgebrochen.' : 'Der Identitätsanbieter hat die Anmeldung abgelehnt.', [error.error, error.error_description].filter(Boolean).join(': '));
    }
    // e.g. the callback URL opened a second time: its state was used up by the first.
    throw new SignInFailed('Die Anmeldung konnte nicht abgeschlossen werden. Bitte melden Sie sich erneut an.', error instanceof Error ? error.message : String(error));
  }
  const claims = tokenClaims(user.access_token);
  if (!claims) {
    throw new SignInFailed('Der Identitätsanbieter stellt kein JWT-Zugriffstoken aus, das Laufweg prüfen kann. Bitte wenden Sie sich an den Betrieb.', 'The access token is not a JWT; configure the client to issue JWT access tokens.');
  }
  const audiences = typeof claims['aud'] === 'string' ? [claims['aud']] : Array.isArray(claims['aud']) ? claims['aud'].map(String) : [];
  if (!audiences.includes(client.audience)) {
    throw new SignInFailed(
      `Der Identitätsanbieter stellt Zugriffstokens für „${audiences.join(', ') || 'niemanden'}“ aus, Laufweg erwartet „${client.audience}“. Bitte wenden Sie sich an den Betrieb (beim Client der Web-App die Zielgruppe, z. B. mit einem Audience-Mapper, ergänzen).`,
      `The access token's audience is ${audiences.join(', ') || 'missing'}, not ${client.audience} (OIDC_AUDIENCE).`,
    );
  }
  const name = user.profile.name ?? user.profile.preferred_username;
  saveToken(user.access_token, typeof name === 'string' ? name : undefined);
}

/**
 * Ends the session at the identity provider too, when it offers that (`end_session_endpoint`):
 * leaves for its sign-out page, which returns to the app. Returns false when it does not; the
 * caller has already forgotten the tab's tokens. The ID token is read first, as the hint.
 */
export async function endOidcSession(client: OidcClient, forgetLocally: () => void): Promise<boolean> {
  const manager = userManager(client);
  const user = await manager.getUser().catch(() => null);
  forgetLocally();
  const endSession = await manager.metadataService.getEndSessionEndpoint().catch(() => undefined);
  if (!endSession) return false;
  await manager.signoutRedirect(user?.id_token ? { id_token_hint: user.id_token } : {});
  return true;
}
