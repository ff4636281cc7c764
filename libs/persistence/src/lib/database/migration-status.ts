import type { DataSource } from 'typeorm';
import { migrationNames } from '@laufweg/migrations';
import { MIGRATIONS_TABLE } from './migration-runner';

export interface MigrationStatus {
  readonly applied: readonly string[];
  readonly pending: readonly string[];
}

/** Which of the known migrations the connected database has applied. */
export async function readMigrationStatus(dataSource: DataSource): Promise<MigrationStatus> {
  const rows: { name: string }[] = await dataSource.query(`SELECT name FROM ${MIGRATIONS_TABLE}`);
  const applied = new Set(rows.map((row) => row.name));
  return {
    applied: migrationNames.filter((name) => applied.has(name)),
    pending: migrationNames.filter((name) => !applied.has(name)),
  };
}
