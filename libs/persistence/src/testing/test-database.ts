import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { bootstrapDatabase, type DatabaseRuntime } from '../lib/database/database-bootstrap';
import { withDatabase } from '../lib/database/connection-url';
import { systemScopedUrl } from '../lib/database/tenant-scope';

export interface TestDatabase {
  /** Owner connection to the throwaway database. */
  readonly ownerUrl: string;
  /**
   * Application-role connection as the engine's runtime and background work use it: seeing every
   * tenant (`laufweg.tenants = *`); each command narrows itself to its tenant.
   */
  readonly appUrl: string;
  /** Application-role connection that sees no tenant until a transaction names its tenants (row-level security). */
  readonly tenantScopedUrl: string;
  readonly runtime: DatabaseRuntime;
  /** Drops the database. */
  drop(): Promise<void>;
}

/** Password of the application role in tests; the role is cluster-wide, so all tests share it. */
export const TEST_APP_PASSWORD = 'laufweg-test-app';

/**
 * A fresh, migrated database on the test server (DATABASE_URL, which Jest's global setup points
 * at an embedded cluster when the developer set none). One per test file, dropped afterwards.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env['DATABASE_URL'];
  if (!serverUrl) {
    throw new Error('DATABASE_URL is not set: run database tests through `npm test`, whose global setup provides PostgreSQL.');
  }
  const name = `laufweg_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const ownerUrl = withDatabase(serverUrl, name);
  const dataDir = await mkdtemp(join(tmpdir(), 'laufweg-test-'));
  const runtime = await bootstrapDatabase({ databaseUrl: ownerUrl, appPassword: TEST_APP_PASSWORD, dataDir }, () => undefined);
  return {
    ownerUrl,
    appUrl: systemScopedUrl(runtime.appUrl),
    tenantScopedUrl: runtime.appUrl,
    runtime,
    drop: async () => {
      // Pools closed just before may still be saying goodbye; terminating them then surfaces as
      // "terminating connection due to administrator command" in a suite whose tests passed.
      await waitForConnectionsToClose(serverUrl, name, 2_000);
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitForConnectionsToClose(serverUrl: string, database: string, timeoutMs: number): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [database]);
      if (rows[0]?.n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await client.end();
  }
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
