import type { JsonObject } from '@laufweg/bpmn-model';
import { hostname } from 'node:os';
import { CommandBatcher, type CommandBatcherOptions } from './command-batcher';
import { InstanceNotFoundError, type RunCommandResult } from './command-store';
import { ConcurrencyLimit } from './concurrency-limit';
import { RecordNotFoundError, type EngineRuntime, type JobCommand } from './engine-runtime';
import type { AcquiredJob, JobAcquisition } from './job-acquisition';
import { BpmnError, type JobHandler } from './job-handler';
import type { JobPushLock, JobPushTarget, PushedJob } from './job-push';
import { readVisibleVariables } from './job-variables';
import { JobWakeup } from './job-wakeup';
import { retryBackoffOf } from './retry-backoff';

/** Where the executor reports; a pino or Nest logger fits with a thin adapter. */
export interface JobExecutorLogger {
  debug(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export interface JobExecutorOptions {
  /** Written to the rows this executor locks; unique per process. Default: host name and pid. */
  readonly workerId?: string;
  /** Pause between polls while there is work. Default 500 ms. */
  readonly pollIntervalMs?: number;
  /** Longest pause when idle: the pause doubles from pollIntervalMs up to this. Default 8 × pollIntervalMs. */
  readonly maxPollIntervalMs?: number;
  /** Most jobs and timers held (acquired, not finished) at once. Default 32. */
  readonly batchSize?: number;
  /** How long an acquired job is withheld from others; cover the queue wait and the handler. Default 5 min. */
  readonly lockDurationMs?: number;
  /** Handlers running at once. Default 8. */
  readonly concurrency?: number;
  /** Pause after a poll failed (database unreachable). Default 2 s. */
  readonly errorPauseMs?: number;
  /** How long stop() waits for running handlers. Default 30 s. */
  readonly drainTimeoutMs?: number;
  /** Whether this executor fires due timers. Default true. */
  readonly fireTimers?: boolean;
  /**
   * Group commit of handler outcomes: completions, failures and errors finished close together
   * share transactions (CommandBatcher; at most one per instance tree). Default on (batches of
   * up to 32, 2 transactions at once); false runs each in a transaction of its own.
   */
  readonly groupCommit?: CommandBatcherOptions | false;
  /**
   * Job push: while running, the jobs of its types that this process's commands make available
   * are locked to this executor in the same transaction and handed over after the commit, with
   * their variables (no poll, acquisition or variable read between two steps of an instance).
   * Jobs made by other processes, and those beyond batchSize, are still acquired by polling.
   * Default true.
   */
  readonly pushJobs?: boolean;
  /** Wakes the idle executor when this process creates jobs of its types (observe the CommandStore with it). */
  readonly wakeup?: JobWakeup;
  readonly logger?: JobExecutorLogger;
}

/**
 * Runs in every engine process: fires due timers and hands due jobs of the registered types to
 * their handlers, completing, failing or erroring each job through the runtime. Acquisition
 * locks rows (SKIP LOCKED), so any number of executors share one database, and a dead
 * executor's jobs are taken over when their locks expire. Each job and timer settles in its own
 * command; one that vanished meanwhile (instance cancelled, completed elsewhere) is logged and
 * skipped, and a database outage pauses the loop instead of ending it.
 */
export class JobExecutor implements JobPushTarget {
  readonly workerId: string;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly settings: Required<Omit<JobExecutorOptions, 'wakeup' | 'logger' | 'workerId' | 'groupCommit'>>;
  /** Places granted to job push whose transaction has not ended yet. */
  private reserved = 0;
  /** Jobs whose handler has finished and whose outcome is being committed: their place is free. */
  private settling = 0;
  private stopPush: (() => void) | undefined;
  private readonly batcher: CommandBatcher | undefined;
  private readonly limit: ConcurrencyLimit;
  private readonly wakeup: JobWakeup;
  private readonly logger: JobExecutorLogger;
  private readonly inFlight = new Set<Promise<void>>();
  private lastMessageExpiry = Number.NEGATIVE_INFINITY;
  private lastTimerPoll = Number.NEGATIVE_INFINITY;
  private running = false;
  private loopDone: Promise<void> | undefined;
  private interruptSleep: (() => void) | undefined;

  constructor(
    private readonly runtime: EngineRuntime,
    private readonly acquisition: JobAcquisition,
    options: JobExecutorOptions = {},
  ) {
    const pollIntervalMs = options.pollIntervalMs ?? 500;
    this.settings = {
      pollIntervalMs,
      maxPollIntervalMs: options.maxPollIntervalMs ?? pollIntervalMs * 8,
      batchSize: options.batchSize ?? 32,
      lockDurationMs: options.lockDurationMs ?? 300_000,
      concurrency: options.concurrency ?? 8,
      errorPauseMs: options.errorPauseMs ?? 2_000,
      drainTimeoutMs: options.drainTimeoutMs ?? 30_000,
      fireTimers: options.fireTimers ?? true,
      pushJobs: options.pushJobs ?? true,
    };
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}`;
    this.limit = new ConcurrencyLimit(this.settings.concurrency);
    this.batcher = options.groupCommit === false ? undefined : new CommandBatcher(runtime.commands, options.groupCommit ?? {});
    this.wakeup = options.wakeup ?? new JobWakeup();
    this.logger = options.logger ?? consoleLogger;
  }

  /** Handles jobs of `type` from the next poll on; one handler per type. */
  register(type: string, handler: JobHandler): this {
    if (this.handlers.has(type)) throw new Error(`A handler for job type '${type}' is already registered.`);
    this.handlers.set(type, handler);
    return this;
  }

  get types(): readonly string[] {
    return [...this.handlers.keys()];
  }

  /** True between start() and stop(). */
  get isRunning(): boolean {
    return this.running;
  }

  /** Jobs and timers acquired and not yet finished. */
  get pending(): number {
    return this.inFlight.size;
  }

  /** Job push (JobPushTarget): a place for a job of a handled type while running and not full. */
  reserve(type: string): JobPushLock | undefined {
    if (!this.running || !this.handlers.has(type) || this.held() >= this.settings.batchSize) return undefined;
    this.reserved++;
    return { owner: this.workerId, durationMs: this.settings.lockDurationMs };
  }

  /** Job push: a job locked to this executor by a command that committed; runs like an acquired one. */
  deliver(job: PushedJob): void {
    this.reserved--;
    void this.dispatch(job);
  }

  /** Job push: places whose transaction rolled back. */
  release(count: number): void {
    this.reserved -= count;
  }

  /**
   * Places taken: jobs and timers held, and places promised to job push; a job whose outcome is
   * being committed has given its place up, so the command completing it can push its successor.
   */
  private held(): number {
    return this.inFlight.size - this.settling + this.reserved;
  }

  /** One poll: acquires due timers and jobs and waits until each has settled. Returns how many there were. */
  async pollOnce(): Promise<number> {
    const tasks = await this.acquireAndDispatch(true);
    await Promise.all(tasks);
    return tasks.length;
  }

  /** Starts polling in the background until stop(). */
  start(): void {
    if (this.running) return;
    this.running = true;
    if (this.settings.pushJobs) this.stopPush = this.runtime.commands.pushJobsTo(this);
    this.loopDone = this.loop();
  }

  /**
   * Stops acquiring and waits until the handlers running now have settled, at most `timeoutMs`.
   * Returns false when some were still running then: their locks expire and others take them over.
   */
  async stop(timeoutMs = this.settings.drainTimeoutMs): Promise<boolean> {
    this.running = false;
    this.stopPush?.();
    this.stopPush = undefined;
    this.interruptSleep?.();
    await this.loopDone;
    this.loopDone = undefined;
    if (this.inFlight.size === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const drained = await Promise.race([
      Promise.all([...this.inFlight]).then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (!drained) this.logger.warn(`${this.inFlight.size} jobs still running after ${timeoutMs} ms; their locks expire and other workers take them over.`);
    return drained;
  }

  private async loop(): Promise<void> {
    let idlePolls = 0;
    while (this.running) {
      let pauseMs: number;
      try {
        // A wake-up is about jobs: timers are polled at most once per poll interval (one round trip less per job).
        const acquired = (await this.acquireAndDispatch(performance.now() - this.lastTimerPoll >= this.settings.pollIntervalMs)).length;
        // Idle means nothing was due; holding a full batch is being busy.
        idlePolls = acquired > 0 || this.inFlight.size >= this.settings.batchSize ? 0 : idlePolls + 1;
        pauseMs = Math.min(this.settings.pollIntervalMs * 2 ** Math.min(Math.max(idlePolls - 1, 0), 16), this.settings.maxPollIntervalMs);
      } catch (error) {
        this.logger.error('Polling for jobs failed; trying again after a pause.', { error: describe(error), pauseMs: this.settings.errorPauseMs });
        pauseMs = this.settings.errorPauseMs;
      }
      if (this.running) await this.sleep(pauseMs);
    }
  }

  private async sleep(ms: number): Promise<void> {
    const controller = new AbortController();
    this.interruptSleep = () => controller.abort();
    try {
      await this.wakeup.wait(ms, { types: this.types, signal: controller.signal });
    } finally {
      this.interruptSleep = undefined;
    }
  }

  private async acquireAndDispatch(pollTimers: boolean): Promise<Promise<void>[]> {
    const { batchSize, lockDurationMs, fireTimers } = this.settings;
    const request = { worker: this.workerId, lockDurationMs };
    const tasks: Promise<void>[] = [];
    if (fireTimers && pollTimers && this.held() < batchSize) {
      this.lastTimerPoll = performance.now();
      const timers = await this.acquisition.acquire({ ...request, kind: 'timer', maxJobs: batchSize - this.held() });
      tasks.push(...timers.map((timer) => this.dispatch(timer)));
      await this.dropExpiredMessages();
    }
    const types = this.types;
    if (types.length > 0 && this.held() < batchSize) {
      const jobs = await this.acquisition.acquire({ ...request, kind: 'job', types, maxJobs: batchSize - this.held() });
      tasks.push(...jobs.map((job) => this.dispatch(job)));
    }
    return tasks;
  }

  /** Buffered messages past their time to live leave the buffer (at most once a minute). */
  private async dropExpiredMessages(): Promise<void> {
    const now = this.runtime.clock.now();
    if (now - this.lastMessageExpiry < 60_000) return;
    this.lastMessageExpiry = now;
    const dropped = await this.runtime.dropExpiredMessages();
    if (dropped > 0) this.logger.debug(`Dropped ${dropped} buffered messages past their time to live.`);
  }

  private dispatch(job: AcquiredJob | PushedJob): Promise<void> {
    const task = this.limit
      .run(() => (job.kind === 'timer' ? this.fireTimer(job) : this.runJob(job)))
      .catch((error: unknown) => {
        // The job stays locked until its lock expires; then it is acquired again.
        this.logger.warn(`Could not settle ${job.kind} ${job.key}; it is retried when its lock expires.`, { ...jobDetails(job), error: describe(error) });
      })
      .finally(() => this.inFlight.delete(task));
    this.inFlight.add(task);
    return task;
  }

  private async fireTimer(timer: AcquiredJob): Promise<void> {
    await this.settle(timer, () => this.runtime.triggerTimer(timer.tenantId, timer.key));
  }

  private async runJob(job: AcquiredJob | PushedJob): Promise<void> {
    const handler = this.handlers.get(job.type);
    if (!handler) return;
    const { record } = job;
    const variables = 'variables' in job ? job.variables : await readVisibleVariables(this.runtime.pool, job.tenantId, record.elementInstanceKey);
    let outcome: Outcome;
    try {
      const returned: unknown = await handler({
        tenantId: job.tenantId,
        key: job.key,
        type: job.type,
        retries: job.retries,
        customHeaders: record.customHeaders ?? {},
        elementId: record.elementId,
        processInstanceKey: record.processInstanceKey,
        variables,
      });
      outcome = returned === undefined || isJsonObject(returned)
        ? { kind: 'complete', variables: returned ?? {} }
        : { kind: 'fail', error: new TypeError(`The handler returned ${Array.isArray(returned) ? 'an array' : typeof returned}; it must return an object of variables or nothing.`) };
    } catch (error) {
      outcome = error instanceof BpmnError ? { kind: 'error', error } : { kind: 'fail', error };
    }
    this.settling++;
    try {
      await this.settle(job, () => this.report(job, outcome));
    } finally {
      this.settling--;
    }
  }

  /** Settles the job as its handler's outcome says; with its tree known, through group commit. */
  private report(job: AcquiredJob, outcome: Outcome): Promise<RunCommandResult> {
    const command = this.commandOf(job, outcome);
    if (job.rootKey !== null && this.batcher) return this.batcher.submit({ tenantId: job.tenantId, rootKeys: [job.rootKey], command });
    return this.runtime.runOnJob(job.tenantId, job.key, command, job.rootKey ?? undefined);
  }

  private commandOf(job: AcquiredJob, outcome: Outcome): JobCommand {
    switch (outcome.kind) {
      case 'complete':
        return { type: 'CompleteJob', jobKey: job.key, variables: outcome.variables };
      case 'error':
        return {
          type: 'ThrowJobError',
          jobKey: job.key,
          errorCode: outcome.error.code,
          errorMessage: outcome.error.message,
          ...(outcome.error.variables ? { variables: outcome.error.variables } : {}),
        };
      case 'fail': {
        const backoff = retryBackoffOf(job.record.customHeaders ?? {});
        if (!backoff.valid) this.logger.warn(`The retryBackoff header of ${job.record.elementId} is no ISO-8601 duration; waiting ${backoff.ms} ms.`, jobDetails(job));
        const retries = Math.max(job.retries - 1, 0);
        this.logger.warn(`Job ${job.key} failed${retries > 0 ? `; ${retries} retries left` : '; no retries left, an incident is raised'}.`, { ...jobDetails(job), error: describe(outcome.error) });
        return { type: 'FailJob', jobKey: job.key, retries, errorMessage: describe(outcome.error), retryBackoffMs: backoff.ms };
      }
    }
  }

  /** Runs the command that settles a job; a job that is gone by now is no error. */
  private async settle(job: AcquiredJob, command: () => Promise<RunCommandResult>): Promise<void> {
    try {
      const result = await command();
      if (result.rejected) this.logger.debug(`${job.kind} ${job.key} was refused, it was settled elsewhere: ${result.reason}`, jobDetails(job));
    } catch (error) {
      if (!(error instanceof RecordNotFoundError || error instanceof InstanceNotFoundError)) throw error;
      this.logger.debug(`${job.kind} ${job.key} is gone (instance cancelled or job settled elsewhere).`, jobDetails(job));
    }
  }
}

type Outcome =
  | { readonly kind: 'complete'; readonly variables: JsonObject }
  | { readonly kind: 'error'; readonly error: BpmnError }
  | { readonly kind: 'fail'; readonly error: unknown };

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function jobDetails(job: AcquiredJob): Record<string, unknown> {
  return { tenantId: job.tenantId, jobKey: job.key, kind: job.kind, type: job.type };
}

const consoleLogger: JobExecutorLogger = {
  debug: () => undefined,
  warn: (message, details) => console.warn(message, details ?? ''),
  error: (message, details) => console.error(message, details ?? ''),
};
