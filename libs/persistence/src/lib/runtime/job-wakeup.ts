import type { EngineEvent, ReadonlyEngineState } from '@laufweg/bpmn-engine';
import type { CommandObservation, CommandObserver } from './command-store';

interface Waiter {
  readonly types: ReadonlySet<string> | undefined;
  readonly wake: () => void;
}

/**
 * Wakes job pollers of this process as soon as one of its commands makes jobs available (a job
 * created, a failed job back without backoff, an incident's retries restored), so a long-polling
 * worker or an idle executor need not wait for its next poll. Other engine processes are not
 * told; they find the jobs on their next poll. Observe a CommandStore with it.
 */
export class JobWakeup implements CommandObserver {
  private readonly waiters = new Set<Waiter>();
  private shutDown = false;

  commandRan(observation: CommandObservation): void {
    const { result } = observation;
    if (!result || result.rejected) return;
    // Jobs pushed to a worker of this process are already on their way: no poll needed for them.
    const types = availableJobTypes(result.events, result.state, new Set(result.pushedJobKeys));
    if (types.length > 0) this.notify(types);
  }

  /** Wakes the waiters for any of these job types (and those waiting for any type). */
  notify(types: readonly string[]): void {
    for (const waiter of [...this.waiters]) {
      if (!waiter.types || types.some((type) => waiter.types?.has(type))) waiter.wake();
    }
  }

  /**
   * Resolves after `timeoutMs`, or earlier when jobs of one of `types` (any type when omitted)
   * become available, when `signal` aborts or when the wakeup is closed.
   */
  wait(timeoutMs: number, options: { readonly types?: readonly string[]; readonly signal?: AbortSignal } = {}): Promise<void> {
    if (this.shutDown || options.signal?.aborted || timeoutMs <= 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', done);
        this.waiters.delete(waiter);
        resolve();
      };
      const waiter: Waiter = { types: options.types ? new Set(options.types) : undefined, wake: done };
      const timer = setTimeout(done, timeoutMs);
      options.signal?.addEventListener('abort', done, { once: true });
      this.waiters.add(waiter);
    });
  }

  /** True after close(): waits return at once, so pollers should stop. */
  get closed(): boolean {
    return this.shutDown;
  }

  /** Releases every waiter now and every later one at once (used on shutdown). */
  close(): void {
    this.shutDown = true;
    for (const waiter of [...this.waiters]) waiter.wake();
  }
}

/** The types of the jobs a command's events made available for acquisition right away (apart from those in `taken`). */
export function availableJobTypes(events: readonly EngineEvent[], state: ReadonlyEngineState, taken: ReadonlySet<string> = new Set()): string[] {
  const types = new Set<string>();
  for (const event of events) {
    if (event.type === 'JobCreated') {
      if (!taken.has(event.job.key)) types.add(event.job.type);
    } else if (((event.type === 'JobFailed' && event.retries > 0 && event.retryAt === undefined) || event.type === 'JobRetriesUpdated') && !taken.has(event.key)) {
      const job = state.jobs[event.key];
      if (job) types.add(job.type);
    }
  }
  return [...types];
}
