import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { verifyEveryTreeReplays } from '../../testing/replay-check';
import { EngineRuntime } from './engine-runtime';

const TENANT = 'zwickau';
const xml = readFileSync(join(__dirname, 'fixtures', 'await-confirmation.bpmn'), 'utf8');

describe('messages on the durable runtime', () => {
  let db: TestDatabase;
  let pool: Pool;
  let runtime: EngineRuntime;
  let now = Date.parse('2026-11-28T12:00:00Z');

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.appUrl, max: 4 });
    await pool.query(`INSERT INTO tenant (id, name) VALUES ($1, 'Stadt Zwickau')`, [TENANT]);
    runtime = new EngineRuntime(pool, { now: () => now });
    expect((await runtime.deploy({ tenantId: TENANT, resourceName: 'await-confirmation.bpmn', content: xml })).ok).toBe(true);
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  async function start(caseId: string): Promise<string> {
    const started = await runtime.startInstance(TENANT, { processId: 'await-payment', variables: { caseId } });
    if (started.rejected) throw new Error(started.reason);
    return started.createdRoots[0];
  }

  async function passPreparation(rootKey: string): Promise<void> {
    const { rows } = await pool.query<{ key: string }>('SELECT key FROM job WHERE tenant_id = $1 AND root_key = $2', [TENANT, rootKey]);
    const done = await runtime.completeJob(TENANT, rows[0].key);
    if (done.rejected) throw new Error(done.reason);
  }

  async function statusOf(rootKey: string): Promise<string> {
    const { rows } = await pool.query<{ status: string }>('SELECT status FROM process_instance WHERE tenant_id = $1 AND key = $2', [TENANT, rootKey]);
    return rows[0].status;
  }

  it('correlates a message to the instance waiting with its correlation key', async () => {
    const waiting = await start('K-1');
    const other = await start('K-2');
    await passPreparation(waiting);
    await passPreparation(other);
    await runtime.correlateMessage(TENANT, { name: 'payment.received', correlationKey: 'K-1', variables: { amount: 12 } });
    expect(await statusOf(waiting)).toBe('completed');
    expect(await statusOf(other)).toBe('active');
  });

  it('buffers an early message for its time to live and hands it to the subscription that opens later', async () => {
    // given a message published before the instance waits for it
    const rootKey = await start('K-3');
    await runtime.correlateMessage(TENANT, { name: 'payment.received', correlationKey: 'K-3', timeToLiveMs: 60_000, messageId: 'pay-K-3' });
    expect((await pool.query('SELECT count(*)::int AS n FROM buffered_message WHERE tenant_id = $1', [TENANT])).rows[0].n).toBe(1);
    // and published again with the same message id (deduplicated)
    expect(await runtime.correlateMessage(TENANT, { name: 'payment.received', correlationKey: 'K-3', timeToLiveMs: 60_000, messageId: 'pay-K-3' })).toEqual({ duplicate: true });
    // when the instance reaches the catch event
    await passPreparation(rootKey);
    // then it takes the buffered message at once, and the buffer is empty
    expect(await statusOf(rootKey)).toBe('completed');
    expect((await pool.query('SELECT count(*)::int AS n FROM buffered_message WHERE tenant_id = $1', [TENANT])).rows[0].n).toBe(0);
  });

  it('does not hand out a buffered message after its time to live', async () => {
    const rootKey = await start('K-4');
    await runtime.correlateMessage(TENANT, { name: 'payment.received', correlationKey: 'K-4', timeToLiveMs: 60_000 });
    now += 61_000;
    await passPreparation(rootKey);
    expect(await statusOf(rootKey)).toBe('active');
    // and the executor's housekeeping removes it from the buffer
    expect(await runtime.dropExpiredMessages()).toBe(1);
    expect((await pool.query('SELECT count(*)::int AS n FROM buffered_message WHERE tenant_id = $1', [TENANT])).rows[0].n).toBe(0);
  });

  it('leaves every instance tree equal to the replay of its event log', async () => {
    expect(await verifyEveryTreeReplays(pool)).toBeGreaterThan(0);
  });
});
