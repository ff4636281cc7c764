import type { Behaviors } from '../behaviors/behaviors';
import { activateWithInputs, completeWithOutputs, terminateLeaf } from './activity-steps';
import type { ElementContext, ElementProcessor, HookResult } from './element-processor';
import { throwEventDefinition } from './throw-event-steps';

/**
 * Intermediate throw events: none, signal, message (published, or a job when it has a task
 * definition), escalation, compensation (waits for the handlers) and link (jumps to the catching
 * link event of the same name in the same scope).
 */
export const intermediateThrowEventProcessor: ElementProcessor = {
  onActivate(context: ElementContext, behaviors: Behaviors): HookResult {
    const failed = activateWithInputs(context, behaviors);
    if (failed) return failed;
    const result = throwEventDefinition(context, behaviors);
    if (result === 'done') behaviors.lifecycle.requestComplete(context.instance.key);
    return result === 'done' || result === 'wait' ? undefined : result;
  },
  onComplete(context: ElementContext, behaviors: Behaviors): HookResult {
    const scope = behaviors.processing.instance(context.instance.flowScopeKey);
    if (context.element.linkTargetId && scope) behaviors.lifecycle.activateChild(context.element.linkTargetId, scope);
    return completeWithOutputs(context, behaviors);
  },
  onTerminate: terminateLeaf,
};
