import { checkMigration, type Clock, type EngineCommand, type MappingInstruction, type MigrationProblem } from '@laufweg/bpmn-engine';
import type { JsonObject, ModelResult } from '@laufweg/bpmn-model';
import type { Pool } from 'pg';
import { CommandStore, type RootedTable, type RunCommandRequest, type RunCommandResult } from './command-store';
import { DeploymentStore, type DeploymentResult, type DeployRequest } from './deployment-store';
import { CompiledModelCache } from './model-cache';
import { loadState } from './state-loader';

/** The commands that settle a job. */
export type JobCommand = Extract<EngineCommand, { readonly type: 'CompleteJob' | 'FailJob' | 'ThrowJobError' }>;

/** The record a command names does not exist (any more): HTTP 404, or 409 for a repeated completion. */
export class RecordNotFoundError extends Error {
  constructor(
    readonly kind: string,
    readonly key: string,
  ) {
    super(`${kind} ${key} does not exist or is already finished.`);
  }
}

export interface StartInstanceRequest {
  readonly processId: string;
  readonly variables?: JsonObject;
  readonly businessKey?: string;
  readonly startElementId?: string;
}

/** Activate elements (with local variables) and terminate element instances of one process instance. */
export interface ModifyInstanceRequest {
  readonly activate?: readonly { readonly elementId: string; readonly variables?: JsonObject }[];
  readonly terminate?: readonly string[];
}

export interface MigrateInstanceRequest {
  readonly targetProcessDefinitionKey: string;
  readonly mappingInstructions: readonly MappingInstruction[];
}

export interface CorrelateMessageRequest {
  readonly name: string;
  readonly correlationKey?: string;
  readonly variables?: JsonObject;
  readonly timeToLiveMs?: number;
  readonly messageId?: string;
}

/**
 * The durable engine as the rest of the service uses it: each operation finds the instance
 * trees it acts on and runs one engine command in one transaction (CommandStore). Everything is
 * scoped to a tenant; a key of another tenant is not found.
 */
export class EngineRuntime {
  readonly models = new CompiledModelCache();
  readonly commands: CommandStore;
  readonly deployments: DeploymentStore;

  constructor(
    readonly pool: Pool,
    readonly clock: Clock,
  ) {
    this.commands = new CommandStore(pool, this.models, clock);
    this.deployments = new DeploymentStore(pool, this.models, this.commands);
  }

  deploy(request: DeployRequest): Promise<ModelResult<DeploymentResult>> {
    return this.deployments.deploy(request);
  }

  async startInstance(tenantId: string, request: StartInstanceRequest): Promise<RunCommandResult> {
    return this.commands.run({
      tenantId,
      command: {
        type: 'CreateProcessInstance',
        processId: request.processId,
        ...(request.variables ? { variables: request.variables } : {}),
        ...(request.startElementId ? { startElementId: request.startElementId } : {}),
      },
      ...(request.businessKey !== undefined ? { businessKey: request.businessKey } : {}),
    });
  }

  /**
   * The job commands take the job's instance tree when the caller already knows it (the executor
   * got it with the job; a job never changes trees), saving a lookup; a job that is gone by then
   * makes the engine refuse the command.
   */
  async completeJob(tenantId: string, jobKey: string, variables: JsonObject = {}, rootKey?: string): Promise<RunCommandResult> {
    return this.onRecord(tenantId, 'job', jobKey, { type: 'CompleteJob', jobKey, variables }, rootKey);
  }

  async failJob(tenantId: string, jobKey: string, failure: { retries: number; errorMessage?: string; retryBackoffMs?: number }, rootKey?: string): Promise<RunCommandResult> {
    return this.onRecord(tenantId, 'job', jobKey, { type: 'FailJob', jobKey, ...failure }, rootKey);
  }

  async throwJobError(
    tenantId: string,
    jobKey: string,
    error: { errorCode: string; errorMessage?: string; variables?: JsonObject },
    rootKey?: string,
  ): Promise<RunCommandResult> {
    return this.onRecord(tenantId, 'job', jobKey, { type: 'ThrowJobError', jobKey, ...error }, rootKey);
  }

  /** Runs a job command (complete, fail, throw an error) on the job's tree; see completeJob for `rootKey`. */
  async runOnJob(tenantId: string, jobKey: string, command: JobCommand, rootKey?: string): Promise<RunCommandResult> {
    return this.onRecord(tenantId, 'job', jobKey, command, rootKey);
  }

  /** Completes a user task; `completedBy` (the caller's subject) is recorded in the event for the four-eyes rule. */
  async completeUserTask(tenantId: string, userTaskKey: string, variables: JsonObject = {}, completedBy?: string): Promise<RunCommandResult> {
    return this.onRecord(tenantId, 'user_task', userTaskKey, { type: 'CompleteUserTask', userTaskKey, variables, ...(completedBy !== undefined ? { completedBy } : {}) });
  }

  /** Sets the assignee of an open user task, or removes it with null. */
  async assignUserTask(tenantId: string, userTaskKey: string, assignee: string | null): Promise<RunCommandResult> {
    return this.onRecord(tenantId, 'user_task', userTaskKey, { type: 'AssignUserTask', userTaskKey, assignee });
  }

  async modifyInstance(tenantId: string, processInstanceKey: string, request: ModifyInstanceRequest): Promise<RunCommandResult> {
    return this.onRecord(tenantId, 'process_instance', processInstanceKey, {
      type: 'ModifyProcessInstance',
      processInstanceKey,
      ...(request.activate ? { activate: request.activate } : {}),
      ...(request.terminate ? { terminate: request.terminate } : {}),
    });
  }

  /** Moves a running process instance to another version of its (or another) process. */
  async migrateInstance(tenantId: string, processInstanceKey: string, request: MigrateInstanceRequest): Promise<RunCommandResult> {
    await this.models.ensureKeys(this.pool, tenantId, [request.targetProcessDefinitionKey]);
    return this.onRecord(tenantId, 'process_instance', processInstanceKey, { type: 'MigrateProcessInstance', processInstanceKey, ...request });
  }

  /** What would keep a migration from running, checked on the stored state without locking or changing it. */
  async checkMigration(tenantId: string, processInstanceKey: string, request: MigrateInstanceRequest): Promise<MigrationProblem[]> {
    const rootKey = await this.rootOf(tenantId, 'process_instance', processInstanceKey);
    const client = await this.pool.connect();
    try {
      const state = await loadState(client, tenantId, { rootKeys: [rootKey] });
      await this.models.ensureFor(client, tenantId, state);
      await this.models.ensureKeys(client, tenantId, [request.targetProcessDefinitionKey]);
      return checkMigration(state, { type: 'MigrateProcessInstance', processInstanceKey, ...request }, this.models);
    } finally {
      client.release();
    }
  }

  async resolveIncident(tenantId: string, incidentKey: string, retries?: number): Promise<RunCommandResult> {
    return this.onRecord(tenantId, 'incident', incidentKey, { type: 'ResolveIncident', incidentKey, ...(retries !== undefined ? { retries } : {}) });
  }

  async cancelInstance(tenantId: string, processInstanceKey: string): Promise<RunCommandResult> {
    return this.onRecord(tenantId, 'process_instance', processInstanceKey, { type: 'CancelProcessInstance', processInstanceKey });
  }

  /** Fires a timer: an instance's timer under its tree's lock, a start event's under its own row lock. */
  async triggerTimer(tenantId: string, timerKey: string): Promise<RunCommandResult> {
    if (!isKey(timerKey)) throw new RecordNotFoundError('Timer', timerKey);
    const { rows } = await this.pool.query<{ root_key: string | null; definition_key: string }>(
      `SELECT root_key, record ->> 'processDefinitionKey' AS definition_key FROM job WHERE tenant_id = $1 AND key = $2 AND kind = 'timer'`,
      [tenantId, timerKey],
    );
    if (rows.length === 0) throw new RecordNotFoundError('Timer', timerKey);
    const [timer] = rows;
    const request: RunCommandRequest = {
      tenantId,
      command: { type: 'TriggerTimer', timerKey },
      guardJobKey: timerKey,
      ...(timer.root_key === null ? { selection: { definitionKeys: [timer.definition_key] } } : { rootKeys: [timer.root_key] }),
    };
    return this.commands.run(request);
  }

  /**
   * Publishes a message: correlated to every waiting subscription with its name and correlation
   * key (one command over all their trees) and to message start events; buffered for its time to
   * live when nothing took it. A message id already buffered is not published again.
   */
  async correlateMessage(tenantId: string, request: CorrelateMessageRequest): Promise<RunCommandResult | { readonly duplicate: true }> {
    if (request.messageId) {
      const known = await this.pool.query('SELECT 1 FROM buffered_message WHERE tenant_id = $1 AND message_id = $2', [tenantId, request.messageId]);
      if ((known.rowCount ?? 0) > 0) return { duplicate: true };
    }
    const { rows } = await this.pool.query<{ root_key: string }>(
      `SELECT DISTINCT root_key FROM message_subscription WHERE tenant_id = $1 AND message_name = $2 AND correlation_key = $3 AND root_key IS NOT NULL`,
      [tenantId, request.name, request.correlationKey ?? ''],
    );
    return this.commands.run({
      tenantId,
      rootKeys: rows.map((row) => row.root_key),
      command: {
        type: 'CorrelateMessage',
        name: request.name,
        ...(request.correlationKey !== undefined ? { correlationKey: request.correlationKey } : {}),
        ...(request.variables ? { variables: request.variables } : {}),
        ...(request.timeToLiveMs !== undefined ? { timeToLiveMs: request.timeToLiveMs } : {}),
        ...(request.messageId ? { messageId: request.messageId } : {}),
      },
    });
  }

  /** Broadcasts a signal within the tenant: every waiting catch event and every signal start event. */
  async broadcastSignal(tenantId: string, name: string, variables: JsonObject = {}): Promise<RunCommandResult> {
    const { rows } = await this.pool.query<{ root_key: string | null; definition_key: string | null }>(
      `SELECT DISTINCT root_key, CASE WHEN root_key IS NULL THEN record ->> 'processDefinitionKey' END AS definition_key
         FROM signal_subscription WHERE tenant_id = $1 AND signal_name = $2`,
      [tenantId, name],
    );
    return this.commands.run({
      tenantId,
      rootKeys: rows.flatMap((row) => (row.root_key === null ? [] : [row.root_key])),
      selection: { definitionKeys: rows.flatMap((row) => (row.definition_key === null ? [] : [row.definition_key])) },
      command: { type: 'BroadcastSignal', name, variables },
    });
  }

  /**
   * Deletes buffered messages whose time to live is over, in every tenant (background work on the
   * system-scoped pool). They belong to no instance, so no event log records them.
   */
  async dropExpiredMessages(): Promise<number> {
    const result = await this.pool.query('DELETE FROM buffered_message WHERE expires_at <= $1', [new Date(this.clock.now())]);
    return result.rowCount ?? 0;
  }

  /** Runs a command on the tree of a record; the tree is looked up in the round trip that locks it, unless known. */
  private async onRecord(tenantId: string, table: RootedTable, key: string, command: EngineCommand, knownRootKey?: string): Promise<RunCommandResult> {
    if (knownRootKey !== undefined) return this.commands.run({ tenantId, rootKeys: [knownRootKey], command });
    const missing = (): RecordNotFoundError => new RecordNotFoundError(RECORD_NAMES[table], key);
    if (!isKey(key)) throw missing();
    return this.commands.run({ tenantId, rootOfRecord: { table, key, missing }, command });
  }

  private async rootOf(tenantId: string, table: RootedTable, key: string): Promise<string> {
    if (!isKey(key)) throw new RecordNotFoundError(RECORD_NAMES[table], key);
    const { rows } = await this.pool.query<{ root_key: string }>(`SELECT root_key FROM ${table} WHERE tenant_id = $1 AND key = $2`, [tenantId, key]);
    if (rows.length === 0) throw new RecordNotFoundError(RECORD_NAMES[table], key);
    return rows[0].root_key;
  }
}

const RECORD_NAMES: Readonly<Record<RootedTable, string>> = {
  job: 'Job',
  user_task: 'User task',
  incident: 'Incident',
  process_instance: 'Process instance',
};

/** Keys are positive bigints written in decimal. */
export function isKey(value: string): boolean {
  return /^[1-9][0-9]{0,18}$/.test(value);
}
