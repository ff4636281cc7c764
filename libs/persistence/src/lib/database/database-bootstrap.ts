import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { APP_ROLE, enableAppRoleLogin } from './app-role';
import { withCredentials, withDatabase } from './connection-url';
import { startEmbeddedPostgres } from './embedded-postgres-server';
import { ensureDatabase } from './ensure-database';
import { runMigrations } from './migration-runner';
import { externalPostgres, type PostgresServer } from './postgres-server';
import { readOrCreateSecret } from './secret-file';

export interface DatabaseSettings {
  /** Owner connection to an existing server; unset means embedded PostgreSQL under dataDir. */
  readonly databaseUrl?: string;
  /** The application's own connection, for operators who manage the role themselves. */
  readonly appDatabaseUrl?: string;
  /** Password Laufweg gives the application role when it manages it (else a generated one). */
  readonly appPassword?: string;
  /** Local data: the embedded cluster and generated secrets. */
  readonly dataDir: string;
  /** Port of the embedded cluster; a free one when unset. */
  readonly embeddedPort?: number;
}

export interface DatabaseRuntime {
  readonly server: PostgresServer;
  /** Where the service connects, as the unprivileged application role. */
  readonly appUrl: string;
  /** Stops the embedded cluster, if any. */
  stop(): Promise<void>;
}

export type DatabaseLog = (message: string) => void;

const EMBEDDED_DATABASE = 'laufweg';

/**
 * Brings the database to a state the service can run on: server reachable (started if
 * embedded), migrations applied as the owner, and the URL of the application role to use.
 */
export async function bootstrapDatabase(settings: DatabaseSettings, log: DatabaseLog): Promise<DatabaseRuntime> {
  const server = settings.databaseUrl
    ? externalPostgres(settings.databaseUrl)
    : await startEmbeddedServer(settings, log);
  try {
    const ownerUrl = server.embedded ? withDatabase(server.ownerUrl, EMBEDDED_DATABASE) : server.ownerUrl;
    if (server.embedded) await ensureDatabase(ownerUrl);
    await runMigrations(ownerUrl, log);
    const appUrl = settings.appDatabaseUrl ?? (await manageAppRole(ownerUrl, settings));
    return { server, appUrl, stop: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function startEmbeddedServer(settings: DatabaseSettings, log: DatabaseLog): Promise<PostgresServer> {
  const dataDir = join(settings.dataDir, 'postgres');
  // Created readable first: PostgreSQL runs as another user when we are root and must reach it.
  await mkdir(settings.dataDir, { recursive: true, mode: 0o755 });
  log(`starting embedded PostgreSQL in ${dataDir}`);
  const ownerPassword = await readOrCreateSecret(join(settings.dataDir, 'secrets', 'postgres-owner-password'));
  const server = await startEmbeddedPostgres({
    dataDir,
    ownerPassword,
    persistent: true,
    ...(settings.embeddedPort === undefined ? {} : { port: settings.embeddedPort }),
  });
  log(`embedded PostgreSQL ready at ${new URL(server.ownerUrl).host}`);
  return server;
}

async function manageAppRole(ownerUrl: string, settings: DatabaseSettings): Promise<string> {
  const password = settings.appPassword ?? (await readOrCreateSecret(join(settings.dataDir, 'secrets', 'db-app-password')));
  await enableAppRoleLogin(ownerUrl, password);
  return withCredentials(ownerUrl, APP_ROLE, password);
}
