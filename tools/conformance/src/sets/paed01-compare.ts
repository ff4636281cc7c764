import type { EngineEvent } from '@laufweg/bpmn-engine';

/** What the run produced, in paed01's terms. */
export interface RunOutcome {
  readonly endState: 'completed' | 'errored' | 'waiting';
  /** Completed activities of the main instance; a multi-instance activity counts once. */
  readonly completed: readonly string[];
  readonly started: ReadonlySet<string>;
  readonly erroredActivity?: string;
  /** Completed iterations of multi-instance activities of the main instance. */
  readonly iterations: number;
}

/** Returns the mismatches between the outcome and `expected` (empty: the run passes). */
export function compareOutcome(outcome: RunOutcome, expected: Readonly<Record<string, unknown>>): string[] {
  const problems: string[] = [];
  if (expected['end_state'] !== outcome.endState) problems.push(`end state ${outcome.endState}, expected ${String(expected['end_state'])}`);
  const wanted = expand(list(expected['completed_activities']));
  const order = String(expected['order'] ?? 'set');
  const counts = (expected['completion_counts'] ?? {}) as Record<string, number>;
  // A list that leaves out activities it gives counts for is a summary: compare its items only.
  // So is one with `iterations`: the multi-instance activity's inner work is summarised by it.
  const summary = Object.keys(counts).some((id) => !wanted.includes(id)) || typeof expected['iterations'] === 'number';
  const completed = summary ? outcome.completed.filter((id) => wanted.includes(id)) : outcome.completed;
  if (expected['completed_activities'] !== undefined) {
    const same = order === 'total' ? sameSequence(completed, wanted) : sameMultiset(completed, wanted);
    if (!same) problems.push(`completed [${completed.join(', ')}], expected (${order}) [${wanted.join(', ')}]`);
  }
  for (const id of list(expected['not_run'])) if (outcome.started.has(id)) problems.push(`'${id}' ran, expected not to`);
  for (const entry of list(expected['cancelled'])) {
    if (!entry.includes('(') && outcome.completed.includes(entry)) problems.push(`'${entry}' completed, expected cancelled`);
  }
  for (const [id, count] of Object.entries(counts)) {
    const actual = outcome.completed.filter((candidate) => candidate === id).length;
    if (actual !== count) problems.push(`'${id}' completed ${actual} times, expected ${count}`);
  }
  if (typeof expected['iterations'] === 'number' && outcome.iterations !== expected['iterations']) {
    problems.push(`${outcome.iterations} multi-instance iterations, expected ${expected['iterations']}`);
  }
  if (typeof expected['errored_activity'] === 'string' && outcome.erroredActivity !== expected['errored_activity']) {
    problems.push(`errored at ${outcome.erroredActivity ?? 'nothing'}, expected ${expected['errored_activity']}`);
  }
  return problems;
}

/**
 * The main instance's completed activities from the record stream: a multi-instance activity
 * counts once (its body), a standard loop once per iteration (paed01 counts them so).
 */
export function completedActivities(events: readonly EngineEvent[], processInstanceKey: string, isStandardLoop: (elementId: string) => boolean): string[] {
  const activating = new Map<string, Extract<EngineEvent, { type: 'ElementActivating' }>>();
  for (const record of events) if (record.type === 'ElementActivating') activating.set(record.key, record);
  const completed: string[] = [];
  for (const record of events) {
    if (record.type !== 'ElementCompleted') continue;
    const instance = activating.get(record.key);
    if (!instance || instance.processInstanceKey !== processInstanceKey || instance.elementType === 'process') continue;
    const scope = instance.flowScopeKey ? activating.get(instance.flowScopeKey) : undefined;
    const inner = scope?.elementType === 'multiInstanceBody' && scope.elementId === instance.elementId;
    if (inner && !isStandardLoop(instance.elementId)) continue;
    if (instance.elementType === 'multiInstanceBody' && isStandardLoop(instance.elementId)) continue;
    completed.push(instance.elementId);
  }
  return completed;
}

/** Completed inner instances of multi-instance bodies in the main instance. */
export function multiInstanceIterations(events: readonly EngineEvent[], processInstanceKey: string): number {
  const activating = new Map<string, Extract<EngineEvent, { type: 'ElementActivating' }>>();
  for (const record of events) if (record.type === 'ElementActivating') activating.set(record.key, record);
  return events.filter((record) => {
    if (record.type !== 'ElementCompleted') return false;
    const instance = activating.get(record.key);
    const scope = instance?.flowScopeKey ? activating.get(instance.flowScopeKey) : undefined;
    return instance?.processInstanceKey === processInstanceKey && scope?.elementType === 'multiInstanceBody' && scope.elementId === instance.elementId;
  }).length;
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** "bound x100" -> 100 x "bound". */
function expand(entries: readonly string[]): string[] {
  return entries.flatMap((entry) => {
    const match = /^(.+) x(\d+)$/.exec(entry);
    return match ? new Array<string>(Number(match[2])).fill(match[1] ?? '') : [entry];
  });
}

function sameSequence(actual: readonly string[], expected: readonly string[]): boolean {
  return actual.length === expected.length && actual.every((id, index) => id === expected[index]);
}

function sameMultiset(actual: readonly string[], expected: readonly string[]): boolean {
  return sameSequence([...actual].sort(), [...expected].sort());
}
