import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { verifyEveryTreeReplays } from '../../testing/replay-check';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { EngineRuntime } from './engine-runtime';

const TENANT = 'plauen';
const bpmn = readFileSync(join(__dirname, 'fixtures', 'urkunden-gebuehr.bpmn'), 'utf8');
const dmn = readFileSync(join(__dirname, 'fixtures', 'urkunden-gebuehren.dmn'), 'utf8');
const clock = { now: () => Date.parse('2026-11-28T10:00:00Z') };

describe('decision tables deployed with a route, on the durable runtime', () => {
  let db: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.appUrl, max: 4 });
    await pool.query(`INSERT INTO tenant (id, name) VALUES ($1, 'Stadt Plauen')`, [TENANT]);
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  const variables = async (rootKey: string): Promise<Record<string, unknown>> => {
    const { rows } = await pool.query<{ name: string; value: unknown }>('SELECT name, value FROM variable WHERE tenant_id = $1 AND scope_key = $2', [TENANT, rootKey]);
    return Object.fromEntries(rows.map((row) => [row.name, row.value]));
  };

  it('refuses a route whose decision is not deployed with it, and stores nothing', async () => {
    const runtime = new EngineRuntime(pool, clock);
    const result = await runtime.deploy({ tenantId: TENANT, resourceName: 'urkunden-gebuehr.bpmn', content: bpmn });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([expect.objectContaining({ rule: 'called-decision-unknown', elementId: 'gebuehr' })]);
    expect((await pool.query('SELECT count(*)::int AS n FROM deployment')).rows[0].n).toBe(0);
  });

  it('evaluates the table with the case data, also after a restart that compiles it from the stored DMN', async () => {
    // given the route deployed with its fee table
    const deployer = new EngineRuntime(pool, clock);
    const deployed = await deployer.deploy({
      tenantId: TENANT,
      resourceName: 'urkunden-gebuehr.bpmn',
      content: bpmn,
      resources: [{ name: 'urkunden-gebuehren.dmn', kind: 'dmn', content: dmn }],
    });
    expect(deployed.ok).toBe(true);

    // when a freshly started engine (nothing cached) runs an order of three birth certificates
    const restarted = new EngineRuntime(pool, clock);
    const started = await restarted.startInstance(TENANT, { processId: 'urkunden-gebuehr', variables: { verwendungszweck: 'Privat', urkundenart: 'Geburtsurkunde', anzahl: 3 } });
    if (started.rejected) throw new Error(started.reason);
    // then the fee is 15 + 2 × 7 and the payment is requested
    const [rootKey] = started.createdRoots;
    expect(await variables(rootKey)).toMatchObject({ gebuehr: 29 });
    expect((await pool.query(`SELECT type FROM job WHERE tenant_id = $1 AND root_key = $2`, [TENANT, rootKey])).rows).toEqual([{ type: 'payment.request' }]);

    // and an order for the pension insurance is free of charge (§ 64 SGB X)
    const free = await restarted.startInstance(TENANT, { processId: 'urkunden-gebuehr', variables: { verwendungszweck: 'Rentenversicherung', urkundenart: 'Sterbeurkunde', anzahl: 1 } });
    if (free.rejected) throw new Error(free.reason);
    expect((await pool.query(`SELECT status FROM process_instance WHERE tenant_id = $1 AND key = $2`, [TENANT, free.createdRoots[0]])).rows).toEqual([{ status: 'completed' }]);
  });

  it('leaves every instance tree equal to the replay of its event log', async () => {
    expect(await verifyEveryTreeReplays(pool)).toBeGreaterThan(0);
  });
});
