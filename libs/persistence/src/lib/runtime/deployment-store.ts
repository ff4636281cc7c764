import { loadBpmnModel, type ExecutableProcess, type ModelProblem, type ModelResult } from '@laufweg/bpmn-model';
import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { beginTenantTransaction } from '../database/tenant-scope';
import type { CommandStore } from './command-store';
import { KeyBlock } from './key-block';
import type { CompiledModelCache } from './model-cache';

export interface DeployedProcess {
  readonly processId: string;
  readonly processDefinitionKey: string;
  readonly version: number;
}

export interface DeploymentResult {
  readonly deploymentKey: string;
  /** True when the same content was already the latest version: nothing changed. */
  readonly duplicate: boolean;
  readonly processes: readonly DeployedProcess[];
}

export interface DeployRequest {
  readonly tenantId: string;
  readonly resourceName: string;
  readonly content: string;
  readonly createdBy?: string;
}

/**
 * Deploys BPMN per tenant: the document is parsed, validated and compiled first (any error:
 * nothing is stored), then stored verbatim with its checksum, and each of its executable
 * processes gets the next version for its process id; start events open their subscriptions in
 * the same transaction. Deploying the content of the latest version again changes nothing.
 */
export class DeploymentStore {
  constructor(
    private readonly pool: Pool,
    private readonly models: CompiledModelCache,
    private readonly commands: CommandStore,
  ) {}

  async deploy(request: DeployRequest): Promise<ModelResult<DeploymentResult>> {
    const loaded = await loadBpmnModel(request.content);
    if (!loaded.ok) return loaded;
    const processes = Object.values(loaded.value.executable.processes).filter((process) => process.isExecutable);
    if (processes.length === 0) {
      return { ok: false, problems: [{ severity: 'error', rule: 'no-executable-process', message: 'The document has no process marked as executable (isExecutable="true"); nothing can be deployed.' }] };
    }
    const checksum = createHash('sha256').update(request.content).digest('hex');
    const client = await this.pool.connect();
    try {
      await beginTenantTransaction(client, [request.tenantId]);
      // Versions per process id are counted under this lock, so concurrent deployments queue.
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('laufweg-deploy:' || $1))`, [request.tenantId]);
      const result = await this.store(client, request, checksum, processes);
      if (!result.ok) {
        await client.query('ROLLBACK');
        return result;
      }
      await client.query('COMMIT');
      return { ok: true, value: result.value, warnings: loaded.warnings };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async store(
    client: PoolClient,
    request: DeployRequest,
    checksum: string,
    processes: readonly ExecutableProcess[],
  ): Promise<ModelResult<DeploymentResult>> {
    const ids = processes.map((process) => process.id);
    const latest = await client.query<{ key: string; process_id: string; version: number; checksum: string; deployment_key: string }>(
      `SELECT DISTINCT ON (process_id) key, process_id, version, checksum, deployment_key FROM process_definition
        WHERE tenant_id = $1 AND process_id = ANY($2::text[]) ORDER BY process_id, version DESC`,
      [request.tenantId, ids],
    );
    const latestById = new Map(latest.rows.map((row) => [row.process_id, row]));
    const unchanged = ids.flatMap((id) => {
      const row = latestById.get(id);
      return row?.checksum === checksum ? [row] : [];
    });
    if (unchanged.length === ids.length) {
      const rows = unchanged;
      return {
        ok: true,
        value: { deploymentKey: rows[0].deployment_key, duplicate: true, processes: rows.map((row) => ({ processId: row.process_id, processDefinitionKey: row.key, version: row.version })) },
        warnings: [],
      };
    }
    const keys = await KeyBlock.reserve(client, 1);
    const deploymentKey = keys.next();
    await client.query(
      'INSERT INTO deployment (tenant_id, key, resource_name, checksum, content, created_by) VALUES ($1, $2, $3, $4, $5, $6)',
      [request.tenantId, deploymentKey, request.resourceName, checksum, request.content, request.createdBy ?? null],
    );
    const deployed: DeployedProcess[] = [];
    for (const process of processes) {
      const id = process.id;
      const processDefinitionKey = keys.next();
      this.models.put(processDefinitionKey, process);
      const previous = latestById.get(id);
      const outcome = await this.commands.runOn(client, {
        tenantId: request.tenantId,
        command: { type: 'DeployProcess', processDefinitionKey },
        selection: previous ? { definitionKeys: [previous.key] } : {},
      });
      if (outcome.rejected) return { ok: false, problems: [rejection(id, outcome.reason)] };
      const deployedEvent = outcome.events.find((event) => event.type === 'ProcessDeployed');
      const version = deployedEvent?.type === 'ProcessDeployed' ? deployedEvent.version : (previous?.version ?? 0) + 1;
      await client.query(
        `INSERT INTO process_definition (tenant_id, key, process_id, version, name, deployment_key, checksum) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [request.tenantId, processDefinitionKey, id, version, process.name ?? null, deploymentKey, checksum],
      );
      deployed.push({ processId: id, processDefinitionKey, version });
    }
    return { ok: true, value: { deploymentKey, duplicate: false, processes: deployed }, warnings: [] };
  }
}

function rejection(processId: string, reason: string): ModelProblem {
  return { severity: 'error', rule: 'deployment-rejected', elementId: processId, message: reason };
}
