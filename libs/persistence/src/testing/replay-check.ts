import { createEmptyState, replayEvents } from '@laufweg/bpmn-engine';
import type { Pool } from 'pg';
import { readEvents } from '../lib/runtime/event-log';
import { loadState } from '../lib/runtime/state-loader';

/**
 * Rebuilds every instance tree of the database from its event log and compares it with the
 * stored rows. Runtime tests call it at the end, so the check covers every instance they create.
 * Returns how many trees were checked; throws naming the first tree that differs.
 */
export async function verifyEveryTreeReplays(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ tenant_id: string; key: string }>('SELECT tenant_id, key FROM process_instance WHERE root_key = key ORDER BY tenant_id, key');
  const client = await pool.connect();
  try {
    for (const root of rows) {
      const stored = await loadState(client, root.tenant_id, { rootKeys: [root.key] });
      const replayed = replayEvents(await readEvents(client, root.tenant_id, root.key), { ...createEmptyState(), processes: stored.processes });
      if (JSON.stringify(sortKeys(replayed)) !== JSON.stringify(sortKeys(stored))) {
        throw new Error(`Instance tree ${root.key} of tenant ${root.tenant_id} differs from the replay of its event log.`);
      }
    }
  } finally {
    client.release();
  }
  return rows.length;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, entry]) => [key, sortKeys(entry)]),
  );
}
