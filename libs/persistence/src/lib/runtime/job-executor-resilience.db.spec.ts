import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { TcpProxy } from '../../testing/tcp-proxy';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { verifyEveryTreeReplays } from '../../testing/replay-check';
import { EngineRuntime } from './engine-runtime';
import { JobAcquisition } from './job-acquisition';
import { JobExecutor, type JobExecutorLogger } from './job-executor';

const TENANT = 'plauen';
const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

/** A promise with its resolve function, to let a test wait for what a handler does. */
function signal<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

const quiet: JobExecutorLogger = { debug: () => undefined, warn: () => undefined, error: () => undefined };

describe('job executors sharing one database', () => {
  let db: TestDatabase;
  let pool: Pool;
  let runtime: EngineRuntime;
  let acquisition: JobAcquisition;
  let now = Date.parse('2026-11-28T09:00:00Z');
  const clock = { now: () => now };

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.appUrl, max: 8 });
    await pool.query(`INSERT INTO tenant (id, name) VALUES ($1, 'Stadt Plauen')`, [TENANT]);
    runtime = new EngineRuntime(pool, clock);
    acquisition = new JobAcquisition(pool, clock);
    for (const name of ['collect-fee.bpmn', 'remind-after-wait.bpmn']) {
      const deployed = await runtime.deploy({ tenantId: TENANT, resourceName: name, content: fixture(name) });
      expect(deployed.ok).toBe(true);
    }
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  async function start(processId: string): Promise<string> {
    const started = await runtime.startInstance(TENANT, { processId });
    if (started.rejected) throw new Error(started.reason);
    return started.createdRoots[0];
  }

  async function jobOf(rootKey: string): Promise<string | undefined> {
    const { rows } = await pool.query<{ key: string }>(`SELECT key FROM job WHERE tenant_id = $1 AND root_key = $2 AND kind = 'job'`, [TENANT, rootKey]);
    return rows[0]?.key;
  }

  async function count(sql: string, params: unknown[]): Promise<number> {
    const { rows } = await pool.query<{ n: number }>(sql, params);
    return rows[0].n;
  }

  it('fires each due timer exactly once when two executors poll at the same time', async () => {
    // given twenty instances waiting five minutes, and two executors (as on two engine processes)
    const roots = await Promise.all(Array.from({ length: 20 }, () => start('remind-after-wait')));
    const first = new JobExecutor(runtime, acquisition, { workerId: 'engine-a', batchSize: 4, logger: quiet });
    const second = new JobExecutor(runtime, acquisition, { workerId: 'engine-b', batchSize: 4, logger: quiet });
    expect(await first.pollOnce()).toBe(0);

    // when the time is up and both poll until nothing is left
    now += 5 * 60_000 + 1;
    let fired = 0;
    for (let round = 0; round < 20; round++) {
      const [a, b] = await Promise.all([first.pollOnce(), second.pollOnce()]);
      fired += a + b;
      if (a + b === 0) break;
    }

    // then every timer fired once and every instance completed
    expect(fired).toBe(20);
    const triggered = await count(`SELECT count(*)::int AS n FROM instance_event WHERE tenant_id = $1 AND root_key = ANY($2::bigint[]) AND type = 'TimerTriggered'`, [TENANT, roots]);
    expect(triggered).toBe(20);
    const completed = await count(`SELECT count(*)::int AS n FROM process_instance WHERE tenant_id = $1 AND key = ANY($2::bigint[]) AND status = 'completed'`, [TENANT, roots]);
    expect(completed).toBe(20);
  });

  it('takes over a job whose worker died once its lock has expired', async () => {
    // given a job a worker acquired for one minute and then died with
    const rootKey = await start('collect-fee');
    const dead = await acquisition.acquire({ kind: 'job', types: ['payment.request'], worker: 'dead-worker', maxJobs: 10, lockDurationMs: 60_000 });
    expect(dead.map((job) => job.rootKey)).toContain(rootKey);
    const handled: string[] = [];
    const executor = new JobExecutor(runtime, acquisition, { workerId: 'survivor', fireTimers: false, logger: quiet }).register('payment.request', (job) => {
      handled.push(job.processInstanceKey);
      return { paid: true };
    });

    // when the survivor polls within the lock, it gets nothing
    expect(await executor.pollOnce()).toBe(0);

    // then after the lock expired it takes the job over and completes it
    now += 60_001;
    expect(await executor.pollOnce()).toBe(1);
    expect(handled).toEqual([rootKey]);
    expect(await jobOf(rootKey)).toBeUndefined();
  });

  it('drains a running handler on stop and acquires nothing after', async () => {
    // given a started executor whose handler is in the middle of a job
    const rootKey = await start('collect-fee');
    const entered = signal<string>();
    const release = signal();
    const executor = new JobExecutor(runtime, acquisition, { workerId: 'draining', pollIntervalMs: 10, fireTimers: false, logger: quiet });
    executor.register('payment.request', async (job) => {
      entered.resolve(job.processInstanceKey);
      await release.promise;
      return { paid: true };
    });
    executor.start();
    expect(await entered.promise).toBe(rootKey);

    // when it is stopped, stop() waits for the handler
    let stopped = false;
    const stopping = executor.stop().then((drained) => {
      stopped = true;
      return drained;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    release.resolve();

    // then the job was completed before stop() returned, and a new job stays untouched
    expect(await stopping).toBe(true);
    expect(await jobOf(rootKey)).toBeUndefined();
    const later = await start('collect-fee');
    expect(executor.pending).toBe(0);
    expect(await jobOf(later)).toBeDefined();
    const locked = await count(`SELECT count(*)::int AS n FROM job WHERE tenant_id = $1 AND root_key = $2 AND lock_owner IS NOT NULL`, [TENANT, later]);
    expect(locked).toBe(0);
  });

  it('gives up waiting when a handler outlasts the drain timeout', async () => {
    // given a handler that hangs
    await start('collect-fee');
    const entered = signal();
    const release = signal();
    const executor = new JobExecutor(runtime, acquisition, { workerId: 'hanging', pollIntervalMs: 10, fireTimers: false, logger: quiet });
    executor.register('payment.request', async () => {
      entered.resolve();
      await release.promise;
    });
    executor.start();
    await entered.promise;

    // when stopped with a short timeout, then it reports that it did not drain
    expect(await executor.stop(20)).toBe(false);

    // and once the handler returns, a second stop() finds everything settled
    release.resolve();
    expect(await executor.stop()).toBe(true);
    expect(executor.pending).toBe(0);
  });

  it('keeps polling through a database outage', async () => {
    // given an executor that reaches the database through a connection we can cut
    const proxy = await TcpProxy.start(new URL(db.appUrl).hostname, Number(new URL(db.appUrl).port || 5432));
    const proxiedPool = new Pool({ connectionString: proxy.wrap(db.appUrl), max: 2, connectionTimeoutMillis: 2000 });
    proxiedPool.on('error', () => undefined);
    const proxied = new EngineRuntime(proxiedPool, clock);
    const outage = signal();
    const handled = new Map<string, ReturnType<typeof signal<void>>>();
    const handledSignal = (rootKey: string): ReturnType<typeof signal<void>> => handled.get(rootKey) ?? handled.set(rootKey, signal()).get(rootKey)!;
    const logger: JobExecutorLogger = { ...quiet, error: () => outage.resolve() };
    const executor = new JobExecutor(proxied, new JobAcquisition(proxiedPool, clock), { workerId: 'unlucky', pollIntervalMs: 10, errorPauseMs: 10, fireTimers: false, logger });
    executor.register('payment.request', (job) => {
      handledSignal(job.processInstanceKey).resolve();
      return { paid: true };
    });
    try {
      // when the connection drops while the executor polls
      proxy.cut();
      executor.start();
      await outage.promise;

      // then, once it is back, the same executor runs the next job
      proxy.restore();
      const rootKey = await start('collect-fee');
      await handledSignal(rootKey).promise;
      expect(await executor.stop()).toBe(true);
      expect(await jobOf(rootKey)).toBeUndefined();
    } finally {
      await executor.stop();
      await proxiedPool.end();
      await proxy.stop();
    }
  });

  it('leaves every instance tree equal to the replay of its event log', async () => {
    expect(await verifyEveryTreeReplays(pool)).toBeGreaterThan(0);
  });
});
