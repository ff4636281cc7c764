import type { INestApplication } from '@nestjs/common';
import { generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { findDemoUser } from '../dev-issuer/demo-users';
import { DevIssuer, type DevTokenOptions } from '../dev-issuer/dev-issuer';

/**
 * Environment for HTTP tests: local auth mode, so the development issuer runs (and trusts its own
 * tokens) although the tests set DATABASE_URL. Spread it into `loadEngineConfig({...})`.
 */
export const TEST_AUTH_ENV = { AUTH_MODE: 'local' } as const;

/** The Authorization header for a token. */
export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}

/**
 * Mints tokens for tests with the running application's development issuer, which the guard
 * trusts: demo users as the web app gets them, any claims a test needs, and bad tokens
 * (expired, wrong audience or issuer through `options`; forged through `forged`).
 */
export class TestTokens {
  private constructor(private readonly issuer: DevIssuer) {}

  /** The tokens of an application created with TEST_AUTH_ENV (or local mode). */
  static of(app: INestApplication): TestTokens {
    const issuer = app.get<DevIssuer | null>(DevIssuer, { strict: false });
    if (!issuer) throw new Error('The application runs without the development issuer: create it with TEST_AUTH_ENV (AUTH_MODE=local).');
    return new TestTokens(issuer);
  }

  /** A demo user's token, as POST /dev-auth/token hands it out (e.g. 'ada.admin', 'wim.worker'). */
  async forUser(username: string): Promise<string> {
    const user = findDemoUser(username);
    if (!user) throw new Error(`No demo user ${username}`);
    return this.issuer.tokenFor(user);
  }

  /** A token with these claims (`roles: ['caseworker']`, ...), signed by the development issuer. */
  async mint(claims: JWTPayload & { sub: string }, options: DevTokenOptions = {}): Promise<string> {
    return this.issuer.sign(claims, options);
  }

  /**
   * A forgery: the same issuer, audience and key id as a genuine token, signed with a key of its
   * own (or, with `kid`, under a key id the issuer does not publish).
   */
  async forged(claims: JWTPayload & { sub: string }, { kid = this.issuer.publicJwk.kid }: { kid?: string } = {}): Promise<string> {
    const { privateKey } = await generateKeyPair('RS256');
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', ...(kid ? { kid } : {}), typ: 'JWT' })
      .setIssuer(this.issuer.issuer)
      .setAudience(this.issuer.audience)
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(privateKey);
  }
}
