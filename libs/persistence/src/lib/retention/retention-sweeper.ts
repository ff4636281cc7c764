import type { Pool } from 'pg';
import { appendAuditEntries } from '../audit/audit-log';
import { withTenants } from '../database/tenant-scope';
import { declaredRetention, isRetentionPeriod, retentionCutoff } from './retention-period';

/** The actor of erasures in the audit log. */
export const RETENTION_ACTOR = 'retention';

export interface ErasedInstance {
  readonly tenantId: string;
  readonly processInstanceKey: string;
  readonly processId: string;
  readonly retention: string;
  readonly redactedEvents: number;
  /** Submissions whose content and attachments were dropped (ids, hashes and receipt stay). */
  readonly erasedSubmissions: number;
  /** Rendered documents deleted; what identifies them without personal data is in the audit entry. */
  readonly deletedDocuments: number;
  readonly redactedConnectorRecords: number;
  readonly redactedPaymentRequests: number;
}

/** A deleted document as the `retention.erased` entry records it: no name, no content. (A type, not an interface, so it fits `AuditDetails`.) */
export type DeletedDocument = {
  readonly id: string;
  readonly template: string;
  readonly sha256: string;
  readonly size: number;
  readonly createdAt: string;
};

/** What `erase_instance_tree` reports (ADR 0005). */
interface TreeErasure {
  events: number;
  submissions: number;
  documents: DeletedDocument[];
  connectorRecords: number;
  paymentRequests: number;
}

/** A process whose `retention` property is not a period: its instances are kept (never erased early) until it is fixed. */
export interface InvalidRetention {
  readonly tenantId: string;
  readonly processDefinitionKey: string;
  readonly processId: string;
  readonly retention: string;
}

export interface RetentionReport {
  readonly erased: readonly ErasedInstance[];
  readonly invalid: readonly InvalidRetention[];
}

export interface RetentionSweeperOptions {
  /** Instances read per query (default 200); each is erased in a transaction of its own. */
  readonly batchSize?: number;
  readonly logger?: { warn(message: string): void };
}

interface Candidate {
  key: string;
  process_id: string;
  ended_at: Date;
}

/**
 * Erases the personal data of instance trees past their retention (ADR 0005): for each tenant
 * and each process definition with ended, not yet erased root instances, the period is the
 * process's `retention` property or the tenant's default; every tree that ended before now minus
 * the period and has no legal hold on any of its instances is erased by the database function
 * `erase_instance_tree` (which checks end, hold and tenant again under the root's row lock): the
 * event log, variables and incidents, and what the intake and the connectors keep of the tree
 * (submissions, documents, connector records, payment requests); a `retention.erased` audit
 * entry is appended in the same transaction. Safe to run in several engine processes at once: a
 * tree is erased, and audited, once.
 */
export class RetentionSweeper {
  private readonly declared = new Map<string, string | undefined>();
  private readonly batchSize: number;

  constructor(
    private readonly pool: Pool,
    private readonly options: RetentionSweeperOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 200;
  }

  async run(now: Date): Promise<RetentionReport> {
    const erased: ErasedInstance[] = [];
    const invalid: InvalidRetention[] = [];
    const tenants = await this.pool.query<{ id: string; retention_default: string }>('SELECT id, retention_default FROM tenant ORDER BY id');
    for (const tenant of tenants.rows) {
      const definitions = await this.pool.query<{ key: string; process_id: string }>(
        `SELECT DISTINCT d.key, d.process_id
           FROM process_instance i JOIN process_definition d ON d.tenant_id = i.tenant_id AND d.key = i.process_definition_key
          WHERE i.tenant_id = $1 AND i.root_key = i.key AND i.ended_at IS NOT NULL AND i.erased_at IS NULL`,
        [tenant.id],
      );
      for (const definition of definitions.rows) {
        const retention = (await this.declaredRetentionOf(tenant.id, definition.key)) ?? tenant.retention_default;
        if (!isRetentionPeriod(retention)) {
          invalid.push({ tenantId: tenant.id, processDefinitionKey: definition.key, processId: definition.process_id, retention });
          this.options.logger?.warn(`Process ${definition.process_id} (definition ${definition.key}, tenant ${tenant.id}) declares retention '${retention}', which is not an ISO 8601 period: its instances are kept.`);
          continue;
        }
        erased.push(...(await this.eraseEnded(tenant.id, definition.key, retention, now)));
      }
    }
    return { erased, invalid };
  }

  private async eraseEnded(tenantId: string, definitionKey: string, retention: string, now: Date): Promise<ErasedInstance[]> {
    const cutoff = retentionCutoff(now, retention);
    const erased: ErasedInstance[] = [];
    let after: Candidate | undefined;
    for (;;) {
      const { rows } = await this.pool.query<Candidate>(
        `SELECT i.key, i.process_id, i.ended_at FROM process_instance i
          WHERE i.tenant_id = $1 AND i.process_definition_key = $2 AND i.root_key = i.key
            AND i.ended_at IS NOT NULL AND i.ended_at <= $3 AND i.erased_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM process_instance held WHERE held.tenant_id = i.tenant_id AND held.root_key = i.key AND held.legal_hold)
            AND (i.ended_at, i.key) > ($4::timestamptz, $5::bigint)
          ORDER BY i.ended_at, i.key LIMIT $6`,
        [tenantId, definitionKey, cutoff, after?.ended_at ?? new Date(0), after?.key ?? '0', this.batchSize],
      );
      for (const candidate of rows) {
        const erasure = await this.erase(tenantId, candidate, retention, now);
        if (erasure !== null) {
          erased.push({
            tenantId,
            processInstanceKey: candidate.key,
            processId: candidate.process_id,
            retention,
            redactedEvents: erasure.events,
            erasedSubmissions: erasure.submissions,
            deletedDocuments: erasure.documents.length,
            redactedConnectorRecords: erasure.connectorRecords,
            redactedPaymentRequests: erasure.paymentRequests,
          });
        }
      }
      if (rows.length < this.batchSize) return erased;
      after = rows[rows.length - 1];
    }
  }

  /** Erases one tree and audits it in one transaction; null when the database found it not eligible (any more). */
  private async erase(tenantId: string, candidate: Candidate, retention: string, now: Date): Promise<TreeErasure | null> {
    return withTenants(this.pool, [tenantId], async (client) => {
      const { rows } = await client.query<{ erased: TreeErasure | null }>('SELECT erase_instance_tree($1, $2) AS erased', [tenantId, candidate.key]);
      const erased = rows[0].erased;
      if (erased === null) return null;
      await appendAuditEntries(client, tenantId, [
        {
          at: now,
          actor: RETENTION_ACTOR,
          role: null,
          action: 'retention.erased',
          targetKind: 'process-instance',
          targetKey: candidate.key,
          requestId: null,
          details: {
            processId: candidate.process_id,
            endedAt: candidate.ended_at.toISOString(),
            retention,
            redactedEvents: erased.events,
            erasedSubmissions: erased.submissions,
            deletedDocuments: erased.documents,
            redactedConnectorRecords: erased.connectorRecords,
            redactedPaymentRequests: erased.paymentRequests,
          },
        },
      ]);
      return erased;
    });
  }

  /** The process's own retention property; deployments are immutable, so it is read once per definition. */
  private async declaredRetentionOf(tenantId: string, definitionKey: string): Promise<string | undefined> {
    if (this.declared.has(definitionKey)) return this.declared.get(definitionKey);
    const { rows } = await this.pool.query<{ process_id: string; content: string }>(
      `SELECT d.process_id, dep.content FROM process_definition d JOIN deployment dep ON dep.tenant_id = d.tenant_id AND dep.key = d.deployment_key
        WHERE d.tenant_id = $1 AND d.key = $2`,
      [tenantId, definitionKey],
    );
    const declared = rows.length === 0 ? undefined : await declaredRetention(rows[0].content, rows[0].process_id);
    this.declared.set(definitionKey, declared);
    return declared;
  }
}
