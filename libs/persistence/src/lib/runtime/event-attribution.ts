import type { EngineEvent, ReadonlyEngineState } from '@laufweg/bpmn-engine';
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
  switch (event.type) {
    case 'ProcessDeployed':
    case 'MessagePublished':
    case 'MessageExpired':
    case 'SignalBroadcast':
      return null;
    case 'ProcessInstanceMigrated':
      return event.processInstanceKey;
    case 'ElementActivating':
      index.set(event.key, event.processInstanceKey);
      return event.processInstanceKey;
    case 'SequenceFlowTaken':
    case 'EventTriggered':
    case 'VariableSet':
      return event.processInstanceKey;
    case 'JobCreated':
      return remember(index, event.job.key, event.job.processInstanceKey);
    case 'UserTaskCreated':
      return remember(index, event.userTask.key, event.userTask.processInstanceKey);
    case 'TimerCreated':
      return remember(index, event.timer.key, event.timer.processInstanceKey);
    case 'MessageSubscriptionCreated':
    case 'SignalSubscriptionCreated':
    case 'ConditionalSubscriptionCreated':
    case 'CompensationSubscriptionCreated':
      return remember(index, event.subscription.key, event.subscription.processInstanceKey);
    case 'IncidentCreated':
      return remember(index, event.incident.key, event.incident.processInstanceKey);
    case 'JoinTokensDiscarded':
      return index.get(event.flowScopeKey) ?? null;
    case 'EventTriggerCleared':
    case 'LoopStateUpdated':
      return index.get(event.elementInstanceKey) ?? null;
    case 'ElementActivated':
    case 'ElementCompleting':
    case 'ElementCompleted':
    case 'ElementTerminating':
    case 'ElementTerminated':
    case 'JobCompleted':
    case 'JobFailed':
    case 'JobErrorThrown':
    case 'JobRetriesUpdated':
    case 'JobCanceled':
    case 'UserTaskCompleted':
    case 'UserTaskAssigned':
    case 'UserTaskCanceled':
    case 'TimerTriggered':
    case 'TimerCanceled':
    case 'MessageSubscriptionCorrelated':
    case 'MessageSubscriptionDeleted':
    case 'SignalSubscriptionDeleted':
    case 'ConditionalSubscriptionEvaluated':
    case 'ConditionalSubscriptionDeleted':
    case 'CompensationSubscriptionMoved':
    case 'CompensationSubscriptionDeleted':
    case 'IncidentResolved':
      return index.get(event.key) ?? null;
  }
}

function remember(index: Map<string, string | null>, key: string, processInstanceKey: string | null): string | null {
  index.set(key, processInstanceKey);
  return processInstanceKey;
}
