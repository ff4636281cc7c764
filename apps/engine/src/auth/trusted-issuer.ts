import { createRemoteJWKSet, errors, type JWTVerifyGetKey } from 'jose';
import type { OidcIssuerConfig } from '../config/auth-config';

/** An issuer whose tokens the service accepts, with the keys they must be signed with. */
export interface TrustedIssuer {
  /** Exactly as in the tokens' `iss`. */
  readonly issuer: string;
  readonly keys: JWTVerifyGetKey;
}

/** The issuer's keys cannot be fetched (network, discovery document, key set): not the caller's fault. */
export class IssuerUnavailableError extends Error {
  constructor(
    readonly issuer: string,
    cause: unknown,
  ) {
    super(`The keys of ${issuer} cannot be fetched: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'IssuerUnavailableError';
  }
}

const FETCH_TIMEOUT_MS = 5000;

/**
 * An external OpenID Connect issuer. Its key set comes from OIDC_JWKS_URL or, unset, from the
 * `jwks_uri` of `<issuer>/.well-known/openid-configuration` (OpenID Connect Discovery; Keycloak,
 * Azure AD and the Länder's providers publish it). Discovery happens at the first token, not at
 * start, so the service starts while the provider is down; a failed discovery is tried again at
 * the next token. jose caches the keys and fetches them again for an unknown `kid` (key rotation).
 */
export function remoteIssuer(config: OidcIssuerConfig, fetchJson: (url: string) => Promise<unknown> = fetchJsonDocument): TrustedIssuer {
  let keySet: Promise<JWTVerifyGetKey> | undefined;
  const resolveKeySet = async (): Promise<JWTVerifyGetKey> => {
    const jwksUrl = config.jwksUrl ?? (await discoverJwksUri(config.issuer, fetchJson));
    return createRemoteJWKSet(new URL(jwksUrl), { timeoutDuration: FETCH_TIMEOUT_MS });
  };
  const keys: JWTVerifyGetKey = async (header, token) => {
    try {
      keySet ??= resolveKeySet().catch((error: unknown) => {
        keySet = undefined;
        throw error;
      });
      return await (await keySet)(header, token);
    } catch (error) {
      // No matching key is the token's problem (forged or withdrawn key), everything else the provider's.
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      throw new IssuerUnavailableError(config.issuer, error);
    }
  };
  return { issuer: config.issuer, keys };
}

async function discoverJwksUri(issuer: string, fetchJson: (url: string) => Promise<unknown>): Promise<string> {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const document = (await fetchJson(url)) as { issuer?: unknown; jwks_uri?: unknown } | null;
  // OpenID Connect Discovery 1.0, section 4.3: the document must name the issuer it was fetched for.
  if (document?.issuer !== issuer) throw new Error(`${url} names the issuer ${String(document?.issuer)}, not ${issuer}`);
  if (typeof document.jwks_uri !== 'string') throw new Error(`${url} has no jwks_uri`);
  return document.jwks_uri;
}

async function fetchJsonDocument(url: string): Promise<unknown> {
  const response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}
