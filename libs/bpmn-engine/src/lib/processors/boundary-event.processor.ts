import type { Behaviors } from '../behaviors/behaviors';
import { completeWithOutputs, terminateLeaf } from './activity-steps';
import type { ElementContext, ElementProcessor, HookResult } from './element-processor';

/**
 * Boundary events are activated only after they fired (the subscription lives on the activity;
 * see TriggerBehavior): they apply the trigger's variables and complete at once.
 */
export const boundaryEventProcessor: ElementProcessor = {
  onActivate(context: ElementContext, behaviors: Behaviors): HookResult {
    const failed = behaviors.lifecycle.activated(context);
    if (failed) return failed;
    behaviors.variables.applyTriggerVariables(context, context.instance.trigger?.variables ?? {});
    behaviors.lifecycle.requestComplete(context.instance.key);
    return undefined;
  },
  onComplete: completeWithOutputs,
  onTerminate: terminateLeaf,
};
