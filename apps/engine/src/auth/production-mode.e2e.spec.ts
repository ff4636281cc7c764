import type { NestExpressApplication } from '@nestjs/platform-express';
import { exportJWK, generateKeyPair, type CryptoKey, SignJWT, type JWTPayload } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@laufweg/persistence/testing';
import { ConfigError, loadEngineConfig } from '../config/engine-config';
import { createApp } from '../create-app';
import { DevIssuer } from './dev-issuer/dev-issuer';
import { bearer } from './testing/test-tokens';

/** A stand-in for Keycloak: discovery document and key set over HTTP, tokens signed with its key. */
async function startIdentityProvider(): Promise<{ issuer: string; sign(claims: JWTPayload, audience?: string): Promise<string>; requests: string[]; close(): Promise<void> }> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'realm-key-1', alg: 'RS256', use: 'sig' };
  const requests: string[] = [];
  let issuer = '';
  const server: Server = createServer((request, response) => {
    requests.push(request.url ?? '');
    const body =
      request.url === '/realms/laufweg/.well-known/openid-configuration'
        ? { issuer, jwks_uri: `${issuer}/protocol/openid-connect/certs` }
        : request.url === '/realms/laufweg/protocol/openid-connect/certs'
          ? { keys: [jwk] }
          : undefined;
    response.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/laufweg`;
  const key: CryptoKey = privateKey;
  return {
    issuer,
    requests,
    sign: (claims, audience = 'laufweg') => new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: jwk.kid }).setIssuer(issuer).setAudience(audience).setIssuedAt().setExpirationTime('5m').sign(key),
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

describe('authentication in production mode (an external OpenID Connect issuer)', () => {
  let db: TestDatabase;
  let idp: Awaited<ReturnType<typeof startIdentityProvider>>;
  let app: NestExpressApplication;
  let base: string;
  let webDir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    idp = await startIdentityProvider();
    webDir = await mkdtemp(join(tmpdir(), 'laufweg-web-'));
    // DATABASE_URL set and no AUTH_MODE: production mode
    const config = loadEngineConfig({ DATABASE_URL: db.ownerUrl, LOG_LEVEL: 'silent', WEB_DIR: webDir, OIDC_ISSUER: idp.issuer });
    expect(config.auth.mode).toBe('production');
    app = await createApp(config, db.runtime);
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });
  afterAll(async () => {
    await app.close();
    await idp.close();
    await db.drop();
    await rm(webDir, { recursive: true, force: true });
  });

  it('does not mount the development issuer', async () => {
    for (const path of ['/dev-auth/users', '/dev-auth/jwks', '/dev-auth/.well-known/openid-configuration']) {
      expect([path, (await fetch(`${base}${path}`)).status]).toEqual([path, 404]);
    }
    const token = await fetch(`${base}/dev-auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ada.admin' }) });
    expect(token.status).toBe(404);
    expect(app.get(DevIssuer, { strict: false })).toBeNull();
  });

  it('tells the web app its client at the issuer is not configured, naming the variable', async () => {
    // given production mode without OIDC_WEB_CLIENT_ID / when the sign-in page asks without a token
    const response = await fetch(`${base}/api/v1/sign-in`);
    // then
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ mode: 'oidc', issuer: idp.issuer, clientId: null, scope: 'openid profile', audience: 'laufweg', detail: expect.stringContaining('OIDC_WEB_CLIENT_ID is not set') });
  });

  it('refuses to start when the development issuer is switched on explicitly', () => {
    expect(() => loadEngineConfig({ DATABASE_URL: db.ownerUrl, OIDC_ISSUER: idp.issuer, DEV_ISSUER: 'true' })).toThrow(ConfigError);
  });

  it("accepts the provider's tokens, found through its discovery document, with Keycloak realm roles", async () => {
    // given an admin token of the provider
    const token = await idp.sign({ sub: '5c1e7f0a-2b9d-4e61-8f3a-0d4c6b7e9a12', preferred_username: 'ada', realm_access: { roles: ['admin'] } });
    // when it creates a tenant
    const created = await fetch(`${base}/api/v1/tenants`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(token) }, body: JSON.stringify({ id: 'bautzen', name: 'Stadt Bautzen', land: 'SN' }) });
    // then the token was verified with the keys from jwks_uri
    expect(created.status).toBe(201);
    expect(idp.requests).toEqual(expect.arrayContaining(['/realms/laufweg/.well-known/openid-configuration', '/realms/laufweg/protocol/openid-connect/certs']));
    // and without the development issuer no demo tenant was set up
    const tenants = (await (await fetch(`${base}/api/v1/tenants`, { headers: bearer(token) })).json()) as { id: string }[];
    expect(tenants.map((tenant) => tenant.id)).toEqual(['bautzen']);
  });

  it("refuses the provider's token for another client, and a token of the development issuer's kind", async () => {
    const other = await fetch(`${base}/api/v1/tenants`, { headers: bearer(await idp.sign({ sub: 'u1', roles: ['admin'] }, 'account')) });
    expect(other.status).toBe(401);
    expect(((await other.json()) as { detail: string }).detail).toBe('The token is meant for the audience account, not for this service (laufweg).');
    const dev = await DevIssuer.create('http://localhost:3000/dev-auth', 'laufweg');
    const devToken = await fetch(`${base}/api/v1/tenants`, { headers: bearer(await dev.sign({ sub: 'ada.admin', roles: ['admin'] })) });
    expect(devToken.status).toBe(401);
    expect(((await devToken.json()) as { detail: string }).detail).toBe(`The token was issued by http://localhost:3000/dev-auth, which this service does not trust (it accepts tokens of ${idp.issuer}).`);
  });

  it('answers 503 when the identity provider cannot be reached', async () => {
    // given a service whose provider does not answer
    const gone = await startIdentityProvider();
    await gone.close();
    const offline = await createApp(loadEngineConfig({ DATABASE_URL: db.ownerUrl, LOG_LEVEL: 'silent', WEB_DIR: webDir, OIDC_ISSUER: gone.issuer, JOB_EXECUTOR_ENABLED: 'false' }), db.runtime);
    await offline.listen(0, '127.0.0.1');
    try {
      // when a caller comes with a token of it
      const response = await fetch(`${await offline.getUrl()}/api/v1/tenants`, { headers: bearer(await gone.sign({ sub: 'u1', roles: ['admin'] })) });
      // then the service says the provider is the problem, not the token
      expect(response.status).toBe(503);
      expect(((await response.json()) as { type: string }).type).toBe('urn:laufweg:problem:identity-provider-unavailable');
    } finally {
      await offline.close();
    }
  });
});
