import type { Pool } from 'pg';
import { isKey } from './engine-runtime';

/**
 * The tenant of an open job (not a timer), found by its key alone: keys come from one sequence,
 * so they are unique across tenants. For the external worker API, whose workers name jobs by key.
 * Undefined when no open job has this key.
 */
export async function findJobTenant(pool: Pick<Pool, 'query'>, jobKey: string): Promise<string | undefined> {
  if (!isKey(jobKey)) return undefined;
  const { rows } = await pool.query<{ tenant_id: string }>(`SELECT tenant_id FROM job WHERE key = $1 AND kind = 'job'`, [jobKey]);
  return rows[0]?.tenant_id;
}
