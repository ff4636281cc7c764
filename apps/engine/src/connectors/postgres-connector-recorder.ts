import type { ConnectorRecord, ConnectorRecorder } from '@laufweg/connectors';
import type { Pool } from 'pg';

/** What the simulators sent, in `connector_record`; a retried job records once. */
export class PostgresConnectorRecorder implements ConnectorRecorder {
  constructor(private readonly pool: Pool) {}

  async record(entry: ConnectorRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO connector_record (tenant_id, kind, reference, job_key, process_instance_key, payload)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (tenant_id, kind, job_key, reference) DO NOTHING`,
      [entry.tenantId, entry.kind, entry.reference, entry.jobKey, entry.processInstanceKey ?? null, JSON.stringify(entry.payload)],
    );
  }
}
