import type { Behaviors } from '../behaviors/behaviors';
import { event } from '../events/engine-event';
import { terminateScope } from './activity-steps';
import type { ElementContext, HookResult, LeftChild, ScopeProcessor } from './element-processor';

/**
 * The process instance, the outermost scope. Starts at the start event that fired (its trigger)
 * or at its none start events, opens the subscriptions of its event sub-processes, and completes
 * when no child and no waiting join token is left.
 */
export const processProcessor: ScopeProcessor = {
  onActivate(context: ElementContext, behaviors: Behaviors): HookResult {
    const failed = behaviors.subscriptions.openEventSubProcesses(context) ?? behaviors.lifecycle.activated(context);
    if (failed) return failed;
    const { instance, element } = context;
    const starts = instance.trigger ? [instance.trigger.elementId] : element.startEventIds;
    if (instance.trigger) {
      behaviors.processing.emit(event('EventTriggerCleared', { elementInstanceKey: instance.key }));
    }
    for (const id of starts) behaviors.lifecycle.activateChild(id, instance, instance.trigger ? { trigger: instance.trigger } : {});
    if (starts.length === 0) behaviors.lifecycle.requestComplete(instance.key);
    return undefined;
  },
  onComplete(context: ElementContext, behaviors: Behaviors): HookResult {
    return behaviors.lifecycle.leave(context);
  },
  onTerminate: terminateScope,
  onChildLeft(scope: ElementContext, _child: LeftChild, behaviors: Behaviors): void {
    behaviors.lifecycle.settleScope(scope);
  },
};
