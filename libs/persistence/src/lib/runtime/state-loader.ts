import { createEmptyState, type EngineState } from '@laufweg/bpmn-engine';
import type { PoolClient } from 'pg';
import { STATE_TABLES, type StateTable } from './state-tables';

/** Which rows a command needs in its state. */
export interface StateSelection {
  /** Every record of these instance trees. */
  readonly rootKeys?: readonly string[];
  /** Definition-level records (timer start events, signal start subscriptions) of these process definitions. */
  readonly definitionKeys?: readonly string[];
  /** Buffered messages by key, e.g. those a new subscription may consume. */
  readonly messageKeys?: readonly string[];
}

type Row = { key: string; record: unknown };

/**
 * Loads the engine state a command runs on: the deployed processes of the tenant (latest version
 * per process id) and the selected records. Rows come ordered by key, the order they were
 * created in, so the engine sees them as it left them.
 */
export async function loadState(client: PoolClient, tenantId: string, selection: StateSelection): Promise<EngineState> {
  const state = createEmptyState();
  const processes = await client.query<{ key: string; process_id: string; version: number }>(
    `SELECT DISTINCT ON (process_id) key, process_id, version FROM process_definition
      WHERE tenant_id = $1 ORDER BY process_id, version DESC`,
    [tenantId],
  );
  for (const row of processes.rows) {
    state.processes[row.process_id] = { processDefinitionKey: row.key, processId: row.process_id, version: row.version };
  }
  const rootKeys = selection.rootKeys ?? [];
  for (const entry of STATE_TABLES as readonly StateTable[]) {
    const target = state[entry.map] as Record<string, unknown>;
    const put = (rows: readonly Row[]): void => rows.forEach((row) => (target[row.key] = row.record));
    const kind = entry.kind ?? (entry.table === 'job' ? (entry.map === 'timers' ? 'timer' : 'job') : undefined);
    const kindFilter = kind ? ` AND kind = '${kind}'` : '';
    if (entry.map === 'messages') {
      if (selection.messageKeys?.length) {
        put((await client.query<Row>(`SELECT key, record FROM buffered_message WHERE tenant_id = $1 AND key = ANY($2::bigint[]) ORDER BY key`, [tenantId, selection.messageKeys])).rows);
      }
      continue;
    }
    if (rootKeys.length > 0) {
      put((await client.query<Row>(`SELECT key, record FROM ${entry.table} WHERE tenant_id = $1 AND root_key = ANY($2::bigint[])${kindFilter} ORDER BY key`, [tenantId, rootKeys])).rows);
    }
    if (selection.definitionKeys?.length && (entry.map === 'timers' || entry.map === 'signalSubscriptions')) {
      put(
        (
          await client.query<Row>(
            `SELECT key, record FROM ${entry.table} WHERE tenant_id = $1 AND root_key IS NULL${kindFilter}
                AND (record ->> 'processDefinitionKey') = ANY($2::text[]) ORDER BY key`,
            [tenantId, selection.definitionKeys],
          )
        ).rows,
      );
    }
  }
  if (rootKeys.length > 0) {
    const { rows } = await client.query<{ scope_key: string; name: string; value: EngineState['variables'][string][string] }>(
      `SELECT scope_key, name, value FROM variable WHERE tenant_id = $1 AND root_key = ANY($2::bigint[]) ORDER BY scope_key, name`,
      [tenantId, rootKeys],
    );
    for (const row of rows) (state.variables[row.scope_key] ??= {})[row.name] = row.value;
  }
  return state;
}
