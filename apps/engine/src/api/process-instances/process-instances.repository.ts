import { Injectable } from '@nestjs/common';
import { withTenants } from '@laufweg/persistence';
import { Pool, type PoolClient } from 'pg';
import { SqlFilter } from '../shared/sql-filter';
import { addVariableFilters, type VariableFilter } from '../shared/variable-filter';
import type { ElementInstanceDto, HistoryEntryDto, IncidentSummaryDto, ProcessInstanceDto, VariableDto } from './process-instance.dto';

export interface InstanceSearch {
  readonly status?: string;
  readonly processId?: string;
  readonly processDefinitionKey?: string;
  readonly businessKey?: string;
  readonly variables: readonly VariableFilter[];
  readonly startedAfter?: string;
  readonly startedBefore?: string;
  readonly endedAfter?: string;
  readonly endedBefore?: string;
  readonly withIncidents?: boolean;
  readonly sortBy: 'startedAt' | 'endedAt' | 'key' | 'processId' | 'businessKey';
  readonly order: 'ASC' | 'DESC';
  readonly limit: number;
  readonly offset: number;
}

const SORT_COLUMNS: Readonly<Record<InstanceSearch['sortBy'], string>> = { startedAt: 'p.started_at', endedAt: 'p.ended_at', key: 'p.key', processId: 'p.process_id', businessKey: 'p.business_key' };

const INSTANCE_COLUMNS = `p.key, p.root_key, p.process_definition_key, p.process_id, p.version, p.business_key, p.status, p.started_at, p.ended_at,
  (SELECT count(*) FROM incident i WHERE i.tenant_id = p.tenant_id AND i.process_instance_key = p.key)::int AS incidents`;

/** Reads of process instances, their active elements, variables, incidents and history, scoped to the tenant. */
@Injectable()
export class ProcessInstancesRepository {
  constructor(private readonly pool: Pool) {}

  async search(tenantId: string, search: InstanceSearch): Promise<{ items: ProcessInstanceDto[]; total: number }> {
    const filter = new SqlFilter();
    filter.where(`p.tenant_id = ${filter.param(tenantId)}`);
    if (search.status) filter.where(`p.status = ${filter.param(search.status)}`);
    if (search.processId) filter.where(`p.process_id = ${filter.param(search.processId)}`);
    if (search.processDefinitionKey) filter.where(`p.process_definition_key = ${filter.param(search.processDefinitionKey)}`);
    if (search.businessKey) filter.where(`p.business_key = ${filter.param(search.businessKey)}`);
    if (search.startedAfter) filter.where(`p.started_at >= ${filter.param(search.startedAfter)}`);
    if (search.startedBefore) filter.where(`p.started_at < ${filter.param(search.startedBefore)}`);
    if (search.endedAfter) filter.where(`p.ended_at >= ${filter.param(search.endedAfter)}`);
    if (search.endedBefore) filter.where(`p.ended_at < ${filter.param(search.endedBefore)}`);
    if (search.withIncidents !== undefined) {
      filter.where(`${search.withIncidents ? '' : 'NOT '}EXISTS (SELECT 1 FROM incident i WHERE i.tenant_id = p.tenant_id AND i.process_instance_key = p.key)`);
    }
    addVariableFilters(filter, search.variables, 'p.tenant_id', 'p.key');
    const limit = filter.param(search.limit);
    const offset = filter.param(search.offset);
    return withTenants(this.pool, [tenantId], async (client) => {
      const { rows } = await client.query<InstanceRow & { total: string }>(
        `SELECT ${INSTANCE_COLUMNS}, count(*) OVER () AS total FROM process_instance p ${filter.clause}
          ORDER BY ${SORT_COLUMNS[search.sortBy]} ${search.order} NULLS LAST, p.key ${search.order} LIMIT ${limit} OFFSET ${offset}`,
        filter.params,
      );
      return { total: Number(rows[0]?.total ?? 0), items: rows.map(toInstance) };
    });
  }

  async find(tenantId: string, key: string): Promise<ProcessInstanceDto | undefined> {
    return withTenants(this.pool, [tenantId], async (client) => findInstance(client, tenantId, key));
  }

  /** The instance with its active element instances, variables (every scope) and open incidents. */
  async detail(tenantId: string, key: string): Promise<{ instance: ProcessInstanceDto; elementInstances: ElementInstanceDto[]; variables: VariableDto[]; openIncidents: IncidentSummaryDto[] } | undefined> {
    return withTenants(this.pool, [tenantId], async (client) => {
      const instance = await findInstance(client, tenantId, key);
      if (!instance) return undefined;
      const elements = await client.query<{ key: string; element_id: string; element_type: string; state: string; flow_scope_key: string | null }>(
        `SELECT key, element_id, element_type, state, flow_scope_key FROM element_instance WHERE tenant_id = $1 AND process_instance_key = $2 AND key <> $2 ORDER BY key`,
        [tenantId, key],
      );
      const variables = await client.query<{ scope_key: string; name: string; value: unknown }>(
        'SELECT scope_key, name, value FROM variable WHERE tenant_id = $1 AND process_instance_key = $2 ORDER BY scope_key, name',
        [tenantId, key],
      );
      const incidents = await client.query<{ key: string; element_id: string; error_type: string; message: string; created_at: Date }>(
        'SELECT key, element_id, error_type, message, created_at FROM incident WHERE tenant_id = $1 AND process_instance_key = $2 ORDER BY key',
        [tenantId, key],
      );
      return {
        instance,
        elementInstances: elements.rows.map((row) => ({ key: row.key, elementId: row.element_id, elementType: row.element_type, state: row.state, flowScopeKey: row.flow_scope_key })),
        variables: variables.rows.map((row) => ({ scopeKey: row.scope_key, name: row.name, value: row.value })),
        openIncidents: incidents.rows.map((row) => ({ key: row.key, elementId: row.element_id, errorType: row.error_type, message: row.message, createdAt: row.created_at.toISOString() })),
      };
    });
  }

  /**
   * The event log of the instance's tree after a position, oldest first. Element ids come from
   * the event itself or from the activation of the element instance it names.
   */
  async history(tenantId: string, rootKey: string, afterPosition: number, limit: number): Promise<HistoryEntryDto[]> {
    return withTenants(this.pool, [tenantId], async (client) => {
      const { rows } = await client.query<{ position: number; type: string; created_at: Date; element_id: string | null; payload: Record<string, unknown> }>(
        `SELECT e.position, e.type, e.created_at, e.payload,
                coalesce(e.payload ->> 'elementId', e.payload -> 'userTask' ->> 'elementId', e.payload -> 'job' ->> 'elementId', e.payload -> 'incident' ->> 'elementId', a.payload ->> 'elementId') AS element_id
           FROM instance_event e
           LEFT JOIN instance_event a ON a.tenant_id = e.tenant_id AND a.root_key = e.root_key AND a.type = 'ElementActivating' AND a.payload ->> 'key' = e.payload ->> 'key'
          WHERE e.tenant_id = $1 AND e.root_key = $2 AND e.position > $3 ORDER BY e.position LIMIT $4`,
        [tenantId, rootKey, afterPosition, limit],
      );
      return rows.map((row) => ({ position: row.position, type: row.type, at: row.created_at.toISOString(), elementId: row.element_id, event: row.payload }));
    });
  }

  /** Whether the process has a deployed version in the tenant. */
  async isDeployed(tenantId: string, processId: string): Promise<boolean> {
    return withTenants(this.pool, [tenantId], async (client) => {
      const { rowCount } = await client.query('SELECT 1 FROM process_definition WHERE tenant_id = $1 AND process_id = $2 LIMIT 1', [tenantId, processId]);
      return (rowCount ?? 0) > 0;
    });
  }

  /** Which of these keys are process instances of the tenant. */
  async existing(tenantId: string, keys: readonly string[]): Promise<Set<string>> {
    return withTenants(this.pool, [tenantId], async (client) => {
      const { rows } = await client.query<{ key: string }>('SELECT key FROM process_instance WHERE tenant_id = $1 AND key = ANY($2::bigint[])', [tenantId, keys]);
      return new Set(rows.map((row) => row.key));
    });
  }
}

interface InstanceRow {
  key: string;
  root_key: string;
  process_definition_key: string;
  process_id: string;
  version: number;
  business_key: string | null;
  status: ProcessInstanceDto['status'];
  started_at: Date;
  ended_at: Date | null;
  incidents: number;
}

async function findInstance(client: PoolClient, tenantId: string, key: string): Promise<ProcessInstanceDto | undefined> {
  const { rows } = await client.query<InstanceRow>(`SELECT ${INSTANCE_COLUMNS} FROM process_instance p WHERE p.tenant_id = $1 AND p.key = $2`, [tenantId, key]);
  return rows.length > 0 ? toInstance(rows[0]) : undefined;
}

function toInstance(row: InstanceRow): ProcessInstanceDto {
  return {
    key: row.key,
    rootKey: row.root_key,
    processDefinitionKey: row.process_definition_key,
    processId: row.process_id,
    version: row.version,
    businessKey: row.business_key,
    status: row.status,
    startedAt: row.started_at.toISOString(),
    endedAt: row.ended_at?.toISOString() ?? null,
    incidents: row.incidents,
  };
}
