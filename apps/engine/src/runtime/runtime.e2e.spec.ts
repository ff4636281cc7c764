import type { NestExpressApplication } from '@nestjs/platform-express';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { EngineRuntime, JobExecutor } from '@laufweg/persistence';
import { createTestDatabase, type TestDatabase } from '@laufweg/persistence/testing';
import { loadEngineConfig } from '../config/engine-config';
import { TEST_AUTH_ENV } from '../auth/testing/test-tokens';
import { createApp } from '../create-app';

const TENANT = '14511000';

describe('the job executor in the service', () => {
  let db: TestDatabase;
  let pool: Pool;
  let webDir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    webDir = await mkdtemp(join(tmpdir(), 'laufweg-web-'));
    pool = new Pool({ connectionString: db.appUrl, max: 2 });
    await pool.query(`INSERT INTO tenant (id, name) VALUES ($1, 'Stadt Chemnitz')`, [TENANT]);
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
    await rm(webDir, { recursive: true, force: true });
  });

  async function boot(env: Record<string, string> = {}): Promise<NestExpressApplication> {
    const app = await createApp(loadEngineConfig({ DATABASE_URL: db.ownerUrl, LOG_LEVEL: 'silent', WEB_DIR: webDir, JOB_POLL_INTERVAL_MS: '20', ...TEST_AUTH_ENV, ...env }), db.runtime);
    await app.init();
    const content = readFileSync(join(__dirname, 'fixtures', 'register-birth.bpmn'), 'utf8');
    expect((await app.get(EngineRuntime).deploy({ tenantId: TENANT, resourceName: 'register-birth.bpmn', content })).ok).toBe(true);
    return app;
  }

  async function jobsOf(rootKey: string): Promise<number> {
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM job WHERE tenant_id = $1 AND root_key = $2`, [TENANT, rootKey]);
    return rows[0].n;
  }

  it('runs registered handlers from bootstrap on and drains them when the application closes', async () => {
    // given a running service with a handler for the job type, which holds on to the job for a moment
    const app = await boot();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const entered = new Promise<string>((resolve) => {
      app.get(JobExecutor).register('archive.legacy-store', async (job) => {
        resolve(job.processInstanceKey);
        await released;
        return { fileNumber: 'AZ 51-2026/0001' };
      });
    });

    // when an instance reaches the service task
    const started = await app.get(EngineRuntime).startInstance(TENANT, { processId: 'register-birth' });
    if (started.rejected) throw new Error(started.reason);
    const [rootKey] = started.createdRoots;
    expect(await entered).toBe(rootKey);
    expect(app.get(JobExecutor).isRunning).toBe(true);

    // then closing the application waits for the handler, and the job is completed
    const closing = app.close();
    release();
    await closing;
    expect(app.get(JobExecutor).isRunning).toBe(false);
    expect(await jobsOf(rootKey)).toBe(0);
    const header = await pool.query('SELECT status FROM process_instance WHERE tenant_id = $1 AND key = $2', [TENANT, rootKey]);
    expect(header.rows).toEqual([{ status: 'completed' }]);
  });

  it('takes no jobs when JOB_EXECUTOR_ENABLED is false', async () => {
    // given a service with the executor switched off, but a handler registered
    const app = await boot({ JOB_EXECUTOR_ENABLED: 'false' });
    const handled: string[] = [];
    app.get(JobExecutor).register('archive.legacy-store', (job) => {
      handled.push(job.key);
    });
    try {
      // then the executor was not started and polls only when asked to
      const executor = app.get(JobExecutor);
      expect(executor.isRunning).toBe(false);
      const started = await app.get(EngineRuntime).startInstance(TENANT, { processId: 'register-birth' });
      if (started.rejected) throw new Error(started.reason);
      const [rootKey] = started.createdRoots;
      expect(await jobsOf(rootKey)).toBe(1);
      expect(await executor.pollOnce()).toBe(1);
      expect(handled).toHaveLength(1);
      expect(await jobsOf(rootKey)).toBe(0);
    } finally {
      await app.close();
    }
  });
});
