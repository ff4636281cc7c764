import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonObject } from '@laufweg/bpmn-model';
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { verifyEveryTreeReplays } from '../../testing/replay-check';
import { EngineRuntime } from './engine-runtime';
import { JobAcquisition, type AcquireRequest, type AcquiredJob } from './job-acquisition';
import { JobExecutor, type JobExecutorLogger } from './job-executor';
import type { JobContext } from './job-handler';
import { readVisibleVariables } from './job-variables';

const TENANT = 'plauen';
const xml = readFileSync(join(__dirname, 'fixtures', 'check-steps.bpmn'), 'utf8');
const quiet: JobExecutorLogger = { debug: () => undefined, warn: () => undefined, error: () => undefined };

/** Acquisition that counts the jobs it handed out by polling. */
class CountingAcquisition extends JobAcquisition {
  polled: AcquiredJob[] = [];
  override async acquire(request: AcquireRequest): Promise<AcquiredJob[]> {
    const jobs = await super.acquire(request);
    if (request.kind === 'job') this.polled.push(...jobs);
    return jobs;
  }
}

interface Seen {
  readonly job: JobContext;
  readonly lockOwner: string | null;
  readonly lockExpiresAt: Date | null;
  readonly variablesInDatabase: unknown;
}

describe('job push: jobs locked to this process’s executor by the command that creates them', () => {
  let db: TestDatabase;
  let pool: Pool;
  let runtime: EngineRuntime;
  const now = Date.parse('2026-11-28T09:00:00Z');
  const clock = { now: () => now };

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.appUrl, max: 6 });
    await pool.query(`INSERT INTO tenant (id, name) VALUES ($1, 'Stadt Plauen')`, [TENANT]);
    runtime = new EngineRuntime(pool, clock);
    const deployed = await runtime.deploy({ tenantId: TENANT, resourceName: 'check-steps.bpmn', content: xml });
    expect(deployed.ok).toBe(true);
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  /** A handler that records the job, its row's lock and the variables a database read gives. */
  function recordingHandler(seen: Seen[]) {
    return async (job: JobContext): Promise<JsonObject> => {
      const { rows } = await pool.query<{ lock_owner: string | null; lock_expires_at: Date | null; element_instance_key: string }>(
        'SELECT lock_owner, lock_expires_at, element_instance_key FROM job WHERE tenant_id = $1 AND key = $2',
        [job.tenantId, job.key],
      );
      const variablesInDatabase = await readVisibleVariables(pool, job.tenantId, rows[0].element_instance_key);
      seen.push({ job, lockOwner: rows[0].lock_owner, lockExpiresAt: rows[0].lock_expires_at, variablesInDatabase });
      return { [`${job.elementId}Done`]: true };
    };
  }

  async function start(): Promise<string> {
    const started = await runtime.startInstance(TENANT, { processId: 'check-steps', variables: { applicant: { name: 'Erika Mustermann' } } });
    if (started.rejected) throw new Error(started.reason);
    return started.createdRoots[0];
  }

  async function statusOf(rootKey: string): Promise<string> {
    const { rows } = await pool.query<{ status: string }>('SELECT status FROM process_instance WHERE tenant_id = $1 AND key = $2', [TENANT, rootKey]);
    return rows[0].status;
  }

  async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
    for (let attempt = 0; attempt < 400; attempt++) {
      if (await condition()) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`Timed out waiting for ${what}.`);
  }

  it('hands every job of a running instance to the executor without a poll, locked in the row and with the variables a read would give', async () => {
    // given a running executor with a long poll interval (a poll would only come after 60 s)
    const acquisition = new CountingAcquisition(pool, clock);
    const seen: Seen[] = [];
    const executor = new JobExecutor(runtime, acquisition, { workerId: 'push-worker', pollIntervalMs: 60_000, lockDurationMs: 120_000, fireTimers: false, logger: quiet });
    executor.register('check', recordingHandler(seen));
    executor.start();
    try {
      // when an instance starts: one job, then two in parallel, each made by the completion before
      const rootKey = await start();
      await until(async () => (await statusOf(rootKey)) === 'completed', 'the instance to complete');

      // then all three ran, none came through acquisition, each row was locked to this worker when
      // its handler ran, and the handler's variables equal what the database holds
      expect(seen.map(({ job }) => job.elementId).sort()).toEqual(['check-fee', 'check-identity', 'check-register']);
      expect(acquisition.polled).toEqual([]);
      for (const { job, lockOwner, lockExpiresAt, variablesInDatabase } of seen) {
        expect(lockOwner).toBe('push-worker');
        expect(lockExpiresAt?.getTime()).toBe(now + 120_000);
        expect(job.variables).toEqual(variablesInDatabase);
      }
      const identity = seen.find(({ job }) => job.elementId === 'check-identity');
      expect(identity?.job.variables).toEqual({ applicant: { name: 'Erika Mustermann' }, name: 'Erika Mustermann' });
      const later = seen.find(({ job }) => job.elementId === 'check-fee');
      expect(later?.job.variables).toMatchObject({ 'check-identityDone': true });
    } finally {
      await executor.stop();
    }
    expect(await verifyEveryTreeReplays(pool)).toBeGreaterThan(0);
  });

  it('takes no more than its batch size: the job beyond it stays unlocked and is acquired by the next poll', async () => {
    // given an executor that holds one job at a time and whose handler waits until released
    const acquisition = new CountingAcquisition(pool, clock);
    const seen: Seen[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const executor = new JobExecutor(runtime, acquisition, { workerId: 'small-worker', batchSize: 1, pollIntervalMs: 20, maxPollIntervalMs: 20, fireTimers: false, logger: quiet });
    const record = recordingHandler(seen);
    executor.register('check', async (job) => {
      const result = await record(job);
      if (job.elementId === 'check-register' || job.elementId === 'check-fee') await gate;
      return result;
    });
    executor.start();
    try {
      const rootKey = await start();
      // when the first completion makes two jobs while the executor has room for one
      await until(async () => seen.length >= 2, 'the first of the parallel jobs');
      const { rows } = await pool.query<{ lock_owner: string | null }>(
        `SELECT lock_owner FROM job WHERE tenant_id = $1 AND root_key = $2 AND kind = 'job' ORDER BY key`,
        [TENANT, rootKey],
      );
      // then one of the two was pushed, the other waits unlocked for a poll
      expect(rows.map((row) => row.lock_owner).sort()).toEqual([null, 'small-worker']);
      release();
      await until(async () => (await statusOf(rootKey)) === 'completed', 'the instance to complete');
      expect(acquisition.polled).toHaveLength(1);
      expect(seen).toHaveLength(3);
    } finally {
      release();
      await executor.stop();
    }
  });

  it('pushes nothing to a stopped executor: jobs stay unlocked for any worker', async () => {
    // given an executor that ran and stopped
    const executor = new JobExecutor(runtime, new CountingAcquisition(pool, clock), { workerId: 'stopped-worker', fireTimers: false, logger: quiet });
    executor.register('check', () => ({}));
    executor.start();
    await executor.stop();

    // when an instance starts
    const rootKey = await start();

    // then its job is not locked to anyone
    const { rows } = await pool.query<{ lock_owner: string | null }>(`SELECT lock_owner FROM job WHERE tenant_id = $1 AND root_key = $2 AND kind = 'job'`, [TENANT, rootKey]);
    expect(rows).toEqual([{ lock_owner: null }]);
    await runtime.cancelInstance(TENANT, rootKey);
  });

  it('gives the places back when a group commit rolls back, and pushes the jobs again when its commands run alone', async () => {
    // given two instances at their first job, held by another worker, and a running executor
    // (batch size 2) with push
    const trees = [await start(), await start()];
    const { rows: jobs } = await pool.query<{ key: string; root_key: string }>(
      `UPDATE job SET lock_owner = 'elsewhere', lock_expires_at = now() + interval '1 hour'
        WHERE tenant_id = $1 AND root_key = ANY($2::bigint[]) AND kind = 'job' RETURNING key, root_key`,
      [TENANT, trees],
    );
    jobs.sort((a, b) => Number(a.root_key) - Number(b.root_key));
    const seen: Seen[] = [];
    const executor = new JobExecutor(runtime, new CountingAcquisition(pool, clock), { workerId: 'batch-worker', batchSize: 2, pollIntervalMs: 60_000, fireTimers: false, logger: quiet });
    executor.register('check', recordingHandler(seen));
    executor.start();
    try {
      // when a batch completes both first jobs, one with variables PostgreSQL refuses (jsonb has no \u0000)
      const outcomes = await runtime.commands.runBatch([
        { tenantId: TENANT, rootKeys: [jobs[0].root_key], command: { type: 'CompleteJob', jobKey: jobs[0].key, variables: {} } },
        { tenantId: TENANT, rootKeys: [jobs[1].root_key], command: { type: 'CompleteJob', jobKey: jobs[1].key, variables: { note: 'a\u0000b' } } },
      ]);

      // then the good command ran alone after the rollback and its two new jobs were pushed: the
      // places the rolled-back batch had taken were given back (batch size 2 leaves no spare)
      expect('result' in outcomes[0]).toBe(true);
      expect('error' in outcomes[1]).toBe(true);
      await until(async () => (await statusOf(jobs[0].root_key)) === 'completed', 'the good instance to complete');
      expect(seen.map(({ job }) => job.elementId).sort()).toEqual(['check-fee', 'check-register']);
      expect(seen.every(({ lockOwner }) => lockOwner === 'batch-worker')).toBe(true);
    } finally {
      await executor.stop();
    }
    await runtime.cancelInstance(TENANT, jobs[1].root_key);
  });
});
