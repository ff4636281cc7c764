import { runMigrations, systemScopedUrl } from '@laufweg/persistence';
import type { ScenarioEngineFactory } from '@laufweg/scenarios';
import { Pool } from 'pg';
// The CLI runs on the very engine POST /api/v1/scenario-runs uses; it lives in the service, not in a library.
// eslint-disable-next-line no-restricted-imports
import { createPostgresScenarioEngine } from '../../../apps/engine/src/scenario-runs/postgres-scenario-engine';

export interface PostgresScenarioBackend {
  readonly engine: ScenarioEngineFactory;
  close(): Promise<void>;
}

/**
 * The durable runtime as the scenarios' engine: migrations applied to the database at
 * DATABASE_URL (an owner connection), each scenario in its own sandbox tenant that is dropped
 * with all its rows afterwards — nothing of a real tenant is touched.
 */
export async function openPostgresBackend(databaseUrl: string, log: (message: string) => void): Promise<PostgresScenarioBackend> {
  await runMigrations(databaseUrl, log);
  const pool = new Pool({ connectionString: systemScopedUrl(databaseUrl), max: 4, application_name: 'laufweg-scenarios' });
  return { engine: createPostgresScenarioEngine(pool, { ownerPool: pool }), close: () => pool.end() };
}
