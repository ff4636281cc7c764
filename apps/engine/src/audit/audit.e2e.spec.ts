import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditEntry } from '@laufweg/persistence';
import { ApiTestApp } from '../api/testing/api-test-app';
import { AuditChainerLifecycle } from './audit-chainer-lifecycle';

const TENANT = '14511000';
const OTHER = '14612000';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('the audit log over HTTP', () => {
  let api: ApiTestApp;
  let team: { authorization: string };
  let worker: { authorization: string };
  let caseworker: { authorization: string };
  let admin: { authorization: string };
  let rootKey: string;

  beforeAll(async () => {
    api = await ApiTestApp.start();
    await api.tenant(TENANT);
    await api.tenant(OTHER);
    team = await api.user('tom', ['team'], { [TENANT]: [] });
    worker = await api.user('register-connector', ['worker'], { [TENANT]: [] });
    caseworker = await api.user('carla', ['caseworker'], { [TENANT]: ['standesamt'] });
    admin = await api.user('ada', ['admin']);
    const content = readFileSync(join(__dirname, 'fixtures', 'lookup-birth-record.bpmn'), 'utf8');
    expect((await api.runtime.deploy({ tenantId: TENANT, resourceName: 'lookup-birth-record.bpmn', content })).ok).toBe(true);
    rootKey = await api.start(TENANT, 'lookup-birth-record', { applicant: 'Erika Mustermann' });
  });
  afterAll(async () => api.close());

  async function chain(): Promise<void> {
    await api.app.get(AuditChainerLifecycle).chainer.drain();
  }

  async function entries(query: Record<string, string>, as = team): Promise<AuditEntry[]> {
    const response = await api.http.get(`/api/v1/tenants/${TENANT}/audit`).query(query).set(as);
    expect(response.status).toBe(200);
    return (response.body as { items: AuditEntry[] }).items;
  }

  it('records a successful state-changing request and the engine events it caused, with the request id', async () => {
    // given a worker that took the lookup job
    const activated = await api.http.post('/api/v1/jobs/activate').set(worker).send({ type: 'civil-register.lookup', worker: 'w1', maxJobs: 1, lockDurationMs: 60_000 });
    const [job] = (activated.body as { jobs: { key: string }[] }).jobs;
    // when it completes the job over HTTP
    const completed = await api.http.post(`/api/v1/jobs/${job.key}/complete`).set(worker).send({ variables: { registerNumber: 'G 123/1990' } });
    expect(completed.status).toBe(204);
    const requestId = completed.headers['x-request-id'] as string;
    expect(requestId).toMatch(UUID);
    await chain();

    // then the engine events of that request name the worker and the request id
    const events = await entries({ targetKind: 'process-instance', targetKey: rootKey });
    const caused = events.filter((entry) => entry.requestId === requestId);
    expect(caused.map((entry) => entry.action)).toEqual(expect.arrayContaining(['engine.JobCompleted', 'engine.UserTaskCreated']));
    expect(new Set(caused.map((entry) => `${entry.actor} ${entry.role}`))).toEqual(new Set(['register-connector worker']));
    expect(events.find((entry) => entry.action === 'engine.ElementActivating')).toEqual(expect.objectContaining({ actor: 'engine', requestId: null }));
    expect(JSON.stringify(events)).not.toContain('G 123/1990');

    // and the request itself is in the system chain (its route names no tenant)
    const system = await api.owner.query<{ actor: string; action: string; target_kind: string; target_key: string }>(`SELECT actor, action, target_kind, target_key FROM audit_entry WHERE tenant_id = '_system' AND request_id = $1`, [requestId]);
    expect(system.rows).toEqual([{ actor: 'register-connector', action: 'POST /api/v1/jobs/:key/complete', target_kind: 'job', target_key: job.key }]);
  });

  it('records tenant requests in the tenant’s chain, and neither reads nor refused requests', async () => {
    const before = await api.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_entry');
    // a read and a refused write add nothing
    expect((await api.http.get(`/api/v1/tenants/${TENANT}/audit`).set(team)).status).toBe(200);
    const refused = await api.http.post(`/api/v1/tenants/${TENANT}/process-instances/${rootKey}/legal-hold`).set(caseworker).send({ hold: true });
    expect(refused.status).toBe(403);
    expect(refused.headers['x-request-id']).toMatch(UUID);
    expect((await api.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_entry')).rows).toEqual(before.rows);

    // a successful one adds the request's entry to the tenant's chain
    const held = await api.http.post(`/api/v1/tenants/${TENANT}/process-instances/${rootKey}/legal-hold`).set(team).send({ hold: true });
    expect(held.status).toBe(200);
    const requestId = held.headers['x-request-id'] as string;
    const recorded = await entries({ targetKey: rootKey, actor: 'tom' });
    expect(recorded).toEqual([
      expect.objectContaining({ action: 'instance.legal-hold', requestId, role: 'team', details: { hold: true, rootKey } }),
      expect.objectContaining({ action: 'POST /api/v1/tenants/:tenantId/process-instances/:key/legal-hold', targetKind: 'process-instance', targetKey: rootKey, requestId, role: 'team' }),
    ]);
  });

  it('pages by seq and filters by time', async () => {
    const first = await api.http.get(`/api/v1/tenants/${TENANT}/audit`).query({ limit: 3 }).set(team);
    expect((first.body as { items: AuditEntry[] }).items.map((entry) => entry.seq)).toEqual([1, 2, 3]);
    const next = (first.body as { nextAfterSeq: number }).nextAfterSeq;
    const second = await api.http.get(`/api/v1/tenants/${TENANT}/audit`).query({ limit: 3, afterSeq: next }).set(team);
    expect((second.body as { items: AuditEntry[] }).items.map((entry) => entry.seq)).toEqual([4, 5, 6]);
    expect(await entries({ from: '2100-01-01T00:00:00Z' })).toEqual([]);
    const bad = await api.http.get(`/api/v1/tenants/${TENANT}/audit`).query({ limit: 0, extra: 'x' }).set(team);
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });

  it('verifies the chain and names the first broken link after tampering', async () => {
    // given an intact chain
    const intact = await api.http.get('/api/v1/audit/verify').query({ tenantId: TENANT }).set(team);
    expect(intact.status).toBe(200);
    const { entries: count } = intact.body as { entries: number };
    expect(intact.body).toEqual({ tenantId: TENANT, ok: true, entries: count, headSeq: count });
    // when the database owner changes an entry's details
    await api.owner.query(`UPDATE audit_entry SET details = '{}' WHERE tenant_id = $1 AND seq = 2`, [TENANT]);
    // then verify reports it
    const broken = await api.http.get('/api/v1/audit/verify').query({ tenantId: TENANT }).set(admin);
    expect(broken.body).toEqual({ tenantId: TENANT, ok: false, entries: 2, headSeq: count, firstBrokenSeq: 2, reason: 'entry 2 was changed: its content does not match its hash' });
  });

  it('keeps the audit log to team and admin of the tenant', async () => {
    expect((await api.http.get('/api/v1/audit/verify').query({ tenantId: TENANT }).set(caseworker)).status).toBe(403);
    expect((await api.http.get(`/api/v1/tenants/${TENANT}/audit`).set(caseworker)).status).toBe(403);
    expect((await api.http.get('/api/v1/audit/verify').query({ tenantId: OTHER }).set(team)).status).toBe(404);
    expect((await api.http.get(`/api/v1/tenants/${OTHER}/audit`).set(team)).status).toBe(404);
    expect((await api.http.get('/api/v1/audit/verify').query({ tenantId: '_system' }).set(team)).status).toBe(403);
    expect((await api.http.get('/api/v1/audit/verify').query({ tenantId: '_system' }).set(admin)).body).toEqual(expect.objectContaining({ tenantId: '_system', ok: true }));
    expect((await api.http.get('/api/v1/audit/verify').set(team)).status).toBe(400);
    expect((await api.http.get('/api/v1/audit/verify').query({ tenantId: TENANT })).status).toBe(401);
  });
});
