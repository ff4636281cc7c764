import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrations } from '@laufweg/migrations';
import { APP_ROLE } from './app-role';

export const MIGRATIONS_TABLE = 'laufweg_migrations';

/** Arbitrary but fixed key of the advisory lock that serialises migration runs. */
const MIGRATION_LOCK_KEY = 7_061_990_421;

/**
 * Applies the pending migrations as the database owner, each in its own transaction. Engine
 * processes starting side by side take turns through an advisory lock, so a migration runs once.
 * Returns the names of the migrations applied by this call.
 */
export async function runMigrations(ownerUrl: string, log: (message: string) => void = () => undefined): Promise<string[]> {
  const lock = new Client({ connectionString: ownerUrl });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const dataSource = new DataSource({
      type: 'postgres',
      url: ownerUrl,
      migrations: [...migrations],
      migrationsTableName: MIGRATIONS_TABLE,
      migrationsTransactionMode: 'each',
      synchronize: false,
      logging: false,
    });
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      for (const migration of applied) log(`migration applied: ${migration.name}`);
      await dataSource.query(`GRANT SELECT ON ${MIGRATIONS_TABLE} TO ${APP_ROLE}`);
      return applied.map((migration) => migration.name);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.end();
  }
}
