import type { ExecutableDecisions, ExecutableDefinitions, JsonObject } from '@laufweg/bpmn-model';
import type { BusinessCalendar, EngineEvent, IncidentErrorType } from '@laufweg/bpmn-engine';

/** A service-task job a connector could take now. */
export interface ScenarioJob {
  readonly key: string;
  readonly type: string;
  readonly elementId: string;
  readonly processInstanceKey: string;
  /** Retries left before this call. */
  readonly retries: number;
}

export interface ScenarioUserTask {
  readonly key: string;
  readonly elementId: string;
  readonly processInstanceKey: string;
  readonly candidateGroups: readonly string[];
  readonly assignee?: string;
}

export interface ScenarioIncident {
  readonly key: string;
  readonly elementId: string;
  readonly processInstanceKey: string;
  readonly errorType: IncidentErrorType;
  readonly message: string;
}

export interface ScenarioActiveElement {
  readonly elementId: string;
  readonly processInstanceKey: string;
}

/**
 * The engine a scenario runs on. The runner drives it only through this interface, so the same
 * scenario runs on the in-memory harness (`createHarnessScenarioEngine`) and, through an adapter
 * over the durable runtime, on PostgreSQL in a sandbox tenant with the same result.
 *
 * Contract: every command runs to the next wait states before its promise resolves; time moves
 * only through `advanceTo` (a virtual clock that starts at `ScenarioEngineSetup.startTime`);
 * `events` is the complete event log in order, the same events `instance_event` stores.
 * Commands the engine rejects throw an error whose message says why.
 */
export interface ScenarioEngine {
  /** The virtual clock, epoch milliseconds. */
  now(): number;
  /** Starts an instance of the process at its none start event; resolves to the instance key. */
  startInstance(processId: string, variables: JsonObject): Promise<string>;
  /** Publishes a message that starts an instance through a message start event; resolves to its key. */
  startByMessage(name: string, correlationKey: string, variables: JsonObject): Promise<string>;
  /** Jobs a connector could take now (activatable, or failed with retries left and backoff over). */
  availableJobs(): Promise<readonly ScenarioJob[]>;
  completeJob(jobKey: string, variables: JsonObject): Promise<void>;
  failJob(jobKey: string, retries: number, message: string, backoffMs: number): Promise<void>;
  throwJobError(jobKey: string, code: string, message: string, variables: JsonObject): Promise<void>;
  openUserTasks(): Promise<readonly ScenarioUserTask[]>;
  completeUserTask(userTaskKey: string, variables: JsonObject, completedBy?: string): Promise<void>;
  correlateMessage(name: string, correlationKey: string, variables: JsonObject, timeToLiveMs: number): Promise<void>;
  broadcastSignal(name: string, variables: JsonObject): Promise<void>;
  openIncidents(): Promise<readonly ScenarioIncident[]>;
  resolveIncident(incidentKey: string, retries?: number): Promise<void>;
  /** The earliest instant something falls due: a timer, or a failed job's retry (undefined: nothing). */
  nextWakeUp(): Promise<number | undefined>;
  /** Moves the clock to the instant, firing every timer due on the way in due order. */
  advanceTo(epochMillis: number): Promise<void>;
  activeElements(): Promise<readonly ScenarioActiveElement[]>;
  /** Variables of a process instance scope (for an ended instance: their last values). */
  variables(processInstanceKey: string): Promise<JsonObject>;
  events(): Promise<readonly EngineEvent[]>;
  /** Releases what the engine holds (a sandbox tenant, a connection). */
  close(): Promise<void>;
}

/** What an engine is made for one scenario run. */
export interface ScenarioEngineSetup {
  readonly bpmnXml: string;
  readonly definitions: ExecutableDefinitions;
  /** DMN documents deployed with the route. */
  readonly dmn?: readonly string[];
  /** The same decisions compiled (the route loader compiled them once, with their checks). */
  readonly decisions?: ExecutableDecisions;
  /** The route deployment's constants: the municipality's values as `{ municipality }`. */
  readonly constants?: JsonObject;
  /** Documents deployed before the route, without constants: the shared call activities. */
  readonly called?: readonly { readonly name: string; readonly xml: string; readonly definitions: ExecutableDefinitions }[];
  readonly tenant: string;
  readonly startTime: number;
  readonly calendar: BusinessCalendar;
}

export type ScenarioEngineFactory = (setup: ScenarioEngineSetup) => Promise<ScenarioEngine>;
