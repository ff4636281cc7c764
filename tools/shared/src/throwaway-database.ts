import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { bootstrapDatabase, startEmbeddedPostgres, systemScopedUrl, withDatabase, type PostgresServer } from '@laufweg/persistence';
import { TEST_APP_PASSWORD } from '@laufweg/persistence/testing';

/** A fresh, migrated database for one run of a tool, dropped by dispose(). */
export interface ThrowawayDatabase {
  /** Owner connection (runs the migrations; may create tables of the tool's own). */
  readonly ownerUrl: string;
  /**
   * The application role's connection as the engine's runtime and background work use it: it
   * sees every tenant (`laufweg.tenants = *`), and each command narrows itself to its tenant.
   */
  readonly appUrl: string;
  /** The application role's connection that sees no tenant until a transaction names one (row-level security), as request reads use it. */
  readonly tenantScopedUrl: string;
  /** True when no server was given and a throwaway embedded cluster was started. */
  readonly embedded: boolean;
  dispose(): Promise<void>;
}

export interface ThrowawayDatabaseOptions {
  /** A server's owner URL (DATABASE_URL); unset: a throwaway embedded cluster. */
  readonly serverUrl: string | undefined;
  /** Database name prefix; a random suffix follows (`laufweg_bench_1a2b...`). */
  readonly prefix: string;
  readonly log: (line: string) => void;
}

/**
 * Creates `<prefix><random>` on the server in `serverUrl`, or on an embedded cluster started for
 * this run, and migrates it as the runtime does (bootstrapDatabase). The application role is
 * cluster-wide, so its password is the one the test suite uses (or DATABASE_APP_PASSWORD): a tool
 * run beside `npm test` on the same server must not lock the tests out by changing it.
 */
export async function createThrowawayDatabase(options: ThrowawayDatabaseOptions): Promise<ThrowawayDatabase> {
  const { serverUrl, prefix, log } = options;
  const scratch = await mkdtemp(join(tmpdir(), `${prefix.replace(/_/g, '-')}`));
  // Under root PostgreSQL runs as `postgres` and must reach the embedded cluster's data.
  await chmod(scratch, 0o755);
  let server: PostgresServer | undefined;
  let created: { adminUrl: string; name: string } | undefined;
  try {
    if (!serverUrl) {
      log('starting a throwaway embedded PostgreSQL');
      server = await startEmbeddedPostgres({ dataDir: join(scratch, 'pg'), ownerPassword: `${prefix}owner`, persistent: false });
    }
    const adminUrl = serverUrl ?? server?.ownerUrl ?? '';
    const name = `${prefix}${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
    created = { adminUrl, name };
    const ownerUrl = withDatabase(adminUrl, name);
    const appPassword = process.env['DATABASE_APP_PASSWORD'] ?? TEST_APP_PASSWORD;
    const runtime = await bootstrapDatabase({ databaseUrl: ownerUrl, appPassword, dataDir: scratch }, log);
    const embeddedServer = server;
    return {
      ownerUrl,
      appUrl: systemScopedUrl(runtime.appUrl),
      tenantScopedUrl: runtime.appUrl,
      embedded: embeddedServer !== undefined,
      dispose: async () => {
        await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await embeddedServer?.stop();
        await rm(scratch, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (created) await adminQuery(created.adminUrl, `DROP DATABASE IF EXISTS ${created.name} WITH (FORCE)`).catch(() => undefined);
    await server?.stop();
    await rm(scratch, { recursive: true, force: true });
    throw error;
  }
}

/** Runs one statement on its own connection (CREATE / DROP DATABASE cannot run in a pool's transaction). */
export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
