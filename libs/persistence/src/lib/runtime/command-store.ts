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
import { appendEvents } from './event-log';
import { KeyBlock, KeysExhaustedError } from './key-block';
import type { CompiledModelCache } from './model-cache';
import { writeProcessInstanceHeaders } from './process-instance-headers';
import { diffStates, rootResolver } from './state-diff';
import { loadState, type StateSelection } from './state-loader';
import { writeChanges } from './state-writer';

export interface RunCommandRequest {
  readonly tenantId: string;
  readonly command: EngineCommand;
  /** The instance trees the command acts on (locked in key order); none for one that starts new ones. */
  readonly rootKeys?: readonly string[];
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
 * state, runs the pure engine to the next wait states, writes the rows that changed, appends the
 * events to each tree's log and commits. A crash anywhere before the commit leaves the old
 * state; after it, the new one. Serialization failures and deadlocks are retried.
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
    if (this.observers.length === 0) return this.runWithRetries(request);
    const started = performance.now();
    const report = (outcome: { result: RunCommandResult } | { error: unknown }): void => {
      const observation = { request, durationMs: performance.now() - started, ...outcome };
      for (const observer of this.observers) observer.commandRan(observation);
    };
    let result: RunCommandResult;
    try {
      result = await this.runWithRetries(request);
    } catch (error) {
      report({ error });
      throw error;
    }
    report({ result });
    return result;
  }

  private async runWithRetries(request: RunCommandRequest): Promise<RunCommandResult> {
    let keyBlocks = 1;
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      try {
        await beginTenantTransaction(client, [request.tenantId]);
        const result = await this.runOn(client, request, keyBlocks);
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
        client.release();
      }
    }
  }

  /**
   * Runs a command inside a transaction the caller owns (e.g. a deployment's). The caller
   * commits, or rolls back on a rejection or error.
   */
  async runOn(client: PoolClient, request: RunCommandRequest, keyBlocks = 1): Promise<RunCommandResult> {
    const { tenantId } = request;
    const rootKeys = [...new Set(request.rootKeys ?? [])].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    const revisions = await lockRoots(client, tenantId, rootKeys);
    if (request.guardJobKey !== undefined) {
      const guard = await client.query('SELECT 1 FROM job WHERE tenant_id = $1 AND key = $2 FOR UPDATE', [tenantId, request.guardJobKey]);
      if (guard.rowCount === 0) return { rejected: true, reason: `Job or timer ${request.guardJobKey} no longer exists.` };
    }
    const calendar = await this.calendarOf(client, tenantId);
    const keys = await KeyBlock.reserve(client, keyBlocks);
    const before = await loadState(client, tenantId, { ...request.selection, rootKeys });
    await this.models.ensureFor(client, tenantId, before);
    const ports = { clock: this.clock, keys, models: this.models, decisions: this.models.decisions, calendar };
    const primary = processCommand(before, request.command, ports);
    if (primary.rejected) return { rejected: true, reason: primary.reason };
    const result = await this.consumeBufferedMessages(client, tenantId, primary.state, primary.events, ports);

    const rootOf = rootResolver([result.state, before], result.events);
    const createdRoots = await writeProcessInstanceHeaders(client, tenantId, before, result.events, rootOf, {
      now: new Date(this.clock.now()),
      ...(request.businessKey !== undefined ? { businessKey: request.businessKey } : {}),
    });
    // Consumed buffered messages were not loaded up front; they belong to the old state.
    const diffBase = result.consumed.length === 0 ? before : { ...before, messages: { ...before.messages, ...Object.fromEntries(result.consumed.map((message) => [message.key, message])) } };
    await writeChanges(client, tenantId, diffStates(diffBase, result.state, rootOf));
    for (const [root, events] of attributeEvents(result.events, [before, result.state], rootOf)) {
      await appendEvents(client, tenantId, root, revisions.get(root) ?? 0, events);
    }
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

function isRetryable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && RETRYABLE_SQLSTATES.has(String((error as { code: unknown }).code));
}
