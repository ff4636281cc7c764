import { germanBusinessCalendar, processCommand, type BusinessCalendar, type Clock, type EngineCommand, type EngineEvent, type EngineState } from '@laufweg/bpmn-engine';
import type { Pool, PoolClient } from 'pg';
import { beginTenantTransaction } from '../database/tenant-scope';
import { mergeCommandWrites, planCommandWrite } from './command-write-plan';
import { JobPushRound, type JobPushTarget } from './job-push';
import { consumeBufferedMessages } from './buffered-messages';
import { KeyBlock, KeysExhaustedError } from './key-block';
import { PlanRefresh } from './plan-refresh';
import { InstanceNotFoundError, lockRootOf, lockRoots, sortKeys, type RecordOfTree } from './root-locks';
import type { CompiledModelCache } from './model-cache';
import { writeMigrations } from './process-instance-headers';
import { lockAndLoadState, lockAndLoadTrees, loadStateReservingKeys, type StateSelection } from './state-loader';
import { writeCommand, type CommandWrite } from './state-writer';

/** Tables whose rows name their instance tree, for finding the tree a command acts on. */
export type RootedTable = RecordOfTree['table'];

export interface RunCommandRequest {
  readonly tenantId: string;
  readonly command: EngineCommand;
  /** The instance trees the command acts on (locked in key order); none for one that starts new ones. */
  readonly rootKeys?: readonly string[];
  /**
   * Instead of rootKeys: the one tree this record belongs to, found in the round trip that locks
   * its root. `missing` makes the error thrown when the record does not exist.
   */
  readonly rootOfRecord?: RecordOfTree;
  /** Further records the command needs (definition-level subscriptions, buffered messages). */
  readonly selection?: Omit<StateSelection, 'rootKeys'>;
  /** A job or timer row to lock first; the command is refused if it is gone (fired or done elsewhere). */
  readonly guardJobKey?: string;
  /** Business key of a root process instance the command starts. */
  readonly businessKey?: string;
}

export type RunCommandResult =
  | {
      readonly rejected: false;
      /** Root instances the command started. */
      readonly createdRoots: readonly string[];
      readonly events: readonly EngineEvent[];
      readonly state: EngineState;
      /** Jobs the command made available that went straight to a worker of this process (job push). */
      readonly pushedJobKeys?: readonly string[];
    }
  | { readonly rejected: true; readonly reason: string };

/** What one command of a runBatch call came to: its result, or the error it alone would have thrown. */
export type BatchOutcome = { readonly result: RunCommandResult } | { readonly error: unknown };

/** What a CommandStore.run call did, for metrics and wake-ups; reported after the commit. */
export interface CommandObservation {
  readonly request: RunCommandRequest;
  /** For a command of a batch: the whole batch's transaction. */
  readonly durationMs: number;
  /** Absent when the command ended in an error (then `error` is set). */
  readonly result?: RunCommandResult;
  readonly error?: unknown;
  /**
   * Set when the command shared its transaction with others (runBatch): the commands in it and
   * this one's place. Absent: the command had a transaction of its own.
   */
  readonly batch?: { readonly size: number; readonly index: number };
}

/** Watches the commands a CommandStore runs. Must not throw and must return quickly. */
export interface CommandObserver {
  commandRan(observation: CommandObservation): void;
  /**
   * A shared transaction of `size` commands (runBatch) failed and was rolled back; its commands
   * run again one by one, and each is reported through commandRan as it ends.
   */
  batchRolledBack?(failure: { readonly size: number; readonly error: unknown }): void;
}

export { InstanceNotFoundError } from './root-locks';

/** The tenant named by a command does not exist. */
export class TenantNotFoundError extends Error {}

const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);
/**
 * A command's statements are prepared (named) and look rows up by key: the generic plan is the
 * right one every time, and re-planning them per execution (custom plans) costs more than they
 * take to run. Set per transaction, so other work on a pooled connection keeps the default; the
 * plans are made again as they age (1, 2, 4 … s, then every 5 min), so they follow the tables'
 * growth (PlanRefresh).
 */
const COMMAND_SETTINGS = [['plan_cache_mode', 'force_generic_plan']] as const;
const PLAN_REFRESH_MAX_MS = 300_000;
const MAX_ATTEMPTS = 5;
/** Most commands in one runBatch transaction. */
const MAX_BATCH = 64;

/**
 * Whether runBatch can give a request a share of a transaction: it names exactly one tree and
 * needs nothing else selected, guarded or looked up. Others run alone.
 */
export function isBatchable(request: RunCommandRequest): boolean {
  return request.rootKeys?.length === 1 && request.rootOfRecord === undefined && request.selection === undefined && request.guardJobKey === undefined;
}

/**
 * The durable runtime's only write path: one command = one PostgreSQL transaction. It locks the
 * root process instance rows of the trees the command acts on, loads their rows into an engine
 * state, runs the pure engine to the next wait states, writes the rows that changed and appends the
 * events to each tree's log (in one statement, see writeCommand) and commits. A crash anywhere
 * before the commit leaves the old state; after it, the new one. Serialization failures and
 * deadlocks are retried.
 */
export class CommandStore {
  private readonly observers: CommandObserver[] = [];
  private readonly pushTargets: JobPushTarget[] = [];
  private readonly plans: PlanRefresh<PoolClient>;
  private readonly calendars = new Map<string, BusinessCalendar>();

  constructor(
    private readonly pool: Pool,
    private readonly models: CompiledModelCache,
    private readonly clock: Clock,
    options: { readonly planRefresh?: { readonly minMs: number; readonly maxMs: number } } = {},
  ) {
    this.plans = new PlanRefresh(options.planRefresh?.maxMs ?? PLAN_REFRESH_MAX_MS, options.planRefresh?.minMs ?? 1_000);
  }

  /** Adds an observer that hears of every `run` (not `runOn`, whose caller owns the transaction). */
  observe(observer: CommandObserver): void {
    this.observers.push(observer);
  }

  /**
   * Offers `target` every job a command of this store makes available right away, locked to it
   * in the command's own write (see JobPushRound). Returns the function that stops the offers.
   */
  pushJobsTo(target: JobPushTarget): () => void {
    this.pushTargets.push(target);
    return () => {
      const index = this.pushTargets.indexOf(target);
      if (index >= 0) this.pushTargets.splice(index, 1);
    };
  }

  async run(request: RunCommandRequest): Promise<RunCommandResult> {
    if (this.observers.length === 0) return this.runWithRetries(request, () => undefined);
    const started = performance.now();
    // Observers see the trees the command locked as its rootKeys, also when it named a record instead.
    let locked: readonly string[] | undefined;
    const report = (outcome: { result: RunCommandResult } | { error: unknown }): void => {
      const observed = request.rootOfRecord && locked ? { ...request, rootKeys: locked } : request;
      const observation = { request: observed, durationMs: performance.now() - started, ...outcome };
      for (const observer of this.observers) observer.commandRan(observation);
    };
    let result: RunCommandResult;
    try {
      result = await this.runWithRetries(request, (rootKeys) => (locked = rootKeys));
    } catch (error) {
      report({ error });
      throw error;
    }
    report({ result });
    return result;
  }

  /**
   * Group commit: runs commands of different instance trees in shared transactions, each
   * command on its own tree's state as if it ran alone (same rows, events and keys in command
   * order), with one lock statement (roots in key order), one load and one write per
   * transaction. Requests are grouped by tenant (row-level security is per transaction) and at
   * most one command per tree goes into a transaction; a later command on a tree runs in a
   * later transaction, after the earlier one committed. A refused command is a refused result
   * and a tree that is gone an InstanceNotFoundError outcome, neither of which touches the
   * others. When a shared transaction fails (a bug in one command, a deadlock, a lost
   * connection), it is rolled back and its commands run one by one, so one poison command
   * blocks no other. Requests that are not batchable (see isBatchable) run alone afterwards.
   * The whole call runs in the caller's audit context. Returns an outcome per request, in order.
   */
  async runBatch(requests: readonly RunCommandRequest[]): Promise<BatchOutcome[]> {
    const outcomes: BatchOutcome[] = new Array<BatchOutcome>(requests.length);
    const entries = requests.map((request, index) => ({ request, index }));
    let pending = entries.filter(({ request }) => isBatchable(request));
    while (pending.length > 0) {
      const tenantId = pending[0].request.tenantId;
      const wave: typeof pending = [];
      const rest: typeof pending = [];
      const trees = new Set<string>();
      for (const entry of pending) {
        const rootKey = rootKeyOf(entry.request);
        if (entry.request.tenantId === tenantId && !trees.has(rootKey) && wave.length < MAX_BATCH) {
          trees.add(rootKey);
          wave.push(entry);
        } else {
          rest.push(entry);
        }
      }
      const results = await this.runWave(wave.map(({ request }) => request));
      wave.forEach(({ index }, position) => (outcomes[index] = results[position]));
      pending = rest;
    }
    for (const { request, index } of entries.filter(({ request }) => !isBatchable(request))) outcomes[index] = await settled(this.run(request));
    return outcomes;
  }

  /** One transaction for commands of one tenant on distinct trees; one by one if it fails. */
  private async runWave(requests: readonly RunCommandRequest[]): Promise<BatchOutcome[]> {
    if (requests.length === 1) return [await settled(this.run(requests[0]))];
    const started = performance.now();
    let outcomes: BatchOutcome[];
    try {
      outcomes = await this.withClient((client) => this.runTogether(client, requests));
    } catch (error) {
      for (const observer of this.observers) observer.batchRolledBack?.({ size: requests.length, error });
      // Rolled back: nothing of the batch is written. Alone, each command gets its own retries.
      const alone: BatchOutcome[] = [];
      for (const request of requests) alone.push(await settled(this.run(request)));
      return alone;
    }
    const durationMs = performance.now() - started;
    outcomes.forEach((outcome, index) => {
      const observation: CommandObservation = { request: requests[index], durationMs, batch: { size: requests.length, index }, ...outcome };
      for (const observer of this.observers) observer.commandRan(observation);
    });
    return outcomes;
  }

  private async runTogether(client: PoolClient, requests: readonly RunCommandRequest[]): Promise<BatchOutcome[]> {
    const { tenantId } = requests[0];
    return this.inTransaction(client, tenantId, async (round) => {
      const calendar = await this.calendarOf(client, tenantId);
      const rootKeys = sortKeys(requests.map(rootKeyOf));
      const { revisions, states, keyStarts } = await lockAndLoadTrees(client, tenantId, rootKeys, rootKeys.length);
      for (const state of states.values()) await this.models.ensureFor(client, tenantId, state);
      // One key block per command, handed out in command order: keys grow with it, as alone.
      const blocks = sortKeys(keyStarts);
      const now = new Date(this.clock.now());
      const consumed = new Set<string>();
      const outcomes: BatchOutcome[] = [];
      const writes: CommandWrite[] = [];
      for (const request of requests) {
        const rootKey = rootKeyOf(request);
        const before = states.get(rootKey);
        const block = before ? blocks.shift() : undefined;
        if (!before || block === undefined) {
          outcomes.push({ error: new InstanceNotFoundError(`Process instance ${rootKey} does not exist.`) });
          continue;
        }
        const ports = { clock: this.clock, keys: KeyBlock.of([block]), models: this.models, decisions: this.models.decisions, calendar };
        const primary = processCommand(before, request.command, ports);
        if (primary.rejected) {
          outcomes.push({ result: { rejected: true, reason: primary.reason } });
          continue;
        }
        const processed = await consumeBufferedMessages(client, tenantId, primary.state, primary.events, ports, consumed);
        const { headers, write } = planCommandWrite({ before, ...processed }, revisions, { ...(request.businessKey !== undefined ? { businessKey: request.businessKey } : {}), now });
        await writeMigrations(client, tenantId, headers.migrated);
        const pushedBefore = round.jobKeys.length;
        writes.push(round.claim(tenantId, write, processed.state));
        const pushedJobKeys = round.jobKeys.slice(pushedBefore);
        outcomes.push({ result: { rejected: false, createdRoots: headers.createdRoots, events: processed.events, state: processed.state, ...(pushedJobKeys.length > 0 ? { pushedJobKeys } : {}) } });
      }
      if (writes.length > 0) await writeCommand(client, tenantId, mergeCommandWrites(writes, now));
      return { value: outcomes, commit: writes.length > 0 };
    });
  }

  /**
   * A command transaction on `client`: opened for the tenant (generic plans, dropped when due),
   * committed when `work` says so and rolled back otherwise or when it throws. The jobs `work`
   * claimed for job push are delivered after the commit and their places given back otherwise.
   */
  private async inTransaction<T>(client: PoolClient, tenantId: string, work: (round: JobPushRound) => Promise<{ readonly value: T; readonly commit: boolean }>): Promise<T> {
    const round = new JobPushRound(this.pushTargets);
    await beginTenantTransaction(client, [tenantId], COMMAND_SETTINGS, { discardPlans: this.plans.due(client) });
    try {
      const { value, commit } = await work(round);
      await client.query(commit ? 'COMMIT' : 'ROLLBACK');
      round.deliver();
      return value;
    } catch (error) {
      round.release();
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  private async runWithRetries(request: RunCommandRequest, onLocked: (rootKeys: readonly string[]) => void): Promise<RunCommandResult> {
    let keyBlocks = 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.withClient((client) =>
          this.inTransaction(client, request.tenantId, async (round) => {
            const result = await this.runLocked(client, request, keyBlocks, onLocked, round);
            return { value: result, commit: !result.rejected };
          }),
        );
      } catch (error) {
        if (error instanceof KeysExhaustedError && keyBlocks < 4096) {
          keyBlocks *= 8;
          continue;
        }
        if (attempt < MAX_ATTEMPTS && isRetryable(error)) continue;
        throw error;
      }
    }
  }

  /** Runs `work` on a pooled client and releases it. */
  private async withClient<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // A connection that dies while checked out (e.g. a pooled one whose socket closed meanwhile)
    // fails the running query and also emits 'error' on the client: without a listener that is
    // an unhandled error. Such a client is destroyed on release, not pooled again.
    let broken: Error | undefined;
    const onError = (error: Error): void => {
      broken = error;
    };
    client.on('error', onError);
    try {
      return await work(client);
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }

  /**
   * Runs a command inside a transaction the caller owns (e.g. a deployment's). The caller
   * commits, or rolls back on a rejection or error.
   */
  async runOn(client: PoolClient, request: RunCommandRequest, keyBlocks = 1): Promise<RunCommandResult> {
    return this.runLocked(client, request, keyBlocks, () => undefined);
  }

  private async runLocked(
    client: PoolClient,
    request: RunCommandRequest,
    keyBlocks: number,
    onLocked: (rootKeys: readonly string[]) => void,
    round?: JobPushRound,
  ): Promise<RunCommandResult> {
    const { tenantId } = request;
    const calendar = await this.calendarOf(client, tenantId);
    const loaded = await this.lockAndLoad(client, request, keyBlocks, onLocked);
    if ('rejected' in loaded) return loaded;
    const { revisions, state: before, keys } = loaded;
    await this.models.ensureFor(client, tenantId, before);
    const ports = { clock: this.clock, keys, models: this.models, decisions: this.models.decisions, calendar };
    const primary = processCommand(before, request.command, ports);
    if (primary.rejected) return { rejected: true, reason: primary.reason };
    const result = await consumeBufferedMessages(client, tenantId, primary.state, primary.events, ports);
    const { headers, write } = planCommandWrite({ before, ...result }, revisions, { ...(request.businessKey !== undefined ? { businessKey: request.businessKey } : {}), now: new Date(this.clock.now()) });
    await writeMigrations(client, tenantId, headers.migrated);
    await writeCommand(client, tenantId, round ? round.claim(tenantId, write, result.state) : write);
    const pushedJobKeys = round?.jobKeys ?? [];
    return { rejected: false, createdRoots: headers.createdRoots, events: result.events, state: result.state, ...(pushedJobKeys.length > 0 ? { pushedJobKeys } : {}) };
  }

  /**
   * Locks the command's trees and loads their state, with its key blocks reserved after the
   * locks. A command naming its trees does both in one statement (lockAndLoadState); one that
   * names a record, or guards a job row, locks first and loads in a second round trip.
   */
  private async lockAndLoad(
    client: PoolClient,
    request: RunCommandRequest,
    keyBlocks: number,
    onLocked: (rootKeys: readonly string[]) => void,
  ): Promise<{ readonly revisions: ReadonlyMap<string, number>; readonly state: EngineState; readonly keys: KeyBlock } | { readonly rejected: true; readonly reason: string }> {
    const { tenantId } = request;
    if (request.rootOfRecord === undefined && request.guardJobKey === undefined && request.rootKeys !== undefined && request.rootKeys.length > 0) {
      const rootKeys = sortKeys(request.rootKeys);
      const loaded = await lockAndLoadState(client, tenantId, { ...request.selection, rootKeys }, keyBlocks);
      const missing = rootKeys.filter((key) => !loaded.revisions.has(key));
      if (missing.length > 0) throw new InstanceNotFoundError(`Process instance ${missing.join(', ')} does not exist.`);
      onLocked(rootKeys);
      return loaded;
    }
    const revisions = request.rootOfRecord ? await lockRootOf(client, tenantId, request.rootOfRecord) : await lockRoots(client, tenantId, sortKeys(request.rootKeys ?? []));
    const rootKeys = [...revisions.keys()];
    onLocked(rootKeys);
    if (request.guardJobKey !== undefined) {
      const guard = await client.query('SELECT 1 FROM job WHERE tenant_id = $1 AND key = $2 FOR UPDATE', [tenantId, request.guardJobKey]);
      if (guard.rowCount === 0) return { rejected: true, reason: `Job or timer ${request.guardJobKey} no longer exists.` };
    }
    const { state, keys } = await loadStateReservingKeys(client, tenantId, { ...request.selection, rootKeys }, keyBlocks);
    return { revisions, state, keys };
  }

  /** The tenant's working-day calendar (its Land's public holidays), cached per process. */
  private async calendarOf(client: PoolClient, tenantId: string): Promise<BusinessCalendar> {
    const cached = this.calendars.get(tenantId);
    if (cached) return cached;
    const { rows } = await client.query<{ land: string }>('SELECT land FROM tenant WHERE id = $1', [tenantId]);
    if (rows.length === 0) throw new TenantNotFoundError(`Tenant '${tenantId}' does not exist.`);
    const calendar = germanBusinessCalendar({ land: rows[0].land });
    this.calendars.set(tenantId, calendar);
    return calendar;
  }
}

function rootKeyOf(request: RunCommandRequest): string {
  const [rootKey] = request.rootKeys ?? [];
  if (rootKey === undefined) throw new TypeError('A batched command names exactly one tree.');
  return rootKey;
}

async function settled(promise: Promise<RunCommandResult>): Promise<BatchOutcome> {
  try {
    return { result: await promise };
  } catch (error) {
    return { error };
  }
}

function isRetryable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && RETRYABLE_SQLSTATES.has(String((error as { code: unknown }).code));
}
