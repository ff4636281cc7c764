import type { EngineEvent, EngineState, ReadonlyEngineState } from '@laufweg/bpmn-engine';
import { STATE_TABLES, type RowValues, type StateTable } from './state-tables';

/** One row to write: the smallest change that brings a table in line with the new state. */
export type RowChange =
  | { readonly op: 'upsert'; readonly table: string; readonly kind?: string; readonly key: string; readonly rootKey: string | null; readonly values: RowValues; readonly record: unknown }
  | { readonly op: 'delete'; readonly table: string; readonly kind?: string; readonly key: string }
  | { readonly op: 'upsert-variable'; readonly scopeKey: string; readonly name: string; readonly rootKey: string; readonly processInstanceKey: string; readonly value: unknown }
  | { readonly op: 'delete-variable'; readonly scopeKey: string; readonly name: string };

/** Finds the root process instance of a process instance (through call-activity parents). */
export type RootResolver = (processInstanceKey: string) => string;

/**
 * The row changes between two states of the same instance tree. Records are compared by their
 * JSON form; unchanged records are not written.
 */
export function diffStates(before: ReadonlyEngineState, after: ReadonlyEngineState, rootOf: RootResolver): RowChange[] {
  const changes: RowChange[] = [];
  for (const entry of STATE_TABLES as readonly StateTable[]) {
    const old = before[entry.map] as Readonly<Record<string, unknown>>;
    const next = after[entry.map] as Readonly<Record<string, unknown>>;
    for (const [key, record] of Object.entries(next)) {
      if (old[key] !== undefined && JSON.stringify(old[key]) === JSON.stringify(record)) continue;
      const processInstanceKey = entry.processInstanceOf(record as never);
      changes.push({
        op: 'upsert',
        table: entry.table,
        ...(entry.kind ? { kind: entry.kind } : {}),
        key,
        rootKey: processInstanceKey === null ? null : rootOf(processInstanceKey),
        values: entry.columns(record as never),
        record,
      });
    }
    for (const key of Object.keys(old)) {
      if (next[key] === undefined) changes.push({ op: 'delete', table: entry.table, ...(entry.kind ? { kind: entry.kind } : {}), key });
    }
  }
  changes.push(...diffVariables(before, after, rootOf));
  return changes;
}

function diffVariables(before: ReadonlyEngineState, after: ReadonlyEngineState, rootOf: RootResolver): RowChange[] {
  const changes: RowChange[] = [];
  for (const [scopeKey, variables] of Object.entries(after.variables)) {
    const old = before.variables[scopeKey] ?? {};
    const processInstanceKey = after.elementInstances[scopeKey]?.processInstanceKey ?? before.elementInstances[scopeKey]?.processInstanceKey;
    if (processInstanceKey === undefined) throw new Error(`Variables of scope ${scopeKey} belong to no element instance.`);
    for (const [name, value] of Object.entries(variables)) {
      if (name in old && JSON.stringify(old[name]) === JSON.stringify(value)) continue;
      changes.push({ op: 'upsert-variable', scopeKey, name, rootKey: rootOf(processInstanceKey), processInstanceKey, value });
    }
    for (const name of Object.keys(old)) {
      if (!(name in variables)) changes.push({ op: 'delete-variable', scopeKey, name });
    }
  }
  for (const [scopeKey, variables] of Object.entries(before.variables)) {
    if (after.variables[scopeKey] !== undefined) continue;
    for (const name of Object.keys(variables)) changes.push({ op: 'delete-variable', scopeKey, name });
  }
  return changes;
}

/**
 * Resolves roots through call-activity parents, from the element instances of the given states
 * and from the command's activation events (instances may start and finish within one command).
 */
export function rootResolver(states: readonly ReadonlyEngineState[], events: readonly EngineEvent[] = []): RootResolver {
  const processInstanceOf = new Map<string, string>();
  const parentOf = new Map<string, string | undefined>();
  for (const event of events) {
    if (event.type !== 'ElementActivating') continue;
    processInstanceOf.set(event.key, event.processInstanceKey);
    if (event.elementType === 'process') parentOf.set(event.key, event.parentElementInstanceKey);
  }
  for (const state of states) {
    for (const instance of Object.values(state.elementInstances)) {
      processInstanceOf.set(instance.key, instance.processInstanceKey);
      if (instance.elementType === 'process') parentOf.set(instance.key, instance.parentElementInstanceKey);
    }
  }
  const rootOf = (processInstanceKey: string): string => {
    if (!parentOf.has(processInstanceKey)) throw new Error(`Process instance ${processInstanceKey} is not loaded.`);
    const parentKey = parentOf.get(processInstanceKey);
    if (parentKey === undefined) return processInstanceKey;
    const parentProcessInstance = processInstanceOf.get(parentKey);
    if (parentProcessInstance === undefined) throw new Error(`The parent ${parentKey} of process instance ${processInstanceKey} is not loaded.`);
    return rootOf(parentProcessInstance);
  };
  return rootOf;
}

export type { EngineState };
