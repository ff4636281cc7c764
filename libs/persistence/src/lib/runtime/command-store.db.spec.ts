import { createEmptyState, replayEvents } from '@laufweg/bpmn-engine';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { verifyEveryTreeReplays } from '../../testing/replay-check';
import { EngineRuntime, RecordNotFoundError } from './engine-runtime';
import { readEvents } from './event-log';
import { loadState } from './state-loader';

const TENANT = 'leipzig';
const xml = readFileSync(join(__dirname, 'fixtures', 'check-and-decide.bpmn'), 'utf8');

describe('the durable runtime on PostgreSQL', () => {
  let db: TestDatabase;
  let pool: Pool;
  let runtime: EngineRuntime;
  let now = Date.parse('2026-11-28T09:00:00Z');

  beforeAll(async () => {
    db = await createTestDatabase();
    // The runtime runs as the unprivileged application role, as in production.
    pool = new Pool({ connectionString: db.appUrl, max: 4 });
    await pool.query(`INSERT INTO tenant (id, name) VALUES ($1, 'Stadt Leipzig'), ('dresden', 'Landeshauptstadt Dresden')`, [TENANT]);
    runtime = new EngineRuntime(pool, { now: () => now });
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  async function count(table: string, where = 'TRUE', params: unknown[] = []): Promise<number> {
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
    return rows[0].n;
  }

  async function expectReplayEqualsStored(rootKey: string): Promise<void> {
    const client = await pool.connect();
    try {
      const stored = await loadState(client, TENANT, { rootKeys: [rootKey] });
      const initial = { ...createEmptyState(), processes: stored.processes };
      expect(replayEvents(await readEvents(client, TENANT, rootKey), initial)).toEqual(stored);
    } finally {
      client.release();
    }
  }

  it('deploys once per content and counts versions per tenant', async () => {
    const first = await runtime.deploy({ tenantId: TENANT, resourceName: 'check-and-decide.bpmn', content: xml });
    const again = await runtime.deploy({ tenantId: TENANT, resourceName: 'check-and-decide.bpmn', content: xml });
    const changed = await runtime.deploy({ tenantId: TENANT, resourceName: 'check-and-decide.bpmn', content: xml.replace('Entscheiden', 'Bescheiden') });
    const otherTenant = await runtime.deploy({ tenantId: 'dresden', resourceName: 'check-and-decide.bpmn', content: xml });
    expect(first.ok && first.value).toEqual({
      deploymentKey: expect.stringMatching(/^\d+$/),
      duplicate: false,
      processes: [{ processId: 'check-and-decide', processDefinitionKey: expect.stringMatching(/^\d+$/), version: 1 }],
    });
    expect(again.ok && again.value).toEqual(first.ok && { ...first.value, duplicate: true });
    expect(changed.ok && changed.value.processes[0].version).toBe(2);
    expect(otherTenant.ok && otherTenant.value.processes[0].version).toBe(1);
    expect(await count('deployment')).toBe(3);
  });

  it('stores nothing for an invalid model and names the element', async () => {
    const broken = xml.replace('<zeebe:taskDefinition type="application.check" retries="3" />', '');
    const result = await runtime.deploy({ tenantId: TENANT, resourceName: 'broken.bpmn', content: broken });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.filter((problem) => problem.severity === 'error')).toEqual([expect.objectContaining({ elementId: 'check' })]);
    expect(await count('deployment', `resource_name = 'broken.bpmn'`)).toBe(0);
  });

  it('runs an instance through a job and a user task, one transaction per command', async () => {
    // given a started instance of the latest version
    const started = await runtime.startInstance(TENANT, { processId: 'check-and-decide', variables: { applicant: 'Erika Mustermann' }, businessKey: 'GEB-2026-0001' });
    if (started.rejected) throw new Error(started.reason);
    const [rootKey] = started.createdRoots;
    const header = await pool.query('SELECT status, business_key, version FROM process_instance WHERE tenant_id = $1 AND key = $2', [TENANT, rootKey]);
    expect(header.rows).toEqual([{ status: 'active', business_key: 'GEB-2026-0001', version: 2 }]);
    const jobs = await pool.query<{ key: string; root_key: string }>(`SELECT key, root_key FROM job WHERE tenant_id = $1 AND type = 'application.check'`, [TENANT]);
    expect(jobs.rows).toEqual([{ key: expect.any(String), root_key: rootKey }]);
    await expectReplayEqualsStored(rootKey);

    // when the check job completes
    now += 60_000;
    const completed = await runtime.completeJob(TENANT, jobs.rows[0].key, { complete: true });
    expect(completed.rejected).toBe(false);

    // then the job is gone and the user task waits for the group
    expect(await count('job', 'tenant_id = $1', [TENANT])).toBe(0);
    const task = await pool.query<{ key: string; candidate_groups: string[]; element_id: string }>(
      'SELECT key, candidate_groups, element_id FROM user_task WHERE tenant_id = $1 AND root_key = $2',
      [TENANT, rootKey],
    );
    expect(task.rows).toEqual([{ key: expect.any(String), candidate_groups: ['standesamt'], element_id: 'decide' }]);
    const variables = await pool.query('SELECT name, value FROM variable WHERE tenant_id = $1 AND scope_key = $2 ORDER BY name', [TENANT, rootKey]);
    expect(variables.rows).toEqual([
      { name: 'applicant', value: 'Erika Mustermann' },
      { name: 'complete', value: true },
    ]);
    await expectReplayEqualsStored(rootKey);

    // and completing the job again changes nothing
    await expect(runtime.completeJob(TENANT, jobs.rows[0].key)).rejects.toThrow(RecordNotFoundError);

    // when the caseworker completes the task
    await runtime.completeUserTask(TENANT, task.rows[0].key, { approved: true });

    // then the instance is completed, its runtime rows are gone and its history remains
    const done = await pool.query('SELECT status, ended_at FROM process_instance WHERE tenant_id = $1 AND key = $2', [TENANT, rootKey]);
    expect(done.rows).toEqual([{ status: 'completed', ended_at: new Date(now) }]);
    for (const table of ['element_instance', 'variable', 'user_task', 'job']) {
      expect(await count(table, 'tenant_id = $1 AND root_key = $2', [TENANT, rootKey])).toBe(0);
    }
    const log = await readEvents(pool, TENANT, rootKey);
    expect(log.filter((event) => event.type === 'JobCompleted')).toHaveLength(1);
    expect(log.filter((event) => event.type === 'UserTaskCompleted')).toHaveLength(1);
    expect(log.at(-1)).toEqual({ type: 'ElementCompleted', v: 1, key: rootKey });
  });

  it('refuses commands on unknown keys and changes nothing', async () => {
    await expect(runtime.cancelInstance(TENANT, '999999999')).rejects.toThrow('Process instance 999999999 does not exist or is already finished.');
    await expect(runtime.completeJob(TENANT, 'not-a-key')).rejects.toThrow(RecordNotFoundError);
  });

  it('keeps tenants apart', async () => {
    const started = await runtime.startInstance('dresden', { processId: 'check-and-decide' });
    if (started.rejected) throw new Error(started.reason);
    const [rootKey] = started.createdRoots;
    await expect(runtime.cancelInstance(TENANT, rootKey)).rejects.toThrow(RecordNotFoundError);
    const cancelled = await runtime.cancelInstance('dresden', rootKey);
    expect(cancelled.rejected).toBe(false);
    const header = await pool.query('SELECT status FROM process_instance WHERE tenant_id = $1 AND key = $2', ['dresden', rootKey]);
    expect(header.rows).toEqual([{ status: 'terminated' }]);
  });

  it('leaves every instance tree equal to the replay of its event log', async () => {
    expect(await verifyEveryTreeReplays(pool)).toBeGreaterThan(0);
  });
});
