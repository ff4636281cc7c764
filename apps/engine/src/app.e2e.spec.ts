import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrationNames } from '@laufweg/migrations';
import { createTestDatabase, type TestDatabase } from '@laufweg/persistence/testing';
import { loadEngineConfig } from './config/engine-config';
import { createApp } from './create-app';
import { TEST_AUTH_ENV } from './auth/testing/test-tokens';

describe('engine over HTTP', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let base: string;
  let webDir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    webDir = await mkdtemp(join(tmpdir(), 'laufweg-web-'));
    await writeFile(join(webDir, 'index.html'), '<!doctype html><title>Laufweg</title><h1>Laufweg</h1>');
    const config = loadEngineConfig({ DATABASE_URL: db.ownerUrl, LOG_LEVEL: 'silent', WEB_DIR: webDir, ...TEST_AUTH_ENV });
    app = await createApp(config, db.runtime);
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
    await rm(webDir, { recursive: true, force: true });
  });

  it('answers liveness', async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('is ready when the database answers and every migration is applied', async () => {
    const response = await fetch(`${base}/health/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', database: 'up', migrations: { applied: migrationNames.length, pending: [] } });
  });

  it('publishes the OpenAPI document and its UI', async () => {
    const json = (await (await fetch(`${base}/api/docs-json`)).json()) as { openapi: string; info: { title: string }; paths: Record<string, unknown> };
    expect(json.openapi).toMatch(/^3\./);
    expect(json.info.title).toBe('Laufweg API');
    expect(Object.keys(json.paths)).toEqual(expect.arrayContaining(['/health', '/health/ready']));
    const ui = await fetch(`${base}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });

  it('serves the web app at /', async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<h1>Laufweg</h1>');
  });

  it('answers unknown paths with problem+json', async () => {
    const response = await fetch(`${base}/api/v1/nothing-here`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toEqual({
      type: 'urn:laufweg:problem:not-found',
      title: 'Not found',
      status: 404,
      detail: 'Cannot GET /api/v1/nothing-here',
      instance: '/api/v1/nothing-here',
    });
  });

  it('is not ready when a migration is missing', async () => {
    // given the record of the newest migration is gone (as on a database an older build set up)
    const { Client } = await import('pg');
    const owner = new Client({ connectionString: db.ownerUrl });
    await owner.connect();
    const newest = migrationNames[migrationNames.length - 1];
    await owner.query(`DELETE FROM laufweg_migrations WHERE name = $1`, [newest]);
    try {
      // then readiness says which migration is pending and how to apply it
      const response = await fetch(`${base}/health/ready`);
      expect(response.status).toBe(503);
      const problem = (await response.json()) as { type: string; detail: string };
      expect(problem.type).toBe('urn:laufweg:problem:not-ready');
      expect(problem.detail).toBe(`Migrations pending: ${newest}. Run \`npm run migrate\`.`);
    } finally {
      await owner.query(`INSERT INTO laufweg_migrations (timestamp, name) VALUES ($1, $2)`, [Number(newest.replace(/\D/g, '')), newest]);
      await owner.end();
    }
  });
});
