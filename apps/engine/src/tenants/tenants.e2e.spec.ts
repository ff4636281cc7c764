import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { createTestDatabase, type TestDatabase } from '@laufweg/persistence/testing';
import { bearer, TEST_AUTH_ENV, TestTokens } from '../auth/testing/test-tokens';
import { loadEngineConfig } from '../config/engine-config';
import { createApp } from '../create-app';

describe('the tenant admin API', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let owner: Client;
  let admin: { authorization: string };
  let carla: { authorization: string };
  let webDir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    webDir = await mkdtemp(join(tmpdir(), 'laufweg-web-'));
    app = await createApp(loadEngineConfig({ DATABASE_URL: db.ownerUrl, LOG_LEVEL: 'silent', WEB_DIR: webDir, JOB_EXECUTOR_ENABLED: 'false', ...TEST_AUTH_ENV }), db.runtime);
    await app.init();
    const tokens = TestTokens.of(app);
    admin = bearer(await tokens.forUser('ada.admin'));
    carla = bearer(await tokens.forUser('carla.sachbearbeitung'));
    // The owner sees every row whatever row-level security says: what is really stored.
    owner = new Client({ connectionString: db.ownerUrl });
    await owner.connect();
  });
  afterAll(async () => {
    await app.close();
    await owner.end();
    await db.drop();
    await rm(webDir, { recursive: true, force: true });
  });

  const http = () => request(app.getHttpServer());

  async function stored(): Promise<{ tenants: unknown[]; members: unknown[] }> {
    const tenants = await owner.query('SELECT id, name, official_key, land FROM tenant ORDER BY id');
    const members = await owner.query('SELECT tenant_id, subject, groups FROM tenant_member ORDER BY tenant_id, subject');
    return { tenants: tenants.rows, members: members.rows };
  }

  function expectProblem(response: request.Response, status: number, type: string): void {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.type).toBe(type);
  }

  it('lets an admin create a tenant and list every tenant', async () => {
    // when the admin creates Leipzig
    const created = await http().post('/api/v1/tenants').set(admin).send({ id: 'leipzig', name: 'Stadt Leipzig', officialKey: '14713000', land: 'SN' });
    // then
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: 'leipzig', name: 'Stadt Leipzig', officialKey: '14713000', land: 'SN', createdAt: expect.stringMatching(/^\d{4}-/) });
    const listed = await http().get('/api/v1/tenants').set(admin);
    expect(listed.body.map((tenant: { id: string }) => tenant.id)).toEqual(['musterstadt', 'leipzig']);
    expect((await http().get('/api/v1/tenants/leipzig').set(admin)).status).toBe(200);
  });

  it('refuses a tenant id that exists with 409 and changes nothing', async () => {
    const before = await stored();
    const again = await http().post('/api/v1/tenants').set(admin).send({ id: 'leipzig', name: 'Leipzig, zweiter Versuch', land: 'SN' });
    expectProblem(again, 409, 'urn:laufweg:problem:tenant-exists');
    expect(await stored()).toEqual(before);
  });

  it.each([
    ['an unknown field', { id: 'dresden', name: 'Dresden', land: 'SN', retentionDays: 30 }, 'property retentionDays should not exist'],
    ['a name that is not a string', { id: 'dresden', name: 42, land: 'SN' }, 'name must be a string'],
    ['an id with capitals', { id: 'Dresden', name: 'Dresden', land: 'SN' }, 'id must be 2–63 lowercase letters'],
    ['an AGS that is not 8 digits', { id: 'dresden', name: 'Dresden', officialKey: '1461', land: 'SN' }, 'officialKey must be the 8-digit Amtlicher Gemeindeschlüssel'],
    ['an unknown Land', { id: 'dresden', name: 'Dresden', land: 'XX' }, 'land must be one of BW, BY'],
    ['no Land', { id: 'dresden', name: 'Dresden' }, 'land must be one of'],
  ])('answers a tenant with %s with 400 and stores nothing', async (_case, body, message) => {
    const before = await stored();
    const response = await http().post('/api/v1/tenants').set(admin).send(body);
    expectProblem(response, 400, 'urn:laufweg:problem:bad-request');
    expect(response.body.detail).toContain(message);
    expect(await stored()).toEqual(before);
  });

  it('answers malformed JSON with 400 and stores nothing', async () => {
    const before = await stored();
    const response = await http().post('/api/v1/tenants').set(admin).set('content-type', 'application/json').send('{"id": "dresden",');
    expect(response.status).toBe(400);
    expect(await stored()).toEqual(before);
  });

  it('lets only admins create tenants and keep members', async () => {
    const before = await stored();
    const create = await http().post('/api/v1/tenants').set(carla).send({ id: 'dresden', name: 'Dresden', land: 'SN' });
    expectProblem(create, 403, 'urn:laufweg:problem:forbidden');
    expect(create.body.detail).toBe('This needs the role admin; you have caseworker.');
    expectProblem(await http().put('/api/v1/tenants/musterstadt/members/carla.sachbearbeitung').set(carla).send({ groups: ['admins'] }), 403, 'urn:laufweg:problem:forbidden');
    expectProblem(await http().get('/api/v1/tenants/musterstadt/members').set(carla), 403, 'urn:laufweg:problem:forbidden');
    expect(await stored()).toEqual(before);
  });

  it('shows a member only its own tenants and answers 404 for any other, existing or not', async () => {
    // given carla, member of musterstadt only
    const listed = await http().get('/api/v1/tenants').set(carla);
    expect(listed.body.map((tenant: { id: string }) => tenant.id)).toEqual(['musterstadt']);
    // when she asks for Leipzig, which exists, and for a tenant that does not
    const foreign = await http().get('/api/v1/tenants/leipzig').set(carla);
    const missing = await http().get('/api/v1/tenants/atlantis').set(carla);
    // then both answers are the same 404
    expectProblem(foreign, 404, 'urn:laufweg:problem:tenant-not-found');
    expect(foreign.body.detail).toBe("Tenant 'leipzig' does not exist or you are not a member.");
    expect(missing.body).toEqual({ ...foreign.body, detail: "Tenant 'atlantis' does not exist or you are not a member.", instance: '/api/v1/tenants/atlantis' });
  });

  it('adds, reads, changes and removes a member, which changes what the member sees at once', async () => {
    // when the admin makes carla a member of Leipzig
    const added = await http().put('/api/v1/tenants/leipzig/members/carla.sachbearbeitung').set(admin).send({ groups: ['standesamt'] });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ tenantId: 'leipzig', subject: 'carla.sachbearbeitung', groups: ['standesamt'], createdAt: expect.any(String), updatedAt: expect.any(String) });
    // then carla sees Leipzig
    expect((await http().get('/api/v1/tenants/leipzig').set(carla)).status).toBe(200);
    // when her groups are replaced, then the answer is 200 with the new groups
    const changed = await http().put('/api/v1/tenants/leipzig/members/carla.sachbearbeitung').set(admin).send({ groups: ['standesamt', 'buergeramt'] });
    expect(changed.status).toBe(200);
    expect((await http().get('/api/v1/tenants/leipzig/members/carla.sachbearbeitung').set(admin)).body.groups).toEqual(['standesamt', 'buergeramt']);
    expect((await http().get('/api/v1/tenants/leipzig/members').set(admin)).body.map((member: { subject: string }) => member.subject)).toEqual(['carla.sachbearbeitung']);
    // when she is removed, then she no longer sees Leipzig and the member is gone
    expect((await http().delete('/api/v1/tenants/leipzig/members/carla.sachbearbeitung').set(admin)).status).toBe(204);
    expectProblem(await http().get('/api/v1/tenants/leipzig').set(carla), 404, 'urn:laufweg:problem:tenant-not-found');
    expectProblem(await http().get('/api/v1/tenants/leipzig/members/carla.sachbearbeitung').set(admin), 404, 'urn:laufweg:problem:member-not-found');
    expectProblem(await http().delete('/api/v1/tenants/leipzig/members/carla.sachbearbeitung').set(admin), 404, 'urn:laufweg:problem:member-not-found');
  });

  it.each([
    ['an unknown field', { groups: ['standesamt'], role: 'admin' }, 'property role should not exist'],
    ['groups that are not a list', { groups: 'standesamt' }, 'groups must be an array'],
    ['a group that is not a string', { groups: [7] }, 'each value in groups must be a string'],
    ['a group with spaces', { groups: ['Standes amt'] }, 'each group must be 1–63 letters'],
    ['a repeated group', { groups: ['standesamt', 'standesamt'] }, 'groups must not repeat a group'],
  ])('answers a membership with %s with 400 and changes nothing', async (_case, body, message) => {
    const before = await stored();
    const response = await http().put('/api/v1/tenants/musterstadt/members/carl.sachbearbeitung').set(admin).send(body);
    expectProblem(response, 400, 'urn:laufweg:problem:bad-request');
    expect(response.body.detail).toContain(message);
    expect(await stored()).toEqual(before);
  });

  it('answers a subject with control characters with 400 and changes nothing', async () => {
    const before = await stored();
    const response = await http().put('/api/v1/tenants/musterstadt/members/carla%0Aadmin').set(admin).send({ groups: [] });
    expectProblem(response, 400, 'urn:laufweg:problem:bad-request');
    expect(response.body.detail).toContain('subject must be the sub claim');
    expect(await stored()).toEqual(before);
  });

  it('answers a member route of an unknown tenant with 404 and changes nothing', async () => {
    const before = await stored();
    expectProblem(await http().put('/api/v1/tenants/atlantis/members/carla.sachbearbeitung').set(admin).send({ groups: [] }), 404, 'urn:laufweg:problem:tenant-not-found');
    expect(await stored()).toEqual(before);
  });

  it('lists the tenant routes with the bearer scheme in the OpenAPI document', async () => {
    const document = (await http().get('/api/docs-json')).body as { paths: Record<string, Record<string, { security?: unknown[] }>>; components: { securitySchemes: Record<string, unknown> } };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/tenants', '/api/v1/tenants/{tenantId}', '/api/v1/tenants/{tenantId}/members', '/api/v1/tenants/{tenantId}/members/{subject}']));
    expect(document.components.securitySchemes).toEqual({ bearer: expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }) });
    expect(document.paths['/api/v1/tenants'].post.security).toEqual([{ bearer: [] }]);
    expect(document.paths['/api/v1/jobs/activate'].post.security).toEqual([{ bearer: [] }]);
  });
});
