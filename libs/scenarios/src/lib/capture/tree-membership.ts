import { ownerOfEvent, type EngineEvent } from '@laufweg/bpmn-engine';

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
    const owner = ownerOfEvent(record);
    switch (owner.by) {
      case 'none':
        return undefined;
      case 'record':
        return this.keys.has(owner.key);
      case 'instance': {
        const childOfTree = owner.parentElementInstanceKey !== undefined && this.keys.has(owner.parentElementInstanceKey);
        const owned = childOfTree || (owner.processInstanceKey !== null && this.instances.has(owner.processInstanceKey));
        if (owned && learn && owner.creates !== undefined) {
          if (childOfTree) this.instances.add(owner.creates);
          this.keys.add(owner.creates);
        }
        return owned;
      }
    }
  }
}
