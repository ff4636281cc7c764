import { bootstrapDatabase } from '@laufweg/persistence';
import { databaseSettings } from './config/database-settings';
import { ConfigError, loadEngineConfig } from './config/engine-config';

/** `npm run migrate`: apply pending migrations (embedded or DATABASE_URL) and exit. */
async function migrate(): Promise<void> {
  const config = loadEngineConfig(process.env, { purpose: 'migrate' });
  const database = await bootstrapDatabase(
    databaseSettings(config),
    (message) => process.stdout.write(`${message}\n`),
  );
  await database.stop();
  process.stdout.write('database is up to date\n');
}

migrate().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `Migration failed: ${error instanceof Error ? error.message : String(error)}`}\n`);
  process.exit(1);
});
