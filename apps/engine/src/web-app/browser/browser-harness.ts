import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '@laufweg/persistence/testing';
import { TEST_AUTH_ENV } from '../../auth/testing/test-tokens';
import { loadEngineConfig } from '../../config/engine-config';
import { createApp } from '../../create-app';

/** Where the screenshots go (git-ignored); the README references them. */
export const SCREENSHOT_DIR = join(__dirname, '..', '..', '..', '..', 'web', 'screenshots');

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * The real engine in-process on a free port (local mode: the development issuer and its demo
 * users), on a fresh database, serving the web app the browser tier's global setup built; and
 * Debian's Chromium driven by playwright-core. Each page is a tab with its own sign-in (the
 * token lives in sessionStorage).
 */
export class BrowserHarness {
  private signInShown = false;

  private constructor(
    private readonly app: NestExpressApplication,
    private readonly db: TestDatabase,
    private readonly context: BrowserContext,
    private readonly userDataDir: string,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<BrowserHarness> {
    const webDir = process.env['LAUFWEG_BROWSER_WEB_DIR'];
    if (!webDir) throw new Error('LAUFWEG_BROWSER_WEB_DIR is not set: run browser tests through Jest, whose browser global setup builds the web app.');
    const db = await createTestDatabase();
    const app = await createApp(loadEngineConfig({ DATABASE_URL: db.ownerUrl, LOG_LEVEL: 'silent', WEB_DIR: webDir, JOB_EXECUTOR_ENABLED: 'false', ...TEST_AUTH_ENV }), db.runtime);
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const userDataDir = await mkdtemp(join(tmpdir(), 'laufweg-chromium-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: { width: 1280, height: 800 },
      locale: 'de-DE',
      timezoneId: 'Europe/Berlin',
    });
    context.setDefaultTimeout(15_000);
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    return new BrowserHarness(app, db, context, userDataDir, `http://127.0.0.1:${port}`);
  }

  /** A new tab signed in as a demo user through the sign-in page's user picker. */
  async signIn(username: string): Promise<Page> {
    const page = await this.context.newPage();
    page.on('pageerror', (error) => console.error(`[browser ${username}] ${error.stack ?? error.message}`));
    await page.goto(`${this.baseUrl}/`);
    const picker = page.locator(`button[data-user="${username}"]`);
    await picker.waitFor();
    if (!this.signInShown) {
      this.signInShown = true;
      await this.screenshot(page, 'sign-in');
    }
    await picker.click();
    await page.getByRole('button', { name: 'Abmelden' }).waitFor();
    return page;
  }

  async screenshot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
  }

  /** Calls the REST API as a demo user (token from the development issuer, as the web app gets it). */
  async api<T>(username: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const token = await this.fetchJson<{ access_token: string }>('POST', '/dev-auth/token', undefined, { username });
    const response = await this.fetchJson<T>(method, path, token.body.access_token, body);
    return response as { status: number; body: T };
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    await this.app.close();
    await this.db.drop();
    await rm(this.userDataDir, { recursive: true, force: true });
  }

  private async fetchJson<T>(method: string, path: string, token: string | undefined, body: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }
}
