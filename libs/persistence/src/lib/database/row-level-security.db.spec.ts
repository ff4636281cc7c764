import { Client, Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { EngineRuntime } from '../runtime/engine-runtime';
import { withTenants } from './tenant-scope';

const ROUTE = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
  <bpmn:process id="apply" isExecutable="true">
    <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="review" />
    <bpmn:userTask id="review" /><bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="e" />
    <bpmn:endEvent id="e" />
  </bpmn:process>
</bpmn:definitions>`;

async function asApp<T extends object>(url: string, sql: string, params: unknown[] = [], tenants?: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    if (tenants !== undefined) await client.query(`SELECT set_config('laufweg.tenants', $1, false)`, [tenants]);
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe('row-level security: the application role sees only the tenants it names', () => {
  let db: TestDatabase;
  let system: Pool;

  beforeAll(async () => {
    db = await createTestDatabase();
    system = new Pool({ connectionString: db.appUrl, max: 3 });
    await system.query(`INSERT INTO tenant (id, name) VALUES ('leipzig', 'Stadt Leipzig'), ('dresden', 'Landeshauptstadt Dresden')`);
    const runtime = new EngineRuntime(system, { now: () => Date.parse('2026-11-28T10:00:00Z') });
    for (const tenantId of ['leipzig', 'dresden']) {
      expect((await runtime.deploy({ tenantId, resourceName: 'apply.bpmn', content: ROUTE })).ok).toBe(true);
      expect((await runtime.startInstance(tenantId, { processId: 'apply', businessKey: `${tenantId}-1` })).rejected).toBe(false);
    }
  });
  afterAll(async () => {
    await system.end();
    await db.drop();
  });

  it('protects every table that has a tenant column', async () => {
    const unprotected = await asApp<{ table_name: string }>(
      db.ownerUrl,
      `SELECT c.table_name FROM information_schema.columns c JOIN pg_class k ON k.relname = c.table_name AND k.relkind = 'r'
        WHERE c.table_schema = 'public' AND (c.column_name = 'tenant_id' OR c.table_name = 'tenant')
          AND (NOT k.relrowsecurity OR NOT EXISTS (SELECT 1 FROM pg_policies p WHERE p.tablename = c.table_name AND p.policyname = 'tenant_isolation'))
        GROUP BY c.table_name`,
    );
    expect(unprotected).toEqual([]);
  });

  it('shows nothing to a session that names no tenant, even for a query without a tenant filter', async () => {
    for (const table of ['tenant', 'process_instance', 'user_task', 'element_instance', 'instance_event', 'deployment']) {
      expect(await asApp(db.tenantScopedUrl, `SELECT * FROM ${table}`)).toEqual([]);
    }
  });

  it('shows one tenant’s rows to a session of that tenant, whatever the query asks', async () => {
    const rows = await asApp<{ tenant_id: string; business_key: string }>(db.tenantScopedUrl, 'SELECT tenant_id, business_key FROM process_instance ORDER BY key', [], 'leipzig');
    expect(rows).toEqual([{ tenant_id: 'leipzig', business_key: 'leipzig-1' }]);
    const tasks = await asApp<{ tenant_id: string }>(db.tenantScopedUrl, `SELECT tenant_id FROM user_task WHERE tenant_id = 'dresden'`, [], 'leipzig');
    expect(tasks).toEqual([]);
  });

  it('refuses to write into or change another tenant’s rows', async () => {
    await expect(
      asApp(db.tenantScopedUrl, `INSERT INTO incident (tenant_id, key, root_key, process_instance_key, element_instance_key, element_id, error_type, message, created_at, record) VALUES ('dresden', 1, 1, 1, 1, 'x', 'X', 'm', now(), '{}')`, [], 'leipzig'),
    ).rejects.toThrow(/row-level security/);
    const updated = await asApp<{ key: string }>(db.tenantScopedUrl, `UPDATE process_instance SET business_key = 'hijacked' WHERE tenant_id = 'dresden' RETURNING key`, [], 'leipzig');
    expect(updated).toEqual([]);
    const intact = await asApp<{ business_key: string }>(db.ownerUrl, `SELECT business_key FROM process_instance WHERE tenant_id = 'dresden'`);
    expect(intact).toEqual([{ business_key: 'dresden-1' }]);
  });

  it('scopes a request’s transaction with withTenants', async () => {
    const pool = new Pool({ connectionString: db.tenantScopedUrl, max: 2 });
    try {
      const seen = await withTenants(pool, ['dresden'], async (client) => (await client.query<{ tenant_id: string }>('SELECT DISTINCT tenant_id FROM process_instance')).rows);
      expect(seen).toEqual([{ tenant_id: 'dresden' }]);
      // the setting does not outlive the transaction on the pooled connection
      expect((await pool.query('SELECT * FROM process_instance')).rows).toEqual([]);
    } finally {
      await pool.end();
    }
  });

  it('keeps the policy function inlinable, so a tenant’s task list can use its index', async () => {
    // a SQL function with SET clauses is never inlined: the planner would call it once per row
    const [fn] = await asApp<{ proconfig: string[] | null; prosecdef: boolean }>(db.ownerUrl, `SELECT proconfig, prosecdef FROM pg_proc WHERE proname = 'laufweg_tenant_visible'`);
    expect(fn).toEqual({ proconfig: null, prosecdef: false });
    const plan = await asApp<{ 'QUERY PLAN': string }>(
      db.tenantScopedUrl,
      `EXPLAIN SELECT key FROM user_task WHERE tenant_id = 'leipzig' ORDER BY created_at LIMIT 50`,
      [],
      'leipzig',
    );
    expect(plan.map((row) => row['QUERY PLAN']).join('\n')).not.toContain('laufweg_tenant_visible');
  });
});
