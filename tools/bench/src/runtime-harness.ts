import type { EngineEvent } from '@laufweg/bpmn-engine';
import { EngineRuntime, JobAcquisition, JobExecutor, JobWakeup, type CommandObservation, type CommandObserver } from '@laufweg/persistence';
import { Pool } from 'pg';
import { countingClientClass, type QueryCounter } from './query-counter';

export const BENCH_TENANT = 'bench';
export const BENCH_JOB_TYPE = 'bench.work';

/**
 * The durable runtime as one engine process runs it, sized for `concurrency` (instances in
 * flight): the pool as the service sizes it (max(10, concurrency + 4)), the in-process
 * JobExecutor with the service's defaults (poll 500 ms, wake-ups from this process's commands)
 * and `concurrency` handlers, and a handler for `bench.work` that completes at once.
 */
export class RuntimeHarness {
  readonly pool: Pool;
  readonly runtime: EngineRuntime;
  readonly executor: JobExecutor;
  readonly tracker = new CompletionTracker();

  constructor(appUrl: string, concurrency: number, counter: QueryCounter) {
    this.pool = new Pool({ connectionString: appUrl, max: Math.max(10, concurrency + 4), application_name: 'laufweg-bench', Client: countingClientClass(counter) });
    this.pool.on('error', () => undefined);
    const clock = { now: () => Date.now() };
    this.runtime = new EngineRuntime(this.pool, clock);
    const wakeup = new JobWakeup();
    this.runtime.commands.observe(wakeup);
    this.runtime.commands.observe(this.tracker);
    this.executor = new JobExecutor(this.runtime, new JobAcquisition(this.pool, clock), {
      workerId: `bench-${process.pid}`,
      concurrency,
      batchSize: Math.max(32, 2 * concurrency),
      wakeup,
      logger: { debug: () => undefined, warn: (message) => process.stderr.write(`[bench] executor: ${message}\n`), error: (message) => process.stderr.write(`[bench] executor: ${message}\n`) },
    });
    this.executor.register(BENCH_JOB_TYPE, () => ({}));
    this.executor.start();
  }

  async close(): Promise<void> {
    await this.executor.stop(5_000);
    await this.pool.end();
  }
}

/**
 * Watches every command the runtime runs: counts them, keeps their durations, and resolves a
 * waiter when the command that completes its root process instance has committed.
 */
export class CompletionTracker implements CommandObserver {
  /** Engine commands: every command a CommandStore ran (run or one of a runBatch), committed, refused or failed. */
  commands = 0;
  /**
   * CommandStore transactions that ran them: one per command run alone, one per shared batch.
   * Not counted: a batch rolled back and run again alone (its commands count in their own
   * transactions), and job acquisition, whose UPDATE is an autocommit transaction of its own.
   */
  transactions = 0;
  rejected = 0;
  durationsMs: number[] = [];
  /** Off in the scale step, which must hold nothing per instance. */
  keepDurations = true;
  private readonly waiters = new Map<string, () => void>();
  private readonly completedEarly = new Set<string>();

  commandRan(observation: CommandObservation): void {
    this.commands++;
    if (observation.batch === undefined || observation.batch.index === 0) this.transactions++;
    if (this.keepDurations) this.durationsMs.push(observation.durationMs);
    const { result } = observation;
    if (!result) return;
    if (result.rejected) {
      this.rejected++;
      return;
    }
    for (const event of result.events) this.onEvent(event);
  }

  /** Resolves once root instance `key` has completed (at once if it already has). */
  completion(key: string): Promise<void> {
    if (this.completedEarly.delete(key)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.set(key, resolve));
  }

  /** Forgets what was counted (between steps). */
  resetCounts(): void {
    this.commands = 0;
    this.transactions = 0;
    this.rejected = 0;
    this.durationsMs = [];
  }

  private onEvent(event: EngineEvent): void {
    if (event.type !== 'ElementCompleted') return;
    const waiter = this.waiters.get(event.key);
    if (waiter) {
      this.waiters.delete(event.key);
      waiter();
      return;
    }
    // Completions nobody waits for yet (elements, or a root whose start has not returned yet):
    // remembered briefly, so the set stays small however long the run.
    this.completedEarly.add(event.key);
    if (this.completedEarly.size > 10_000) this.completedEarly.delete(this.completedEarly.values().next().value as string);
  }
}
