import { Injectable } from '@nestjs/common';
import { withTenants } from '@laufweg/persistence';
import { Pool } from 'pg';
import type { DeploymentDto, DeploymentResourceListDto, ProcessDefinitionDto } from './deployment.dto';
import { RESOURCE_MEDIA_TYPES } from './deployment-resources';

type ResourceKind = keyof typeof RESOURCE_MEDIA_TYPES;

/** A stored resource with its content, verbatim. */
export interface StoredResource {
  readonly name: string;
  readonly kind: ResourceKind;
  readonly checksum: string;
  readonly content: string;
}

/** Reads of deployments and process definitions, each in a transaction scoped to the tenant. */
@Injectable()
export class DeploymentsRepository {
  constructor(private readonly pool: Pool) {}

  async list(tenantId: string, limit: number, offset: number): Promise<{ items: DeploymentDto[]; total: number }> {
    return withTenants(this.pool, [tenantId], async (client) => {
      const { rows } = await client.query<DeploymentRow>(
        `SELECT d.key, d.resource_name, d.checksum, d.created_at, d.created_by, count(*) OVER () AS total,
                coalesce((SELECT json_agg(json_build_object('processDefinitionKey', p.key::text, 'processId', p.process_id, 'version', p.version) ORDER BY p.process_id)
                            FROM process_definition p WHERE p.tenant_id = d.tenant_id AND p.deployment_key = d.key), '[]') AS processes,
                coalesce((SELECT json_agg(json_build_object('name', r.name, 'kind', r.kind, 'resourceId', r.resource_id) ORDER BY r.name)
                            FROM deployment_resource r WHERE r.tenant_id = d.tenant_id AND r.deployment_key = d.key), '[]') AS resources
           FROM deployment d WHERE d.tenant_id = $1 ORDER BY d.key DESC LIMIT $2 OFFSET $3`,
        [tenantId, limit, offset],
      );
      return {
        total: Number(rows[0]?.total ?? 0),
        items: rows.map((row) => ({
          deploymentKey: row.key,
          resourceName: row.resource_name,
          checksum: row.checksum,
          createdAt: row.created_at.toISOString(),
          createdBy: row.created_by,
          processes: row.processes,
          resources: row.resources,
        })),
      };
    });
  }

  /** The latest version per process id, or every version; optionally of one process id. */
  async definitions(tenantId: string, filter: { processId?: string; allVersions: boolean; limit: number; offset: number }): Promise<{ items: ProcessDefinitionDto[]; total: number }> {
    return withTenants(this.pool, [tenantId], async (client) => {
      const latest = filter.allVersions ? '' : 'AND p.version = (SELECT max(l.version) FROM process_definition l WHERE l.tenant_id = p.tenant_id AND l.process_id = p.process_id)';
      const { rows } = await client.query<DefinitionRow & { total: string }>(
        `SELECT p.key, p.process_id, p.version, p.name, p.deployment_key, p.created_at, count(*) OVER () AS total
           FROM process_definition p
          WHERE p.tenant_id = $1 AND ($2::text IS NULL OR p.process_id = $2) ${latest}
          ORDER BY p.process_id, p.version DESC LIMIT $3 OFFSET $4`,
        [tenantId, filter.processId ?? null, filter.limit, filter.offset],
      );
      return { total: Number(rows[0]?.total ?? 0), items: rows.map(toDefinition) };
    });
  }

  async definition(tenantId: string, key: string): Promise<ProcessDefinitionDto | undefined> {
    return withTenants(this.pool, [tenantId], async (client) => {
      const { rows } = await client.query<DefinitionRow>(
        'SELECT key, process_id, version, name, deployment_key, created_at FROM process_definition WHERE tenant_id = $1 AND key = $2',
        [tenantId, key],
      );
      return rows.length > 0 ? toDefinition(rows[0]) : undefined;
    });
  }

  /** The forms, decisions and values of a deployment (without content), or undefined when the tenant has no such deployment. */
  async resources(tenantId: string, deploymentKey: string): Promise<DeploymentResourceListDto | undefined> {
    return withTenants(this.pool, [tenantId], async (client) => {
      const { rows } = await client.query<{ resource_name: string; name: string | null; kind: ResourceKind | null; resource_id: string | null; checksum: string | null; size: number | null }>(
        `SELECT d.resource_name, r.name, r.kind, r.resource_id, r.checksum, octet_length(r.content) AS size
           FROM deployment d LEFT JOIN deployment_resource r ON r.tenant_id = d.tenant_id AND r.deployment_key = d.key
          WHERE d.tenant_id = $1 AND d.key = $2 ORDER BY r.name`,
        [tenantId, deploymentKey],
      );
      if (rows.length === 0) return undefined;
      const items = rows.flatMap((row) =>
        row.name !== null && row.kind !== null && row.checksum !== null
          ? [{ name: row.name, kind: row.kind, resourceId: row.resource_id, checksum: row.checksum, mediaType: RESOURCE_MEDIA_TYPES[row.kind], size: Number(row.size) }]
          : [],
      );
      return { deploymentKey, resourceName: rows[0].resource_name, items };
    });
  }

  /**
   * One resource of a deployment with its content: `no-deployment` when the tenant has no such
   * deployment, undefined when the deployment has no resource of that name.
   */
  async resource(tenantId: string, deploymentKey: string, name: string): Promise<StoredResource | 'no-deployment' | undefined> {
    return withTenants(this.pool, [tenantId], async (client) => {
      const { rows } = await client.query<{ name: string | null; kind: ResourceKind | null; checksum: string | null; content: string | null }>(
        `SELECT r.name, r.kind, r.checksum, r.content
           FROM deployment d LEFT JOIN deployment_resource r ON r.tenant_id = d.tenant_id AND r.deployment_key = d.key AND r.name = $3
          WHERE d.tenant_id = $1 AND d.key = $2`,
        [tenantId, deploymentKey, name],
      );
      if (rows.length === 0) return 'no-deployment';
      const [row] = rows;
      return row.name !== null && row.kind !== null && row.checksum !== null && row.content !== null ? { name: row.name, kind: row.kind, checksum: row.checksum, content: row.content } : undefined;
    });
  }

  /** The BPMN document a process definition was deployed with, verbatim. */
  async definitionXml(tenantId: string, key: string): Promise<{ resourceName: string; content: string } | undefined> {
    return withTenants(this.pool, [tenantId], async (client) => {
      const { rows } = await client.query<{ resource_name: string; content: string }>(
        `SELECT d.resource_name, d.content FROM process_definition p JOIN deployment d ON d.tenant_id = p.tenant_id AND d.key = p.deployment_key
          WHERE p.tenant_id = $1 AND p.key = $2`,
        [tenantId, key],
      );
      return rows.length > 0 ? { resourceName: rows[0].resource_name, content: rows[0].content } : undefined;
    });
  }
}

interface DeploymentRow {
  key: string;
  resource_name: string;
  checksum: string;
  created_at: Date;
  created_by: string | null;
  total: string;
  processes: DeploymentDto['processes'];
  resources: DeploymentDto['resources'];
}

interface DefinitionRow {
  key: string;
  process_id: string;
  version: number;
  name: string | null;
  deployment_key: string;
  created_at: Date;
}

function toDefinition(row: DefinitionRow): ProcessDefinitionDto {
  return { processDefinitionKey: row.key, processId: row.process_id, version: row.version, name: row.name, deploymentKey: row.deployment_key, createdAt: row.created_at.toISOString() };
}
