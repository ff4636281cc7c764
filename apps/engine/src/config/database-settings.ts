import type { DatabaseSettings } from '@laufweg/persistence';
import type { EngineConfig } from './engine-config';

/** The part of the configuration that decides where the database is and how to log in. */
export function databaseSettings(config: EngineConfig): DatabaseSettings {
  return {
    dataDir: config.dataDir,
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
    ...(config.appDatabaseUrl ? { appDatabaseUrl: config.appDatabaseUrl } : {}),
    ...(config.appDatabasePassword ? { appPassword: config.appDatabasePassword } : {}),
    ...(config.embeddedPostgresPort ? { embeddedPort: config.embeddedPostgresPort } : {}),
  };
}
