import { Injectable } from '@nestjs/common';
import { withTenants } from '@laufweg/persistence';
import { Pool } from 'pg';
import type { DocumentDto } from './document.dto';

interface DocumentRow {
  id: string;
  process_instance_key: string | null;
  template: string;
  name: string;
  media_type: string;
  sha256: string;
  size: number;
  created_at: Date;
}

const COLUMNS = 'id, process_instance_key, template, name, media_type, sha256, size, created_at';

/** Reads rendered documents, scoped to the tenant (row-level security underneath). */
@Injectable()
export class DocumentsRepository {
  constructor(private readonly pool: Pool) {}

  /** The document with its bytes; undefined when it does not exist in the tenant. */
  async withContent(tenantId: string, id: string): Promise<(DocumentDto & { content: Buffer }) | undefined> {
    return withTenants(this.pool, [tenantId], async (client) => {
      const { rows } = await client.query<DocumentRow & { content: Buffer }>(`SELECT ${COLUMNS}, content FROM document WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
      return rows[0] ? { ...toDto(rows[0]), content: rows[0].content } : undefined;
    });
  }

  /**
   * The documents of a process instance, oldest first; for a case (a root instance) also those its
   * call activities rendered (a notice is rendered in shared-notice). Undefined when the instance
   * does not exist in the tenant.
   */
  async ofInstance(tenantId: string, processInstanceKey: string): Promise<DocumentDto[] | undefined> {
    return withTenants(this.pool, [tenantId], async (client) => {
      const instance = await client.query<{ root_key: string }>('SELECT root_key::text FROM process_instance WHERE tenant_id = $1 AND key = $2', [tenantId, processInstanceKey]);
      if (instance.rowCount === 0) return undefined;
      const isRoot = instance.rows[0].root_key === processInstanceKey;
      const { rows } = await client.query<DocumentRow>(
        `SELECT ${COLUMNS} FROM document
          WHERE tenant_id = $1
            AND process_instance_key = ANY (CASE WHEN $3::boolean THEN ARRAY(SELECT key FROM process_instance WHERE tenant_id = $1 AND root_key = $2) ELSE ARRAY[$2::bigint] END)
          ORDER BY created_at, id`,
        [tenantId, processInstanceKey, isRoot],
      );
      return rows.map(toDto);
    });
  }
}

function toDto(row: DocumentRow): DocumentDto {
  return {
    id: row.id,
    processInstanceKey: row.process_instance_key,
    template: row.template,
    name: row.name,
    mediaType: row.media_type,
    sha256: row.sha256,
    size: row.size,
    createdAt: row.created_at.toISOString(),
  };
}
