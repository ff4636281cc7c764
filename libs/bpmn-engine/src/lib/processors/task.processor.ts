import type { Behaviors } from '../behaviors/behaviors';
import { activateWithInputs, completeWithOutputs, terminateLeaf } from './activity-steps';
import type { ElementContext, ElementProcessor, HookResult } from './element-processor';

/** Undefined tasks and manual tasks: pass straight through (Zeebe and Camunda 7 semantics). */
export const taskProcessor: ElementProcessor = {
  onActivate(context: ElementContext, behaviors: Behaviors): HookResult {
    const failed = activateWithInputs(context, behaviors);
    if (failed) return failed;
    behaviors.lifecycle.requestComplete(context.instance.key);
    return undefined;
  },
  onComplete: completeWithOutputs,
  onTerminate: terminateLeaf,
};
