import type { Pool, PoolClient } from 'pg';
import type { AuditDetails, AuditEntry } from './audit-entry';
import { type ChainVerification, ChainVerifier } from './verify-chain';

type Queryable = Pick<PoolClient, 'query'>;

interface AuditEntryRow {
  tenant_id: string;
  seq: string;
  at: Date;
  actor: string;
  role: string | null;
  action: string;
  target_kind: string | null;
  target_key: string | null;
  request_id: string | null;
  details: AuditDetails;
  prev_hash: string;
  hash: string;
}

const COLUMNS = 'tenant_id, seq, at, actor, role, action, target_kind, target_key, request_id, details, prev_hash, hash';

function toEntry(row: AuditEntryRow): AuditEntry {
  return {
    tenantId: row.tenant_id,
    seq: Number(row.seq),
    at: row.at.toISOString(),
    actor: row.actor,
    role: row.role,
    action: row.action,
    targetKind: row.target_kind,
    targetKey: row.target_key,
    requestId: row.request_id,
    details: row.details,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** A search in one tenant's audit log. */
export interface AuditQuery {
  readonly targetKind?: string;
  readonly targetKey?: string;
  readonly action?: string;
  readonly actor?: string;
  /** Entries at or after this time. */
  readonly from?: Date;
  /** Entries before this time. */
  readonly to?: Date;
  /** Paging: entries after this seq (the previous page's `nextAfterSeq`). */
  readonly afterSeq?: number;
  readonly limit: number;
}

export interface AuditPage {
  readonly items: readonly AuditEntry[];
  /** Pass as `afterSeq` for the next page; null on the last page. */
  readonly nextAfterSeq: number | null;
}

/** One page of a tenant's entries in seq order, filtered. Run it in a transaction scoped to the tenant. */
export async function queryAuditEntries(client: Queryable, tenantId: string, query: AuditQuery): Promise<AuditPage> {
  const conditions = ['tenant_id = $1', 'seq > $2'];
  const params: unknown[] = [tenantId, query.afterSeq ?? 0];
  const add = (sql: string, value: unknown): void => {
    params.push(value);
    conditions.push(sql.replace('?', `$${params.length}`));
  };
  if (query.targetKind !== undefined) add('target_kind = ?', query.targetKind);
  if (query.targetKey !== undefined) add('target_key = ?', query.targetKey);
  if (query.action !== undefined) add('action = ?', query.action);
  if (query.actor !== undefined) add('actor = ?', query.actor);
  if (query.from !== undefined) add('at >= ?', query.from);
  if (query.to !== undefined) add('at < ?', query.to);
  params.push(query.limit + 1);
  const { rows } = await client.query<AuditEntryRow>(`SELECT ${COLUMNS} FROM audit_entry WHERE ${conditions.join(' AND ')} ORDER BY seq LIMIT $${params.length}`, params);
  const items = rows.slice(0, query.limit).map(toEntry);
  return { items, nextAfterSeq: rows.length > query.limit ? items[items.length - 1].seq : null };
}

/** The chains in the database: every tenant with a chain head, and `_system`. */
export async function listAuditChains(client: Queryable): Promise<string[]> {
  const { rows } = await client.query<{ tenant_id: string }>('SELECT tenant_id FROM audit_head UNION SELECT DISTINCT tenant_id FROM audit_entry ORDER BY tenant_id');
  return rows.map((row) => row.tenant_id);
}

/** A tenant's verification as the API and `npm run audit:verify` report it. */
export interface StoredChainVerification extends ChainVerification {
  readonly tenantId: string;
  /** The seq the chain head records (0: no entries yet). */
  readonly headSeq: number;
}

/**
 * Reads a tenant's whole chain in seq order, page by page, from one consistent snapshot, and
 * verifies it (verify-chain.ts) against the head. Works as the owner (operators' tool) or as the
 * application role; sets the tenant scope for row-level security itself.
 */
export async function verifyStoredChain(pool: Pool, tenantId: string, pageSize = 5000): Promise<StoredChainVerification> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    await client.query(`SELECT set_config('laufweg.tenants', $1, true)`, [tenantId]);
    const head = await client.query<{ seq: string; hash: string }>('SELECT seq, hash FROM audit_head WHERE tenant_id = $1', [tenantId]);
    const verifier = new ChainVerifier();
    let afterSeq = 0;
    for (;;) {
      const { rows } = await client.query<AuditEntryRow>(`SELECT ${COLUMNS} FROM audit_entry WHERE tenant_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`, [tenantId, afterSeq, pageSize]);
      let intact = true;
      for (const row of rows) if (!(intact = verifier.push(toEntry(row)))) break;
      if (!intact || rows.length < pageSize) break;
      afterSeq = Number(rows[rows.length - 1].seq);
    }
    await client.query('COMMIT');
    const recorded = head.rows[0];
    const result = verifier.finish(recorded ? { seq: Number(recorded.seq), hash: recorded.hash } : undefined);
    return { tenantId, headSeq: recorded ? Number(recorded.seq) : 0, ...result };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
