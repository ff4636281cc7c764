import type { JsonObject, JsonValue } from '@laufweg/bpmn-model';
import type { Pool } from 'pg';

/**
 * The variables a job sees: those of its element instance and of every enclosing scope, the
 * innermost winning (as in Zeebe). Input mappings put what a connector needs into the element's
 * own scope, so a route can keep a connector's view small.
 */
export async function readVisibleVariables(pool: Pick<Pool, 'query'>, tenantId: string, elementInstanceKey: string): Promise<JsonObject> {
  const { rows } = await pool.query<{ name: string; value: JsonValue; depth: number }>(
    `WITH RECURSIVE chain(key, flow_scope_key, depth) AS (
       SELECT key, flow_scope_key, 0 FROM element_instance WHERE tenant_id = $1 AND key = $2
       UNION ALL
       SELECT e.key, e.flow_scope_key, c.depth + 1 FROM element_instance e JOIN chain c ON e.tenant_id = $1 AND e.key = c.flow_scope_key)
     SELECT v.name, v.value, c.depth FROM chain c JOIN variable v ON v.tenant_id = $1 AND v.scope_key = c.key
      ORDER BY c.depth DESC`,
    [tenantId, elementInstanceKey],
  );
  const variables: Record<string, JsonValue> = {};
  for (const row of rows) variables[row.name] = row.value;
  return variables;
}

/**
 * The variables of the element instance's own scope only: what its input mappings put there.
 * Connectors get these, so a route decides exactly what leaves the engine (data minimisation).
 */
export async function readLocalVariables(pool: Pick<Pool, 'query'>, tenantId: string, elementInstanceKey: string): Promise<JsonObject> {
  const { rows } = await pool.query<{ name: string; value: JsonValue }>('SELECT name, value FROM variable WHERE tenant_id = $1 AND scope_key = $2', [tenantId, elementInstanceKey]);
  return Object.fromEntries(rows.map((row) => [row.name, row.value]));
}

/** readLocalVariables of a job's element instance, found by the job key; `undefined` when the job is gone. */
export async function readJobLocalVariables(pool: Pick<Pool, 'query'>, tenantId: string, jobKey: string): Promise<JsonObject | undefined> {
  const { rows } = await pool.query<{ element_instance_key: string | null; name: string | null; value: JsonValue }>(
    `SELECT j.element_instance_key, v.name, v.value FROM job j
       LEFT JOIN variable v ON v.tenant_id = j.tenant_id AND v.scope_key = j.element_instance_key
      WHERE j.tenant_id = $1 AND j.key = $2 AND j.kind = 'job'`,
    [tenantId, jobKey],
  );
  if (rows.length === 0 || rows[0].element_instance_key === null) return undefined;
  return Object.fromEntries(rows.flatMap((row) => (row.name === null ? [] : [[row.name, row.value]])));
}
