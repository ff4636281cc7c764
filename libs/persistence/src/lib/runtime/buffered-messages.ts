import { processCommand, type BufferedMessageRecord, type EngineEvent, type EnginePorts, type EngineState } from '@laufweg/bpmn-engine';
import type { PoolClient } from 'pg';

/**
 * A message published before anyone waited for it is buffered with a time to live; when a
 * command opens a subscription it matches, the message is correlated in the same transaction
 * and leaves the buffer (it is consumed once). `taken` holds the messages earlier commands of
 * the same transaction consumed (its own row locks do not skip them); it is added to.
 */
export async function consumeBufferedMessages(
  client: PoolClient,
  tenantId: string,
  state: EngineState,
  events: readonly EngineEvent[],
  ports: EnginePorts,
  taken = new Set<string>(),
): Promise<{ state: EngineState; events: readonly EngineEvent[]; consumed: readonly BufferedMessageRecord[] }> {
  const opened = events.flatMap((event) => (event.type === 'MessageSubscriptionCreated' ? [event.subscription] : []));
  if (opened.length === 0) return { state, events, consumed: [] };
  const { rows } = await client.query<{ key: string; record: BufferedMessageRecord }>(
    `SELECT key, record FROM buffered_message
      WHERE tenant_id = $1 AND expires_at > $2 AND (name, correlation_key) IN (SELECT * FROM unnest($3::text[], $4::text[]))
      ORDER BY key FOR UPDATE SKIP LOCKED`,
    [tenantId, new Date(ports.clock.now()), opened.map((subscription) => subscription.messageName), opened.map((subscription) => subscription.correlationKey)],
  );
  const fresh = rows.filter((row) => !taken.has(row.key));
  for (const row of fresh) taken.add(row.key);
  let current = state;
  const all = [...events];
  for (const { record } of fresh) {
    current = { ...current, messages: { ...current.messages, [record.key]: record } };
    for (const command of [
      { type: 'CorrelateMessage', name: record.name, correlationKey: record.correlationKey, variables: record.variables } as const,
      { type: 'ExpireMessage', messageKey: record.key } as const,
    ]) {
      const followUp = processCommand(current, command, ports);
      if (followUp.rejected) throw new Error(`Correlating buffered message ${record.key} was refused: ${followUp.reason}`);
      current = followUp.state;
      all.push(...followUp.events);
    }
  }
  return { state: current, events: all, consumed: fresh.map((row) => row.record) };
}
