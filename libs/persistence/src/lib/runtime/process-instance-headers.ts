import type { EngineEvent, ReadonlyEngineState } from '@laufweg/bpmn-engine';
import type { PoolClient } from 'pg';
import type { RootResolver } from './state-diff';

/** A process_instance row a command creates, with the status it ends the command in. */
export interface CreatedProcessInstance {
  readonly key: string;
  readonly rootKey: string;
  readonly processDefinitionKey: string;
  readonly businessKey: string | null;
  readonly parentElementInstanceKey: string | null;
  readonly status: ProcessInstanceStatus;
}

export type ProcessInstanceStatus = 'active' | 'completed' | 'terminated';

/**
 * How a command changes the process_instance rows (what the API searches and what commands
 * lock), derived from its events: a row when a process instance activates, its end status when
 * it completes or is terminated, its definition when it is migrated.
 */
export interface ProcessInstanceHeaders {
  /** Keys of the root instances the events started, in order. */
  readonly createdRoots: readonly string[];
  /** Rows to insert; an instance that started and ended within the command is inserted ended. */
  readonly created: readonly CreatedProcessInstance[];
  /** Existing instances that ended: the first end event counts, and only while the row is active. */
  readonly ended: ReadonlyMap<string, Exclude<ProcessInstanceStatus, 'active'>>;
  /** Existing instances moved to another process definition. */
  readonly migrated: readonly { readonly processInstanceKey: string; readonly processDefinitionKey: string }[];
}

export function planProcessInstanceHeaders(
  before: ReadonlyEngineState,
  events: readonly EngineEvent[],
  rootOf: RootResolver,
  context: { readonly businessKey?: string },
): ProcessInstanceHeaders {
  const createdRoots: string[] = [];
  const created = new Map<string, CreatedProcessInstance>();
  const ended = new Map<string, Exclude<ProcessInstanceStatus, 'active'>>();
  const migrated: { processInstanceKey: string; processDefinitionKey: string }[] = [];
  const existing = new Set(Object.values(before.elementInstances).filter((instance) => instance.elementType === 'process').map((instance) => instance.key));
  for (const event of events) {
    if (event.type === 'ElementActivating' && event.elementType === 'process') {
      const rootKey = rootOf(event.key);
      const isRoot = rootKey === event.key;
      if (isRoot) createdRoots.push(event.key);
      created.set(event.key, {
        key: event.key,
        rootKey,
        processDefinitionKey: event.processDefinitionKey,
        businessKey: isRoot ? (context.businessKey ?? null) : null,
        parentElementInstanceKey: event.parentElementInstanceKey ?? null,
        status: 'active',
      });
    } else if (event.type === 'ElementCompleted' || event.type === 'ElementTerminated') {
      const status = event.type === 'ElementCompleted' ? 'completed' : 'terminated';
      const row = created.get(event.key);
      if (row) {
        if (row.status === 'active') created.set(event.key, { ...row, status });
      } else if (existing.has(event.key) && !ended.has(event.key)) {
        ended.set(event.key, status);
      }
    } else if (event.type === 'ProcessInstanceMigrated') {
      migrated.push({ processInstanceKey: event.processInstanceKey, processDefinitionKey: event.processDefinitionKey });
    }
  }
  return { createdRoots, created: [...created.values()], ended, migrated };
}

/** Moves migrated instances to their new definition (rare: a statement of its own, before the command's write). */
export async function writeMigrations(client: PoolClient, tenantId: string, migrated: ProcessInstanceHeaders['migrated']): Promise<void> {
  for (const { processInstanceKey, processDefinitionKey } of migrated) {
    await client.query(
      `UPDATE process_instance p SET process_definition_key = d.key, process_id = d.process_id, version = d.version
         FROM process_definition d WHERE p.tenant_id = $1 AND p.key = $2 AND d.tenant_id = $1 AND d.key = $3`,
      [tenantId, processInstanceKey, processDefinitionKey],
    );
  }
}
