import type { EngineEvent } from './engine-event';

/**
 * Whom an event concerns, as far as the event itself says: a process instance it names (and the
 * record it creates there, if any), an existing record it names by key, or nobody (deployments,
 * published messages, signal broadcasts). Callers keep the index from record keys to process
 * instances that `record` owners need; every key is unique, so one index serves all record kinds.
 */
export type EventOwner =
  | {
      readonly by: 'instance';
      /** Null for definition-level records (a timer or signal start event's subscription). */
      readonly processInstanceKey: string | null;
      /** The key of the record the event creates, to remember for later events. */
      readonly creates?: string;
      /** A process instance started by a call activity: that call activity's element instance. */
      readonly parentElementInstanceKey?: string;
    }
  | { readonly by: 'record'; readonly key: string }
  | { readonly by: 'none' };

export function ownerOfEvent(event: EngineEvent): EventOwner {
  switch (event.type) {
    case 'ProcessDeployed':
    case 'MessagePublished':
    case 'MessageExpired':
    case 'SignalBroadcast':
      return { by: 'none' };
    case 'ElementActivating':
      return {
        by: 'instance',
        processInstanceKey: event.processInstanceKey,
        creates: event.key,
        ...(event.elementType === 'process' && event.parentElementInstanceKey !== undefined ? { parentElementInstanceKey: event.parentElementInstanceKey } : {}),
      };
    case 'ProcessInstanceMigrated':
    case 'SequenceFlowTaken':
    case 'EventTriggered':
    case 'VariableSet':
      return { by: 'instance', processInstanceKey: event.processInstanceKey };
    case 'JobCreated':
      return { by: 'instance', processInstanceKey: event.job.processInstanceKey, creates: event.job.key };
    case 'UserTaskCreated':
      return { by: 'instance', processInstanceKey: event.userTask.processInstanceKey, creates: event.userTask.key };
    case 'TimerCreated':
      return { by: 'instance', processInstanceKey: event.timer.processInstanceKey, creates: event.timer.key };
    case 'MessageSubscriptionCreated':
    case 'SignalSubscriptionCreated':
    case 'ConditionalSubscriptionCreated':
    case 'CompensationSubscriptionCreated':
      return { by: 'instance', processInstanceKey: event.subscription.processInstanceKey, creates: event.subscription.key };
    case 'IncidentCreated':
      return { by: 'instance', processInstanceKey: event.incident.processInstanceKey, creates: event.incident.key };
    case 'JoinTokensDiscarded':
      return { by: 'record', key: event.flowScopeKey };
    case 'EventTriggerCleared':
    case 'LoopStateUpdated':
      return { by: 'record', key: event.elementInstanceKey };
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
      return { by: 'record', key: event.key };
  }
}
