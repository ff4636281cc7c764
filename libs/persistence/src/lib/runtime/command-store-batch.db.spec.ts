import type { EngineEvent } from '@laufweg/bpmn-engine';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { verifyEveryTreeReplays } from '../../testing/replay-check';
import { InstanceNotFoundError, type BatchOutcome, type CommandObservation, type RunCommandRequest } from './command-store';
import { EngineRuntime } from './engine-runtime';
import { readEvents } from './event-log';
import { JobAcquisition } from './job-acquisition';
import { JobExecutor, type JobExecutorLogger } from './job-executor';

const TENANT = 'goerlitz';
const OTHER_TENANT = 'bautzen';
const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

describe('group commit: several commands of different trees in one transaction', () => {
  let db: TestDatabase;
  let pool: Pool;
  let runtime: EngineRuntime;
  let now = Date.parse('2026-11-28T09:00:00Z');
  const clock = { now: () => now };
  const observed: CommandObservation[] = [];
  const rolledBack: { size: number; error: unknown }[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.appUrl, max: 8 });
    await pool.query(`INSERT INTO tenant (id, name) VALUES ($1, 'Stadt Görlitz'), ($2, 'Stadt Bautzen')`, [TENANT, OTHER_TENANT]);
    runtime = new EngineRuntime(pool, clock);
    runtime.commands.observe({ commandRan: (observation) => observed.push(observation), batchRolledBack: (failure) => rolledBack.push(failure) });
    for (const name of ['check-and-decide.bpmn', 'register-with-child.bpmn', 'await-confirmation.bpmn']) {
      expect((await runtime.deploy({ tenantId: TENANT, resourceName: name, content: fixture(name) })).ok).toBe(true);
    }
    expect((await runtime.deploy({ tenantId: OTHER_TENANT, resourceName: 'check-and-decide.bpmn', content: fixture('check-and-decide.bpmn') })).ok).toBe(true);
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  async function start(processId: string, variables = {}, tenantId = TENANT): Promise<string> {
    const started = await runtime.startInstance(tenantId, { processId, variables });
    if (started.rejected) throw new Error(started.reason);
    return started.createdRoots[0];
  }

  async function jobOf(rootKey: string, tenantId = TENANT): Promise<string> {
    const { rows } = await pool.query<{ key: string }>(`SELECT key FROM job WHERE tenant_id = $1 AND root_key = $2 AND kind = 'job'`, [tenantId, rootKey]);
    if (rows.length !== 1) throw new Error(`Tree ${rootKey} has ${rows.length} jobs.`);
    return rows[0].key;
  }

  function completion(rootKey: string, jobKey: string, variables = {}, tenantId = TENANT): RunCommandRequest {
    return { tenantId, rootKeys: [rootKey], command: { type: 'CompleteJob', jobKey, variables } };
  }

  /** The transactions that appended events, in the order given. */
  async function transactionsOf(rootKeys: readonly string[], type: string): Promise<string[]> {
    const { rows } = await pool.query<{ root_key: string; tx: string }>(`SELECT root_key, tx_id::text AS tx FROM instance_event WHERE root_key = ANY($1::bigint[]) AND type = $2`, [rootKeys, type]);
    return rootKeys.map((rootKey) => rows.find((row) => row.root_key === rootKey)?.tx ?? 'none');
  }

  /** A tree's log with keys left out: what two runs of the same commands must share. */
  async function shapeOf(rootKey: string): Promise<string[]> {
    return (await readEvents(pool, TENANT, rootKey)).map((event) => `${event.type}${'elementId' in event ? ` ${String(event.elementId)}` : ''}`);
  }

  const accepted = (outcome: BatchOutcome): boolean => 'result' in outcome && !outcome.result.rejected;

  it('runs the commands of different trees in one transaction, each as it would run alone', async () => {
    // given the same four trees twice: three of one process and one whose job sits in a called child
    const processes = ['check-and-decide', 'check-and-decide', 'check-and-decide', 'dog-registration'];
    const alone: string[] = [];
    const batched: string[] = [];
    for (const [index, processId] of processes.entries()) alone.push(await start(processId, { index }));
    for (const [index, processId] of processes.entries()) batched.push(await start(processId, { index }));

    // when the jobs of one set complete one command at a time and those of the other in one batch
    for (const [index, rootKey] of alone.entries()) await runtime.commands.run(completion(rootKey, await jobOf(rootKey), { checked: index }));
    observed.length = 0;
    const requests = await Promise.all(batched.map(async (rootKey, index) => completion(rootKey, await jobOf(rootKey), { checked: index })));
    const outcomes = await runtime.commands.runBatch(requests);

    // then all committed in one transaction, and every tree holds what its twin holds
    expect(outcomes.map(accepted)).toEqual([true, true, true, true]);
    expect(new Set(await transactionsOf(batched, 'JobCompleted')).size).toBe(1);
    expect(new Set(await transactionsOf(alone, 'JobCompleted')).size).toBe(4);
    expect(observed.map((observation) => observation.batch)).toEqual([0, 1, 2, 3].map((index) => ({ size: 4, index })));
    for (const [index, rootKey] of batched.entries()) expect(await shapeOf(rootKey)).toEqual(await shapeOf(alone[index]));
    const tasks = await pool.query<{ root_key: string; element_id: string }>('SELECT root_key::text, element_id FROM user_task WHERE root_key = ANY($1::bigint[]) ORDER BY root_key', [batched]);
    expect(tasks.rows.map((row) => row.element_id)).toEqual(['decide', 'decide', 'decide', 'decide']);
    const checked = async (rootKey: string): Promise<unknown[]> => (await pool.query<{ value: unknown }>(`SELECT value FROM variable WHERE root_key = $1 AND name = 'checked'`, [rootKey])).rows.map((row) => row.value);
    for (const [index, rootKey] of batched.entries()) expect(await checked(rootKey)).toEqual(await checked(alone[index]));
    expect(await checked(batched[2])).toEqual([2]);
    // and keys grow with command order, as they would one transaction after the other
    const firstNewKey = (outcome: BatchOutcome): bigint => {
      const events = 'result' in outcome && !outcome.result.rejected ? outcome.result.events : [];
      const created = events.find((event): event is Extract<EngineEvent, { type: 'ElementActivating' }> => event.type === 'ElementActivating');
      return BigInt(created?.key ?? '0');
    };
    const keys = outcomes.map(firstNewKey);
    expect([...keys].sort((a, b) => (a < b ? -1 : 1))).toEqual(keys);
  });

  it('answers a refused command and a vanished tree on their own and commits the others', async () => {
    // given three trees, the second cancelled meanwhile
    const [first, cancelled, third] = await Promise.all([1, 2, 3].map(() => start('check-and-decide')));
    const jobs = await Promise.all([first, cancelled, third].map((rootKey) => jobOf(rootKey)));
    await runtime.cancelInstance(TENANT, cancelled);

    // when the batch completes all three jobs and one of a tree that never was
    const outcomes = await runtime.commands.runBatch([
      completion(first, jobs[0]),
      completion(cancelled, jobs[1]),
      completion('999999999', '999999998'),
      completion(third, jobs[2]),
    ]);

    // then the cancelled tree's job was refused, the unknown tree is not found, and the rest went on in one transaction
    expect(outcomes[1]).toEqual({ result: { rejected: true, reason: expect.any(String) } });
    expect('error' in outcomes[2] && outcomes[2].error).toBeInstanceOf(InstanceNotFoundError);
    expect([outcomes[0], outcomes[3]].map(accepted)).toEqual([true, true]);
    const [firstTx, thirdTx] = await transactionsOf([first, third], 'JobCompleted');
    expect(firstTx).toBe(thirdTx);
    expect(await transactionsOf([cancelled], 'JobCompleted')).toEqual(['none']);
  });

  it('falls back to one transaction per command when the batch fails, so a poison command holds up no other', async () => {
    // given three trees, and a completion whose variables PostgreSQL cannot store (jsonb has no \u0000)
    const trees = await Promise.all([1, 2, 3].map(() => start('check-and-decide')));
    const jobs = await Promise.all(trees.map((rootKey) => jobOf(rootKey)));
    observed.length = 0;
    rolledBack.length = 0;

    // when they complete in one batch
    const outcomes = await runtime.commands.runBatch([completion(trees[0], jobs[0]), completion(trees[1], jobs[1], { note: 'a\u0000b' }), completion(trees[2], jobs[2])]);

    // then the batch was rolled back (observers told why) and run again alone: the poison command failed by itself
    expect(rolledBack).toEqual([{ size: 3, error: expect.objectContaining({ message: expect.stringMatching(/unicode|\\u0000/i) }) }]);
    expect([outcomes[0], outcomes[2]].map(accepted)).toEqual([true, true]);
    expect('error' in outcomes[1] && String(outcomes[1].error)).toMatch(/unicode|\\u0000/i);
    expect(observed.map((observation) => observation.batch)).toEqual([undefined, undefined, undefined]);
    const [firstTx, poisonTx, thirdTx] = await transactionsOf(trees, 'JobCompleted');
    expect(poisonTx).toBe('none');
    expect(firstTx).not.toBe(thirdTx);
    const logs = await Promise.all(trees.map(async (rootKey) => (await readEvents(pool, TENANT, rootKey)).filter((event) => event.type === 'JobCompleted').length));
    expect(logs).toEqual([1, 0, 1]);
    await runtime.cancelInstance(TENANT, trees[1]);
  });

  it('puts one command per tree and one tenant into a transaction, in the order given', async () => {
    // given two trees of this tenant and one of another
    const [twice, once] = await Promise.all([1, 2].map(() => start('check-and-decide')));
    const other = await start('check-and-decide', {}, OTHER_TENANT);

    // when a batch completes the jobs and then cancels the first tree
    const outcomes = await runtime.commands.runBatch([
      completion(twice, await jobOf(twice)),
      completion(other, await jobOf(other, OTHER_TENANT), {}, OTHER_TENANT),
      { tenantId: TENANT, rootKeys: [twice], command: { type: 'CancelProcessInstance', processInstanceKey: twice } },
      completion(once, await jobOf(once)),
    ]);

    // then the cancel saw the completion before it, in a later transaction; the other tenant had its own
    expect(outcomes.map(accepted)).toEqual([true, true, true, true]);
    const [completedTx, onceTx] = await transactionsOf([twice, once], 'JobCompleted');
    const [otherTx] = await transactionsOf([other], 'JobCompleted');
    const [cancelTx] = await transactionsOf([twice], 'ElementTerminated');
    expect(completedTx).toBe(onceTx);
    expect(new Set([completedTx, otherTx, cancelTx]).size).toBe(3);
    const types = (await readEvents(pool, TENANT, twice)).map((event) => event.type);
    expect(types.indexOf('JobCompleted')).toBeLessThan(types.indexOf('ElementTerminated'));
    const status = await pool.query('SELECT status FROM process_instance WHERE key = $1', [twice]);
    expect(status.rows).toEqual([{ status: 'terminated' }]);
  });

  it('lets one buffered message be consumed once, also by two trees of one batch', async () => {
    // given a buffered message and two trees about to subscribe to it
    await runtime.correlateMessage(TENANT, { name: 'payment.received', correlationKey: 'AZ-77', timeToLiveMs: 3_600_000, variables: { paid: true } });
    const trees = await Promise.all([1, 2].map(() => start('await-payment', { caseId: 'AZ-77' })));

    // when both subscribe in one batch
    const outcomes = await runtime.commands.runBatch(await Promise.all(trees.map(async (rootKey) => completion(rootKey, await jobOf(rootKey)))));

    // then exactly one of them took the message and ended; the other waits for the next
    expect(outcomes.map(accepted)).toEqual([true, true]);
    const status = await pool.query<{ status: string }>('SELECT status FROM process_instance WHERE key = ANY($1::bigint[]) ORDER BY key', [trees]);
    expect(status.rows.map((row) => row.status).sort()).toEqual(['active', 'completed']);
    expect((await pool.query(`SELECT 1 FROM buffered_message WHERE tenant_id = $1`, [TENANT])).rowCount).toBe(0);
  });

  it('settles each job once when two executors with group commit race for the same jobs', async () => {
    // given twenty waiting jobs and two executors whose handlers are held until both have taken every job
    const trees = await Promise.all(Array.from({ length: 20 }, () => start('check-and-decide')));
    const acquisition = new JobAcquisition(pool, clock);
    const lines: string[] = [];
    const logger: JobExecutorLogger = { debug: () => undefined, warn: (message) => lines.push(message), error: (message) => lines.push(message) };
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let running = 0;
    const executor = (workerId: string): JobExecutor =>
      new JobExecutor(runtime, acquisition, { workerId, fireTimers: false, concurrency: 20, lockDurationMs: 1_000, logger }).register('application.check', async () => {
        running++;
        await gate;
        return { checkedBy: workerId };
      });
    const first = executor('worker-1');
    const second = executor('worker-2');

    // when the first takes the jobs, its locks expire, the second takes them too, and both finish at once
    const firstPoll = first.pollOnce();
    await waitUntil(() => running === 20);
    now += 2_000;
    const secondPoll = second.pollOnce();
    await waitUntil(() => running === 40);
    release();
    expect(await Promise.all([firstPoll, secondPoll])).toEqual([20, 20]);

    // then every job completed exactly once, nothing failed, and every tree waits at its user task
    const completions = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM instance_event WHERE root_key = ANY($1::bigint[]) AND type = 'JobCompleted' GROUP BY root_key`, [trees]);
    expect(completions.rows.map((row) => row.n)).toEqual(Array.from({ length: 20 }, () => 1));
    expect((await pool.query(`SELECT 1 FROM user_task WHERE root_key = ANY($1::bigint[])`, [trees])).rowCount).toBe(20);
    expect(lines).toEqual([]);
  });

  it('leaves every instance tree equal to the replay of its event log', async () => {
    expect(await verifyEveryTreeReplays(pool)).toBeGreaterThan(0);
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('Timed out waiting.');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
