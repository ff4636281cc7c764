import { decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import type { Role } from './caller';
import { displayNameOf, rolesFromClaims } from './token-claims';
import { IssuerUnavailableError, type TrustedIssuer } from './trusted-issuer';

/** What a verified token says about its bearer. */
export interface VerifiedToken {
  readonly subject: string;
  readonly displayName: string;
  readonly roles: ReadonlySet<Role>;
  readonly issuer: string;
}

/** The token is not accepted; `reason` is one sentence for the caller saying why. */
export class TokenRejectedError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'TokenRejectedError';
  }
}

export interface TokenVerifierOptions {
  readonly audience: string;
  readonly rolesClaim: string;
  /** Allowed clock skew between the issuer and this service, in seconds. */
  readonly clockToleranceSeconds?: number;
}

/** Asymmetric algorithms only: a shared secret (HS256) or `none` can never verify here. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

/**
 * Verifies bearer tokens (JWT) against the trusted issuers: the token's `iss` picks the issuer,
 * whose keys must verify the signature; then audience, expiry (`exp` required), not-before and
 * subject (`sub` required) are checked. Every rejection says which check failed.
 */
export class TokenVerifier {
  constructor(
    private readonly issuers: readonly TrustedIssuer[],
    private readonly options: TokenVerifierOptions,
  ) {}

  /** Throws TokenRejectedError (the caller's token is bad) or IssuerUnavailableError (the provider is). */
  async verify(token: string): Promise<VerifiedToken> {
    const claims = this.decode(token);
    const trusted = this.issuers.find((candidate) => candidate.issuer === claims.iss);
    if (!trusted) {
      const accepted = this.issuers.map((candidate) => candidate.issuer).join(', ');
      throw new TokenRejectedError(
        typeof claims.iss === 'string'
          ? `The token was issued by ${claims.iss}, which this service does not trust (it accepts tokens of ${accepted}).`
          : `The token names no issuer (iss); this service accepts tokens of ${accepted}.`,
      );
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, trusted.keys, {
        issuer: trusted.issuer,
        audience: this.options.audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['sub', 'exp'],
        clockTolerance: this.options.clockToleranceSeconds ?? 30,
      }));
    } catch (error) {
      throw this.explain(error, token, trusted.issuer);
    }
    const subject = payload.sub as string;
    return { subject, displayName: displayNameOf(payload) || subject, roles: rolesFromClaims(payload, this.options.rolesClaim), issuer: trusted.issuer };
  }

  private decode(token: string): JWTPayload {
    try {
      return decodeJwt(token);
    } catch {
      throw new TokenRejectedError('The bearer token is not a well-formed JWT (header.claims.signature, base64url-encoded).');
    }
  }

  private explain(error: unknown, token: string, issuer: string): Error {
    if (error instanceof IssuerUnavailableError) return error;
    if (error instanceof errors.JWTExpired) {
      const exp = typeof error.payload.exp === 'number' ? ` at ${new Date(error.payload.exp * 1000).toISOString()}` : '';
      return new TokenRejectedError(`The token expired${exp}; sign in again.`);
    }
    if (error instanceof errors.JWTClaimValidationFailed) return new TokenRejectedError(this.claimProblem(error));
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      return new TokenRejectedError(`The token's signature does not verify with the keys of ${issuer}: it was altered or signed by someone else.`);
    }
    if (error instanceof errors.JWKSNoMatchingKey) {
      const kid = safeKid(token);
      return new TokenRejectedError(`The token is signed with a key ${issuer} does not publish${kid ? ` (kid ${kid})` : ''}: it was forged, or the key was withdrawn.`);
    }
    if (error instanceof errors.JOSEAlgNotAllowed) {
      return new TokenRejectedError(`The token is signed with an algorithm this service does not accept (accepted: ${ALGORITHMS.join(', ')}).`);
    }
    if (error instanceof errors.JOSEError) return new TokenRejectedError(`The bearer token cannot be verified: ${error.message}.`);
    return error instanceof Error ? error : new Error(String(error));
  }

  private claimProblem(error: InstanceType<typeof errors.JWTClaimValidationFailed>): string {
    const { claim, reason, payload } = error;
    if (reason === 'missing') return `The token has no ${claim} claim, which this service requires.`;
    switch (claim) {
      case 'aud': {
        const audience = Array.isArray(payload.aud) ? payload.aud.join(', ') : String(payload.aud);
        return `The token is meant for the audience ${audience}, not for this service (${this.options.audience}).`;
      }
      case 'iss':
        return `The token was issued by ${String(payload.iss)}, which this service does not trust.`;
      case 'nbf':
        return 'The token is not valid yet (nbf lies in the future).';
      case 'iat':
        return 'The token claims to be issued in the future (iat).';
      default:
        return `The token's ${claim} claim is not acceptable (${error.message}).`;
    }
  }
}

function safeKid(token: string): string | undefined {
  try {
    return decodeProtectedHeader(token).kid;
  } catch {
    return undefined;
  }
}
