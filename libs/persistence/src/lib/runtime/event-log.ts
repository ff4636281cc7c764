import type { EngineEvent } from '@laufweg/bpmn-engine';
import type { PoolClient } from 'pg';

/**
 * Appends a command's events to the log of its instance tree, after the position the locked
 * root row records (its revision), and moves that position on. The log is append-only: the
 * application role may not update or delete it.
 */
export async function appendEvents(client: PoolClient, tenantId: string, rootKey: string, revision: number, events: readonly EngineEvent[]): Promise<void> {
  // One round trip: the append and the move of the tree's position (a prepared statement).
  await client.query({
    name: 'laufweg.append-events',
    text: `WITH appended AS (
       INSERT INTO instance_event (tenant_id, root_key, position, process_instance_key, type, v, payload)
       SELECT $1, $2, $3::int + ordinality::int, process_instance_key, type, v, payload
         FROM unnest($4::bigint[], $5::text[], $6::smallint[], $7::jsonb[]) WITH ORDINALITY AS e(process_instance_key, type, v, payload, ordinality)
       RETURNING 1)
     UPDATE process_instance SET revision = revision + (SELECT count(*) FROM appended) WHERE tenant_id = $1 AND key = $2`,
    values: [
      tenantId,
      rootKey,
      revision,
      events.map((event) => ('processInstanceKey' in event && typeof event.processInstanceKey === 'string' ? event.processInstanceKey : null)),
      events.map((event) => event.type),
      events.map((event) => event.v),
      events.map((event) => JSON.stringify(event)),
    ],
  });
}

/** The event log of one instance tree, in order. */
export async function readEvents(client: Pick<PoolClient, 'query'>, tenantId: string, rootKey: string): Promise<EngineEvent[]> {
  const { rows } = await client.query<{ payload: EngineEvent }>(
    'SELECT payload FROM instance_event WHERE tenant_id = $1 AND root_key = $2 ORDER BY position',
    [tenantId, rootKey],
  );
  return rows.map((row) => row.payload);
}
