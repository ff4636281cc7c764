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

const TENANT = '14612000';

/** The value of one sample in the Prometheus text format, e.g. `laufweg_jobs_acquired_total{kind="job"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let pool: Pool;
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
    await pool.query(`INSERT INTO tenant (id, name) VALUES ($1, 'Landeshauptstadt Dresden')`, [TENANT]);
    // Workers see only jobs of the tenants they are members of.
    await pool.query(`INSERT INTO tenant_member (tenant_id, subject, groups) VALUES ($1, 'wim.worker', '{}')`, [TENANT]);
  });
  afterAll(async () => {
    await app.close();
    await pool.end();
    await db.drop();
    await rm(webDir, { recursive: true, force: true });
  });

  async function post(path: string, body: unknown): Promise<number> {
    const response = await fetch(`${base}/api/v1/jobs${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(workerToken) }, body: JSON.stringify(body) });
    return response.status;
  }

  async function activateOne(): Promise<string> {
    const response = await fetch(`${base}/api/v1/jobs/activate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(workerToken) },
      body: JSON.stringify({ type: 'civil-register.lookup', worker: 'connector-1', maxJobs: 1, lockDurationMs: 60_000 }),
    });
    const { jobs } = (await response.json()) as { jobs: { key: string }[] };
    expect(jobs).toHaveLength(1);
    return jobs[0].key;
  }

  it('counts commands, jobs, instances and open incidents in the Prometheus text format', async () => {
    // given three instances: one completed through a caught BPMN error, one at an incident, one moved on
    const runtime = app.get(EngineRuntime);
    const content = readFileSync(join(__dirname, 'fixtures', 'lookup-birth-record.bpmn'), 'utf8');
    expect((await runtime.deploy({ tenantId: TENANT, resourceName: 'lookup-birth-record.bpmn', content })).ok).toBe(true);
    for (let i = 0; i < 3; i++) expect((await runtime.startInstance(TENANT, { processId: 'lookup-birth-record' })).rejected).toBe(false);
    expect(await post(`/${await activateOne()}/error`, { errorCode: 'PERSON_UNKNOWN' })).toBe(204);
    const failing = await activateOne();
    expect(await post(`/${failing}/fail`, { retries: 1, retryBackoffMs: 1 })).toBe(204);
    expect(await post(`/${await activateOne()}/complete`, {})).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await activateOne()).toBe(failing);
    expect(await post(`/${failing}/fail`, { retries: 0, errorMessage: 'Register antwortet nicht' })).toBe(204);
    expect(await post('/999999999/complete', {})).toBe(409);

    // when Prometheus scrapes
    const response = await fetch(`${base}/metrics`);

    // then every series is there with what happened
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(sample(text, 'laufweg_instances_started_total')).toBe(3);
    expect(sample(text, 'laufweg_instances_completed_total')).toBe(1);
    expect(sample(text, 'laufweg_incidents_open')).toBe(1);
    expect(sample(text, 'laufweg_jobs_acquired_total{kind="job"}')).toBe(4);
    expect(sample(text, 'laufweg_jobs_completed_total')).toBe(1);
    expect(sample(text, 'laufweg_jobs_failed_total')).toBe(2);
    expect(sample(text, 'laufweg_job_lag_seconds_count{kind="job"}')).toBe(1);
    expect(sample(text, 'laufweg_commands_total{command="CreateProcessInstance",outcome="accepted"}')).toBe(3);
    expect(sample(text, 'laufweg_commands_total{command="FailJob",outcome="accepted"}')).toBe(2);
    expect(sample(text, 'laufweg_commands_total{command="CompleteJob",outcome="accepted"}')).toBe(1);
    expect(sample(text, 'laufweg_command_duration_seconds_count{command="ThrowJobError"}')).toBe(1);
    expect(text).toContain('# TYPE process_cpu_user_seconds_total counter');
  });
});
