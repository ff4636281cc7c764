import { currentAuditContext } from '../audit/audit-context';
import { isBatchable, type CommandStore, type RunCommandRequest, type RunCommandResult } from './command-store';

export interface CommandBatcherOptions {
  /** Most commands in one transaction. Default 32. */
  readonly maxBatch?: number;
  /** Transactions committing at once; what arrives meanwhile waits for the next. Default 2. */
  readonly maxInFlight?: number;
}

interface Waiting {
  readonly request: RunCommandRequest;
  readonly rootKey: string;
  readonly resolve: (result: RunCommandResult) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit for commands that come close together, such as the job executor's completions:
 * a submitted command waits until the next turn of the event loop (or less, when a batch is
 * full) and then shares one CommandStore.runBatch transaction with the others waiting, of the
 * same tenant, at most one per instance tree. While `maxInFlight` transactions run, new
 * commands collect for the next; a tree with a command in flight gets no second one until it
 * has committed, so this process's commands on one tree run in the order submitted and never
 * wait on each other's locks. Alone (nothing else waiting), a command costs one tick more than
 * CommandStore.run. Commands run on behalf of a caller (an audit context) or that runBatch
 * cannot batch go to CommandStore.run at once.
 */
export class CommandBatcher {
  private readonly maxBatch: number;
  private readonly maxInFlight: number;
  private queue: Waiting[] = [];
  private readonly busyTrees = new Set<string>();
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly store: CommandStore,
    options: CommandBatcherOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 32;
    this.maxInFlight = options.maxInFlight ?? 2;
    for (const [name, value] of [['maxBatch', this.maxBatch], ['maxInFlight', this.maxInFlight]] as const) {
      if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number of at least 1, not ${value}.`);
    }
  }

  /** Runs the command, in a shared transaction when others are waiting; settles as CommandStore.run would. */
  submit(request: RunCommandRequest): Promise<RunCommandResult> {
    const rootKey = request.rootKeys?.[0];
    if (rootKey === undefined || !isBatchable(request) || currentAuditContext() !== undefined) return this.store.run(request);
    return new Promise<RunCommandResult>((resolve, reject) => {
      this.queue.push({ request, rootKey, resolve, reject });
      if (this.queue.length >= this.maxBatch) this.pump();
      else this.schedule();
    });
  }

  /** Commands submitted and not yet settled. */
  get pending(): number {
    return this.queue.length + this.busyTrees.size;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight) {
      const batch = this.take();
      if (batch.length === 0) return;
      this.inFlight++;
      void this.flush(batch).finally(() => {
        this.inFlight--;
        for (const waiting of batch) this.busyTrees.delete(waiting.rootKey);
        if (this.queue.length > 0) this.schedule();
      });
    }
  }

  /** The next batch: the first waiting command's tenant, one command per tree not in flight, in order. */
  private take(): Waiting[] {
    const first = this.queue.find((waiting) => !this.busyTrees.has(waiting.rootKey));
    if (!first) return [];
    const batch: Waiting[] = [];
    const rest: Waiting[] = [];
    for (const waiting of this.queue) {
      if (batch.length < this.maxBatch && waiting.request.tenantId === first.request.tenantId && !this.busyTrees.has(waiting.rootKey)) {
        this.busyTrees.add(waiting.rootKey);
        batch.push(waiting);
      } else {
        rest.push(waiting);
      }
    }
    this.queue = rest;
    return batch;
  }

  private async flush(batch: readonly Waiting[]): Promise<void> {
    try {
      const outcomes = await this.store.runBatch(batch.map((waiting) => waiting.request));
      outcomes.forEach((outcome, index) => ('error' in outcome ? batch[index].reject(outcome.error) : batch[index].resolve(outcome.result)));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  }
}
