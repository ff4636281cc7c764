import type { Behaviors } from '../behaviors/behaviors';
import { activateWithInputs, completeWithOutputs, terminateScope } from './activity-steps';
import type { ElementContext, HookResult, LeftChild, ScopeProcessor } from './element-processor';

/**
 * Event sub-processes are activated by the trigger of their start event (see TriggerBehavior:
 * interrupting ones first terminate the rest of the enclosing scope). They start at that start
 * event with the trigger's variables; when one completes, the enclosing scope settles.
 */
export const eventSubProcessProcessor: ScopeProcessor = {
  onActivate(context: ElementContext, behaviors: Behaviors): HookResult {
    const failed = activateWithInputs(context, behaviors);
    if (failed) return failed;
    const { instance, element } = context;
    const start = element.triggerStartEventId;
    if (!start) {
      behaviors.lifecycle.requestComplete(instance.key);
      return undefined;
    }
    behaviors.lifecycle.activateChild(start, instance, instance.trigger ? { trigger: instance.trigger } : {});
    return undefined;
  },
  onComplete: completeWithOutputs,
  onTerminate: terminateScope,
  onChildLeft(scope: ElementContext, _child: LeftChild, behaviors: Behaviors): void {
    behaviors.lifecycle.settleScope(scope);
  },
};
