import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { verifyEveryTreeReplays } from '../../testing/replay-check';
import { EngineRuntime } from './engine-runtime';
import { readEvents } from './event-log';
import { JobAcquisition } from './job-acquisition';
import { JobExecutor, type JobExecutorLogger } from './job-executor';
import { BpmnError, type JobContext } from './job-handler';

const TENANT = 'zwickau';
const xml = readFileSync(join(__dirname, 'fixtures', 'collect-fee.bpmn'), 'utf8');

/** A logger that keeps what it was told, so tests stay quiet and can look. */
function recordingLogger(): JobExecutorLogger & { readonly lines: string[] } {
  const lines: string[] = [];
  return { lines, debug: (message) => lines.push(`debug ${message}`), warn: (message) => lines.push(`warn ${message}`), error: (message) => lines.push(`error ${message}`) };
}

describe('the job executor on PostgreSQL', () => {
  let db: TestDatabase;
  let pool: Pool;
  let runtime: EngineRuntime;
  let acquisition: JobAcquisition;
  let now = Date.parse('2026-11-28T09:00:00Z');
  const clock = { now: () => now };

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.appUrl, max: 4 });
    await pool.query(`INSERT INTO tenant (id, name) VALUES ($1, 'Stadt Zwickau')`, [TENANT]);
    runtime = new EngineRuntime(pool, clock);
    acquisition = new JobAcquisition(pool, clock);
    const deployed = await runtime.deploy({ tenantId: TENANT, resourceName: 'collect-fee.bpmn', content: xml });
    expect(deployed.ok).toBe(true);
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  function executor(logger = recordingLogger()): JobExecutor {
    return new JobExecutor(runtime, acquisition, { workerId: 'test-worker', fireTimers: false, logger });
  }

  async function startInstance(variables = {}): Promise<string> {
    const started = await runtime.startInstance(TENANT, { processId: 'collect-fee', variables });
    if (started.rejected) throw new Error(started.reason);
    return started.createdRoots[0];
  }

  async function eventsOf(rootKey: string, type: string): Promise<Record<string, unknown>[]> {
    return (await readEvents(pool, TENANT, rootKey)).filter((event) => event.type === type) as unknown as Record<string, unknown>[];
  }

  it('completes a job with what its handler returns', async () => {
    // given an instance waiting at the service task and a handler for its type
    const rootKey = await startInstance({ fee: 42, applicant: 'Erika Mustermann' });
    const seen: JobContext[] = [];
    const worker = executor().register('payment.request', (job) => {
      seen.push(job);
      return { paid: true, receipt: 'Q-2026-17' };
    });

    // when the executor polls
    const handled = await worker.pollOnce();

    // then the handler saw the job with its headers and variables, and the instance went on
    expect(handled).toBe(1);
    expect(seen).toEqual([
      {
        tenantId: TENANT,
        key: expect.stringMatching(/^\d+$/),
        type: 'payment.request',
        retries: 2,
        customHeaders: { retryBackoff: 'PT1M', currency: 'EUR' },
        elementId: 'collect',
        processInstanceKey: rootKey,
        variables: { fee: 42, applicant: 'Erika Mustermann' },
      },
    ]);
    const tasks = await pool.query('SELECT element_id FROM user_task WHERE tenant_id = $1 AND root_key = $2', [TENANT, rootKey]);
    expect(tasks.rows).toEqual([{ element_id: 'hand-over' }]);
    const variables = await pool.query(`SELECT name, value FROM variable WHERE tenant_id = $1 AND scope_key = $2 AND name IN ('paid', 'receipt') ORDER BY name`, [TENANT, rootKey]);
    expect(variables.rows).toEqual([
      { name: 'paid', value: true },
      { name: 'receipt', value: 'Q-2026-17' },
    ]);
    expect(await worker.pollOnce()).toBe(0);
  });

  it('retries a failing handler after the backoff of its header, then raises an incident', async () => {
    // given a handler that always fails and a job with two retries and a backoff of one minute
    const rootKey = await startInstance();
    let calls = 0;
    const logger = recordingLogger();
    const worker = executor(logger).register('payment.request', () => {
      calls++;
      throw new Error('Zahlungsdienst antwortet nicht');
    });

    // when it fails once, the job waits out its backoff
    expect(await worker.pollOnce()).toBe(1);
    const [firstFailure] = await eventsOf(rootKey, 'JobFailed');
    expect(firstFailure).toEqual(expect.objectContaining({ retries: 1, retryAt: now + 60_000, errorMessage: 'Zahlungsdienst antwortet nicht' }));
    expect(await worker.pollOnce()).toBe(0);

    // and once the backoff is over it is run again and fails for the last time
    now += 61_000;
    expect(await worker.pollOnce()).toBe(1);

    // then there is an incident on the task and nobody runs the job any more
    expect(calls).toBe(2);
    expect((await eventsOf(rootKey, 'JobFailed')).map((event) => event['retries'])).toEqual([1, 0]);
    const incidents = await pool.query('SELECT element_id, error_type, message FROM incident WHERE tenant_id = $1 AND root_key = $2', [TENANT, rootKey]);
    expect(incidents.rows).toEqual([{ element_id: 'collect', error_type: 'JOB_NO_RETRIES', message: 'Zahlungsdienst antwortet nicht' }]);
    now += 600_000;
    expect(await worker.pollOnce()).toBe(0);
    expect(logger.lines).toEqual(expect.arrayContaining([expect.stringContaining('no retries left, an incident is raised')]));
  });

  it('throws a BpmnError at the task, where the error boundary event catches it', async () => {
    // given a handler that refuses the payment
    const rootKey = await startInstance({ fee: 42 });
    const worker = executor().register('payment.request', () => {
      throw new BpmnError('PAYMENT_REFUSED', 'Karte abgelehnt', { refusal: 'card' });
    });

    // when the executor runs the job
    expect(await worker.pollOnce()).toBe(1);

    // then the error left the task through the boundary event and the instance ended there
    expect(await eventsOf(rootKey, 'JobErrorThrown')).toEqual([expect.objectContaining({ errorCode: 'PAYMENT_REFUSED', errorMessage: 'Karte abgelehnt' })]);
    const reached = (await eventsOf(rootKey, 'ElementActivating')).map((event) => event['elementId']);
    expect(reached).toEqual(expect.arrayContaining(['refused', 'refused-end']));
    expect(reached).not.toContain('hand-over');
    const header = await pool.query('SELECT status FROM process_instance WHERE tenant_id = $1 AND key = $2', [TENANT, rootKey]);
    expect(header.rows).toEqual([{ status: 'completed' }]);
    expect(await pool.query('SELECT 1 FROM incident WHERE tenant_id = $1 AND root_key = $2', [TENANT, rootKey])).toHaveProperty('rowCount', 0);
  });

  it('logs and moves on when the instance was cancelled while the handler ran', async () => {
    // given a handler during which an operator cancels the instance
    const rootKey = await startInstance();
    const logger = recordingLogger();
    const worker = executor(logger).register('payment.request', async () => {
      await runtime.cancelInstance(TENANT, rootKey);
      return { paid: true };
    });

    // when the executor runs the job, then the completion finds the job gone and the executor goes on
    await expect(worker.pollOnce()).resolves.toBe(1);
    expect(logger.lines).toEqual(expect.arrayContaining([expect.stringMatching(/^debug job \d+ (is gone|was refused)/)]));
    expect(logger.lines.filter((line) => !line.startsWith('debug'))).toEqual([]);
    expect(await eventsOf(rootKey, 'JobCompleted')).toEqual([]);
    const header = await pool.query('SELECT status FROM process_instance WHERE tenant_id = $1 AND key = $2', [TENANT, rootKey]);
    expect(header.rows).toEqual([{ status: 'terminated' }]);
  });

  it('changes nothing when a job another worker already completed is completed again', async () => {
    // given a job completed over the API while this executor's handler still ran
    const rootKey = await startInstance();
    const worker = executor().register('payment.request', async (job) => {
      const first = await runtime.completeJob(job.tenantId, job.key, { paidBy: 'other worker' });
      expect(first.rejected).toBe(false);
      return { paidBy: 'this worker' };
    });

    // when the executor completes it too
    expect(await worker.pollOnce()).toBe(1);

    // then the first completion stands
    expect(await eventsOf(rootKey, 'JobCompleted')).toHaveLength(1);
    const variables = await pool.query(`SELECT value FROM variable WHERE tenant_id = $1 AND scope_key = $2 AND name = 'paidBy'`, [TENANT, rootKey]);
    expect(variables.rows).toEqual([{ value: 'other worker' }]);
  });

  it('leaves every instance tree equal to the replay of its event log', async () => {
    expect(await verifyEveryTreeReplays(pool)).toBeGreaterThan(0);
  });
});
