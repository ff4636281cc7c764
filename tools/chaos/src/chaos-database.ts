import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { bootstrapDatabase, startEmbeddedPostgres, withDatabase, type PostgresServer } from '@laufweg/persistence';

export interface ChaosDatabase {
  readonly ownerUrl: string;
  readonly appUrl: string;
  dispose(): Promise<void>;
}

const APP_PASSWORD = 'laufweg-chaos-app';

/**
 * A fresh, migrated database for one chaos run: on the server in DATABASE_URL, or on a throwaway
 * embedded cluster. Besides Laufweg's schema it holds `chaos_execution`, where the nodes' job
 * handler records every execution, so that executions beyond the first can be counted.
 */
export async function createChaosDatabase(serverUrl: string | undefined, log: (line: string) => void): Promise<ChaosDatabase> {
  const scratch = await mkdtemp(join(tmpdir(), 'laufweg-chaos-'));
  await chmod(scratch, 0o755);
  let server: PostgresServer | undefined;
  if (!serverUrl) {
    log('starting a throwaway embedded PostgreSQL');
    server = await startEmbeddedPostgres({ dataDir: join(scratch, 'pg'), ownerPassword: 'laufweg-chaos-owner', persistent: false });
  }
  const adminUrl = serverUrl ?? server?.ownerUrl ?? '';
  const name = `laufweg_chaos_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await admin(adminUrl, `CREATE DATABASE ${name}`);
  const ownerUrl = withDatabase(adminUrl, name);
  const runtime = await bootstrapDatabase({ databaseUrl: ownerUrl, appPassword: APP_PASSWORD, dataDir: scratch }, log);
  await admin(ownerUrl, `CREATE TABLE chaos_execution (job_key bigint NOT NULL, element_id text NOT NULL, node text NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp())`);
  await admin(ownerUrl, `GRANT SELECT, INSERT ON chaos_execution TO laufweg_app`);
  return {
    ownerUrl,
    appUrl: runtime.appUrl,
    dispose: async () => {
      await admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await server?.stop();
      await rm(scratch, { recursive: true, force: true });
    },
  };
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
