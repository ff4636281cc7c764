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
