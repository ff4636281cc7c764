import { randomUUID } from 'node:crypto';
import { calculateJwkThumbprint, createLocalJWKSet, type CryptoKey, exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';
import type { TrustedIssuer } from '../trusted-issuer';
import type { DemoUser } from './demo-users';

/** How long a token of the development issuer lasts: a working day. */
export const DEV_TOKEN_LIFETIME_SECONDS = 8 * 60 * 60;

/** Overrides for a token, for tests that need a bad one (expired, wrong audience, ...). */
export interface DevTokenOptions {
  readonly issuer?: string;
  readonly audience?: string | string[];
  /** Seconds from now; negative for a token that has already expired. */
  readonly expiresInSeconds?: number;
  readonly notBeforeSeconds?: number;
}

/**
 * The built-in development issuer (local mode only): an RS256 key pair generated at start and
 * never stored, so its tokens end with the process. It signs a token for any demo user who
 * asks — which is exactly why production mode refuses it. The guard verifies its tokens against
 * the in-process key set (`trusted()`), without an HTTP round trip.
 */
export class DevIssuer {
  private constructor(
    readonly issuer: string,
    readonly audience: string,
    private readonly privateKey: CryptoKey,
    readonly publicJwk: JWK,
  ) {}

  static async create(issuer: string, audience: string): Promise<DevIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(jwk);
    return new DevIssuer(issuer, audience, privateKey, Object.freeze({ ...jwk, kid, alg: 'RS256', use: 'sig' }));
  }

  /** The published key set (`/dev-auth/jwks`). */
  get jwks(): { keys: JWK[] } {
    return { keys: [this.publicJwk] };
  }

  /** This issuer as the token verifier trusts it. */
  trusted(): TrustedIssuer {
    return { issuer: this.issuer, keys: createLocalJWKSet(this.jwks) };
  }

  /** A token for a demo user, as `POST /dev-auth/token` hands it out. */
  async tokenFor(user: DemoUser): Promise<string> {
    return this.sign({ sub: user.username, preferred_username: user.username, name: user.displayName, roles: [user.role] });
  }

  /** Signs any claims with this issuer's key (tests use it for tokens of their own making). */
  async sign(claims: JWTPayload, options: DevTokenOptions = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: this.publicJwk.kid, typ: 'JWT' })
      .setIssuer(options.issuer ?? this.issuer)
      .setAudience(options.audience ?? this.audience)
      .setIssuedAt(now)
      .setJti(randomUUID())
      .setExpirationTime(now + (options.expiresInSeconds ?? DEV_TOKEN_LIFETIME_SECONDS));
    if (options.notBeforeSeconds !== undefined) jwt.setNotBefore(now + options.notBeforeSeconds);
    return jwt.sign(this.privateKey);
  }
}
