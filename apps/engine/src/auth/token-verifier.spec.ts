import { generateKeyPair, SignJWT } from 'jose';
import { DevIssuer } from './dev-issuer/dev-issuer';
import { TokenRejectedError, TokenVerifier } from './token-verifier';
import { IssuerUnavailableError, remoteIssuer } from './trusted-issuer';

const ISSUER = 'http://localhost:3000/dev-auth';

describe('TokenVerifier', () => {
  let issuer: DevIssuer;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    issuer = await DevIssuer.create(ISSUER, 'laufweg');
    verifier = new TokenVerifier([issuer.trusted()], { audience: 'laufweg', rolesClaim: 'roles' });
  });

  async function reason(token: string): Promise<string> {
    const error = await verifier.verify(token).then(
      () => undefined,
      (rejection: unknown) => rejection,
    );
    expect(error).toBeInstanceOf(TokenRejectedError);
    return (error as TokenRejectedError).reason;
  }

  it('accepts a token of a trusted issuer and reads who is calling', async () => {
    const token = await issuer.sign({ sub: 'carla.sachbearbeitung', name: 'Carla Krause', roles: ['caseworker', 'superuser'] });
    const verified = await verifier.verify(token);
    expect(verified).toEqual({ subject: 'carla.sachbearbeitung', displayName: 'Carla Krause', roles: new Set(['caseworker']), issuer: ISSUER });
  });

  it('says when the token expired', async () => {
    const token = await issuer.sign({ sub: 'carla' }, { expiresInSeconds: -120 });
    expect(await reason(token)).toMatch(/^The token expired at \d{4}-\d\d-\d\dT.*; sign in again\.$/);
  });

  it('says when the signature is not the issuer\'s, under its key id or another', async () => {
    // given tokens signed with a key of the forger's own
    const { privateKey } = await generateKeyPair('RS256');
    const forge = (kid: string) =>
      new SignJWT({ sub: 'ada.admin', roles: ['admin'] }).setProtectedHeader({ alg: 'RS256', kid }).setIssuer(ISSUER).setAudience('laufweg').setExpirationTime('5m').sign(privateKey);
    // then
    expect(await reason(await forge(issuer.publicJwk.kid!))).toBe(`The token's signature does not verify with the keys of ${ISSUER}: it was altered or signed by someone else.`);
    expect(await reason(await forge('other-key'))).toBe(`The token is signed with a key ${ISSUER} does not publish (kid other-key): it was forged, or the key was withdrawn.`);
  });

  it('names a wrong audience and an untrusted issuer', async () => {
    expect(await reason(await issuer.sign({ sub: 'carla' }, { audience: 'account' }))).toBe('The token is meant for the audience account, not for this service (laufweg).');
    expect(await reason(await issuer.sign({ sub: 'carla' }, { issuer: 'https://id.example.de/realms/other' }))).toBe(
      `The token was issued by https://id.example.de/realms/other, which this service does not trust (it accepts tokens of ${ISSUER}).`,
    );
  });

  it('requires a subject, refuses tokens not valid yet and anything that is not a JWT', async () => {
    expect(await reason(await issuer.sign({}))).toBe('The token has no sub claim, which this service requires.');
    expect(await reason(await issuer.sign({ sub: 'carla' }, { notBeforeSeconds: 3600 }))).toBe('The token is not valid yet (nbf lies in the future).');
    expect(await reason('not-a-token')).toBe('The bearer token is not a well-formed JWT (header.claims.signature, base64url-encoded).');
  });

  it('refuses a token signed with a shared secret (HS256)', async () => {
    const token = await new SignJWT({ sub: 'ada.admin', roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256', kid: issuer.publicJwk.kid })
      .setIssuer(ISSUER)
      .setAudience('laufweg')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('a shared secret of at least thirty-two bytes'));
    expect(await reason(token)).toMatch(/^The token is signed with an algorithm this service does not accept/);
  });

  it('reports an identity provider whose discovery fails as unavailable, not as a bad token', async () => {
    // given a remote issuer whose discovery document cannot be fetched
    const remote = remoteIssuer({ issuer: 'https://id.example.de/realms/laufweg' }, () => Promise.reject(new Error('connect ECONNREFUSED')));
    const remoteVerifier = new TokenVerifier([remote], { audience: 'laufweg', rolesClaim: 'roles' });
    const token = await issuer.sign({ sub: 'carla' }, { issuer: 'https://id.example.de/realms/laufweg' });
    // then
    await expect(remoteVerifier.verify(token)).rejects.toThrow(IssuerUnavailableError);
    await expect(remoteVerifier.verify(token)).rejects.toThrow('The keys of https://id.example.de/realms/laufweg cannot be fetched: connect ECONNREFUSED');
  });

  it('refuses a discovery document that names another issuer', async () => {
    const remote = remoteIssuer({ issuer: 'https://id.example.de/realms/laufweg' }, () => Promise.resolve({ issuer: 'https://evil.example', jwks_uri: 'https://evil.example/keys' }));
    const remoteVerifier = new TokenVerifier([remote], { audience: 'laufweg', rolesClaim: 'roles' });
    const token = await issuer.sign({ sub: 'carla' }, { issuer: 'https://id.example.de/realms/laufweg' });
    await expect(remoteVerifier.verify(token)).rejects.toThrow('names the issuer https://evil.example, not https://id.example.de/realms/laufweg');
  });
});
