import { JobExecutor } from '@laufweg/persistence';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '@laufweg/persistence/testing';
import { TEST_AUTH_ENV } from '../../auth/testing/test-tokens';
import { loadEngineConfig } from '../../config/engine-config';
import { createApp } from '../../create-app';
import { buildSubmission, toFormData } from '../../intake/testing/submission-builder';

/** Where the screenshots go (git-ignored); the README shows copies of them from docs/img. */
export const SCREENSHOT_DIR = join(__dirname, '..', '..', '..', '..', 'web', 'screenshots');

/** The repository's route bundles (docs/routes.md), deployed at start as in local mode. */
export const PROCESSES_DIR = join(__dirname, '..', '..', '..', '..', '..', 'processes');

/** Connector simulators on, answering at once, so a poll of the job executor runs them to the end. */
const CONNECTORS_CONFIG = 'enabled: true\ndefaults:\n  latencyMs: { min: 0, max: 2 }\n';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * Debian's Chromium as the harness drives it (same flags, viewport, German locale), for a spec
 * that starts its own engine (e.g. in production mode): a persistent context in `userDataDir`.
 */
export async function launchChromium(userDataDir: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1600, height: 1000 },
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
  });
  context.setDefaultTimeout(15_000);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  return context;
}

/**
 * The real engine in-process on a free port (local mode: the development issuer and its demo
 * users), on a fresh database, with the municipal routes of processes/ deployed at start and the
 * connector simulators on, serving the web app the browser tier's global setup built; and
 * Debian's Chromium driven by playwright-core. Each page is a tab with its own sign-in (the
 * token lives in sessionStorage; the chosen municipality in localStorage, shared by the tabs).
 * The job executor does not poll on its own: `runJobs()` runs the connectors when a test says so.
 */
export class BrowserHarness {
  private signInShown = false;

  private constructor(
    private readonly app: NestExpressApplication,
    private readonly db: TestDatabase,
    private readonly owner: Pool,
    private readonly context: BrowserContext,
    private readonly userDataDir: string,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<BrowserHarness> {
    const webDir = process.env['LAUFWEG_BROWSER_WEB_DIR'];
    if (!webDir) throw new Error('LAUFWEG_BROWSER_WEB_DIR is not set: run browser tests through Jest, whose browser global setup builds the web app.');
    const db = await createTestDatabase();
    const userDataDir = await mkdtemp(join(tmpdir(), 'laufweg-chromium-'));
    const connectorsConfig = join(userDataDir, 'connectors.yaml');
    await writeFile(connectorsConfig, CONNECTORS_CONFIG);
    // The connectors module reads CONNECTORS_CONFIG from the process environment.
    process.env['CONNECTORS_CONFIG'] = connectorsConfig;
    const app = await createApp(
      loadEngineConfig({ DATABASE_URL: db.ownerUrl, LOG_LEVEL: 'silent', WEB_DIR: webDir, JOB_EXECUTOR_ENABLED: 'false', ...TEST_AUTH_ENV, DEPLOY_ROUTES: 'true', PROCESSES_DIR }),
      db.runtime,
    );
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const owner = new Pool({ connectionString: db.ownerUrl, max: 2 });
    owner.on('error', () => undefined);
    const context = await launchChromium(userDataDir);
    return new BrowserHarness(app, db, owner, context, userDataDir, `http://127.0.0.1:${port}`);
  }

  /**
   * A new tab signed in as a demo user through the sign-in page's user picker; with `tenant`, the
   * municipality is chosen in the header as a user would (the demo users belong to several).
   */
  async signIn(username: string, tenant?: string): Promise<Page> {
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
    const municipality = page.getByLabel('Kommune', { exact: true });
    if (tenant && (await municipality.inputValue()) !== tenant) {
      await municipality.selectOption(tenant);
      // The app starts again for the chosen municipality (a string: this file is compiled without DOM types).
      await page.waitForFunction(`document.querySelector('select[aria-label="Kommune"]')?.value === ${JSON.stringify(tenant)} && document.querySelector('main') !== null`);
    }
    return page;
  }

  /** A new tab without sign-in (the applicant's side: the pay page). */
  newPage(): Promise<Page> {
    return this.context.newPage();
  }

  /** Runs the due jobs (the connector simulators) until none is left, as the job executor would. */
  async runJobs(): Promise<void> {
    const executor = this.app.get(JobExecutor);
    for (let round = 0; round < 50; round += 1) if ((await executor.pollOnce()) === 0) return;
    throw new Error('jobs kept coming');
  }

  /** Files an example application of a route through the portal intake as `ina.intake`; answers the case's instance key. */
  async submit(tenant: string, route: string, example: string, ids: { submissionId: string; caseId: string }): Promise<string> {
    const file = JSON.parse(readFileSync(join(PROCESSES_DIR, route, 'examples', `${example}.json`), 'utf8')) as { service: string; data: Record<string, unknown> };
    const submission = buildSubmission({ destinationId: tenant, serviceIdentifier: file.service, data: file.data, ...ids });
    const token = await this.fetchJson<{ access_token: string }>('POST', '/dev-auth/token', undefined, { username: 'ina.intake' });
    const response = await fetch(`${this.baseUrl}/api/v1/submissions`, { method: 'POST', headers: { authorization: `Bearer ${token.body.access_token}` }, body: toFormData(submission) });
    const body = (await response.json()) as { status?: string; processInstanceKey?: string };
    if (response.status !== 201 || body.status !== 'accept' || !body.processInstanceKey) throw new Error(`submission refused: ${response.status} ${JSON.stringify(body)}`);
    return body.processInstanceKey;
  }

  /** The open payment requests of a case (its call activities included): what the applicant is asked to pay. */
  async openPaymentRequests(tenant: string, rootKey: string): Promise<string[]> {
    const { rows } = await this.owner.query<{ request_id: string }>(
      `SELECT request_id FROM payment_request WHERE tenant_id = $1 AND status = 'OPEN' AND process_instance_key IN (SELECT key FROM process_instance WHERE tenant_id = $1 AND root_key = $2) ORDER BY request_id`,
      [tenant, rootKey],
    );
    return rows.map((row) => row.request_id);
  }

  /**
   * Stores a PDF of a municipality as document.render does (the document sink's table), so a
   * test can reference it from case data without running a route to the point that renders it.
   */
  async storeDocument(tenant: string, name: string): Promise<string> {
    const id = randomUUID();
    const content = Buffer.from(`%PDF-1.4\n% ${name}\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');
    await this.owner.query(
      `INSERT INTO document (tenant_id, id, process_instance_key, template, name, media_type, sha256, size, content) VALUES ($1, $2, NULL, 'notice', $3, 'application/pdf', $4, $5, $6)`,
      [tenant, id, name, createHash('sha256').update(content).digest('hex'), content.byteLength, content],
    );
    return id;
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
    await this.owner.end();
    delete process.env['CONNECTORS_CONFIG'];
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
