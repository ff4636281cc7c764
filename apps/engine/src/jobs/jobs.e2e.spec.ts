import type { NestExpressApplication } from '@nestjs/platform-express';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { EngineRuntime } from '@laufweg/persistence';
import { createTestDatabase, type TestDatabase } from '@laufweg/persistence/testing';
import { loadEngineConfig } from '../config/engine-config';
import { bearer, TEST_AUTH_ENV, TestTokens } from '../auth/testing/test-tokens';
import { createApp } from '../create-app';

const TENANT = '14713000';
const TYPE = 'civil-register.lookup';

interface ActivatedJob {
  key: string;
  tenantId: string;
  type: string;
  processInstanceKey: string;
  elementId: string;
  retries: number;
  customHeaders: Record<string, string>;
  variables: Record<string, unknown>;
  lockExpiresAt: string;
}

describe('the external worker API', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let pool: Pool;
  let runtime: EngineRuntime;
  let base: string;
  let webDir: string;
  let workerToken: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    webDir = await mkdtemp(join(tmpdir(), 'laufweg-web-'));
    app = await createApp(loadEngineConfig({ DATABASE_URL: db.ownerUrl, LOG_LEVEL: 'silent', WEB_DIR: webDir, ...TEST_AUTH_ENV }), db.runtime);
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    workerToken = await TestTokens.of(app).forUser('wim.worker');
    pool = new Pool({ connectionString: db.appUrl, max: 2 });
    await pool.query(`INSERT INTO tenant (id, name) VALUES ($1, 'Stadt Leipzig')`, [TENANT]);
    // Workers see only jobs of the tenants they are members of.
    await pool.query(`INSERT INTO tenant_member (tenant_id, subject, groups) VALUES ($1, 'wim.worker', '{}')`, [TENANT]);
    runtime = app.get(EngineRuntime);
    const content = readFileSync(join(__dirname, 'fixtures', 'lookup-birth-record.bpmn'), 'utf8');
    expect((await runtime.deploy({ tenantId: TENANT, resourceName: 'lookup-birth-record.bpmn', content })).ok).toBe(true);
  });
  afterAll(async () => {
    await app.close();
    await pool.end();
    await db.drop();
    await rm(webDir, { recursive: true, force: true });
  });

  async function post(path: string, body: unknown): Promise<Response> {
    return fetch(`${base}/api/v1/jobs${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(workerToken) }, body: JSON.stringify(body) });
  }

  async function activate(body: Record<string, unknown> = {}): Promise<ActivatedJob[]> {
    const response = await post('/activate', { type: TYPE, worker: 'connector-1', maxJobs: 10, lockDurationMs: 60_000, ...body });
    expect(response.status).toBe(200);
    return ((await response.json()) as { jobs: ActivatedJob[] }).jobs;
  }

  async function startInstance(variables = {}): Promise<string> {
    const started = await runtime.startInstance(TENANT, { processId: 'lookup-birth-record', variables });
    if (started.rejected) throw new Error(started.reason);
    return started.createdRoots[0];
  }

  async function statusOf(rootKey: string): Promise<string> {
    const { rows } = await pool.query<{ status: string }>('SELECT status FROM process_instance WHERE tenant_id = $1 AND key = $2', [TENANT, rootKey]);
    return rows[0].status;
  }

  it('hands a due job to one worker with its variables, headers and lock', async () => {
    // given an instance waiting at the lookup
    const rootKey = await startInstance({ applicant: 'Erika Mustermann' });
    // when a worker activates jobs of the type
    const jobs = await activate();
    // then it gets the job, and a second activation gets nothing while the lock holds
    expect(jobs).toEqual([
      {
        key: expect.stringMatching(/^\d+$/),
        tenantId: TENANT,
        type: TYPE,
        processInstanceKey: rootKey,
        elementId: 'lookup',
        retries: 3,
        customHeaders: { retryBackoff: 'PT30S' },
        variables: { applicant: 'Erika Mustermann' },
        lockExpiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
    expect(await activate({ worker: 'connector-2' })).toEqual([]);

    // when the worker completes it, the instance moves on; completing again is refused
    const completed = await post(`/${jobs[0].key}/complete`, { variables: { registerNumber: 'G 123/1990' } });
    expect(completed.status).toBe(204);
    const tasks = await pool.query('SELECT element_id FROM user_task WHERE tenant_id = $1 AND root_key = $2', [TENANT, rootKey]);
    expect(tasks.rows).toEqual([{ element_id: 'issue' }]);
    const again = await post(`/${jobs[0].key}/complete`, {});
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(await again.json()).toEqual(expect.objectContaining({ type: 'urn:laufweg:problem:job-not-active', status: 409, detail: expect.stringContaining(`Job ${jobs[0].key} is unknown or no longer active`) }));
  });

  it('answers an unknown job key with 409 and a bad body with 400, both problem+json', async () => {
    const unknown = await post('/999999999/complete', {});
    expect(unknown.status).toBe(409);
    expect(((await unknown.json()) as { type: string }).type).toBe('urn:laufweg:problem:job-not-active');
    const notAKey = await post('/abc/fail', { retries: 1 });
    expect(notAKey.status).toBe(409);
    const badBody = await post('/activate', { type: TYPE, worker: 'connector-1', maxJobs: 0, lockDurationMs: 60_000, extra: true });
    expect(badBody.status).toBe(400);
    expect(badBody.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await badBody.json()) as { detail: string };
    expect(problem.detail).toContain('maxJobs must not be less than 1');
    expect(problem.detail).toContain('property extra should not exist');
  });

  it('hands a failed job out again while retries are left and raises an incident when none are', async () => {
    // given an activated job
    const rootKey = await startInstance();
    const [job] = await activate();
    // when the worker fails it with retries left and no backoff, it is due again at once
    expect((await post(`/${job.key}/fail`, { retries: 1, errorMessage: 'Register antwortet nicht', retryBackoffMs: 0 })).status).toBe(204);
    const [retry] = await activate();
    expect(retry).toEqual(expect.objectContaining({ key: job.key, retries: 1 }));
    // when it fails for the last time, then there is an incident and the job is not handed out
    expect((await post(`/${job.key}/fail`, { retries: 0, errorMessage: 'Register antwortet nicht' })).status).toBe(204);
    const incidents = await pool.query('SELECT error_type, message FROM incident WHERE tenant_id = $1 AND root_key = $2', [TENANT, rootKey]);
    expect(incidents.rows).toEqual([{ error_type: 'JOB_NO_RETRIES', message: 'Register antwortet nicht' }]);
    expect(await activate()).toEqual([]);
  });

  it('throws a BPMN error that the boundary event catches', async () => {
    const rootKey = await startInstance();
    const [job] = await activate();
    const thrown = await post(`/${job.key}/error`, { errorCode: 'PERSON_UNKNOWN', errorMessage: 'Kein Eintrag', variables: { lookupFailed: true } });
    expect(thrown.status).toBe(204);
    expect(await statusOf(rootKey)).toBe('completed');
    expect((await post(`/${job.key}/error`, { errorCode: 'PERSON_UNKNOWN' })).status).toBe(409);
  });

  it('extends the lock for the worker holding it and refuses any other', async () => {
    await startInstance();
    const [job] = await activate({ worker: 'slow-connector' });
    expect((await post(`/${job.key}/extend-lock`, { worker: 'slow-connector', lockDurationMs: 600_000 })).status).toBe(204);
    const stolen = await post(`/${job.key}/extend-lock`, { worker: 'connector-2', lockDurationMs: 600_000 });
    expect(stolen.status).toBe(409);
    expect(await stolen.json()).toEqual(expect.objectContaining({ type: 'urn:laufweg:problem:job-lock-lost', detail: expect.stringContaining("Worker 'connector-2' no longer holds the lock") }));
    expect((await post(`/${job.key}/complete`, {})).status).toBe(204);
  });

  it('long polls: an activation waiting for work gets the job created meanwhile', async () => {
    // given a worker waiting while no job is due
    expect(await activate()).toEqual([]);
    const waiting = activate({ requestTimeoutMs: 30_000 });
    // when an instance creates a job
    const rootKey = await startInstance();
    // then the waiting activation answers with it
    expect((await waiting).map((job) => job.processInstanceKey)).toEqual([rootKey]);
  });

  it('lists the job routes in the OpenAPI document', async () => {
    const json = (await (await fetch(`${base}/api/docs-json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(json.paths)).toEqual(
      expect.arrayContaining(['/api/v1/jobs/activate', '/api/v1/jobs/{key}/complete', '/api/v1/jobs/{key}/fail', '/api/v1/jobs/{key}/error', '/api/v1/jobs/{key}/extend-lock', '/metrics']),
    );
  });
});
