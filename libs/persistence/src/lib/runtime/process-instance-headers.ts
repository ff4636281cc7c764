import type { EngineEvent, ReadonlyEngineState } from '@laufweg/bpmn-engine';
import type { PoolClient } from 'pg';
import type { RootResolver } from './state-diff';

/**
 * Keeps the process_instance rows (what the API searches and what commands lock) in line with
 * the engine's events: a row when a process instance activates, its end status when it completes
 * or is terminated, its definition when it is migrated. Returns the keys of the root instances the events started.
 */
export async function writeProcessInstanceHeaders(
  client: PoolClient,
  tenantId: string,
  before: ReadonlyEngineState,
  events: readonly EngineEvent[],
  rootOf: RootResolver,
  context: { readonly now: Date; readonly businessKey?: string },
): Promise<string[]> {
  const createdRoots: string[] = [];
  const processInstances = new Set(Object.values(before.elementInstances).filter((instance) => instance.elementType === 'process').map((instance) => instance.key));
  for (const event of events) {
    if (event.type === 'ElementActivating' && event.elementType === 'process') {
      processInstances.add(event.key);
      const rootKey = rootOf(event.key);
      const isRoot = rootKey === event.key;
      if (isRoot) createdRoots.push(event.key);
      const inserted = await client.query(
        `INSERT INTO process_instance (tenant_id, key, root_key, process_definition_key, process_id, version, business_key, status, parent_element_instance_key, started_at)
         SELECT $1, $2, $3, d.key, d.process_id, d.version, $5, 'active', $6, $7 FROM process_definition d WHERE d.tenant_id = $1 AND d.key = $4`,
        [tenantId, event.key, rootKey, event.processDefinitionKey, isRoot ? (context.businessKey ?? null) : null, event.parentElementInstanceKey ?? null, context.now],
      );
      if (inserted.rowCount !== 1) throw new Error(`Process definition ${event.processDefinitionKey} is not deployed in tenant ${tenantId}.`);
    } else if ((event.type === 'ElementCompleted' || event.type === 'ElementTerminated') && processInstances.has(event.key)) {
      await client.query(
        `UPDATE process_instance SET status = $3, ended_at = $4 WHERE tenant_id = $1 AND key = $2 AND status = 'active'`,
        [tenantId, event.key, event.type === 'ElementCompleted' ? 'completed' : 'terminated', context.now],
      );
    } else if (event.type === 'ProcessInstanceMigrated') {
      await client.query(
        `UPDATE process_instance p SET process_definition_key = d.key, process_id = d.process_id, version = d.version
           FROM process_definition d WHERE p.tenant_id = $1 AND p.key = $2 AND d.tenant_id = $1 AND d.key = $3`,
        [tenantId, event.processInstanceKey, event.processDefinitionKey],
      );
    }
  }
  return createdRoots;
}
