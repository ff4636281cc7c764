import { chmod, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { bootstrapDatabase } from './database-bootstrap';
import { systemScopedUrl } from './tenant-scope';

describe('embedded PostgreSQL in local mode', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'laufweg-local-'));
    await chmod(dataDir, 0o755);
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps data across restarts and keeps the generated secrets private', async () => {
    // given a first start that writes a tenant
    const first = await bootstrapDatabase({ dataDir }, () => undefined);
    const client = new Client({ connectionString: systemScopedUrl(first.appUrl) });
    await client.connect();
    await client.query(`INSERT INTO tenant (id, name) VALUES ('dresden', 'Landeshauptstadt Dresden')`);
    await client.end();
    await first.stop();

    // when the service starts again on the same data directory
    const second = await bootstrapDatabase({ dataDir }, () => undefined);
    try {
      const again = new Client({ connectionString: systemScopedUrl(second.appUrl) });
      await again.connect();
      const { rows } = await again.query('SELECT id FROM tenant');
      await again.end();
      // then the data is still there
      expect(rows).toEqual([{ id: 'dresden' }]);
    } finally {
      await second.stop();
    }
    const secret = await stat(join(dataDir, 'secrets', 'db-app-password'));
    expect(secret.mode & 0o077).toBe(0);
  });
});
