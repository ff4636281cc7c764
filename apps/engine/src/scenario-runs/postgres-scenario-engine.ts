import type { EngineEvent, IncidentErrorType } from '@laufweg/bpmn-engine';
import type { JsonObject, JsonValue } from '@laufweg/bpmn-model';
import { beginTenantTransaction, EngineRuntime, isKey, RecordNotFoundError, type RunCommandRequest, type RunCommandResult } from '@laufweg/persistence';
import type {
  ScenarioActiveElement,
  ScenarioEngine,
  ScenarioEngineFactory,
  ScenarioEngineSetup,
  ScenarioIncident,
  ScenarioJob,
  ScenarioUserTask,
} from '@laufweg/scenarios';
import type { Pool } from 'pg';
import { createSandboxTenant, dropSandboxTenant, landOf, SANDBOX_LOCK_OWNER, sandboxTenantId } from './sandbox-tenant';

export interface PostgresScenarioEngineOptions {
  /**
   * Owner connection for dropping the sandbox completely. Without it the application role
   * empties the runtime tables, and the tenant row, deployment and event log of the sandbox remain.
   */
  readonly ownerPool?: Pool;
}

/**
 * Scenario engines on the durable runtime: each run deploys the route into a fresh sandbox
 * tenant (`sandbox-<random>`, the Land taken from the setup's calendar) on the given pool — the
 * application role, seeing every tenant — and drops the tenant with all its rows in `close()`.
 */
export function createPostgresScenarioEngine(pool: Pool, options: PostgresScenarioEngineOptions = {}): ScenarioEngineFactory {
  return async (setup: ScenarioEngineSetup) => {
    const tenantId = sandboxTenantId();
    await createSandboxTenant(pool, tenantId, landOf(setup.calendar, setup.startTime));
    const engine = new PostgresScenarioEngine(pool, tenantId, setup.startTime, options.ownerPool);
    try {
      await engine.deploy(setup);
      return engine;
    } catch (error) {
      await engine.close();
      throw error;
    }
  };
}

/**
 * The ScenarioEngine contract over EngineRuntime with a virtual clock. Every command runs in its
 * own transaction (CommandStore.runOn) that, before it commits, locks all job and timer rows of
 * the sandbox for ever: the service's job executor and external workers acquire only unlocked
 * rows, so no real connector sees a sandbox job and no background timer fires a sandbox timer.
 */
export class PostgresScenarioEngine implements ScenarioEngine {
  private clock: number;
  private readonly runtime: EngineRuntime;
  private closed = false;
  /** Rows the application role could not delete (no owner connection), after close(). */
  remaining: readonly string[] = [];

  constructor(
    private readonly pool: Pool,
    readonly tenantId: string,
    startTime: number,
    private readonly ownerPool?: Pool,
  ) {
    this.clock = startTime;
    this.runtime = new EngineRuntime(pool, { now: () => this.clock });
  }

  now(): number {
    return this.clock;
  }

  /** Deploys the shared call activities, then the route with its decisions and the municipality's values. */
  async deploy(setup: Pick<ScenarioEngineSetup, 'bpmnXml' | 'dmn' | 'constants' | 'called'>): Promise<void> {
    for (const document of setup.called ?? []) {
      const called = await this.runtime.deploy({ tenantId: this.tenantId, resourceName: document.name, content: document.xml });
      if (!called.ok) throw new Error(`${document.name} does not deploy: ${called.problems.map((problem) => problem.message).join('; ')}`);
    }
    const resources = [
      ...(setup.dmn ?? []).map((content, index) => ({ name: `decision-${index + 1}.dmn`, kind: 'dmn' as const, content })),
      ...(setup.constants ? [{ name: 'scenario.values.json', kind: 'values' as const, content: JSON.stringify(setup.constants) }] : []),
    ];
    const result = await this.runtime.deploy({ tenantId: this.tenantId, resourceName: 'scenario-route.bpmn', content: setup.bpmnXml, resources });
    if (!result.ok) throw new Error(`The route does not deploy: ${result.problems.map((problem) => problem.message).join('; ')}`);
    // Timer start events were written by the deployment's own transaction.
    await this.pool.query(`UPDATE job SET lock_owner = $2, lock_expires_at = 'infinity' WHERE tenant_id = $1`, [this.tenantId, SANDBOX_LOCK_OWNER]);
  }

  async startInstance(processId: string, variables: JsonObject): Promise<string> {
    const result = await this.run({ command: { type: 'CreateProcessInstance', processId, variables } });
    const [root] = result.createdRoots;
    if (root === undefined) throw new Error(`Process '${processId}' started no instance.`);
    return root;
  }

  async startByMessage(name: string, correlationKey: string, variables: JsonObject): Promise<string> {
    const result = await this.run({ rootKeys: await this.messageRoots(name, correlationKey), command: { type: 'CorrelateMessage', name, correlationKey, variables } });
    const [root] = result.createdRoots;
    if (root === undefined) throw new Error(`The message '${name}' started no instance (no message start event waits for it).`);
    return root;
  }

  async availableJobs(): Promise<readonly ScenarioJob[]> {
    const { rows } = await this.pool.query<{ key: string; type: string; element_id: string; process_instance_key: string; retries: number }>(
      `SELECT key, type, record ->> 'elementId' AS element_id, process_instance_key, retries FROM job
        WHERE tenant_id = $1 AND kind = 'job' AND state = 'activatable' AND due_at <= $2 ORDER BY key`,
      [this.tenantId, new Date(this.clock)],
    );
    return rows.map((row) => ({ key: row.key, type: row.type, elementId: row.element_id, processInstanceKey: row.process_instance_key, retries: row.retries }));
  }

  async completeJob(jobKey: string, variables: JsonObject): Promise<void> {
    await this.onRecord('job', jobKey, { type: 'CompleteJob', jobKey, variables });
  }

  async failJob(jobKey: string, retries: number, message: string, backoffMs: number): Promise<void> {
    await this.onRecord('job', jobKey, { type: 'FailJob', jobKey, retries, errorMessage: message, ...(backoffMs > 0 ? { retryBackoffMs: backoffMs } : {}) });
  }

  async throwJobError(jobKey: string, code: string, message: string, variables: JsonObject): Promise<void> {
    await this.onRecord('job', jobKey, { type: 'ThrowJobError', jobKey, errorCode: code, errorMessage: message, variables });
  }

  async openUserTasks(): Promise<readonly ScenarioUserTask[]> {
    const { rows } = await this.pool.query<{ key: string; element_id: string; process_instance_key: string; candidate_groups: string[]; assignee: string | null }>(
      'SELECT key, element_id, process_instance_key, candidate_groups, assignee FROM user_task WHERE tenant_id = $1 ORDER BY key',
      [this.tenantId],
    );
    return rows.map((row) => ({
      key: row.key,
      elementId: row.element_id,
      processInstanceKey: row.process_instance_key,
      candidateGroups: row.candidate_groups,
      ...(row.assignee === null ? {} : { assignee: row.assignee }),
    }));
  }

  async completeUserTask(userTaskKey: string, variables: JsonObject, completedBy?: string): Promise<void> {
    await this.onRecord('user_task', userTaskKey, { type: 'CompleteUserTask', userTaskKey, variables, ...(completedBy === undefined ? {} : { completedBy }) });
  }

  async correlateMessage(name: string, correlationKey: string, variables: JsonObject, timeToLiveMs: number): Promise<void> {
    await this.run({ rootKeys: await this.messageRoots(name, correlationKey), command: { type: 'CorrelateMessage', name, correlationKey, variables, timeToLiveMs } });
  }

  async broadcastSignal(name: string, variables: JsonObject): Promise<void> {
    const { rows } = await this.pool.query<{ root_key: string | null; definition_key: string | null }>(
      `SELECT DISTINCT root_key, CASE WHEN root_key IS NULL THEN record ->> 'processDefinitionKey' END AS definition_key
         FROM signal_subscription WHERE tenant_id = $1 AND signal_name = $2`,
      [this.tenantId, name],
    );
    await this.run({
      rootKeys: rows.flatMap((row) => (row.root_key === null ? [] : [row.root_key])),
      selection: { definitionKeys: rows.flatMap((row) => (row.definition_key === null ? [] : [row.definition_key])) },
      command: { type: 'BroadcastSignal', name, variables },
    });
  }

  async openIncidents(): Promise<readonly ScenarioIncident[]> {
    const { rows } = await this.pool.query<{ key: string; element_id: string; process_instance_key: string; error_type: IncidentErrorType; message: string }>(
      'SELECT key, element_id, process_instance_key, error_type, message FROM incident WHERE tenant_id = $1 ORDER BY key',
      [this.tenantId],
    );
    return rows.map((row) => ({ key: row.key, elementId: row.element_id, processInstanceKey: row.process_instance_key, errorType: row.error_type, message: row.message }));
  }

  async resolveIncident(incidentKey: string, retries?: number): Promise<void> {
    await this.onRecord('incident', incidentKey, { type: 'ResolveIncident', incidentKey, ...(retries === undefined ? {} : { retries }) });
  }

  async nextWakeUp(): Promise<number | undefined> {
    const { rows } = await this.pool.query<{ due: Date | null }>(
      `SELECT min(due_at) AS due FROM job
        WHERE tenant_id = $1 AND (kind = 'timer' OR (kind = 'job' AND state = 'activatable' AND retries > 0 AND due_at > $2))`,
      [this.tenantId, new Date(this.clock)],
    );
    return rows[0]?.due?.getTime() ?? undefined;
  }

  async advanceTo(epochMillis: number): Promise<void> {
    for (;;) {
      const { rows } = await this.pool.query<{ key: string; root_key: string | null; definition_key: string; due_at: Date }>(
        `SELECT key, root_key, record ->> 'processDefinitionKey' AS definition_key, due_at FROM job
          WHERE tenant_id = $1 AND kind = 'timer' AND due_at <= $2 ORDER BY due_at, key LIMIT 1`,
        [this.tenantId, new Date(epochMillis)],
      );
      const [timer] = rows;
      if (timer === undefined) break;
      this.clock = Math.max(this.clock, timer.due_at.getTime());
      await this.run({
        command: { type: 'TriggerTimer', timerKey: timer.key },
        guardJobKey: timer.key,
        ...(timer.root_key === null ? { selection: { definitionKeys: [timer.definition_key] } } : { rootKeys: [timer.root_key] }),
      });
    }
    this.clock = Math.max(this.clock, epochMillis);
  }

  async activeElements(): Promise<readonly ScenarioActiveElement[]> {
    const { rows } = await this.pool.query<{ element_id: string; process_instance_key: string }>(
      `SELECT element_id, process_instance_key FROM element_instance
        WHERE tenant_id = $1 AND element_type NOT IN ('process', 'multiInstanceBody') ORDER BY key`,
      [this.tenantId],
    );
    return rows.map((row) => ({ elementId: row.element_id, processInstanceKey: row.process_instance_key }));
  }

  async variables(processInstanceKey: string): Promise<JsonObject> {
    if (!isKey(processInstanceKey)) return {};
    const status = await this.pool.query<{ status: string }>('SELECT status FROM process_instance WHERE tenant_id = $1 AND key = $2', [this.tenantId, processInstanceKey]);
    if (status.rows[0]?.status === 'active') {
      const { rows } = await this.pool.query<{ name: string; value: JsonValue }>('SELECT name, value FROM variable WHERE tenant_id = $1 AND scope_key = $2 ORDER BY name', [
        this.tenantId,
        processInstanceKey,
      ]);
      return Object.fromEntries(rows.map((row) => [row.name, row.value]));
    }
    // An ended instance's rows are gone: its last values are in the event log.
    const variables: JsonObject = {};
    for (const event of await this.events()) {
      if (event.type === 'VariableSet' && event.scopeKey === processInstanceKey) variables[event.name] = event.value;
    }
    return variables;
  }

  async events(): Promise<readonly EngineEvent[]> {
    const { rows } = await this.pool.query<{ payload: EngineEvent }>('SELECT payload FROM instance_event WHERE tenant_id = $1 ORDER BY root_key, position', [this.tenantId]);
    return rows.map((row) => row.payload);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.remaining = await dropSandboxTenant(this.tenantId, { app: this.pool, ...(this.ownerPool ? { owner: this.ownerPool } : {}) });
  }

  private async onRecord(table: 'job' | 'user_task' | 'incident', key: string, command: RunCommandRequest['command']): Promise<RunCommandResult> {
    const name = { job: 'Job', user_task: 'User task', incident: 'Incident' }[table];
    if (!isKey(key)) throw new RecordNotFoundError(name, key);
    const { rows } = await this.pool.query<{ root_key: string }>(`SELECT root_key FROM ${table} WHERE tenant_id = $1 AND key = $2`, [this.tenantId, key]);
    if (rows[0] === undefined) throw new RecordNotFoundError(name, key);
    return this.run({ rootKeys: [rows[0].root_key], command });
  }

  private async messageRoots(name: string, correlationKey: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ root_key: string }>(
      'SELECT DISTINCT root_key FROM message_subscription WHERE tenant_id = $1 AND message_name = $2 AND correlation_key = $3 AND root_key IS NOT NULL',
      [this.tenantId, name, correlationKey],
    );
    return rows.map((row) => row.root_key);
  }

  /** One command in one transaction, the sandbox's job rows locked before the commit; a rejection throws. */
  private async run(request: Omit<RunCommandRequest, 'tenantId'>): Promise<RunCommandResult & { rejected: false }> {
    for (let keyBlocks = 1; ; keyBlocks *= 8) {
      const client = await this.pool.connect();
      try {
        await beginTenantTransaction(client, [this.tenantId]);
        const result = await this.runtime.commands.runOn(client, { ...request, tenantId: this.tenantId }, keyBlocks);
        if (result.rejected) throw new Error(result.reason);
        await client.query(`UPDATE job SET lock_owner = $2, lock_expires_at = 'infinity' WHERE tenant_id = $1`, [this.tenantId, SANDBOX_LOCK_OWNER]);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        // A command that needs more keys than reserved runs again with more (as CommandStore.run does).
        if (error instanceof Error && error.constructor.name === 'KeysExhaustedError' && keyBlocks < 4096) continue;
        throw error;
      } finally {
        client.release();
      }
    }
  }
}
