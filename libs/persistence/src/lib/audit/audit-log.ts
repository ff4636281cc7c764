import type { Pool, PoolClient } from 'pg';
import { withTenants } from '../database/tenant-scope';
import { type AuditEntry, type AuditEntryDraft, chainEntries } from './audit-entry';
import { canonicalJson } from './canonical-json';

type Queryable = Pick<PoolClient, 'query'>;

/** A tenant's chain head, locked by the transaction that read it. */
export interface LockedChainHead {
  readonly tenantId: string;
  readonly seq: number;
  readonly hash: string;
  /** The last instance_event the chainer appended: its transaction id (xid8) and seq. */
  readonly eventTx: string;
  readonly eventSeq: string;
}

/**
 * Locks the tenant's chain head (`audit_head`, created on first use) until the transaction
 * ends: appends to one tenant's chain queue here, so seq and prevHash are always those of the
 * entry before. Other tenants' chains are not affected.
 */
export async function lockChainHead(client: Queryable, tenantId: string): Promise<LockedChainHead> {
  const select = 'SELECT seq, hash, event_tx::text AS event_tx, event_seq FROM audit_head WHERE tenant_id = $1 FOR UPDATE';
  let { rows } = await client.query<{ seq: string; hash: string; event_tx: string; event_seq: string }>(select, [tenantId]);
  if (rows.length === 0) {
    await client.query('INSERT INTO audit_head (tenant_id) VALUES ($1) ON CONFLICT DO NOTHING', [tenantId]);
    ({ rows } = await client.query<{ seq: string; hash: string; event_tx: string; event_seq: string }>(select, [tenantId]));
  }
  const [head] = rows;
  return { tenantId, seq: Number(head.seq), hash: head.hash, eventTx: head.event_tx, eventSeq: head.event_seq };
}

/**
 * Appends entries after a head this transaction has locked (lockChainHead). The database checks
 * that they continue the chain and moves the head on (trigger `audit_entry_chain`).
 */
export async function insertAuditEntries(client: Queryable, head: LockedChainHead, drafts: readonly AuditEntryDraft[]): Promise<AuditEntry[]> {
  if (drafts.length === 0) return [];
  const entries = chainEntries(head.tenantId, head, drafts);
  await client.query(
    `INSERT INTO audit_entry (tenant_id, seq, at, actor, role, action, target_kind, target_key, request_id, details, prev_hash, hash)
     SELECT $1, * FROM unnest($2::bigint[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::jsonb[], $11::text[], $12::text[])`,
    [
      head.tenantId,
      entries.map((entry) => entry.seq),
      entries.map((entry) => entry.at),
      entries.map((entry) => entry.actor),
      entries.map((entry) => entry.role),
      entries.map((entry) => entry.action),
      entries.map((entry) => entry.targetKind),
      entries.map((entry) => entry.targetKey),
      entries.map((entry) => entry.requestId),
      entries.map((entry) => canonicalJson(entry.details)),
      entries.map((entry) => entry.prevHash),
      entries.map((entry) => entry.hash),
    ],
  );
  return entries;
}

/**
 * Appends entries to the tenant's chain inside the caller's transaction (so they commit or roll
 * back with the change they record). The chain head stays locked until that transaction ends:
 * keep it short after this call.
 */
export async function appendAuditEntries(client: Queryable, tenantId: string, drafts: readonly AuditEntryDraft[]): Promise<AuditEntry[]> {
  if (drafts.length === 0) return [];
  return insertAuditEntries(client, await lockChainHead(client, tenantId), drafts);
}

/** Appends one entry in a transaction of its own, scoped to the tenant. */
export async function appendAuditEntry(pool: Pool, tenantId: string, draft: AuditEntryDraft): Promise<AuditEntry> {
  const [entry] = await withTenants(pool, [tenantId], (client) => appendAuditEntries(client, tenantId, [draft]));
  return entry;
}
