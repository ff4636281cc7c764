import type { NestExpressApplication } from '@nestjs/platform-express';
import { exportJWK, generateKeyPair } from 'jose';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Provider from 'oidc-provider';
import { Pool } from 'pg';
import type { BrowserContext, Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '@laufweg/persistence/testing';
import { loadEngineConfig } from '../../config/engine-config';
import { createApp } from '../../create-app';
import { launchChromium, SCREENSHOT_DIR } from './browser-harness';

const CLIENT_ID = 'laufweg-web';
/** The resource indicator (RFC 8707) under which the provider issues JWT access tokens for Laufweg. */
const RESOURCE = 'urn:laufweg:api';
/** The municipality's account, as the identity provider knows it; `sub` is what the tenant membership names. */
const CARLA = { login: 'carla.krause', name: 'Carla Krause', roles: ['caseworker'] } as const;
const TENANT = { id: 'bautzen', name: 'Stadt Bautzen', land: 'SN' } as const;

/** What the provider's hooks read of its context (oidc-provider ships no types). */
interface ProviderContext {
  readonly oidc: {
    readonly provider: { readonly Grant: GrantClass };
    readonly client: { readonly clientId: string };
    readonly session: { readonly accountId: string; grantIdFor(clientId: string): string | undefined };
    readonly result?: { readonly consent?: { readonly grantId?: string } };
  };
}
interface Grant {
  addOIDCScope(scope: string): void;
  addResourceScope(resource: string, scope: string): void;
  save(): Promise<string>;
}
interface GrantClass {
  new (init: { clientId: string; accountId: string }): Grant;
  find(id: string): Promise<Grant | undefined>;
}

/**
 * A municipality's identity provider: panva's oidc-provider with its development login page
 * (any password), one account (Carla, caseworker), the web app as a public client (code flow with
 * PKCE), JWT access tokens for the audience `laufweg` through a default resource indicator, and
 * sign-out (RP-initiated logout). Consent is given up front, as for a first-party app.
 */
async function startIdentityProvider(server: Server, issuer: string, app: string): Promise<void> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' };
  const accounts = new Map<string, typeof CARLA>([[CARLA.login, CARLA]]);
  // It warns at construction that its in-memory store and login page are for development: known, and meant.
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const provider = new Provider(issuer, {
    clients: [{ client_id: CLIENT_ID, token_endpoint_auth_method: 'none', grant_types: ['authorization_code'], response_types: ['code'], redirect_uris: [`${app}/?signin-callback`], post_logout_redirect_uris: [`${app}/`] }],
    jwks: { keys: [signingKey] },
    cookies: { keys: ['laufweg-browser-test'] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, IdToken: 600, AccessToken: 600, AuthorizationCode: 60 },
    clientBasedCORS: (_ctx: unknown, origin: string) => origin === app,
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'] },
    findAccount: (_ctx: unknown, sub: string) => {
      const account = accounts.get(sub);
      return account && { accountId: sub, claims: () => ({ sub, name: account.name, preferred_username: account.login }) };
    },
    extraTokenClaims: (_ctx: unknown, token: { accountId?: string }) => {
      const account = token.accountId ? accounts.get(token.accountId) : undefined;
      return account && { name: account.name, roles: [...account.roles] };
    },
    loadExistingGrant: async ({ oidc }: ProviderContext) => {
      const grantId = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(oidc.client.clientId);
      if (grantId) return oidc.provider.Grant.find(grantId);
      const grant = new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
      grant.addOIDCScope('openid profile');
      grant.addResourceScope(RESOURCE, 'laufweg');
      await grant.save();
      return grant;
    },
    features: {
      devInteractions: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: { body: string }, form: string) => {
          ctx.body = `<!doctype html><meta charset="utf-8"><title>Abmelden</title>${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Ja, abmelden</button>`;
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({ scope: 'laufweg', audience: 'laufweg', accessTokenFormat: 'jwt', accessTokenTTL: 600, jwt: { sign: { alg: 'RS256' } } }),
      },
    },
  });
  warn.mockRestore();
  provider.on('server_error', (_ctx, error) => console.error('[identity provider]', error));
  const handle = provider.callback();
  server.on('request', (request: IncomingMessage, response: ServerResponse) => handle(request, response));
}

/**
 * The web app in Chromium against the engine in production mode (AUTH_MODE=production) whose only
 * issuer is an OpenID Connect provider on this machine: a caseworker signs in on the provider's
 * login page and works in the task list of her municipality; a token the API refuses sends her
 * back to the sign-in page, saying so; signing out ends her session at the provider too.
 */
describe('web app sign-in through the OpenID Connect issuer (production mode)', () => {
  let db: TestDatabase;
  let owner: Pool;
  let idpServer: Server;
  let issuer: string;
  let app: NestExpressApplication;
  let base: string;
  let userDataDir: string;
  let browser: BrowserContext;
  let page: Page;
  /** Status of every API call the page made. */
  const apiCalls: { path: string; status: number }[] = [];

  beforeAll(async () => {
    const webDir = process.env['LAUFWEG_BROWSER_WEB_DIR'];
    if (!webDir) throw new Error('LAUFWEG_BROWSER_WEB_DIR is not set: run browser tests through Jest, whose browser global setup builds the web app.');
    db = await createTestDatabase();
    owner = new Pool({ connectionString: db.ownerUrl, max: 2 });
    owner.on('error', () => undefined);
    // given Carla's membership, kept by Laufweg's admins (production mode seeds no demo data)
    await owner.query('INSERT INTO tenant (id, name, land) VALUES ($1, $2, $3)', [TENANT.id, TENANT.name, TENANT.land]);
    await owner.query('INSERT INTO tenant_member (tenant_id, subject, groups) VALUES ($1, $2, $3)', [TENANT.id, CARLA.login, ['standesamt']]);
    // the provider's port first: the engine must name it as its issuer, and the provider the engine as its client's home
    idpServer = createServer();
    await new Promise<void>((resolve) => idpServer.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(idpServer.address() as AddressInfo).port}`;
    const config = loadEngineConfig({
      DATABASE_URL: db.ownerUrl,
      LOG_LEVEL: 'silent',
      WEB_DIR: webDir,
      JOB_EXECUTOR_ENABLED: 'false',
      AUTH_MODE: 'production',
      OIDC_ISSUER: issuer,
      OIDC_AUDIENCE: 'laufweg',
      OIDC_WEB_CLIENT_ID: CLIENT_ID,
      OIDC_WEB_SCOPE: 'openid profile laufweg',
    });
    app = await createApp(config, db.runtime);
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    await startIdentityProvider(idpServer, issuer, base);
    userDataDir = await mkdtemp(join(tmpdir(), 'laufweg-chromium-'));
    browser = await launchChromium(userDataDir);
    page = await browser.newPage();
    page.on('pageerror', (error) => console.error(`[browser] ${error.stack ?? error.message}`));
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.origin === base && url.pathname.startsWith('/api/')) apiCalls.push({ path: url.pathname, status: response.status() });
    });
  }, 90_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await app?.close();
    await new Promise<void>((resolve) => (idpServer ? idpServer.close(() => resolve()) : resolve()));
    await owner?.end();
    await db?.drop();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  /** Runs the steps; a failing step leaves a screenshot `failed-<test>.png`. */
  async function step(fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (error) {
      const name = expect.getState().currentTestName?.replace(/\W+/g, '-').slice(0, 60) ?? 'test';
      await page.screenshot({ path: join(SCREENSHOT_DIR, `failed-${name}.png`) }).catch(() => undefined);
      throw error;
    }
  }

  /** The tab's token storage (a string: this file is compiled without DOM types). */
  async function storedTokens(): Promise<{ session: string[]; local: string[] }> {
    return page.evaluate('({ session: Object.keys(sessionStorage).filter((key) => /token|oidc/.test(key)), local: Object.keys(localStorage).filter((key) => /token|oidc/.test(key)) })');
  }

  async function expectTaskList(): Promise<void> {
    await page.getByRole('heading', { name: 'Aufgaben', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Abmelden' }).waitFor();
    expect(await page.locator('.app-header .who').textContent()).toBe('Carla Krause · Sachbearbeitung');
    expect(await page.getByLabel('Kommune', { exact: true }).locator('option:checked').textContent()).toBe(TENANT.name);
  }

  it('tells the web app where to sign in, without a token', async () => {
    const response = await fetch(`${base}/api/v1/sign-in`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ mode: 'oidc', issuer, clientId: CLIENT_ID, scope: 'openid profile laufweg', audience: 'laufweg' });
  });

  it("signs a caseworker in on the provider's login page and shows her municipality's task list, every API call authorised", async () => {
    await step(async () => {
      // given the sign-in page of the web app
      await page.goto(`${base}/`);
      await page.getByText(`Sie melden sich mit Ihrem Dienstkonto beim Identitätsanbieter ${new URL(issuer).host} an`).waitFor();
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'sign-in-oidc.png') });
      // when Carla signs in at her identity provider
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await page.waitForURL(`${issuer}/interaction/**`);
      await page.locator('input[name="login"]').fill(CARLA.login);
      await page.locator('input[name="password"]').fill('irgendein-passwort');
      await page.locator('button[type="submit"]').click();
      // then she is back in the app, in her municipality's task list, with her name and role
      await expectTaskList();
      expect(new URL(page.url()).search).toBe('');
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'signed-in-oidc.png') });
      // and the API accepted her provider's token on every call
      expect(apiCalls.filter((call) => call.path !== '/api/v1/sign-in').length).toBeGreaterThan(1);
      expect(apiCalls.filter((call) => call.status >= 400)).toEqual([]);
      // and the token belongs to this tab only
      const stored = await storedTokens();
      expect(stored.session).toContain('laufweg.token');
      expect(stored.local).toEqual([]);
    });
  });

  it('sends her back to the sign-in page with a German message when the API refuses her token, and the provider signs her in again without a password', async () => {
    await step(async () => {
      // given a token the API refuses (its signature broken, as after a key rotation)
      const token = await page.evaluate<string>("sessionStorage.getItem('laufweg.token')");
      const refused = `${token.slice(0, token.lastIndexOf('.'))}.${Buffer.from('forged').toString('base64url')}`;
      await page.evaluate(`sessionStorage.setItem('laufweg.token', ${JSON.stringify(refused)})`);
      apiCalls.length = 0;
      // when the app calls the API with it
      await page.reload();
      // then she is asked to sign in again
      await page.getByText('Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.').waitFor();
      expect(apiCalls).toContainEqual({ path: '/api/v1/tenants', status: 401 });
      expect((await storedTokens()).session).not.toContain('laufweg.token');
      // and the provider still knows her: no login page on the way back
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await expectTaskList();
    });
  });

  it('sends her to the sign-in page when the token ran out while the tab was closed', async () => {
    await step(async () => {
      // given a token whose exp lies in the past
      const token = await page.evaluate<string>("sessionStorage.getItem('laufweg.token')");
      const [header, claims, signature] = token.split('.');
      const expired = { ...(JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as Record<string, unknown>), exp: Math.floor(Date.now() / 1000) - 60 };
      await page.evaluate(`sessionStorage.setItem('laufweg.token', ${JSON.stringify([header, Buffer.from(JSON.stringify(expired)).toString('base64url'), signature].join('.'))})`);
      // when the app opens again / then
      await page.reload();
      await page.getByText('Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.').waitFor();
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await expectTaskList();
    });
  });

  it('explains which setting is missing when the web app has no client at the provider', async () => {
    // given an engine without OIDC_WEB_CLIENT_ID (its answer, as the production-mode e2e test checks it)
    const other = await browser.newPage();
    await other.route(`${base}/api/v1/sign-in`, (route) =>
      route.fulfill({ json: { mode: 'oidc', issuer, clientId: null, scope: 'openid profile', audience: 'laufweg', detail: 'OIDC_WEB_CLIENT_ID is not set: …' } }),
    );
    try {
      // when the sign-in page opens / then it names the variable, and offers no button that cannot work
      await other.goto(`${base}/`);
      await other.getByText('Die Anmeldung über den Identitätsanbieter der Kommune ist für die Web-App noch nicht eingerichtet.').waitFor();
      expect(await other.locator('.sign-in code').first().textContent()).toBe(issuer);
      expect(await other.locator('.sign-in').textContent()).toContain('OIDC_WEB_CLIENT_ID');
      expect(await other.getByRole('button', { name: 'Anmelden' }).count()).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('signs her out at the identity provider too', async () => {
    await step(async () => {
      // when she signs out and confirms at the provider
      await page.getByRole('button', { name: 'Abmelden' }).click();
      await page.waitForURL(`${issuer}/session/end**`);
      await page.getByRole('button', { name: 'Ja, abmelden' }).click();
      // then she is back on the sign-in page, told so, with no token left
      await page.getByText('Sie haben sich abgemeldet.').waitFor();
      expect(new URL(page.url()).origin).toBe(base);
      expect((await storedTokens()).session).toEqual([]);
      // and the provider asks for her password again
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await page.waitForURL(`${issuer}/interaction/**`);
      await page.locator('input[name="login"]').waitFor();
    });
  });
});
