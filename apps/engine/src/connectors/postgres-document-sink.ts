import type { DocumentSink, DocumentToStore } from '@laufweg/connectors';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';

/** Rendered documents in the `document` table (the engine's system-scoped pool; the row names its tenant). */
export class PostgresDocumentSink implements DocumentSink {
  constructor(private readonly pool: Pool) {}

  async store(document: DocumentToStore): Promise<string> {
    const id = randomUUID();
    await this.pool.query(
      `INSERT INTO document (tenant_id, id, process_instance_key, template, name, media_type, sha256, size, content)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [document.tenantId, id, document.processInstanceKey ?? null, document.template, document.name, document.mediaType, document.sha256, document.size, Buffer.from(document.content)],
    );
    return id;
  }
}
