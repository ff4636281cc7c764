import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Pool } from 'pg';
import { appendAuditEntry } from '@laufweg/persistence';
import { createTestDatabase, type TestDatabase } from '@laufweg/persistence/testing';

const execFileAsync = promisify(execFile);
const root = join(__dirname, '..', '..');

async function verify(databaseUrl: string, ...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await execFileAsync(process.execPath, ['-r', join(root, 'tools', 'scripts', 'register-ts.js'), join(__dirname, 'verify-audit.ts'), ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      timeout: 60_000,
    });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '' };
  }
}

describe('npm run audit:verify', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    const pool = new Pool({ connectionString: db.appUrl, max: 2 });
    await pool.query(`INSERT INTO tenant (id, name) VALUES ('meissen', 'Stadt Meißen'), ('pirna', 'Stadt Pirna')`);
    for (const tenantId of ['meissen', 'pirna']) {
      for (let index = 1; index <= 4; index++) {
        await appendAuditEntry(pool, tenantId, { at: new Date(), actor: 'ada', role: 'admin', action: `POST /step/${index}`, targetKind: null, targetKey: null, requestId: `r-${index}`, details: {} });
      }
    }
    await pool.end();
  });
  afterAll(async () => db.drop());

  it('reports every chain intact, then the first broken link of a tampered one', async () => {
    // given intact chains, the tool checks all of them
    const intact = await verify(db.ownerUrl, '--json');
    expect(intact.code).toBe(0);
    expect(JSON.parse(intact.stdout)).toEqual({
      ok: true,
      chains: [
        { tenantId: 'meissen', headSeq: 4, ok: true, entries: 4 },
        { tenantId: 'pirna', headSeq: 4, ok: true, entries: 4 },
      ],
    });
    // when the owner deletes an entry of one tenant
    const owner = new Pool({ connectionString: db.ownerUrl, max: 1 });
    await owner.query(`DELETE FROM audit_entry WHERE tenant_id = 'pirna' AND seq = 2`);
    await owner.end();
    // then the tool names it and exits with 1, also for that tenant alone and as text
    const broken = await verify(db.ownerUrl, '--tenant', 'pirna', '--json');
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toEqual({ ok: false, chains: [expect.objectContaining({ tenantId: 'pirna', ok: false, firstBrokenSeq: 2 })] });
    const text = await verify(db.ownerUrl);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('ok      meissen: 4 entries');
    expect(text.stdout).toContain('BROKEN  pirna: first broken seq 2 — entry 2 is missing: the next stored entry is 3');
  });
});
