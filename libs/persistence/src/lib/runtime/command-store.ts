import {
  germanBusinessCalendar,
  processCommand,
  type BusinessCalendar,
  type BufferedMessageRecord,
  type Clock,
  type EngineCommand,
  type EngineEvent,
  type EnginePorts,
  type EngineState,
} from '@laufweg/bpmn-engine';
import type { Pool, PoolClient } from 'pg';
import { beginTenantTransaction } from '../database/tenant-scope';
import { attributeEvents } from './event-attribution';
import { KeysExhaustedError } from './key-block';
import type { CompiledModelCache } from './model-cache';
import { planProcessInstanceHeaders, writeMigrations } from './process-instance-headers';
import { diffStates, rootResolver } from './state-diff';
import { loadStateReservingKeys, type StateSelection } from './state-loader';
import { writeCommand } from './state-writer';

/** Tables whose rows name their instance tree, for finding the tree a command acts on. */
export type RootedTable = 'job' | 'user_task' | 'incident' | 'process_instance';

export interface RunCommandRequest {
  readonly tenantId: string;
  readonly command: EngineCommand;
  /** The instance trees the command acts on (locked in key order); none for one that starts new ones. */
  readonly rootKeys?: readonly string[];
  /**
   * Instead of rootKeys: the one tree this record belongs to, found in the round trip that locks
   * its root. `missing` makes the error thrown when the record does not exist.
   */
  readonly rootOfRecord?: { readonly table: RootedTable; readonly key: string; readonly missing: () => Error };
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
    }
  | { readonly rejected: true; readonly reason: string };

/** What a CommandStore.run call did, for metrics and wake-ups; reported after the commit. */
export interface CommandObservation {
  readonly request: RunCommandRequest;
  readonly durationMs: number;
  /** Absent when the command ended in an error (then `error` is set). */
  readonly result?: RunCommandResult;
  readonly error?: unknown;
}

/** Watches the commands a CommandStore runs. Must not throw and must return quickly. */
export interface CommandObserver {
  commandRan(observation: CommandObservation): void;
}

/** The instance tree named by a command does not exist (in this tenant). */
export class InstanceNotFoundError extends Error {}

/** The tenant named by a command does not exist. */
export class TenantNotFoundError extends Error {}

const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;

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
  private readonly calendars = new Map<string, BusinessCalendar>();

  constructor(
    private readonly pool: Pool,
    private readonly models: CompiledModelCache,
    private readonly clock: Clock,
  ) {}

  /** Adds an observer that hears of every `run` (not `runOn`, whose caller owns the transaction). */
  observe(observer: CommandObserver): void {
    this.observers.push(observer);
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

  private async runWithRetries(request: RunCommandRequest, onLocked: (rootKeys: readonly string[]) => void): Promise<RunCommandResult> {
    let keyBlocks = 1;
    for (let attempt = 1; ; attempt++) {
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
        await beginTenantTransaction(client, [request.tenantId]);
        const result = await this.runLocked(client, request, keyBlocks, onLocked);
        await client.query(result.rejected ? 'ROLLBACK' : 'COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        if (error instanceof KeysExhaustedError && keyBlocks < 4096) {
          keyBlocks *= 8;
          continue;
        }
        if (attempt < MAX_ATTEMPTS && isRetryable(error)) continue;
        throw error;
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    }
  }

  /**
   * Runs a command inside a transaction the caller owns (e.g. a deployment's). The caller
   * commits, or rolls back on a rejection or error.
   */
  async runOn(client: PoolClient, request: RunCommandRequest, keyBlocks = 1): Promise<RunCommandResult> {
    return this.runLocked(client, request, keyBlocks, () => undefined);
  }

  private async runLocked(client: PoolClient, request: RunCommandRequest, keyBlocks: number, onLocked: (rootKeys: readonly string[]) => void): Promise<RunCommandResult> {
    const { tenantId } = request;
    const revisions = request.rootOfRecord
      ? await lockRootOf(client, tenantId, request.rootOfRecord)
      : await lockRoots(client, tenantId, [...new Set(request.rootKeys ?? [])].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)));
    const rootKeys = [...revisions.keys()];
    onLocked(rootKeys);
    if (request.guardJobKey !== undefined) {
      const guard = await client.query('SELECT 1 FROM job WHERE tenant_id = $1 AND key = $2 FOR UPDATE', [tenantId, request.guardJobKey]);
      if (guard.rowCount === 0) return { rejected: true, reason: `Job or timer ${request.guardJobKey} no longer exists.` };
    }
    const calendar = await this.calendarOf(client, tenantId);
    const { state: before, keys } = await loadStateReservingKeys(client, tenantId, { ...request.selection, rootKeys }, keyBlocks);
    await this.models.ensureFor(client, tenantId, before);
    const ports = { clock: this.clock, keys, models: this.models, decisions: this.models.decisions, calendar };
    const primary = processCommand(before, request.command, ports);
    if (primary.rejected) return { rejected: true, reason: primary.reason };
    const result = await this.consumeBufferedMessages(client, tenantId, primary.state, primary.events, ports);

    const rootOf = rootResolver([result.state, before], result.events);
    const headers = planProcessInstanceHeaders(before, result.events, rootOf, request.businessKey !== undefined ? { businessKey: request.businessKey } : {});
    await writeMigrations(client, tenantId, headers.migrated);
    // Consumed buffered messages were not loaded up front; they belong to the old state.
    const diffBase = result.consumed.length === 0 ? before : { ...before, messages: { ...before.messages, ...Object.fromEntries(result.consumed.map((message) => [message.key, message])) } };
    const appends = [...attributeEvents(result.events, [before, result.state], rootOf)].map(([rootKey, events]) => ({ rootKey, revision: revisions.get(rootKey) ?? 0, events }));
    await writeCommand(client, tenantId, { changes: diffStates(diffBase, result.state, rootOf), headers, appends, now: new Date(this.clock.now()) });
    const { createdRoots } = headers;
    return { rejected: false, createdRoots, events: result.events, state: result.state };
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

  /**
   * A message published before anyone waited for it is buffered with a time to live; when a
   * command opens a subscription it matches, the message is correlated in the same transaction
   * and leaves the buffer (it is consumed once).
   */
  private async consumeBufferedMessages(
    client: PoolClient,
    tenantId: string,
    state: EngineState,
    events: readonly EngineEvent[],
    ports: EnginePorts,
  ): Promise<{ state: EngineState; events: readonly EngineEvent[]; consumed: readonly BufferedMessageRecord[] }> {
    const opened = events.flatMap((event) => (event.type === 'MessageSubscriptionCreated' ? [event.subscription] : []));
    if (opened.length === 0) return { state, events, consumed: [] };
    const { rows } = await client.query<{ key: string; record: BufferedMessageRecord }>(
      `SELECT key, record FROM buffered_message
        WHERE tenant_id = $1 AND expires_at > $2 AND (name, correlation_key) IN (SELECT * FROM unnest($3::text[], $4::text[]))
        ORDER BY key FOR UPDATE SKIP LOCKED`,
      [tenantId, new Date(this.clock.now()), opened.map((subscription) => subscription.messageName), opened.map((subscription) => subscription.correlationKey)],
    );
    let current = state;
    const all = [...events];
    for (const { record } of rows) {
      current = { ...current, messages: { ...current.messages, [record.key]: record } };
      for (const command of [
        { type: 'CorrelateMessage', name: record.name, correlationKey: record.correlationKey, variables: record.variables } as const,
        { type: 'ExpireMessage', messageKey: record.key } as const,
      ]) {
        const followUp = processCommand(current, command, ports);
        if (followUp.rejected) throw new Error(`Correlating buffered message ${record.key} was refused: ${followUp.reason}`);
        current = followUp.state;
        all.push(...followUp.events);
      }
    }
    return { state: current, events: all, consumed: rows.map((row) => row.record) };
  }
}

async function lockRoots(client: PoolClient, tenantId: string, rootKeys: readonly string[]): Promise<Map<string, number>> {
  if (rootKeys.length === 0) return new Map();
  const { rows } = await client.query<{ key: string; revision: string }>({
    name: 'laufweg.lock-roots',
    text: 'SELECT key, revision FROM process_instance WHERE tenant_id = $1 AND key = ANY($2::bigint[]) AND root_key = key ORDER BY key FOR UPDATE',
    values: [tenantId, rootKeys],
  });
  const revisions = new Map(rows.map((row) => [row.key, Number(row.revision)]));
  const missing = rootKeys.filter((key) => !revisions.has(key));
  if (missing.length > 0) throw new InstanceNotFoundError(`Process instance ${missing.join(', ')} does not exist.`);
  return revisions;
}

/** Locks the root of the tree a record belongs to, looking the root up in the same statement. */
async function lockRootOf(client: PoolClient, tenantId: string, record: NonNullable<RunCommandRequest['rootOfRecord']>): Promise<Map<string, number>> {
  const { rows } = await client.query<{ key: string; revision: string }>({
    name: `laufweg.lock-root-of-${record.table}`,
    text: `SELECT p.key, p.revision FROM process_instance p
            WHERE p.tenant_id = $1 AND p.key = (SELECT r.root_key FROM ${record.table} r WHERE r.tenant_id = $1 AND r.key = $2) AND p.root_key = p.key
            FOR UPDATE OF p`,
    values: [tenantId, record.key],
  });
  if (rows.length === 1) return new Map([[rows[0].key, Number(rows[0].revision)]]);
  // Rare: which is gone, the record or its tree's root?
  const found = await client.query<{ root_key: string }>(`SELECT root_key FROM ${record.table} WHERE tenant_id = $1 AND key = $2`, [tenantId, record.key]);
  if (found.rows.length === 0) throw record.missing();
  throw new InstanceNotFoundError(`Process instance ${found.rows[0].root_key} does not exist.`);
}

function isRetryable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && RETRYABLE_SQLSTATES.has(String((error as { code: unknown }).code));
}
