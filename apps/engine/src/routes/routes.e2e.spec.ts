import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import request from 'supertest';
import { createTestDatabase, type TestDatabase } from '@laufweg/persistence/testing';
import { bearer, TEST_AUTH_ENV, TestTokens } from '../auth/testing/test-tokens';
import { loadEngineConfig } from '../config/engine-config';
import { createApp } from '../create-app';
import { buildSubmission, toFormData } from '../intake/testing/submission-builder';

/**
 * Routes deployed at start (DEPLOY_ROUTES) and on demand, from the intake's fixture processes/
 * (not the real routes): tenants created with the demo users as members, services offered, and
 * a demo user's submission starts the route with a task the demo caseworker can see.
 */
const PROCESSES = join(__dirname, '..', 'intake', 'fixtures', 'processes');

describe('routes of processes/: deployed at start and on demand', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let owner: Pool;
  let tokens: TestTokens;
  let webDir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    webDir = await mkdtemp(join(tmpdir(), 'laufweg-web-'));
    app = await createApp(loadEngineConfig({ DATABASE_URL: db.ownerUrl, LOG_LEVEL: 'silent', WEB_DIR: webDir, JOB_EXECUTOR_ENABLED: 'false', ...TEST_AUTH_ENV, DEPLOY_ROUTES: 'true', PROCESSES_DIR: PROCESSES }), db.runtime);
    await app.init();
    owner = new Pool({ connectionString: db.ownerUrl, max: 1 });
    owner.on('error', () => undefined);
    tokens = TestTokens.of(app);
  });
  afterAll(async () => {
    await app.close();
    await owner.end();
    await db.drop();
    await rm(webDir, { recursive: true, force: true });
  });

  it('creates each municipality of a route with its name and Land, and offers only the services its values name', async () => {
    const tenants = await owner.query('SELECT id, name, land FROM tenant WHERE id IN ($1, $2) ORDER BY id', ['pruefdorf', 'testhausen']);
    expect(tenants.rows).toEqual([
      { id: 'pruefdorf', name: 'Gemeinde Prüfdorf', land: 'TH' },
      { id: 'testhausen', name: 'Gemeinde Testhausen', land: 'SN' },
    ]);
    const services = await owner.query('SELECT tenant_id, service_id, route_id, process_id, start_message FROM tenant_service ORDER BY tenant_id');
    expect(services.rows).toEqual(
      ['pruefdorf', 'testhausen'].map((tenant) => ({ tenant_id: tenant, service_id: 'urn:de:fim:leika:leistung:test-hundeanmeldung', route_id: 'hundeanmeldung', process_id: 'hundeanmeldung', start_message: 'ApplicationReceived.hundeanmeldung' })),
    );
    const carla = await owner.query<{ groups: string[] }>(`SELECT groups FROM tenant_member WHERE tenant_id = 'testhausen' AND subject = 'carla.sachbearbeitung'`);
    expect(carla.rows[0].groups).toContain('steueramt');
  });

  it('lets the demo portal submit an example, and the demo caseworker sees the task at once', async () => {
    const submission = buildSubmission({ destinationId: 'testhausen', serviceIdentifier: 'urn:de:fim:leika:leistung:test-hundeanmeldung', data: { halter: { name: 'Erika Mustermann' }, hund: { name: 'Bello', geburtsdatum: '2024-03-01' } } });
    const form = toFormData(submission);
    let call = request(app.getHttpServer()).post('/api/v1/submissions').set(bearer(await tokens.forUser('ina.intake')));
    for (const [name, value] of form.entries()) {
      call = typeof value === 'string' ? call.field(name, value) : call.attach(name, Buffer.from(await value.arrayBuffer()), { filename: value.name, contentType: value.type });
    }
    const response = await call;
    expect([response.status, (response.body as { status: string }).status]).toEqual([201, 'accept']);
    const tasks = await request(app.getHttpServer()).get('/api/v1/tenants/testhausen/user-tasks').set(bearer(await tokens.forUser('carla.sachbearbeitung')));
    expect(tasks.status).toBe(200);
    expect(JSON.stringify(tasks.body)).toContain('pruefen');
  });

  it('deploys a route for one tenant on demand: unchanged is 200; unknown route 404; a caseworker 403', async () => {
    const designer = bearer(await tokens.mint({ sub: 'dana', roles: ['designer'] }));
    await owner.query(`INSERT INTO tenant_member (tenant_id, subject) VALUES ('testhausen', 'dana')`);
    const again = await request(app.getHttpServer()).post('/api/v1/tenants/testhausen/routes/hundeanmeldung/deploy').set(designer);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(expect.objectContaining({ routeId: 'hundeanmeldung', tenantId: 'testhausen', services: ['urn:de:fim:leika:leistung:test-hundeanmeldung'] }));

    const unknown = await request(app.getHttpServer()).post('/api/v1/tenants/testhausen/routes/gibt-es-nicht/deploy').set(designer);
    expect([unknown.status, (unknown.body as { type: string }).type]).toEqual([404, 'urn:laufweg:problem:route-not-found']);
    const notHers = await request(app.getHttpServer()).post('/api/v1/tenants/pruefdorf/routes/hundeanmeldung/deploy').set(designer);
    expect([notHers.status, (notHers.body as { type: string }).type]).toEqual([404, 'urn:laufweg:problem:tenant-not-found']);
    const caseworker = await request(app.getHttpServer()).post('/api/v1/tenants/testhausen/routes/hundeanmeldung/deploy').set(bearer(await tokens.forUser('carla.sachbearbeitung')));
    expect(caseworker.status).toBe(403);
  });

  it('answers 422 invalid-route when the tenant has no values for the route', async () => {
    const admin = bearer(await tokens.forUser('ada.admin'));
    const response = await request(app.getHttpServer()).post('/api/v1/tenants/musterstadt/routes/hundeanmeldung/deploy').set(admin);
    expect([response.status, response.headers['content-type'], (response.body as { type: string }).type]).toEqual([422, expect.stringContaining('application/problem+json'), 'urn:laufweg:problem:invalid-route']);
  });

  it('lists the routes with their scenarios and serves a scenario file to designers and the team', async () => {
    const team = bearer(await tokens.mint({ sub: 'tina', roles: ['team'] }));
    await owner.query(`INSERT INTO tenant_member (tenant_id, subject) VALUES ('testhausen', 'tina') ON CONFLICT DO NOTHING`);
    const listed = await request(app.getHttpServer()).get('/api/v1/tenants/testhausen/routes').set(team);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([
      {
        id: 'hundeanmeldung',
        name: 'Hundeanmeldung (Testroute)',
        process: 'hundeanmeldung',
        hasValues: true,
        scenarios: ['01-bello.yaml'],
        services: [
          { id: 'urn:de:fim:leika:leistung:test-hundeanmeldung', name: 'Hund anmelden (Test)' },
          { id: 'urn:de:fim:leika:leistung:test-hundeabmeldung', name: 'Hund abmelden (Test, von keiner Kommune angeboten)' },
        ],
      },
    ]);
    const names = (listed.body as { scenarios: string[] }[])[0].scenarios;
    for (const name of names) {
      const file = await request(app.getHttpServer()).get(`/api/v1/tenants/testhausen/routes/hundeanmeldung/scenarios/${name}`).set(team);
      expect([file.status, file.headers['content-type']]).toEqual([200, 'application/yaml; charset=utf-8']);
      expect(file.text).toContain('route: hundeanmeldung');
    }
    const missing = await request(app.getHttpServer()).get('/api/v1/tenants/testhausen/routes/hundeanmeldung/scenarios/gibt-es-nicht.yaml').set(team);
    expect([missing.status, (missing.body as { type: string }).type]).toEqual([404, 'urn:laufweg:problem:scenario-not-found']);
    const caseworker = await request(app.getHttpServer()).get('/api/v1/tenants/testhausen/routes').set(bearer(await tokens.forUser('carla.sachbearbeitung')));
    expect(caseworker.status).toBe(403);
  });
});
