import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Pool, type PoolClient } from 'pg';
import { beginTenantTransaction } from '../database/tenant-scope';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { verifyEveryTreeReplays } from '../../testing/replay-check';
import { CommandStore } from './command-store';
import { EngineRuntime } from './engine-runtime';
import { readEvents } from './event-log';

const TENANT = 'freiberg';
const xml = readFileSync(join(__dirname, 'fixtures', 'check-steps.bpmn'), 'utf8');

/**
 * A command locks its tree and loads it in one statement, whose snapshot is older than the lock
 * when it had to wait: these tests make it wait for a command that changes the tree and check
 * that it runs on the tree as that command left it.
 */
describe('lock and load in one statement, when the lock was contended', () => {
  let db: TestDatabase;
  let pool: Pool;
  let runtime: EngineRuntime;
  const clock = { now: () => Date.parse('2026-11-28T10:00:00Z') };

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.appUrl, max: 6 });
    await pool.query(`INSERT INTO tenant (id, name) VALUES ($1, 'Stadt Freiberg')`, [TENANT]);
    runtime = new EngineRuntime(pool, clock);
    const deployed = await runtime.deploy({ tenantId: TENANT, resourceName: 'check-steps.bpmn', content: xml });
    expect(deployed.ok).toBe(true);
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  /** An instance past its first step, waiting at the two parallel checks: its root and the two job keys. */
  async function atParallelChecks(): Promise<{ rootKey: string; register: string; fee: string }> {
    const started = await runtime.startInstance(TENANT, { processId: 'check-steps', variables: { applicant: { name: 'Max Mustermann' } } });
    if (started.rejected) throw new Error(started.reason);
    const rootKey = started.createdRoots[0];
    const first = await jobsOf(rootKey);
    const completed = await runtime.completeJob(TENANT, first['check-identity'], {}, rootKey);
    expect(completed.rejected).toBe(false);
    const jobs = await jobsOf(rootKey);
    return { rootKey, register: jobs['check-register'], fee: jobs['check-fee'] };
  }

  async function jobsOf(rootKey: string): Promise<Record<string, string>> {
    const { rows } = await pool.query<{ key: string; element_id: string }>(
      `SELECT key, record ->> 'elementId' AS element_id FROM job WHERE tenant_id = $1 AND root_key = $2 AND kind = 'job'`,
      [TENANT, rootKey],
    );
    return Object.fromEntries(rows.map((row) => [row.element_id, row.key]));
  }

  /** Completes `jobKey` in a transaction left open: its tree stays locked until the returned commit. */
  async function completeHoldingLock(rootKey: string, jobKey: string): Promise<{ commit: () => Promise<void> }> {
    const client: PoolClient = await pool.connect();
    await beginTenantTransaction(client, [TENANT]);
    const result = await runtime.commands.runOn(client, { tenantId: TENANT, rootKeys: [rootKey], command: { type: 'CompleteJob', jobKey, variables: { feeChecked: true } } });
    expect(result.rejected).toBe(false);
    return {
      commit: async () => {
        await client.query('COMMIT');
        client.release();
      },
    };
  }

  async function someoneWaitsForALock(): Promise<void> {
    for (let attempt = 0; attempt < 300; attempt++) {
      const { rows } = await pool.query<{ waiting: number }>(`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
      if (rows[0].waiting > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('No command waited for the lock.');
  }

  async function statusOf(rootKey: string): Promise<string> {
    const { rows } = await pool.query<{ status: string }>('SELECT status FROM process_instance WHERE tenant_id = $1 AND key = $2', [TENANT, rootKey]);
    return rows[0].status;
  }

  it('given a command waiting for a tree another command is changing, then it runs on the changed tree', async () => {
    // given one parallel check completed in a transaction that still holds the tree
    const { rootKey, register, fee } = await atParallelChecks();
    const holder = await completeHoldingLock(rootKey, fee);

    // when the other check's completion arrives, waits for the lock, and the first commits
    const second = runtime.completeJob(TENANT, register, { registerChecked: true }, rootKey);
    await someoneWaitsForALock();
    await holder.commit();
    const result = await second;

    // then the second saw the first's completion: the join fired and the instance completed,
    // with both variables, and its log replays to the stored rows
    expect(result.rejected).toBe(false);
    expect(await statusOf(rootKey)).toBe('completed');
    const variables = (await readEvents(pool, TENANT, rootKey)).flatMap((event) => (event.type === 'VariableSet' ? [event.name] : []));
    expect(variables).toEqual(expect.arrayContaining(['feeChecked', 'registerChecked']));
    expect(await verifyEveryTreeReplays(pool)).toBeGreaterThan(0);
  });

  it('given a group commit waiting for one of its trees, then each command runs on its tree as it is after the wait', async () => {
    // given two instances at their parallel checks, one of them held by an open transaction
    const held = await atParallelChecks();
    const free = await atParallelChecks();
    const holder = await completeHoldingLock(held.rootKey, held.fee);

    // when one batch completes the remaining check of the held tree and one check of the other
    const batch = runtime.commands.runBatch([
      { tenantId: TENANT, rootKeys: [held.rootKey], command: { type: 'CompleteJob', jobKey: held.register, variables: {} } },
      { tenantId: TENANT, rootKeys: [free.rootKey], command: { type: 'CompleteJob', jobKey: free.register, variables: {} } },
    ]);
    await someoneWaitsForALock();
    await holder.commit();
    const outcomes = await batch;

    // then the held tree completed (its state was read after the wait), the other waits at its fee check
    expect(outcomes.map((outcome) => 'result' in outcome && !outcome.result.rejected)).toEqual([true, true]);
    expect(await statusOf(held.rootKey)).toBe('completed');
    expect(await statusOf(free.rootKey)).toBe('active');
    expect(Object.keys(await jobsOf(free.rootKey))).toEqual(['check-fee']);
    expect(await verifyEveryTreeReplays(pool)).toBeGreaterThan(0);
  });

  it('plans its prepared statements generically inside its own transaction only: the pooled connection keeps the default', async () => {
    // given a pool of one connection, so the command and the checks share it
    const single = new Pool({ connectionString: db.appUrl, max: 1 });
    const alone = new EngineRuntime(single, clock);
    const seen: string[] = [];
    try {
      // when a command runs, and a transaction opened as a command opens it is looked into
      const started = await alone.startInstance(TENANT, { processId: 'check-steps', variables: { applicant: { name: 'Eva' } } });
      expect(started.rejected).toBe(false);
      const client = await single.connect();
      try {
        seen.push((await client.query<{ plan_cache_mode: string }>('SHOW plan_cache_mode')).rows[0].plan_cache_mode);
        await beginTenantTransaction(client, [TENANT], [['plan_cache_mode', 'force_generic_plan']]);
        seen.push((await client.query<{ plan_cache_mode: string }>('SHOW plan_cache_mode')).rows[0].plan_cache_mode);
        await client.query('ROLLBACK');
        seen.push((await client.query<{ plan_cache_mode: string }>('SHOW plan_cache_mode')).rows[0].plan_cache_mode);
      } finally {
        client.release();
      }
    } finally {
      await single.end();
    }
    // then the setting held inside the transaction and nowhere else
    expect(seen).toEqual(['auto', 'force_generic_plan', 'auto']);
  });

  it('drops a connection’s cached plans with its BEGIN as they age, so generic plans follow the tables’ growth', async () => {
    // given a command store on one connection whose sent statements are recorded, refreshing plans on every transaction
    const sent: string[] = [];
    class RecordingClient extends Client {
      override query(...args: unknown[]): never {
        const [first] = args;
        sent.push(typeof first === 'string' ? first : String((first as { text?: unknown }).text));
        return (super.query as (...rest: unknown[]) => never)(...args);
      }
    }
    const single = new Pool({ connectionString: db.appUrl, max: 1, Client: RecordingClient });
    const eager = new CommandStore(single, runtime.models, clock, { planRefresh: { minMs: 0, maxMs: 0 } });
    const lazy = new CommandStore(single, runtime.models, clock);
    try {
      // when three commands run on the eager store, then two on the default one (first after 1 s)
      for (let i = 0; i < 3; i++) expect((await eager.run({ tenantId: TENANT, command: { type: 'CreateProcessInstance', processId: 'check-steps', variables: {} } })).rejected).toBe(false);
      const eagerBegins = sent.filter((sql) => sql.includes('BEGIN'));
      sent.length = 0;
      for (let i = 0; i < 2; i++) expect((await lazy.run({ tenantId: TENANT, command: { type: 'CreateProcessInstance', processId: 'check-steps', variables: {} } })).rejected).toBe(false);
      const lazyBegins = sent.filter((sql) => sql.includes('BEGIN'));

      // then the connection's first transaction had nothing to drop, the later ones dropped their plans first; the default interval had not passed
      expect(eagerBegins.map((sql) => sql.startsWith('DISCARD PLANS; BEGIN'))).toEqual([false, true, true]);
      expect(lazyBegins.map((sql) => sql.startsWith('DISCARD PLANS'))).toEqual([false, false]);
    } finally {
      await single.end();
    }
  });

  it('given a tree that does not exist, then the command fails with the instance not found and changes nothing', async () => {
    await expect(runtime.completeJob(TENANT, '999999', {}, '999998')).rejects.toThrow(/Process instance 999998 does not exist/);
  });
});
