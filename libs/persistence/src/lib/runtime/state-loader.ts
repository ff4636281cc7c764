import { createEmptyState, type EngineState } from '@laufweg/bpmn-engine';
import type { PoolClient } from 'pg';
import { KeyBlock } from './key-block';
import { STATE_TABLES, type StateTable } from './state-tables';

/** Which rows a command needs in its state. */
export interface StateSelection {
  /** Every record of these instance trees. */
  readonly rootKeys?: readonly string[];
  /** Definition-level records (timer start events, signal start subscriptions) of these process definitions. */
  readonly definitionKeys?: readonly string[];
  /** Buffered messages by key, e.g. those a new subscription may consume. */
  readonly messageKeys?: readonly string[];
}

/** The map a row belongs to, its key and its record: one row of the single load query. */
interface LoadedRow {
  readonly map: string;
  readonly key: string;
  readonly record: unknown;
}

/**
 * Parameters of the load query: $1 tenant, $2 root keys, $3 definition keys, $4 message keys,
 * $5 key blocks to reserve.
 */
const LOAD_QUERY = buildLoadQuery(false);

/** LOAD_QUERY with each row's tree (`root_key`, null for processes and keys), to load several trees apart. */
const LOAD_TREES_QUERY = buildLoadQuery(true);

/** LOAD_QUERY that first locks the roots in $2 (see lockAndLoadState). */
const LOCK_LOAD_QUERY = buildLoadQuery(false, true);
const LOCK_LOAD_TREES_QUERY = buildLoadQuery(true, true);

/** The locked roots' revisions, as lockRoots returns them. */
export type RootRevisions = Map<string, number>;

/**
 * Loads the engine state a command runs on in one round trip: the deployed processes of the
 * tenant (latest version per process id), every record of the selected instance trees, the
 * selected definition-level records and buffered messages. Rows come ordered by key, the order
 * they were created in, so the engine sees them as it left them.
 */
export async function loadState(client: PoolClient, tenantId: string, selection: StateSelection): Promise<EngineState> {
  return (await loadStateReservingKeys(client, tenantId, selection, 0)).state;
}

/**
 * loadState that also reserves `keyBlocks` blocks of engine_key_seq in the same round trip. Call
 * it after the command's locks are held: the reservation then follows the lock, so keys within a
 * tree grow with command order (ADR 0003).
 */
export async function loadStateReservingKeys(
  client: PoolClient,
  tenantId: string,
  selection: StateSelection,
  keyBlocks: number,
): Promise<{ readonly state: EngineState; readonly keys: KeyBlock }> {
  // A named (prepared) statement: each connection plans it once, not on every command.
  const { rows } = await client.query<LoadedRow>({
    name: 'laufweg.load-state',
    text: LOAD_QUERY,
    values: [tenantId, selection.rootKeys ?? [], selection.definitionKeys ?? [], selection.messageKeys ?? [], keyBlocks],
  });
  return { state: stateOf(rows), keys: KeyBlock.of(keyStartsOf(rows)) };
}

/**
 * Loads several instance trees in one round trip, each into an engine state of its own (with
 * the tenant's deployed processes, as loadState gives them), and reserves `keyBlocks` blocks of
 * engine_key_seq: what CommandStore.runBatch runs its commands on. Each state equals what
 * loadState would load for that tree alone. Call it after the trees' locks are held.
 */
export async function loadTreesReservingKeys(
  client: PoolClient,
  tenantId: string,
  rootKeys: readonly string[],
  keyBlocks: number,
): Promise<{ readonly states: ReadonlyMap<string, EngineState>; readonly keyStarts: readonly string[] }> {
  const { rows } = await client.query<LoadedRow & { readonly root_key: string | null }>({
    name: 'laufweg.load-trees',
    text: LOAD_TREES_QUERY,
    values: [tenantId, rootKeys, [], [], keyBlocks],
  });
  return { states: treeStates(rootKeys, rows), keyStarts: keyStartsOf(rows) };
}

/**
 * Locks the roots of `selection.rootKeys` (sorted) and loads the state in one round trip: the
 * statement first locks the roots (`FOR UPDATE`, in key order), then reads the rows and
 * reserves the key blocks. Its rows come from the snapshot taken when it started, which is stale
 * when it had to wait for a lock a committing command held; every accepted command moves its
 * tree's revision, so the statement also returns each root's revision as its snapshot saw it,
 * and when one differs from the locked row's the state is read again (the locks are held now;
 * the keys reserved after them stay valid). Uncontended, a command's lock and load are one
 * round trip instead of two.
 */
export async function lockAndLoadState(
  client: PoolClient,
  tenantId: string,
  selection: StateSelection,
  keyBlocks: number,
): Promise<{ readonly revisions: RootRevisions; readonly state: EngineState; readonly keys: KeyBlock }> {
  const { rows } = await client.query<LoadedRow>({
    name: 'laufweg.lock-load-state',
    text: LOCK_LOAD_QUERY,
    values: [tenantId, selection.rootKeys ?? [], selection.definitionKeys ?? [], selection.messageKeys ?? [], keyBlocks],
  });
  const { revisions, stale, rest } = takeLockRows(rows);
  const state = stale ? await loadState(client, tenantId, selection) : stateOf(rest);
  return { revisions, state, keys: KeyBlock.of(keyStartsOf(rest)) };
}

/** loadTreesReservingKeys that first locks the trees' roots, as lockAndLoadState does; trees that are gone are left out. */
export async function lockAndLoadTrees(
  client: PoolClient,
  tenantId: string,
  rootKeys: readonly string[],
  keyBlocks: number,
): Promise<{ readonly revisions: RootRevisions; readonly states: ReadonlyMap<string, EngineState>; readonly keyStarts: readonly string[] }> {
  const { rows } = await client.query<LoadedRow & { readonly root_key: string | null }>({
    name: 'laufweg.lock-load-trees',
    text: LOCK_LOAD_TREES_QUERY,
    values: [tenantId, rootKeys, [], [], keyBlocks],
  });
  const { revisions, stale, rest } = takeLockRows(rows);
  const locked = [...revisions.keys()];
  const states = stale ? (await loadTreesReservingKeys(client, tenantId, locked, 0)).states : treeStates(locked, rest);
  return { revisions, states, keyStarts: keyStartsOf(rest) };
}

function takeLockRows<R extends LoadedRow>(rows: readonly R[]): { revisions: RootRevisions; stale: boolean; rest: R[] } {
  const revisions: RootRevisions = new Map();
  let stale = false;
  const rest: R[] = [];
  for (const row of rows) {
    if (row.map !== 'lock') {
      rest.push(row);
      continue;
    }
    const { locked, seen } = row.record as { locked: number; seen: number | null };
    revisions.set(row.key, Number(locked));
    if (seen === null || Number(seen) !== Number(locked)) stale = true;
  }
  return { revisions, stale, rest };
}

/** The key blocks a load reserved (the starts of its `keys` rows). */
function keyStartsOf(rows: readonly LoadedRow[]): string[] {
  return rows.filter((row) => row.map === 'keys').map((row) => row.key);
}

/** One engine state from the rows of a load (its `keys` rows left out). */
function stateOf(rows: readonly LoadedRow[]): EngineState {
  const state = createEmptyState();
  for (const row of rows) {
    if (row.map === 'processes') addProcess(state, row);
    else if (row.map !== 'keys') addRow(state, row);
  }
  return state;
}

function treeStates(rootKeys: readonly string[], rows: readonly (LoadedRow & { readonly root_key: string | null })[]): Map<string, EngineState> {
  const states = new Map(rootKeys.map((rootKey) => [rootKey, createEmptyState()]));
  for (const row of rows) {
    if (row.map === 'keys') continue;
    if (row.map === 'processes') {
      for (const state of states.values()) addProcess(state, row);
    } else {
      const state = row.root_key === null ? undefined : states.get(row.root_key);
      if (!state) throw new Error(`Loaded a ${row.map} row (${row.key}) of no requested tree.`);
      addRow(state, row);
    }
  }
  return states;
}

function addProcess(state: EngineState, row: LoadedRow): void {
  const definition = row.record as EngineState['processes'][string];
  state.processes[definition.processId] = definition;
}

function addRow(state: EngineState, row: LoadedRow): void {
  if (row.map === 'variables') {
    const { scopeKey, name, value } = row.record as { scopeKey: string; name: string; value: EngineState['variables'][string][string] };
    (state.variables[scopeKey] ??= {})[name] = value;
  } else {
    (state[row.map as StateTable['map']] as Record<string, unknown>)[row.key] = row.record;
  }
}

function buildLoadQuery(withRoot: boolean, locking = false): string {
  const root = (column: string): string => (withRoot ? `, ${column}` : '');
  const parts = [
    // First branch: the roots locked (in key order) before any other branch runs, each with its
    // revision as locked (the newest) and as this statement's snapshot saw it.
    ...(locking
      ? [
          `SELECT 'lock' AS map, l.key, jsonb_build_object('locked', l.revision, 'seen', (SELECT s.revision FROM process_instance s WHERE s.tenant_id = $1 AND s.key = l.key)) AS record${root('l.key AS root_key')}
             FROM locked l`,
        ]
      : []),
    `SELECT 'processes' AS map, d.key, jsonb_build_object('processDefinitionKey', d.key::text, 'processId', d.process_id, 'version', d.version) AS record${root('NULL::bigint AS root_key')}
       FROM (SELECT DISTINCT ON (process_id) key, process_id, version FROM process_definition WHERE tenant_id = $1 ORDER BY process_id, version DESC) d`,
    `SELECT 'variables', scope_key, jsonb_build_object('scopeKey', scope_key::text, 'name', name, 'value', value)${root('root_key')}
       FROM variable WHERE tenant_id = $1 AND root_key = ANY($2::bigint[])`,
    `SELECT 'messages', key, record${root('NULL::bigint')} FROM buffered_message WHERE tenant_id = $1 AND key = ANY($4::bigint[])`,
    // The command's key blocks: the statement starts after the locks are held (see loadStateReservingKeys).
    `SELECT 'keys', nextval('engine_key_seq'), NULL::jsonb${root('NULL::bigint')} FROM generate_series(1, $5::int)`,
  ];
  for (const entry of STATE_TABLES as readonly StateTable[]) {
    if (entry.map === 'messages') continue;
    const kind = entry.kind ?? (entry.table === 'job' ? (entry.map === 'timers' ? 'timer' : 'job') : undefined);
    const kindFilter = kind ? ` AND kind = '${kind}'` : '';
    parts.push(`SELECT '${entry.map}', key, record${root('root_key')} FROM ${entry.table} WHERE tenant_id = $1 AND root_key = ANY($2::bigint[])${kindFilter}`);
    if (entry.map === 'timers' || entry.map === 'signalSubscriptions') {
      parts.push(
        `SELECT '${entry.map}', key, record${root('NULL::bigint')} FROM ${entry.table} WHERE tenant_id = $1 AND root_key IS NULL${kindFilter} AND (record ->> 'processDefinitionKey') = ANY($3::text[])`,
      );
    }
  }
  // Variables by scope, then name; records by key (creation order).
  const lock = locking
    ? `WITH locked AS MATERIALIZED (SELECT key, revision FROM process_instance WHERE tenant_id = $1 AND key = ANY($2::bigint[]) AND root_key = key ORDER BY key FOR UPDATE)\n`
    : '';
  return `${lock}SELECT map, key::text AS key, record${root('root_key::text AS root_key')} FROM (${parts.join('\n UNION ALL ')}) loaded ORDER BY key, map, record ->> 'name'`;
}
