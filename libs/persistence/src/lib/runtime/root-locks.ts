import type { PoolClient } from 'pg';

/** The instance tree named by a command does not exist (in this tenant). */
export class InstanceNotFoundError extends Error {}

/** A record whose tree a command acts on, found in the statement that locks the tree's root. */
export interface RecordOfTree {
  readonly table: 'job' | 'user_task' | 'incident' | 'process_instance';
  readonly key: string;
  /** Makes the error thrown when the record does not exist. */
  readonly missing: () => Error;
}

/** Locks the roots (in the given order; sort them) and returns their revisions; a missing one throws unless allowed. */
export async function lockRoots(client: PoolClient, tenantId: string, rootKeys: readonly string[], options: { readonly allowMissing?: boolean } = {}): Promise<Map<string, number>> {
  if (rootKeys.length === 0) return new Map();
  const { rows } = await client.query<{ key: string; revision: string }>({
    name: 'laufweg.lock-roots',
    text: 'SELECT key, revision FROM process_instance WHERE tenant_id = $1 AND key = ANY($2::bigint[]) AND root_key = key ORDER BY key FOR UPDATE',
    values: [tenantId, rootKeys],
  });
  const revisions = new Map(rows.map((row) => [row.key, Number(row.revision)]));
  const missing = rootKeys.filter((key) => !revisions.has(key));
  if (missing.length > 0 && options.allowMissing !== true) throw new InstanceNotFoundError(`Process instance ${missing.join(', ')} does not exist.`);
  return revisions;
}

/** Locks the root of the tree a record belongs to, looking the root up in the same statement. */
export async function lockRootOf(client: PoolClient, tenantId: string, record: RecordOfTree): Promise<Map<string, number>> {
  const { rows } = await client.query<{ key: string; revision: string }>({
    name: `laufweg.lock-root-of-${record.table}`,
    text: `SELECT p.key, p.revision FROM process_instance p
            WHERE p.tenant_id = $1 AND p.key = (SELECT r.root_key FROM ${record.table} r WHERE r.tenant_id = $1 AND r.key = $2) AND p.root_key = p.key
            FOR UPDATE OF p`,
    values: [tenantId, record.key],
  });
  if (rows.length === 1) return new Map([[rows[0].key, Number(rows[0].revision)]]);
  // Rare: which is gone, the record or its tree's root?
  const found = await client.query<{ root_key: string }>(`SELECT root_key FROM ${record.table} WHERE tenant_id = $1 AND key = $2`, [tenantId, record.key]);
  if (found.rows.length === 0) throw record.missing();
  throw new InstanceNotFoundError(`Process instance ${found.rows[0].root_key} does not exist.`);
}

/** Distinct keys in numeric order: the order locks are taken in, so lockers never wait in a cycle. */
export function sortKeys(keys: readonly string[]): string[] {
  return [...new Set(keys)].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0));
}
