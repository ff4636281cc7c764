import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { verifyEveryTreeReplays } from '../../testing/replay-check';
import type { RunCommandResult } from './command-store';
import { EngineRuntime } from './engine-runtime';

const TENANT = 'plauen';
const ROUTE = readFileSync(join(__dirname, 'fixtures', 'await-confirmation.bpmn'), 'utf8');
const values = (fee: number) => ({ name: 'plauen.values.json', kind: 'values' as const, content: JSON.stringify({ municipality: { name: 'Stadt Plauen', fees: { certificate: fee } } }) });

function rootOf(result: RunCommandResult): string {
  if (result.rejected) throw new Error(result.reason);
  return result.createdRoots[0];
}

describe("a municipality's values deployed with a route", () => {
  let db: TestDatabase;
  let pool: Pool;
  const clock = { now: () => Date.parse('2026-03-02T09:00:00+01:00') };

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.appUrl, max: 4 });
    await pool.query(`INSERT INTO tenant (id, name, land) VALUES ($1, 'Stadt Plauen', 'SN')`, [TENANT]);
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  const municipalityOf = async (rootKey: string): Promise<unknown> =>
    (await pool.query<{ value: unknown }>(`SELECT value FROM variable WHERE tenant_id = $1 AND scope_key = $2 AND name = 'municipality'`, [TENANT, rootKey])).rows[0]?.value;

  it('starts every instance with the values, which an application cannot override, and keeps them per version', async () => {
    const runtime = new EngineRuntime(pool, clock);
    const first = await runtime.deploy({ tenantId: TENANT, resourceName: 'route.bpmn', content: ROUTE, resources: [values(12.5)] });
    expect(first.ok).toBe(true);
    const oldCase = rootOf(await runtime.startInstance(TENANT, { processId: 'await-payment', variables: { caseId: 'c-1', municipality: { fees: { certificate: 0 } } } }));
    expect(await municipalityOf(oldCase)).toEqual({ name: 'Stadt Plauen', fees: { certificate: 12.5 } });

    const second = await runtime.deploy({ tenantId: TENANT, resourceName: 'route.bpmn', content: ROUTE, resources: [values(15)] });
    expect(second.ok && second.value.duplicate).toBe(false);
    // A fresh runtime compiles the models from the database: the values come from the stored resource.
    const restarted = new EngineRuntime(pool, clock);
    const newCase = rootOf(await restarted.startInstance(TENANT, { processId: 'await-payment', variables: { caseId: 'c-2' } }));
    expect(await municipalityOf(newCase)).toEqual({ name: 'Stadt Plauen', fees: { certificate: 15 } });
    expect(await municipalityOf(oldCase)).toEqual({ name: 'Stadt Plauen', fees: { certificate: 12.5 } });
    await verifyEveryTreeReplays(pool);
  });

  it('refuses values that are no JSON object, and two values resources, storing nothing', async () => {
    const runtime = new EngineRuntime(pool, clock);
    const notObject = await runtime.deploy({ tenantId: TENANT, resourceName: 'other.bpmn', content: ROUTE.replace('await-payment', 'other'), resources: [{ name: 'x.values.json', kind: 'values', content: '[1]' }] });
    expect(notObject).toMatchObject({ ok: false, problems: [{ rule: 'deployment-values', message: expect.stringContaining('not a JSON object') }] });
    const twice = await runtime.deploy({ tenantId: TENANT, resourceName: 'other.bpmn', content: ROUTE.replace('await-payment', 'other'), resources: [values(1), { ...values(2), name: 'b.values.json' }] });
    expect(twice).toMatchObject({ ok: false, problems: [{ rule: 'deployment-values' }] });
    expect((await pool.query(`SELECT 1 FROM process_definition WHERE tenant_id = $1 AND process_id = 'other'`, [TENANT])).rowCount).toBe(0);
  });
});
