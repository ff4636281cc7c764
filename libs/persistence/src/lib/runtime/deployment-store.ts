import {
  checkCalledDecisions,
  loadBpmnModel,
  loadDecisions,
  type ExecutableDecisions,
  type ExecutableDefinitions,
  type ExecutableProcess,
  type ModelProblem,
  type ModelResult,
} from '@laufweg/bpmn-model';
import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { beginTenantTransaction } from '../database/tenant-scope';
import type { CommandStore } from './command-store';
import { deploymentConstants } from './deployment-values';
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

/**
 * A form (form-js JSON), decision (DMN XML) or a municipality's values (JSON object: the
 * constants every instance of the deployment starts with) deployed with the BPMN, stored verbatim.
 */
export interface DeploymentResourceInput {
  readonly name: string;
  readonly kind: 'form' | 'dmn' | 'values';
  /** The form's `id` (what `zeebe:formDefinition formId` names) or the DMN definitions' id. */
  readonly resourceId?: string;
  readonly content: string;
}

export interface DeployRequest {
  readonly tenantId: string;
  readonly resourceName: string;
  readonly content: string;
  readonly createdBy?: string;
  /** Stored in the same transaction; a deployment whose BPMN and resources equal the latest is a no-op. */
  readonly resources?: readonly DeploymentResourceInput[];
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
    const decisions = await loadDeploymentDecisions(request, loaded.value.executable);
    if (!decisions.ok) return decisions;
    const constants = deploymentConstants(request);
    if (!constants.ok) return constants;
    const withConstants = constants.value ? processes.map((process) => ({ ...process, constants: constants.value })) : processes;
    const checksum = sha256(request.content);
    const client = await this.pool.connect();
    try {
      await beginTenantTransaction(client, [request.tenantId]);
      // Versions per process id are counted under this lock, so concurrent deployments queue.
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('laufweg-deploy:' || $1))`, [request.tenantId]);
      const result = await this.store(client, request, checksum, withConstants, decisions.value);
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
    decisions: ExecutableDecisions | undefined,
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
    const resources = (request.resources ?? []).map((resource) => ({ ...resource, checksum: sha256(resource.content) }));
    if (unchanged.length === ids.length && (await sameResources(client, request.tenantId, unchanged[0].deployment_key, resources))) {
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
    if (resources.length > 0) {
      await client.query(
        `INSERT INTO deployment_resource (tenant_id, deployment_key, name, kind, resource_id, content, checksum)
         SELECT $1, $2, * FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
        [
          request.tenantId,
          deploymentKey,
          resources.map((resource) => resource.name),
          resources.map((resource) => resource.kind),
          resources.map((resource) => resource.resourceId ?? null),
          resources.map((resource) => resource.content),
          resources.map((resource) => resource.checksum),
        ],
      );
    }
    const deployed: DeployedProcess[] = [];
    for (const process of processes) {
      const id = process.id;
      const processDefinitionKey = keys.next();
      this.models.put(processDefinitionKey, process, decisions);
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

function sha256(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Whether a deployment holds exactly these resources (by name, kind and checksum). */
async function sameResources(client: PoolClient, tenantId: string, deploymentKey: string, resources: readonly { name: string; kind: string; checksum: string }[]): Promise<boolean> {
  const { rows } = await client.query<{ name: string; kind: string; checksum: string }>(
    'SELECT name, kind, checksum FROM deployment_resource WHERE tenant_id = $1 AND deployment_key = $2',
    [tenantId, deploymentKey],
  );
  const signature = (list: readonly { name: string; kind: string; checksum: string }[]): string => list.map((entry) => `${entry.name}\u0000${entry.kind}\u0000${entry.checksum}`).sort().join('\n');
  return signature(rows) === signature(resources);
}

/**
 * The deployment's DMN files read, checked and compiled as one decision set, and every static
 * `zeebe:calledDecision` of its processes found in it; any problem refuses the deployment.
 */
async function loadDeploymentDecisions(request: DeployRequest, executable: ExecutableDefinitions): Promise<ModelResult<ExecutableDecisions | undefined>> {
  const documents = (request.resources ?? []).filter((resource) => resource.kind === 'dmn').map((resource) => resource.content);
  const empty: ExecutableDecisions = { decisions: {} };
  let decisions: ExecutableDecisions | undefined;
  const warnings: ModelProblem[] = [];
  if (documents.length > 0) {
    const loaded = await loadDecisions(documents);
    if (!loaded.ok) return loaded;
    decisions = loaded.value;
    warnings.push(...loaded.warnings);
  }
  const missing = checkCalledDecisions(executable, decisions ?? empty).filter((problem) => problem.severity === 'error');
  if (missing.length > 0) return { ok: false, problems: missing };
  return { ok: true, value: decisions, warnings };
}

function rejection(processId: string, reason: string): ModelProblem {
  return { severity: 'error', rule: 'deployment-rejected', elementId: processId, message: reason };
}
