import { Injectable } from '@nestjs/common';
import { withTenants } from '@laufweg/persistence';
import { Pool } from 'pg';
import { SqlFilter } from '../shared/sql-filter';
import type { IncidentDto } from './incident.dto';

/** Open incidents of a tenant. */
@Injectable()
export class IncidentsRepository {
  constructor(private readonly pool: Pool) {}

  async search(
    tenantId: string,
    search: { processInstanceKey?: string; processId?: string; elementId?: string; errorType?: string; order: 'ASC' | 'DESC'; limit: number; offset: number },
  ): Promise<{ items: IncidentDto[]; total: number }> {
    const filter = new SqlFilter();
    filter.where(`i.tenant_id = ${filter.param(tenantId)}`);
    if (search.processInstanceKey) filter.where(`i.process_instance_key = ${filter.param(search.processInstanceKey)}`);
    if (search.processId) filter.where(`p.process_id = ${filter.param(search.processId)}`);
    if (search.elementId) filter.where(`i.element_id = ${filter.param(search.elementId)}`);
    if (search.errorType) filter.where(`i.error_type = ${filter.param(search.errorType)}`);
    const limit = filter.param(search.limit);
    const offset = filter.param(search.offset);
    return withTenants(this.pool, [tenantId], async (client) => {
      const { rows } = await client.query<{ key: string; process_instance_key: string; process_id: string; element_instance_key: string; element_id: string; error_type: string; message: string; job_key: string | null; created_at: Date; total: string }>(
        `SELECT i.key, i.process_instance_key, p.process_id, i.element_instance_key, i.element_id, i.error_type, i.message, i.record ->> 'jobKey' AS job_key, i.created_at, count(*) OVER () AS total
           FROM incident i JOIN process_instance p ON p.tenant_id = i.tenant_id AND p.key = i.process_instance_key
           ${filter.clause} ORDER BY i.created_at ${search.order}, i.key ${search.order} LIMIT ${limit} OFFSET ${offset}`,
        filter.params,
      );
      return {
        total: Number(rows[0]?.total ?? 0),
        items: rows.map((row) => ({
          key: row.key,
          processInstanceKey: row.process_instance_key,
          processId: row.process_id,
          elementInstanceKey: row.element_instance_key,
          elementId: row.element_id,
          errorType: row.error_type,
          message: row.message,
          jobKey: row.job_key,
          createdAt: row.created_at.toISOString(),
        })),
      };
    });
  }
}
