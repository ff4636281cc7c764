import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '@laufweg/persistence/testing';
import { loadEngineConfig } from '../config/engine-config';
import { createApp } from '../create-app';
import { bearer, TEST_AUTH_ENV, TestTokens } from './testing/test-tokens';

interface Problem {
  type: string;
  status: number;
  detail: string;
}

const ISSUER = 'http://localhost:3000/dev-auth';

describe('authentication over HTTP (local mode, development issuer)', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let pool: Pool;
  let tokens: TestTokens;
  let base: string;
  let webDir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    webDir = await mkdtemp(join(tmpdir(), 'laufweg-web-'));
    await writeFile(join(webDir, 'index.html'), '<!doctype html><title>Laufweg</title>');
    await writeFile(join(webDir, 'app.js'), 'console.log("Laufweg")');
    app = await createApp(loadEngineConfig({ DATABASE_URL: db.ownerUrl, LOG_LEVEL: 'silent', WEB_DIR: webDir, ...TEST_AUTH_ENV }), db.runtime);
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    tokens = TestTokens.of(app);
    pool = new Pool({ connectionString: db.appUrl, max: 2 });
  });
  afterAll(async () => {
    await app.close();
    await pool.end();
    await db.drop();
    await rm(webDir, { recursive: true, force: true });
  });

  async function get(path: string, token?: string): Promise<Response> {
    return fetch(`${base}${path}`, { headers: token ? bearer(token) : {} });
  }

  async function refusal(response: Response, status: number): Promise<Problem> {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    return (await response.json()) as Problem;
  }

  it('serves health, API docs, the web app, metrics and the issuer without a token', async () => {
    for (const path of ['/health', '/health/ready', '/api/docs', '/api/docs-json', '/', '/app.js', '/metrics', '/dev-auth/jwks', '/dev-auth/.well-known/openid-configuration', '/dev-auth/users', '/api/v1/sign-in']) {
      expect([path, (await get(path)).status]).toEqual([path, 200]);
    }
  });

  it("tells the web app to sign in through the development issuer's user picker", async () => {
    expect(await (await get('/api/v1/sign-in')).json()).toEqual({ mode: 'local', devIssuer: '/dev-auth' });
  });

  it('signs in a demo user and knows the caller: roles from the token, tenants from the database', async () => {
    // given the user picker's list and a token from the issuer
    const users = (await (await get('/dev-auth/users')).json()) as { username: string; role: string }[];
    expect(users.map((user) => user.role)).toEqual(expect.arrayContaining(['designer', 'caseworker', 'team', 'admin', 'intake', 'worker']));
    const issued = await fetch(`${base}/dev-auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'carla.sachbearbeitung' }) });
    expect(issued.status).toBe(200);
    const { access_token: token, token_type: type } = (await issued.json()) as { access_token: string; token_type: string };
    expect(type).toBe('Bearer');
    // when carla asks for her tenants, then she gets the demo tenant the start ensured
    const tenants = await get('/api/v1/tenants', token);
    expect(tenants.status).toBe(200);
    expect(await tenants.json()).toEqual([{ id: 'musterstadt', name: 'Musterstadt', officialKey: null, land: 'SN', createdAt: expect.any(String) }]);
    const { rows } = await pool.query(`SELECT groups FROM tenant_member WHERE tenant_id = 'musterstadt' AND subject = 'carla.sachbearbeitung'`);
    expect(rows).toEqual([{ groups: ['standesamt', 'buergeramt', 'ordnungsamt'] }]);
  });

  it('publishes a discovery document and key set that verify its tokens', async () => {
    const discovery = (await (await get('/dev-auth/.well-known/openid-configuration')).json()) as { issuer: string; jwks_uri: string };
    expect(discovery).toEqual(expect.objectContaining({ issuer: ISSUER, jwks_uri: `${ISSUER}/jwks` }));
    const { keys } = (await (await get('/dev-auth/jwks')).json()) as { keys: { kty: string; alg: string; d?: string }[] };
    expect(keys).toEqual([expect.objectContaining({ kty: 'RSA', alg: 'RS256' })]);
    expect(keys[0].d).toBeUndefined();
  });

  it('refuses a sign-in as someone who is not a demo user', async () => {
    const response = await fetch(`${base}/dev-auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'mallory' }) });
    expect((await refusal(response, 400)).detail).toContain('username must be a demo user: dana.designer');
  });

  it.each([
    ['a missing token', async () => undefined, 'The request has no bearer token: send Authorization: Bearer <token> from your identity provider.'],
    ['a token that is not a JWT', async () => 'abc.def', 'The bearer token is not a well-formed JWT (header.claims.signature, base64url-encoded).'],
    ['an expired token', async () => tokens.mint({ sub: 'ada.admin', roles: ['admin'] }, { expiresInSeconds: -3600 }), /^The token expired at .*; sign in again\.$/],
    ['a forged token', async () => tokens.forged({ sub: 'ada.admin', roles: ['admin'] }), `The token's signature does not verify with the keys of ${ISSUER}: it was altered or signed by someone else.`],
    ['a token signed with a key the issuer does not publish', async () => tokens.forged({ sub: 'ada.admin', roles: ['admin'] }, { kid: 'k2' }), `The token is signed with a key ${ISSUER} does not publish (kid k2): it was forged, or the key was withdrawn.`],
    ['a token for another audience', async () => tokens.mint({ sub: 'ada.admin', roles: ['admin'] }, { audience: 'account' }), 'The token is meant for the audience account, not for this service (laufweg).'],
    ['a token of an untrusted issuer', async () => tokens.mint({ sub: 'ada.admin', roles: ['admin'] }, { issuer: 'https://id.example.de/realms/x' }), /^The token was issued by https:\/\/id\.example\.de\/realms\/x, which this service does not trust/],
  ])('answers %s with 401 and the reason', async (_case, token, reason) => {
    // when a protected route is called with it
    const response = await get('/api/v1/tenants', await token());
    // then
    const problem = await refusal(response, 401);
    expect(problem.type).toBe('urn:laufweg:problem:unauthorized');
    expect(problem.detail).toEqual(typeof reason === 'string' ? reason : expect.stringMatching(reason));
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="laufweg"/);
  });

  it('answers an Authorization header that is not a bearer token with 401', async () => {
    const response = await fetch(`${base}/api/v1/tenants`, { headers: { authorization: 'Basic YWRhOmFkYQ==' } });
    expect((await refusal(response, 401)).detail).toBe('The Authorization header is not a bearer token: it must read Bearer <token>.');
  });

  it('answers 403 naming the roles a route needs', async () => {
    // given a caseworker; when it calls the worker API and an admin route
    const caseworker = await tokens.forUser('carla.sachbearbeitung');
    const jobs = await fetch(`${base}/api/v1/jobs/activate`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(caseworker) }, body: JSON.stringify({ type: 'x', worker: 'w', maxJobs: 1, lockDurationMs: 60_000 }) });
    const problem = await refusal(jobs, 403);
    // then
    expect(problem).toEqual(expect.objectContaining({ type: 'urn:laufweg:problem:forbidden', detail: 'This needs the role worker or admin; you have caseworker.' }));
    const noRole = await tokens.mint({ sub: 'someone', roles: ['offline_access'] });
    const create = await fetch(`${base}/api/v1/tenants`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(noRole) }, body: '{}' });
    expect((await refusal(create, 403)).detail).toBe('This needs the role admin; your token grants no Laufweg role.');
  });

  it('lets the worker and the admin use the worker API', async () => {
    for (const username of ['wim.worker', 'ada.admin']) {
      const response = await fetch(`${base}/api/v1/jobs/activate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(await tokens.forUser(username)) },
        body: JSON.stringify({ type: 'nothing.here', worker: 'w', maxJobs: 1, lockDurationMs: 60_000 }),
      });
      expect([username, response.status]).toEqual([username, 200]);
    }
  });

  it('takes roles from Keycloak realm roles as well', async () => {
    const token = await tokens.mint({ sub: 'kc-user', realm_access: { roles: ['admin', 'uma_authorization'] } });
    const response = await get('/api/v1/tenants', token);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { id: string }[]).map((tenant) => tenant.id)).toContain('musterstadt');
  });

  it('keeps the demo data as an admin changed it when the service starts again', async () => {
    // given an admin removed carl from the demo tenant
    await pool.query(`DELETE FROM tenant_member WHERE tenant_id = 'musterstadt' AND subject = 'carl.sachbearbeitung'`);
    await pool.query(`UPDATE tenant_member SET groups = '{standesamt}' WHERE tenant_id = 'musterstadt' AND subject = 'carla.sachbearbeitung'`);
    // when a second engine process starts on the database
    const again = await createApp(loadEngineConfig({ DATABASE_URL: db.ownerUrl, LOG_LEVEL: 'silent', WEB_DIR: webDir, JOB_EXECUTOR_ENABLED: 'false', ...TEST_AUTH_ENV }), db.runtime);
    await again.init();
    await again.close();
    // then the missing membership is back and the changed one stays
    const { rows } = await pool.query(`SELECT subject, groups FROM tenant_member WHERE tenant_id = 'musterstadt' AND subject LIKE 'car%' ORDER BY subject`);
    expect(rows).toEqual([
      { subject: 'carl.sachbearbeitung', groups: ['standesamt', 'buergeramt', 'ordnungsamt'] },
      { subject: 'carla.sachbearbeitung', groups: ['standesamt'] },
    ]);
  });
});
