import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { EngineRuntime } from './engine-runtime';
import { readJobLocalVariables, readLocalVariables, readVisibleVariables } from './job-variables';

const TENANT = 'borna';

describe('the variables a job sees', () => {
  let db: TestDatabase;
  let pool: Pool;
  let runtime: EngineRuntime;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.appUrl, max: 2 });
    await pool.query(`INSERT INTO tenant (id, name) VALUES ($1, 'Stadt Borna'), ('other', 'Andere')`, [TENANT]);
    runtime = new EngineRuntime(pool, { now: () => Date.parse('2026-11-28T09:00:00Z') });
    const deployed = await runtime.deploy({ tenantId: TENANT, resourceName: 'lookup-with-inputs.bpmn', content: readFileSync(join(__dirname, 'fixtures', 'lookup-with-inputs.bpmn'), 'utf8') });
    expect(deployed.ok).toBe(true);
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('gives a connector only the input mappings of its element, not the rest of the case', async () => {
    // given an instance with case data, waiting at a service task whose inputs pick the person
    const applicant = { givenName: 'Erika', familyName: 'Mustermann', birthDate: '1990-04-01', iban: 'DE02120300000000202051' };
    const started = await runtime.startInstance(TENANT, { processId: 'lookup-with-inputs', variables: { applicant, healthData: 'geheim' } });
    if (started.rejected) throw new Error(started.reason);
    const { rows } = await pool.query<{ key: string; element_instance_key: string }>('SELECT key, element_instance_key FROM job WHERE tenant_id = $1 AND process_instance_key = $2', [TENANT, started.createdRoots[0]]);
    const [job] = rows;

    // when the local and the visible variables are read
    const local = await readLocalVariables(pool, TENANT, job.element_instance_key);
    const byJob = await readJobLocalVariables(pool, TENANT, job.key);
    const visible = await readVisibleVariables(pool, TENANT, job.element_instance_key);

    // then the local ones are exactly the mapped person; the visible ones hold the whole case
    expect(local).toEqual({ person: { givenName: 'Erika', familyName: 'Mustermann', birthDate: '1990-04-01' } });
    expect(byJob).toEqual(local);
    expect(visible).toEqual(expect.objectContaining({ applicant, healthData: 'geheim', person: local.person }));
  });

  it('answers undefined for a job that does not exist or belongs to another tenant', async () => {
    const { rows } = await pool.query<{ key: string }>('SELECT key FROM job WHERE tenant_id = $1 LIMIT 1', [TENANT]);
    expect(await readJobLocalVariables(pool, 'other', rows[0].key)).toBeUndefined();
    expect(await readJobLocalVariables(pool, TENANT, '999999999')).toBeUndefined();
  });
});
