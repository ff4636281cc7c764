import { adminQuery, createThrowawayDatabase, type ThrowawayDatabase } from '../../shared/src/throwaway-database';

export type ChaosDatabase = ThrowawayDatabase;

/**
 * A fresh, migrated database for one chaos run: on the server in DATABASE_URL, or on a throwaway
 * embedded cluster. Besides Laufweg's schema it holds `chaos_execution`, where the nodes' job
 * handler records every execution, so that executions beyond the first can be counted.
 */
export async function createChaosDatabase(serverUrl: string | undefined, log: (line: string) => void): Promise<ChaosDatabase> {
  const database = await createThrowawayDatabase({ serverUrl, prefix: 'laufweg_chaos_', log });
  try {
    await adminQuery(database.ownerUrl, `CREATE TABLE chaos_execution (job_key bigint NOT NULL, element_id text NOT NULL, node text NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp())`);
    await adminQuery(database.ownerUrl, `GRANT SELECT, INSERT ON chaos_execution TO laufweg_app`);
  } catch (error) {
    await database.dispose();
    throw error;
  }
  return database;
}
