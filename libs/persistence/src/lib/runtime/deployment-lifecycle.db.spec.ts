import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { verifyEveryTreeReplays } from '../../testing/replay-check';
import { EngineRuntime } from './engine-runtime';
import { JobAcquisition } from './job-acquisition';

const TENANT = 'goerlitz';
const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

describe('deployments, call activities and timers on the durable runtime', () => {
  let db: TestDatabase;
  let pool: Pool;
  let runtime: EngineRuntime;
  // Tuesday 17 November 2026, 09:00 in Saxony (Wednesday is Buß- und Bettag there).
  let now = Date.parse('2026-11-17T09:00:00+01:00');
  const clock = { now: () => now };

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.appUrl, max: 6 });
    await pool.query(`INSERT INTO tenant (id, name, land) VALUES ($1, 'Stadt Görlitz', 'SN')`, [TENANT]);
    runtime = new EngineRuntime(pool, clock);
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  const rows = async <T extends object>(sql: string, params: unknown[] = []): Promise<T[]> => (await pool.query<T>(sql, params)).rows;

  it('schedules a timer start event on deploy and replaces it on redeploy', async () => {
    const first = await runtime.deploy({ tenantId: TENANT, resourceName: 'daily-report.bpmn', content: fixture('daily-report.bpmn') });
    expect(first.ok).toBe(true);
    const before = await rows<{ key: string; root_key: string | null; due_at: Date }>(`SELECT key, root_key, due_at FROM job WHERE tenant_id = $1 AND kind = 'timer'`, [TENANT]);
    expect(before).toEqual([{ key: expect.any(String), root_key: null, due_at: new Date(now + 3_600_000) }]);

    now += 10 * 60_000;
    const second = await runtime.deploy({ tenantId: TENANT, resourceName: 'daily-report.bpmn', content: fixture('daily-report.bpmn').replace('PT1H', 'PT2H') });
    expect(second.ok && second.value.processes[0].version).toBe(2);
    const after = await rows<{ key: string; due_at: Date }>(`SELECT key, due_at FROM job WHERE tenant_id = $1 AND kind = 'timer'`, [TENANT]);
    expect(after).toEqual([{ key: expect.not.stringMatching(`^${before[0].key}$`), due_at: new Date(now + 2 * 3_600_000) }]);
  });

  it('fires a timer start event once: an instance starts and the cycle continues', async () => {
    const [timer] = await rows<{ key: string; due_at: Date }>(`SELECT key, due_at FROM job WHERE tenant_id = $1 AND kind = 'timer'`, [TENANT]);
    now = timer.due_at.getTime();
    const [first, second] = await Promise.allSettled([runtime.triggerTimer(TENANT, timer.key), runtime.triggerTimer(TENANT, timer.key)]);
    const fired = [first, second].filter((outcome) => outcome.status === 'fulfilled' && !outcome.value.rejected);
    expect(fired).toHaveLength(1);
    expect(await rows(`SELECT process_id, version, status FROM process_instance WHERE tenant_id = $1`, [TENANT])).toEqual([{ process_id: 'daily-report', version: 2, status: 'active' }]);
    const next = await rows<{ due_at: Date }>(`SELECT due_at FROM job WHERE tenant_id = $1 AND kind = 'timer'`, [TENANT]);
    expect(next).toEqual([{ due_at: new Date(now + 2 * 3_600_000) }]);
  });

  it('keeps running instances on their version', async () => {
    const [instance] = await rows<{ key: string }>(`SELECT key FROM process_instance WHERE tenant_id = $1 AND process_id = 'daily-report'`, [TENANT]);
    await runtime.deploy({ tenantId: TENANT, resourceName: 'daily-report.bpmn', content: fixture('daily-report.bpmn').replace('id="end"', 'id="finished"').replace('targetRef="end"', 'targetRef="finished"') });
    const [job] = await rows<{ key: string }>(`SELECT key FROM job WHERE tenant_id = $1 AND root_key = $2`, [TENANT, instance.key]);
    await runtime.completeJob(TENANT, job.key);
    const log = await rows<{ element_id: string }>(
      `SELECT e.payload ->> 'elementId' AS element_id FROM instance_event e WHERE tenant_id = $1 AND root_key = $2 AND type = 'ElementActivating' ORDER BY position`,
      [TENANT, instance.key],
    );
    expect(log.map((row) => row.element_id)).toEqual(['daily-report', 'every-hour', 'report', 'end']);
  });

  it('runs a call activity’s child in the parent’s tree and counts a reminder in working days', async () => {
    now = Date.parse('2026-11-17T09:00:00+01:00');
    expect((await runtime.deploy({ tenantId: TENANT, resourceName: 'register-with-child.bpmn', content: fixture('register-with-child.bpmn') })).ok).toBe(true);
    const started = await runtime.startInstance(TENANT, { processId: 'dog-registration', businessKey: 'HUND-1' });
    if (started.rejected) throw new Error(started.reason);
    const [rootKey] = started.createdRoots;
    const instances = await rows<{ process_id: string; root_key: string; key: string }>(
      `SELECT process_id, root_key, key FROM process_instance WHERE tenant_id = $1 AND root_key = $2 ORDER BY key`,
      [TENANT, rootKey],
    );
    expect(instances.map((row) => [row.process_id, row.root_key])).toEqual([
      ['dog-registration', rootKey],
      ['fee-assessment', rootKey],
    ]);
    const [job] = await rows<{ key: string; root_key: string }>(`SELECT key, root_key FROM job WHERE tenant_id = $1 AND type = 'fee.compute'`, [TENANT]);
    expect(job.root_key).toBe(rootKey);
    await runtime.completeJob(TENANT, job.key, { fee: 96 });

    // the child completed, its variables reached the parent, and the parent waits at its task
    expect(await rows(`SELECT status FROM process_instance WHERE tenant_id = $1 AND key = $2`, [TENANT, instances[1].key])).toEqual([{ status: 'completed' }]);
    expect(await rows(`SELECT value FROM variable WHERE tenant_id = $1 AND scope_key = $2 AND name = 'fee'`, [TENANT, rootKey])).toEqual([{ value: 96 }]);
    // one working day after Tuesday 09:00 is Thursday 09:00: Wednesday is Buß- und Bettag in Saxony
    expect(await rows(`SELECT due_at FROM job WHERE tenant_id = $1 AND root_key = $2 AND kind = 'timer'`, [TENANT, rootKey])).toEqual([
      { due_at: new Date('2026-11-19T08:00:00.000Z') },
    ]);
  });

  it('never hands the same job to two workers polling at once', async () => {
    for (let index = 0; index < 30; index++) {
      const started = await runtime.startInstance(TENANT, { processId: 'dog-registration' });
      expect(started.rejected).toBe(false);
    }
    const acquisition = new JobAcquisition(pool, clock);
    const batches = await Promise.all(
      ['worker-a', 'worker-b', 'worker-c'].map((worker) => acquisition.acquire({ kind: 'job', types: ['fee.compute'], worker, maxJobs: 25, lockDurationMs: 60_000 })),
    );
    const keys = batches.flat().map((job) => job.key);
    expect(new Set(keys).size).toBe(keys.length);
    // the 30 new instances' jobs, each handed out once
    expect(keys.length).toBe(30);
  });

  it('leaves every instance tree equal to the replay of its event log', async () => {
    expect(await verifyEveryTreeReplays(pool)).toBeGreaterThan(0);
  });
});
