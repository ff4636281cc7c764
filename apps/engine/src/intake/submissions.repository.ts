import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { Receipt } from './receipt';

export type StoredStatus = 'accepted' | 'rejected' | 'erased';

/** A submission row to insert: the content exactly as received, and its outcome. */
export interface NewSubmission {
  readonly tenantId: string;
  readonly submissionId: string;
  readonly caseId: string;
  readonly serviceId: string;
  readonly fingerprint: string;
  /** Parsed metadata, or null when it was no JSON. */
  readonly metadata: unknown;
  /** Parsed data, or null when it was no JSON. */
  readonly data: unknown;
  readonly dataRaw: Buffer;
  readonly status: StoredStatus;
  readonly receipt: Receipt | null;
  readonly receivedAt: Date;
  readonly attachments: readonly NewAttachment[];
}

export interface NewAttachment {
  readonly attachmentId: string;
  readonly name: string;
  readonly mediaType: string;
  readonly purpose: string | null;
  readonly bytes: Buffer;
  readonly sha512: string;
}

/** What a lookup by submission id needs for idempotency and the status. */
export interface StoredSubmission {
  readonly tenantId: string;
  readonly submissionId: string;
  readonly caseId: string;
  readonly serviceId: string;
  readonly fingerprint: string;
  readonly status: StoredStatus;
  readonly receipt: Receipt | null;
  readonly processInstanceKey: string | null;
  readonly receivedAt: Date;
  /** Of the started instance: 'active' | 'completed' | 'terminated', null when none. */
  readonly instanceStatus: string | null;
  /** The instance waits for a message (e.g. the applicant's answer to a query). */
  readonly waitsForMessage: boolean;
}

export interface StoredAttachment {
  readonly name: string;
  readonly mediaType: string;
  readonly content: Buffer | null;
}

/**
 * SQL of `submission` and `submission_attachment`. Every method runs on the caller's client
 * inside a tenant-scoped transaction, so row-level security applies underneath the filters.
 */
@Injectable()
export class SubmissionsRepository {
  /** Inserts the submission and its attachments; false when the id exists (in any tenant). */
  async insert(client: PoolClient, row: NewSubmission): Promise<boolean> {
    const inserted = await client.query(
      `INSERT INTO submission (tenant_id, submission_id, case_id, service_id, fingerprint, metadata, data, data_raw, status, receipt, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (submission_id) DO NOTHING`,
      [row.tenantId, row.submissionId, row.caseId, row.serviceId, row.fingerprint, jsonOrNull(row.metadata), jsonOrNull(row.data), row.dataRaw, row.status, jsonOrNull(row.receipt), row.receivedAt],
    );
    if (inserted.rowCount === 0) return false;
    for (const attachment of row.attachments) {
      await client.query(
        `INSERT INTO submission_attachment (tenant_id, submission_id, attachment_id, name, media_type, purpose, size, sha512, content)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [row.tenantId, row.submissionId, attachment.attachmentId, attachment.name, attachment.mediaType, attachment.purpose, attachment.bytes.length, attachment.sha512, attachment.bytes],
      );
    }
    return true;
  }

  /** Records the started instance and the accept receipt (the only columns that may change). */
  async accept(client: PoolClient, tenantId: string, submissionId: string, processInstanceKey: string, receipt: Receipt): Promise<void> {
    await client.query(`UPDATE submission SET process_instance_key = $3, receipt = $4 WHERE tenant_id = $1 AND submission_id = $2`, [tenantId, submissionId, processInstanceKey, JSON.stringify(receipt)]);
  }

  /** The submission among the given tenants, with what its status is derived from. */
  async find(client: PoolClient, tenantIds: readonly string[], submissionId: string): Promise<StoredSubmission | undefined> {
    const { rows } = await client.query<StoredSubmission>(
      `SELECT s.tenant_id AS "tenantId", s.submission_id AS "submissionId", s.case_id AS "caseId", s.service_id AS "serviceId",
              s.fingerprint, s.status, s.receipt, s.process_instance_key::text AS "processInstanceKey", s.received_at AS "receivedAt",
              p.status AS "instanceStatus",
              EXISTS (SELECT 1 FROM message_subscription m WHERE m.tenant_id = s.tenant_id AND m.root_key = s.process_instance_key) AS "waitsForMessage"
         FROM submission s
         LEFT JOIN process_instance p ON p.tenant_id = s.tenant_id AND p.key = s.process_instance_key
        WHERE s.submission_id = $2 AND s.tenant_id = ANY($1::text[])`,
      [tenantIds, submissionId],
    );
    return rows[0];
  }

  async attachment(client: PoolClient, tenantIds: readonly string[], submissionId: string, attachmentId: string): Promise<StoredAttachment | undefined> {
    const { rows } = await client.query<StoredAttachment>(
      `SELECT name, media_type AS "mediaType", content FROM submission_attachment
        WHERE tenant_id = ANY($1::text[]) AND submission_id = $2 AND attachment_id = $3`,
      [tenantIds, submissionId, attachmentId],
    );
    return rows[0];
  }
}

function jsonOrNull(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}
