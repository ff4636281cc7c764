import type { JsonObject } from '@laufweg/bpmn-model';
import type { EngineEvent } from '@laufweg/bpmn-engine';
import { EngineHarness } from '@laufweg/engine-testing';
import type { ScenarioActiveElement, ScenarioEngine, ScenarioEngineSetup, ScenarioIncident, ScenarioJob, ScenarioUserTask } from './scenario-engine';

/**
 * The scenario engine on the in-memory harness: the real engine core with a fake clock, every
 * command checked for replay and determinism. A year of deadlines runs in milliseconds.
 */
export function createHarnessScenarioEngine(setup: ScenarioEngineSetup): Promise<ScenarioEngine> {
  const harness = new EngineHarness({ startTime: setup.startTime, calendar: setup.calendar });
  // The route's definitions hold the shared processes too (for ids and coverage): deploy those
  // first, on their own, then the route's own processes with its decisions and constants.
  const shared = new Set<string>();
  for (const document of setup.called ?? []) {
    harness.deploy(document.definitions);
    for (const id of Object.keys(document.definitions.processes)) shared.add(id);
  }
  const own = Object.fromEntries(Object.entries(setup.definitions.processes).filter(([id]) => !shared.has(id)));
  harness.deploy({ processes: own }, setup.decisions, setup.constants);
  return Promise.resolve(new HarnessScenarioEngine(harness));
}

export class HarnessScenarioEngine implements ScenarioEngine {
  constructor(private readonly harness: EngineHarness) {}

  now(): number {
    return this.harness.clock.now();
  }

  startInstance(processId: string, variables: JsonObject): Promise<string> {
    return this.run(() => this.harness.createInstance(processId, variables));
  }

  startByMessage(name: string, correlationKey: string, variables: JsonObject): Promise<string> {
    return this.run(() => {
      const events = this.harness.execute({ type: 'CorrelateMessage', name, correlationKey, variables });
      const root = events.find((record) => record.type === 'ElementActivating' && record.elementType === 'process' && record.flowScopeKey === null);
      if (root?.type !== 'ElementActivating') throw new Error(`The message '${name}' started no instance (no message start event waits for it).`);
      return root.key;
    });
  }

  availableJobs(): Promise<readonly ScenarioJob[]> {
    return this.run(() =>
      this.harness
        .availableJobs()
        .sort((a, b) => Number(a.key) - Number(b.key))
        .map((job) => ({ key: job.key, type: job.type, elementId: job.elementId, processInstanceKey: job.processInstanceKey, retries: job.retries })),
    );
  }

  completeJob(jobKey: string, variables: JsonObject): Promise<void> {
    return this.command(() => this.harness.execute({ type: 'CompleteJob', jobKey, variables }));
  }

  failJob(jobKey: string, retries: number, message: string, backoffMs: number): Promise<void> {
    return this.command(() => this.harness.execute({ type: 'FailJob', jobKey, retries, errorMessage: message, ...(backoffMs > 0 ? { retryBackoffMs: backoffMs } : {}) }));
  }

  throwJobError(jobKey: string, code: string, message: string, variables: JsonObject): Promise<void> {
    return this.command(() => this.harness.execute({ type: 'ThrowJobError', jobKey, errorCode: code, errorMessage: message, variables }));
  }

  openUserTasks(): Promise<readonly ScenarioUserTask[]> {
    return this.run(() =>
      this.harness.userTasks().map((task) => ({
        key: task.key,
        elementId: task.elementId,
        processInstanceKey: task.processInstanceKey,
        candidateGroups: task.candidateGroups,
        ...(task.assignee === undefined ? {} : { assignee: task.assignee }),
      })),
    );
  }

  completeUserTask(userTaskKey: string, variables: JsonObject, completedBy?: string): Promise<void> {
    return this.command(() => this.harness.execute({ type: 'CompleteUserTask', userTaskKey, variables, ...(completedBy === undefined ? {} : { completedBy }) }));
  }

  correlateMessage(name: string, correlationKey: string, variables: JsonObject, timeToLiveMs: number): Promise<void> {
    return this.command(() => this.harness.correlateMessage(name, correlationKey, variables, timeToLiveMs));
  }

  broadcastSignal(name: string, variables: JsonObject): Promise<void> {
    return this.command(() => this.harness.broadcastSignal(name, variables));
  }

  openIncidents(): Promise<readonly ScenarioIncident[]> {
    return this.run(() =>
      this.harness.incidents().map((incident) => ({
        key: incident.key,
        elementId: incident.elementId,
        processInstanceKey: incident.processInstanceKey,
        errorType: incident.errorType,
        message: incident.message,
      })),
    );
  }

  resolveIncident(incidentKey: string, retries?: number): Promise<void> {
    return this.command(() => this.harness.resolveIncident(incidentKey, retries));
  }

  nextWakeUp(): Promise<number | undefined> {
    return this.run(() => {
      const now = this.now();
      const dueDates = [
        ...Object.values(this.harness.state.timers).map((timer) => timer.dueDate),
        ...this.harness
          .jobs()
          .filter((job) => job.state === 'failed' && job.retries > 0 && (job.retryAt ?? 0) > now)
          .map((job) => job.retryAt ?? now),
      ];
      return dueDates.length === 0 ? undefined : Math.min(...dueDates);
    });
  }

  advanceTo(epochMillis: number): Promise<void> {
    return this.command(() => this.harness.advanceTo(epochMillis));
  }

  activeElements(): Promise<readonly ScenarioActiveElement[]> {
    return this.run(() =>
      Object.values(this.harness.state.elementInstances)
        .filter((instance) => instance.elementType !== 'process' && instance.elementType !== 'multiInstanceBody')
        .map((instance) => ({ elementId: instance.elementId, processInstanceKey: instance.processInstanceKey })),
    );
  }

  variables(processInstanceKey: string): Promise<JsonObject> {
    return this.run(() => this.harness.variables(processInstanceKey));
  }

  events(): Promise<readonly EngineEvent[]> {
    return this.run(() => this.harness.records.events);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  /** The harness is synchronous; errors become rejections so callers handle both engines alike. */
  private run<T>(action: () => T): Promise<T> {
    try {
      return Promise.resolve(action());
    } catch (error: unknown) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private command(action: () => unknown): Promise<void> {
    return this.run(() => {
      action();
    });
  }
}
