import type { EngineEvent } from '@laufweg/bpmn-engine';

/**
 * Decides which events of a log belong to one instance tree (the root instance and the
 * instances its call activities started), learning the keys of the tree's records (element
 * instances, jobs, user tasks, timers, subscriptions, incidents) as they are created. Messages
 * and signals carry no instance; callers decide about them (undefined).
 */
export class TreeMembership {
  private readonly instances: Set<string>;
  private readonly keys = new Set<string>();

  constructor(rootKey: string) {
    this.instances = new Set([rootKey]);
  }

  /** Whether the event belongs to the tree; with `learn`, remembers the keys it creates. */
  owns(record: EngineEvent, learn = true): boolean | undefined {
    const inTree = (instanceKey: string | null | undefined, key?: string): boolean => {
      const owned = instanceKey !== null && instanceKey !== undefined && this.instances.has(instanceKey);
      if (owned && learn && key !== undefined) this.keys.add(key);
      return owned;
    };
    switch (record.type) {
      case 'ElementActivating': {
        if (record.elementType === 'process' && record.parentElementInstanceKey !== undefined && this.keys.has(record.parentElementInstanceKey)) {
          if (learn) {
            this.instances.add(record.key);
            this.keys.add(record.key);
          }
          return true;
        }
        return inTree(record.processInstanceKey, record.key);
      }
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
        return this.keys.has(record.key);
      case 'SequenceFlowTaken':
      case 'VariableSet':
      case 'EventTriggered':
        return this.instances.has(record.processInstanceKey);
      case 'ProcessInstanceMigrated':
        return this.instances.has(record.processInstanceKey);
      case 'EventTriggerCleared':
      case 'LoopStateUpdated':
        return this.keys.has(record.elementInstanceKey);
      case 'JoinTokensDiscarded':
        return this.keys.has(record.flowScopeKey);
      case 'JobCreated':
        return inTree(record.job.processInstanceKey, record.job.key);
      case 'UserTaskCreated':
        return inTree(record.userTask.processInstanceKey, record.userTask.key);
      case 'TimerCreated':
        return inTree(record.timer.processInstanceKey, record.timer.key);
      case 'MessageSubscriptionCreated':
      case 'SignalSubscriptionCreated':
      case 'ConditionalSubscriptionCreated':
      case 'CompensationSubscriptionCreated':
        return inTree(record.subscription.processInstanceKey, record.subscription.key);
      case 'IncidentCreated':
        return inTree(record.incident.processInstanceKey, record.incident.key);
      default:
        return undefined;
    }
  }
}
