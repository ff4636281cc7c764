import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { verifyEveryTreeReplays } from '../../testing/replay-check';
import { TcpProxy } from '../../testing/tcp-proxy';
import { EngineRuntime, RecordNotFoundError } from './engine-runtime';

const TENANT = 'chemnitz';
const xml = readFileSync(join(__dirname, 'fixtures', 'check-and-decide.bpmn'), 'utf8');

async function userTaskOf(pool: Pool, rootKey: string): Promise<string> {
  const { rows } = await pool.query<{ key: string }>('SELECT key FROM user_task WHERE tenant_id = $1 AND root_key = $2', [TENANT, rootKey]);
  return rows[0].key;
}

describe('the durable runtime under contention and outages', () => {
  let db: TestDatabase;
  let pool: Pool;
  let runtime: EngineRuntime;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.appUrl, max: 6 });
    await pool.query(`INSERT INTO tenant (id, name) VALUES ($1, 'Stadt Chemnitz')`, [TENANT]);
    runtime = new EngineRuntime(pool, { now: () => Date.parse('2026-11-28T10:00:00Z') });
    const deployed = await runtime.deploy({ tenantId: TENANT, resourceName: 'check-and-decide.bpmn', content: xml });
    expect(deployed.ok).toBe(true);
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  async function instanceWaitingAtTask(): Promise<string> {
    const started = await runtime.startInstance(TENANT, { processId: 'check-and-decide' });
    if (started.rejected) throw new Error(started.reason);
    const [rootKey] = started.createdRoots;
    const { rows } = await pool.query<{ key: string }>('SELECT key FROM job WHERE tenant_id = $1 AND root_key = $2', [TENANT, rootKey]);
    const completed = await runtime.completeJob(TENANT, rows[0].key);
    if (completed.rejected) throw new Error(completed.reason);
    return rootKey;
  }

  it('lets exactly one of two simultaneous completions of a user task win', async () => {
    // given a task two caseworkers complete at the same moment
    const rootKey = await instanceWaitingAtTask();
    const taskKey = await userTaskOf(pool, rootKey);
    // when both completions run at once
    const outcomes = await Promise.allSettled([
      runtime.completeUserTask(TENANT, taskKey, { decision: 'approve' }),
      runtime.completeUserTask(TENANT, taskKey, { decision: 'reject' }),
    ]);
    // then one completes the task, the other is refused (the task is gone), and the instance ends once
    const won = outcomes.filter((outcome) => outcome.status === 'fulfilled' && !outcome.value.rejected);
    const lost = outcomes.filter((outcome) => (outcome.status === 'fulfilled' && outcome.value.rejected) || (outcome.status === 'rejected' && outcome.reason instanceof RecordNotFoundError));
    expect([won.length, lost.length]).toEqual([1, 1]);
    const events = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM instance_event WHERE tenant_id = $1 AND root_key = $2 AND type = 'UserTaskCompleted'`, [TENANT, rootKey]);
    expect(events.rows[0].n).toBe(1);
    const header = await pool.query('SELECT status FROM process_instance WHERE tenant_id = $1 AND key = $2', [TENANT, rootKey]);
    expect(header.rows).toEqual([{ status: 'completed' }]);
  });

  it('serialises many concurrent commands on one instance tree without losing one', async () => {
    // given ten instances, each completed by two racing callers
    const roots = await Promise.all(Array.from({ length: 10 }, () => instanceWaitingAtTask()));
    const tasks = await Promise.all(roots.map((root) => userTaskOf(pool, root)));
    const outcomes = await Promise.allSettled(tasks.flatMap((task) => [runtime.completeUserTask(TENANT, task), runtime.completeUserTask(TENANT, task)]));
    const won = outcomes.filter((outcome) => outcome.status === 'fulfilled' && !outcome.value.rejected);
    expect(won).toHaveLength(10);
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM process_instance WHERE tenant_id = $1 AND key = ANY($2::bigint[]) AND status = 'completed'`, [TENANT, roots]);
    expect(rows[0].n).toBe(10);
  });

  it('goes on after the database connection drops, and a command cut off midway leaves the old state', async () => {
    // given a runtime that reaches the database through a connection we can cut
    const proxy = await TcpProxy.start(new URL(db.appUrl).hostname, Number(new URL(db.appUrl).port || 5432));
    const proxiedPool = new Pool({ connectionString: proxy.wrap(db.appUrl), max: 2, connectionTimeoutMillis: 2000 });
    proxiedPool.on('error', () => undefined);
    const proxied = new EngineRuntime(proxiedPool, { now: () => Date.parse('2026-11-28T10:00:00Z') });
    try {
      const rootKey = await instanceWaitingAtTask();
      const taskKey = await userTaskOf(pool, rootKey);
      expect((await proxied.startInstance(TENANT, { processId: 'check-and-decide' })).rejected).toBe(false);

      // when the connection drops for 5 s (every command in that time fails) ...
      proxy.cut();
      const outageEnds = Date.now() + 5000;
      let failures = 0;
      while (Date.now() < outageEnds) {
        await expect(proxied.completeUserTask(TENANT, taskKey)).rejects.toThrow();
        await expect(proxied.startInstance(TENANT, { processId: 'check-and-decide' })).rejects.toThrow();
        failures += 2;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(failures).toBeGreaterThanOrEqual(2);
      // ... nothing of the failed command is stored
      expect(await userTaskOf(pool, rootKey)).toBe(taskKey);

      // then, once it is back, the same runtime goes on without a restart
      proxy.restore();
      const completed = await proxied.completeUserTask(TENANT, taskKey);
      expect(completed.rejected).toBe(false);
      const header = await pool.query('SELECT status FROM process_instance WHERE tenant_id = $1 AND key = $2', [TENANT, rootKey]);
      expect(header.rows).toEqual([{ status: 'completed' }]);
    } finally {
      await proxiedPool.end();
      await proxy.stop();
    }
  });

  it('leaves every instance tree equal to the replay of its event log', async () => {
    expect(await verifyEveryTreeReplays(pool)).toBeGreaterThan(0);
  });
});
