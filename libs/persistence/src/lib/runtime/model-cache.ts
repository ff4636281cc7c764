import type { DecisionRepository, ModelRepository, ReadonlyEngineState } from '@laufweg/bpmn-engine';
import { loadBpmnModel, loadDecisions, type ExecutableDecisions, type ExecutableProcess } from '@laufweg/bpmn-model';
import type { PoolClient } from 'pg';
import { parseValues } from './deployment-values';

type Queryable = Pick<PoolClient, 'query'>;

/**
 * Compiled processes, and the decision tables deployed with them, by process definition key. The
 * engine reads both synchronously, so a command first makes sure every model its state can reach
 * is here; deployments are immutable, so an entry never goes stale. Keys are unique across
 * tenants, and loading filters by tenant. A process sees only the decisions of its own deployment.
 */
export class CompiledModelCache implements ModelRepository {
  private readonly models = new Map<string, ExecutableProcess>();
  private readonly decisionSets = new Map<string, ExecutableDecisions>();

  /** The engine's DecisionRepository port over this cache. */
  readonly decisions: DecisionRepository = {
    get: (decisionId, processDefinitionKey) => {
      const set = this.decisionSets.get(processDefinitionKey);
      return set && decisionId in set.decisions ? set : undefined;
    },
  };

  get(processDefinitionKey: string): ExecutableProcess | undefined {
    return this.models.get(processDefinitionKey);
  }

  put(processDefinitionKey: string, process: ExecutableProcess, decisions?: ExecutableDecisions): void {
    this.models.set(processDefinitionKey, process);
    if (decisions) this.decisionSets.set(processDefinitionKey, decisions);
  }

  /** Loads and compiles the models of the state's definitions that are not cached yet. */
  async ensureFor(client: Queryable, tenantId: string, state: ReadonlyEngineState): Promise<void> {
    const keys = new Set<string>();
    for (const definition of Object.values(state.processes)) keys.add(definition.processDefinitionKey);
    for (const instance of Object.values(state.elementInstances)) keys.add(instance.processDefinitionKey);
    for (const timer of Object.values(state.timers)) keys.add(timer.processDefinitionKey);
    for (const subscription of Object.values(state.signalSubscriptions)) keys.add(subscription.processDefinitionKey);
    await this.ensureKeys(client, tenantId, [...keys]);
  }

  /** Loads and compiles the tenant's models with these keys that are not cached yet (unknown keys stay missing). */
  async ensureKeys(client: Queryable, tenantId: string, keys: readonly string[]): Promise<void> {
    const missing = [...new Set(keys)].filter((key) => !this.models.has(key));
    if (missing.length === 0) return;
    const { rows } = await client.query<{ key: string; process_id: string; deployment_key: string; content: string }>(
      `SELECT d.key, d.process_id, d.deployment_key, dep.content
         FROM process_definition d JOIN deployment dep ON dep.tenant_id = d.tenant_id AND dep.key = d.deployment_key
        WHERE d.tenant_id = $1 AND d.key = ANY($2::bigint[])`,
      [tenantId, missing],
    );
    const resources = await client.query<{ deployment_key: string; kind: 'dmn' | 'values'; content: string }>(
      `SELECT deployment_key, kind, content FROM deployment_resource WHERE tenant_id = $1 AND kind IN ('dmn', 'values') AND deployment_key = ANY($2::bigint[]) ORDER BY name`,
      [tenantId, [...new Set(rows.map((row) => row.deployment_key))]],
    );
    for (const row of rows) {
      const own = resources.rows.filter((resource) => resource.deployment_key === row.deployment_key);
      const documents = own.filter((resource) => resource.kind === 'dmn').map((resource) => resource.content);
      if (documents.length > 0) {
        const decisions = await loadDecisions(documents);
        if (!decisions.ok) throw new Error(`Stored decisions of deployment ${row.deployment_key} no longer compile: ${decisions.problems.map((problem) => problem.message).join('; ')}`);
        this.decisionSets.set(row.key, decisions.value);
      }
      const loaded = await loadBpmnModel(row.content);
      if (!loaded.ok) throw new Error(`Stored deployment ${row.deployment_key} no longer compiles: ${loaded.problems.map((problem) => problem.message).join('; ')}`);
      const process = loaded.value.executable.processes[row.process_id];
      if (!process) throw new Error(`Deployment ${row.deployment_key} has no process ${row.process_id}.`);
      const values = own.find((resource) => resource.kind === 'values');
      const constants = values ? parseValues(values.content) : undefined;
      if (values && !constants) throw new Error(`Stored values of deployment ${row.deployment_key} are not a JSON object.`);
      this.models.set(row.key, constants ? { ...process, constants } : process);
    }
  }
}
