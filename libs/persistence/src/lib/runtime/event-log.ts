import type { EngineEvent } from '@laufweg/bpmn-engine';
import type { PoolClient } from 'pg';

/*
 * A command's events are appended to its tree's log by writeCommand (state-writer.ts), in the
 * statement that writes its rows, after the position the locked root row records (its revision).
 * The log is append-only: the application role may not update or delete it.
 */

/** The event log of one instance tree, in order. */
export async function readEvents(client: Pick<PoolClient, 'query'>, tenantId: string, rootKey: string): Promise<EngineEvent[]> {
  const { rows } = await client.query<{ payload: EngineEvent }>(
    'SELECT payload FROM instance_event WHERE tenant_id = $1 AND root_key = $2 ORDER BY position',
    [tenantId, rootKey],
  );
  return rows.map((row) => row.payload);
}
