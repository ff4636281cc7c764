import {
  checkCalledDecisions,
  compileDefinitions,
  loadDecisions,
  parseBpmn,
  type ExecutableDecisions,
  type ExecutableDefinitions,
  type ExecutableProcess,
  type JsonObject,
  type ModelProblem,
} from '@laufweg/bpmn-model';
import {
  applyEvent,
  createEmptyState,
  germanBusinessCalendar,
  processCommand,
  replayEvents,
  type BusinessCalendar,
  type EngineCommand,
  type EnginePorts,
  type KeyGenerator,
  type EngineEvent,
  type EngineState,
  type IncidentRecord,
  type JobRecord,
  type UserTaskRecord,
} from '@laufweg/bpmn-engine';
import { FakeClock, SequentialKeys } from './fake-clock';
import { RecordStream } from './record-stream';

/** What a registered job handler decides for a job. Undefined leaves the job waiting. */
export type JobOutcome =
  | { readonly complete: JsonObject }
  | { readonly fail: { readonly retries: number; readonly message?: string; readonly backoffMs?: number } }
  | { readonly error: { readonly code: string; readonly message?: string; readonly variables?: JsonObject } }
  | undefined;

export type JobHandler = (job: Readonly<JobRecord>, variables: Readonly<JsonObject>) => JobOutcome;

export interface HarnessOptions {
  /** Check after every command that replaying all events rebuilds the state (default on). */
  readonly verifyReplay?: boolean;
  /** Check after every command that running it again on the same state gives the same events. */
  readonly verifyDeterminism?: boolean;
  readonly startTime?: number;
  /** The municipality's calendar (time zone, working days); default Saxony, Europe/Berlin. */
  readonly calendar?: BusinessCalendar;
  /**
   * DMN 1.3 documents (XML) deployed together with each BPMN document that `fromBpmn` deploys,
   * as one deployment: its business rule tasks see these decisions and no others.
   */
  readonly decisions?: readonly string[];
}

export class CommandRejectedError extends Error {}

/**
 * The in-memory engine for tests: a fake clock you advance (timers fire in due order), job
 * handlers by type, helpers for user tasks, messages and signals, and the record stream. Every
 * command is checked for replay (events rebuild the state) and determinism.
 */
export class EngineHarness {
  readonly clock: FakeClock;
  private keys = new SequentialKeys();
  private readonly models = new Map<string, ExecutableProcess>();
  /** The decision set deployed with each process definition key. */
  private readonly decisionSets = new Map<string, ExecutableDecisions>();
  private readonly handlers = new Map<string, JobHandler>();
  private defaultHandler: JobHandler | undefined;
  private currentState: EngineState = createEmptyState();
  private readonly replayed: EngineState = createEmptyState();
  private readonly log: EngineEvent[] = [];
  private deployments = 0;

  private readonly calendar: BusinessCalendar;

  constructor(private readonly options: HarnessOptions = {}) {
    this.clock = new FakeClock(options.startTime);
    this.calendar = options.calendar ?? germanBusinessCalendar({ land: 'SN' });
  }

  private ports(keys: KeyGenerator): EnginePorts {
    return {
      clock: this.clock,
      keys,
      models: { get: (key) => this.models.get(key) },
      calendar: this.calendar,
      decisions: {
        get: (decisionId, processDefinitionKey) => {
          const set = this.decisionSets.get(processDefinitionKey);
          return set !== undefined && decisionId in set.decisions ? set : undefined;
        },
      },
    };
  }

  /**
   * Parses, compiles and deploys BPMN XML, each document with the DMN documents of
   * `options.decisions`; throws with the problems if something does not compile.
   */
  static async fromBpmn(xml: string | readonly string[], options: HarnessOptions = {}): Promise<EngineHarness> {
    const harness = new EngineHarness(options);
    for (const document of typeof xml === 'string' ? [xml] : xml) await harness.deployXml(document, options.decisions);
    return harness;
  }

  /**
   * Deploys one BPMN document and, in the same deployment, DMN documents (decisions are
   * visible to this deployment's processes only, as in the runtime). Throws when a document
   * does not compile or a business rule task calls a static decision id that is not deployed.
   * `constants` are the deployment's own variables (a municipality's values), as the runtime
   * attaches them from a deployment's values resource.
   */
  async deployXml(xml: string, dmn: readonly string[] = [], constants?: JsonObject): Promise<string[]> {
    const parsed = await parseBpmn(xml);
    if (!parsed.ok) throw new Error(`BPMN does not parse: ${describeProblems(parsed.problems)}`);
    const compiled = compileDefinitions(parsed.value.definitions);
    if (!compiled.ok) throw new Error(`BPMN does not compile: ${describeProblems(compiled.problems)}`);
    const decisions = await loadDecisions(dmn);
    if (!decisions.ok) throw new Error(`DMN does not compile: ${describeProblems(decisions.problems)}`);
    const unknown = checkCalledDecisions(compiled.value, decisions.value);
    if (unknown.length > 0) throw new Error(`Deployment refused: ${describeProblems(unknown)}`);
    return this.deploy(compiled.value, decisions.value, constants);
  }

  deploy(definitions: ExecutableDefinitions, decisions?: ExecutableDecisions, constants?: JsonObject): string[] {
    const ids: string[] = [];
    for (const model of Object.values(definitions.processes)) {
      const key = `${model.id}:${++this.deployments}`;
      this.models.set(key, constants ? { ...model, constants } : model);
      if (decisions !== undefined) this.decisionSets.set(key, decisions);
      this.execute({ type: 'DeployProcess', processDefinitionKey: key });
      ids.push(model.id);
    }
    return ids;
  }

  get state(): Readonly<EngineState> {
    return this.currentState;
  }

  get records(): RecordStream {
    return new RecordStream(this.log);
  }

  /** Runs a command; rejections throw (use `tryExecute` to inspect them). */
  execute(command: EngineCommand): readonly EngineEvent[] {
    const result = this.tryExecute(command);
    if ('reason' in result) throw new CommandRejectedError(`${command.type} rejected: ${result.reason}`);
    return result.events;
  }

  tryExecute(command: EngineCommand): { readonly events: readonly EngineEvent[] } | { readonly reason: string } {
    const before = this.currentState;
    const keysBefore = this.keys.fork();
    const result = processCommand(before, command, this.ports(this.keys));
    if (result.rejected) return { reason: result.reason };
    if (this.options.verifyDeterminism !== false) {
      const again = processCommand(before, command, this.ports(keysBefore));
      if (JSON.stringify(again.events) !== JSON.stringify(result.events)) throw new Error(`${command.type} is not deterministic.`);
    }
    this.log.push(...result.events);
    this.currentState = result.state;
    for (const record of result.events) applyEvent(this.replayed, record);
    if (this.options.verifyReplay !== false) this.verifyReplay();
    this.runJobHandlers();
    return { events: result.events };
  }

  /**
   * Compares the live state with the state rebuilt from the events alone (kept up to date by
   * applying each command's events to a separate copy, so the check stays linear).
   */
  verifyReplay(): void {
    const live = JSON.stringify(sortKeys(this.currentState));
    if (JSON.stringify(sortKeys(this.replayed)) !== live) throw new Error('Replaying the events does not rebuild the state.');
  }

  /** Replays the whole log from an empty state and compares (slow; for a final check). */
  verifyFullReplay(): void {
    if (JSON.stringify(sortKeys(replayEvents(this.log))) !== JSON.stringify(sortKeys(this.currentState))) {
      throw new Error('Replaying the events does not rebuild the state.');
    }
  }

  // ---- instances --------------------------------------------------------------------------

  createInstance(processId: string, variables: JsonObject = {}, startElementId?: string): string {
    const events = this.execute({ type: 'CreateProcessInstance', processId, variables, ...(startElementId ? { startElementId } : {}) });
    const created = events.find((record) => record.type === 'ElementActivating' && record.elementType === 'process');
    if (!created || created.type !== 'ElementActivating') throw new Error('No process instance was created.');
    return created.key;
  }

  cancel(processInstanceKey: string): void {
    this.execute({ type: 'CancelProcessInstance', processInstanceKey });
  }

  isCompleted(processInstanceKey: string): boolean {
    return this.records.processInstances('ElementCompleted').includes(processInstanceKey);
  }

  isTerminated(processInstanceKey: string): boolean {
    return this.records.processInstances('ElementTerminated').includes(processInstanceKey);
  }

  isActive(processInstanceKey: string): boolean {
    return processInstanceKey in this.currentState.elementInstances;
  }

  /** Element ids of the active instances of a process instance (sorted). */
  activeElements(processInstanceKey?: string): string[] {
    return Object.values(this.currentState.elementInstances)
      .filter((instance) => instance.elementType !== 'process' && instance.elementType !== 'multiInstanceBody')
      .filter((instance) => !processInstanceKey || instance.processInstanceKey === processInstanceKey)
      .map((instance) => instance.elementId)
      .sort();
  }

  /** Variables of the process instance scope (for ended instances: their last values, from the records). */
  variables(processInstanceKey: string): JsonObject {
    if (this.isActive(processInstanceKey)) return { ...(this.currentState.variables[processInstanceKey] ?? {}) };
    const variables: JsonObject = {};
    for (const record of this.records.ofType('VariableSet')) {
      if (record.scopeKey === processInstanceKey) variables[record.name] = record.value;
    }
    return variables;
  }

  // ---- jobs and user tasks ------------------------------------------------------------------

  onJob(type: string, handler: JobHandler): this {
    this.handlers.set(type, handler);
    this.runJobHandlers();
    return this;
  }

  /** Handles jobs of every type that has no handler of its own. */
  setDefaultJobHandler(handler: JobHandler): this {
    this.defaultHandler = handler;
    this.runJobHandlers();
    return this;
  }

  /**
   * Stops and recovers: the state goes through JSON (as the durable runtime stores it) and the
   * engine continues from the copy. Throws if the copy differs.
   */
  persistAndResume(): void {
    const stored = JSON.stringify(this.currentState);
    const recovered = JSON.parse(stored) as EngineState;
    if (JSON.stringify(sortKeys(recovered)) !== JSON.stringify(sortKeys(this.currentState))) throw new Error('The state does not survive JSON.');
    this.currentState = recovered;
    this.verifyReplay();
  }

  jobs(filter: { elementId?: string; type?: string } = {}): JobRecord[] {
    return Object.values(this.currentState.jobs).filter(
      (job) => (!filter.elementId || job.elementId === filter.elementId) && (!filter.type || job.type === filter.type),
    );
  }

  /** Jobs a worker could take now (activatable, or failed with retries left and backoff over). */
  availableJobs(): JobRecord[] {
    return Object.values(this.currentState.jobs).filter(
      (job) => job.state === 'activatable' || (job.state === 'failed' && job.retries > 0 && (job.retryAt ?? 0) <= this.clock.now()),
    );
  }

  completeJob(elementId: string, variables: JsonObject = {}): void {
    this.execute({ type: 'CompleteJob', jobKey: this.jobFor(elementId).key, variables });
  }

  failJob(elementId: string, retries: number, errorMessage = 'failed', retryBackoffMs?: number): void {
    this.execute({ type: 'FailJob', jobKey: this.jobFor(elementId).key, retries, errorMessage, ...(retryBackoffMs ? { retryBackoffMs } : {}) });
  }

  throwError(elementId: string, errorCode: string, variables: JsonObject = {}, errorMessage?: string): void {
    this.execute({ type: 'ThrowJobError', jobKey: this.jobFor(elementId).key, errorCode, variables, ...(errorMessage ? { errorMessage } : {}) });
  }

  userTasks(elementId?: string): UserTaskRecord[] {
    return Object.values(this.currentState.userTasks).filter((task) => !elementId || task.elementId === elementId);
  }

  /** Completes the first open task of the element, by `completedBy` if given (the four-eyes rule needs it). */
  completeUserTask(elementId: string, variables: JsonObject = {}, completedBy?: string): void {
    const task = this.userTasks(elementId)[0];
    if (!task) throw new Error(`No open user task for '${elementId}'. Open: ${this.userTasks().map((open) => open.elementId).join(', ') || 'none'}.`);
    this.execute({ type: 'CompleteUserTask', userTaskKey: task.key, variables, ...(completedBy === undefined ? {} : { completedBy }) });
  }

  // ---- events ------------------------------------------------------------------------------

  correlateMessage(name: string, correlationKey = '', variables: JsonObject = {}, timeToLiveMs = 0): void {
    this.execute({ type: 'CorrelateMessage', name, correlationKey, variables, timeToLiveMs });
  }

  broadcastSignal(name: string, variables: JsonObject = {}): void {
    this.execute({ type: 'BroadcastSignal', name, variables });
  }

  /** Moves the clock forward, firing every timer that falls due on the way, in due order. */
  advanceClock(millis: number): void {
    this.advanceTo(this.clock.now() + millis);
  }

  advanceTo(epochMillis: number): void {
    for (;;) {
      const due = Object.values(this.currentState.timers)
        .filter((timer) => timer.dueDate <= epochMillis)
        .sort((a, b) => a.dueDate - b.dueDate || Number(a.key) - Number(b.key))[0];
      if (!due) break;
      if (due.dueDate > this.clock.now()) this.clock.set(due.dueDate);
      this.execute({ type: 'TriggerTimer', timerKey: due.key });
    }
    if (epochMillis > this.clock.now()) this.clock.set(epochMillis);
    this.runJobHandlers();
  }

  incidents(): IncidentRecord[] {
    return Object.values(this.currentState.incidents);
  }

  resolveIncident(incidentKey: string, retries?: number): void {
    this.execute({ type: 'ResolveIncident', incidentKey, ...(retries !== undefined ? { retries } : {}) });
  }

  private jobFor(elementId: string): JobRecord {
    const job = this.jobs({ elementId }).find((candidate) => candidate.state !== 'errorThrown');
    if (!job) throw new Error(`No open job for '${elementId}'. Open: ${this.jobs().map((open) => open.elementId).join(', ') || 'none'}.`);
    return job;
  }

  private runningHandlers = false;

  private runJobHandlers(): void {
    if (this.runningHandlers || (this.handlers.size === 0 && !this.defaultHandler)) return;
    this.runningHandlers = true;
    try {
      const tried = new Set<string>();
      for (;;) {
        const job = this.availableJobs().find((candidate) => this.handlerFor(candidate.type) && !tried.has(`${candidate.key}:${candidate.retries}`));
        if (!job) break;
        tried.add(`${job.key}:${job.retries}`);
        const variables = this.scopeVariables(job.elementInstanceKey);
        const outcome = this.handlerFor(job.type)?.(job, variables);
        if (!outcome) continue;
        if ('complete' in outcome) this.execute({ type: 'CompleteJob', jobKey: job.key, variables: outcome.complete });
        else if ('fail' in outcome) {
          this.execute({ type: 'FailJob', jobKey: job.key, retries: outcome.fail.retries, errorMessage: outcome.fail.message ?? 'failed', ...(outcome.fail.backoffMs ? { retryBackoffMs: outcome.fail.backoffMs } : {}) });
        } else {
          this.execute({ type: 'ThrowJobError', jobKey: job.key, errorCode: outcome.error.code, ...(outcome.error.message ? { errorMessage: outcome.error.message } : {}), ...(outcome.error.variables ? { variables: outcome.error.variables } : {}) });
        }
      }
    } finally {
      this.runningHandlers = false;
    }
  }

  private handlerFor(type: string): JobHandler | undefined {
    return this.handlers.get(type) ?? this.defaultHandler;
  }

  /** The variables a worker sees for a job: everything visible from the element instance. */
  scopeVariables(elementInstanceKey: string): JsonObject {
    const chain: string[] = [];
    for (let key: string | null | undefined = elementInstanceKey; key; key = this.currentState.elementInstances[key]?.flowScopeKey) chain.unshift(key);
    return Object.assign({}, ...chain.map((key) => this.currentState.variables[key] ?? {})) as JsonObject;
  }
}

function describeProblems(problems: readonly ModelProblem[]): string {
  return problems.map((problem) => `[${problem.severity}] ${problem.elementId ?? '-'}: ${problem.message}`).join('; ');
}

/** Deep copy with object keys sorted, so that insertion order does not matter in comparisons. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]));
  }
  return value;
}
