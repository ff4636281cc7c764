import type { Pool } from 'pg';
import { appendAuditEntries } from '../audit/audit-log';
import type { AuditEntryDraft } from '../audit/audit-entry';
import { withTenants } from '../database/tenant-scope';

export interface LegalHoldRequest {
  readonly tenantId: string;
  readonly processInstanceKey: string;
  readonly hold: boolean;
  /** Who sets it, for the audit entry appended with the change. */
  readonly audit: Pick<AuditEntryDraft, 'at' | 'actor' | 'role' | 'requestId'>;
}

export interface LegalHoldState {
  readonly processInstanceKey: string;
  readonly legalHold: boolean;
  /** Set when the tree's personal data is already gone. */
  readonly erasedAt: Date | null;
}

/**
 * Puts a process instance on legal hold, or lifts it: while any instance of a tree is held, the
 * retention job does not erase the tree. Serialized with erasure through the root's row lock;
 * the change and its audit entry (`instance.legal-hold`) commit together. Undefined when the
 * instance does not exist in the tenant.
 */
export async function setLegalHold(pool: Pool, request: LegalHoldRequest): Promise<LegalHoldState | undefined> {
  const { tenantId, processInstanceKey, hold } = request;
  if (!/^\d{1,19}$/.test(processInstanceKey)) return undefined;
  return withTenants(pool, [tenantId], async (client) => {
    const root = await client.query<{ root_key: string }>('SELECT root_key FROM process_instance WHERE tenant_id = $1 AND key = $2', [tenantId, processInstanceKey]);
    if (root.rows.length === 0) return undefined;
    await client.query('SELECT 1 FROM process_instance WHERE tenant_id = $1 AND key = $2 FOR UPDATE', [tenantId, root.rows[0].root_key]);
    const { rows } = await client.query<{ legal_hold: boolean; erased_at: Date | null }>(
      'UPDATE process_instance SET legal_hold = $3 WHERE tenant_id = $1 AND key = $2 RETURNING legal_hold, erased_at',
      [tenantId, processInstanceKey, hold],
    );
    await appendAuditEntries(client, tenantId, [
      {
        ...request.audit,
        action: 'instance.legal-hold',
        targetKind: 'process-instance',
        targetKey: processInstanceKey,
        details: { hold, rootKey: root.rows[0].root_key },
      },
    ]);
    return { processInstanceKey, legalHold: rows[0].legal_hold, erasedAt: rows[0].erased_at };
  });
}
