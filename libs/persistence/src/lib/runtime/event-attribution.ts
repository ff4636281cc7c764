import { ownerOfEvent, type EngineEvent, type ReadonlyEngineState } from '@laufweg/bpmn-engine';
import type { RootResolver } from './state-diff';

/**
 * Sorts a command's events into the logs of the instance trees they concern. Every record key
 * is unique (one key generator), so one index from key to process instance serves all record
 * kinds; records created and removed within the command are indexed from their creation event.
 * Events of no instance (a deployment, a published message, a signal broadcast, a timer start
 * event) go to no tree's log: they change only definition- or tenant-level records.
 */
export function attributeEvents(
  events: readonly EngineEvent[],
  states: readonly ReadonlyEngineState[],
  rootOf: RootResolver,
): Map<string, EngineEvent[]> {
  const processInstanceOf = new Map<string, string | null>();
  for (const state of states) {
    for (const map of [state.elementInstances, state.jobs, state.userTasks, state.timers, state.messageSubscriptions, state.signalSubscriptions, state.conditionalSubscriptions, state.compensationSubscriptions, state.incidents]) {
      for (const record of Object.values(map)) processInstanceOf.set(record.key, record.processInstanceKey);
    }
  }
  const byRoot = new Map<string, EngineEvent[]>();
  for (const event of events) {
    const processInstanceKey = ownerOf(event, processInstanceOf);
    if (processInstanceKey === null) continue;
    const root = rootOf(processInstanceKey);
    const log = byRoot.get(root);
    if (log) log.push(event);
    else byRoot.set(root, [event]);
  }
  return byRoot;
}

function ownerOf(event: EngineEvent, index: Map<string, string | null>): string | null {
  const owner = ownerOfEvent(event);
  switch (owner.by) {
    case 'none':
      return null;
    case 'record':
      return index.get(owner.key) ?? null;
    case 'instance':
      if (owner.creates !== undefined) index.set(owner.creates, owner.processInstanceKey);
      return owner.processInstanceKey;
  }
}
