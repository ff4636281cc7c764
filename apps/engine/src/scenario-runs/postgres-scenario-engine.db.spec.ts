import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { germanBusinessCalendar } from '@laufweg/bpmn-engine';
import { EngineRuntime } from '@laufweg/persistence';
import { createTestDatabase, type TestDatabase } from '@laufweg/persistence/testing';
import { runScenarioFiles, type ScenarioEngineFactory } from '@laufweg/scenarios';
import { createPostgresScenarioEngine, PostgresScenarioEngine } from './postgres-scenario-engine';

const EXAMPLES = join(__dirname, '..', '..', '..', '..', 'libs', 'scenarios', 'examples');
const ROUTE = readFileSync(join(__dirname, '..', '..', '..', '..', 'libs', 'scenarios', 'src', 'lib', 'fixtures', 'geburtsurkunde.bpmn'), 'utf8');
const FILES = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => join(EXAMPLES, name));

describe('scenarios on the durable runtime in a sandbox tenant', () => {
  let db: TestDatabase;
  let app: Pool;
  let owner: Pool;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = new Pool({ connectionString: db.appUrl, max: 4 });
    owner = new Pool({ connectionString: db.ownerUrl, max: 2 });
    await owner.query(`INSERT INTO tenant (id, name) VALUES ('leipzig', 'Stadt Leipzig')`);
  });
  afterAll(async () => {
    await app.end();
    await owner.end();
    await db.drop();
  });

  /** Every row of every table with a tenant column (and the tenant register), as text per table. */
  async function snapshot(): Promise<Record<string, string[]>> {
    const { rows: tables } = await owner.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id' ORDER BY table_name`,
    );
    const result: Record<string, string[]> = {};
    for (const { table_name: table } of [...tables, { table_name: 'tenant' }]) {
      const { rows } = await owner.query<{ row: string }>(`SELECT t::text AS row FROM ${table} t ORDER BY 1`);
      result[table] = rows.map((row) => row.row);
    }
    return result;
  }

  it('given the example scenarios, when they run on PostgreSQL, then pass/fail, path, visits, flows, produced and coverage equal the harness, and no sandbox row remains', async () => {
    // given a real tenant with a running instance next to the sandbox
    const real = new EngineRuntime(app, { now: () => Date.parse('2026-03-02T08:00:00Z') });
    const deployed = await real.deploy({ tenantId: 'leipzig', resourceName: 'geburtsurkunde.bpmn', content: ROUTE });
    if (!deployed.ok) throw new Error('the fixture does not deploy');
    const started = await real.startInstance('leipzig', { processId: 'geburtsurkunde', variables: { antragId: 'GU-1' } });
    expect(started.rejected).toBe(false);
    const before = await snapshot();

    // when the examples run on both engines
    const harness = await runScenarioFiles(FILES);
    const sandboxes: string[] = [];
    const factory = createPostgresScenarioEngine(app, { ownerPool: owner });
    const tracking: ScenarioEngineFactory = async (setup) => {
      const engine = await factory(setup);
      if (engine instanceof PostgresScenarioEngine) sandboxes.push(engine.tenantId);
      return engine;
    };
    const postgres = await runScenarioFiles(FILES, { engine: tracking });

    // then the results are the same
    expect(harness.results.every((result) => result.passed)).toBe(true);
    const outcome = (report: typeof harness): unknown =>
      report.results.map(({ file, passed, path, visits, flowsTaken, produced, failures }) => ({ file, passed, path, visits, flowsTaken, produced, failures }));
    expect(outcome(postgres)).toEqual(outcome(harness));
    expect(postgres.routes).toEqual(harness.routes);
    expect(sandboxes).toHaveLength(FILES.length);

    // and no row of any sandbox remains, and no other row changed
    const after = await snapshot();
    expect(Object.values(after).flat().filter((row) => row.includes('sandbox-'))).toEqual([]);
    expect(after).toEqual(before);
  });

  it('given only the application role, when a sandbox closes, then the runtime rows go and what the role may not delete is named', async () => {
    const engine = await createPostgresScenarioEngine(app)({
      bpmnXml: ROUTE,
      definitions: { processes: [] } as never,
      tenant: 'sandbox',
      startTime: Date.parse('2026-03-02T08:00:00Z'),
      calendar: germanBusinessCalendar({ land: 'BY' }),
    });
    if (!(engine instanceof PostgresScenarioEngine)) throw new Error('not a postgres engine');
    const land = await owner.query<{ land: string }>('SELECT land FROM tenant WHERE id = $1', [engine.tenantId]);
    expect(land.rows).toEqual([{ land: 'BY' }]);
    await engine.close();
    expect(engine.remaining).toEqual(expect.arrayContaining(['tenant', 'deployment', 'instance_event']));
    const left = await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM job WHERE tenant_id = $1`, [engine.tenantId]);
    expect(left.rows[0]?.n).toBe(0);
  });
});
