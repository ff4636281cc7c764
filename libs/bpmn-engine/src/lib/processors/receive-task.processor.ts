import type { Behaviors } from '../behaviors/behaviors';
import { completeWithOutputs, terminateLeaf } from './activity-steps';
import type { ElementContext, ElementProcessor, HookResult } from './element-processor';

/** Receive tasks: subscribe to the message and wait; correlation completes the task. */
export const receiveTaskProcessor: ElementProcessor = {
  onActivate(context: ElementContext, behaviors: Behaviors): HookResult {
    return behaviors.variables.applyInputs(context) ?? behaviors.subscriptions.open(context, context.element, true) ?? behaviors.lifecycle.activated(context);
  },
  onComplete: completeWithOutputs,
  onTerminate: terminateLeaf,
};
