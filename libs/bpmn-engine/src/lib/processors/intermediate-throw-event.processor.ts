import type { Behaviors } from '../behaviors/behaviors';
import { completeWithOutputs, terminateLeaf } from './activity-steps';
import type { ElementContext, ElementProcessor, HookResult } from './element-processor';
import { activateThrowEvent } from './throw-event-steps';

/**
 * Intermediate throw events: none, signal, message (published, or a job when it has a task
 * definition), escalation, compensation (waits for the handlers) and link (jumps to the catching
 * link event of the same name in the same scope).
 */
export const intermediateThrowEventProcessor: ElementProcessor = {
  onActivate: activateThrowEvent,
  onComplete(context: ElementContext, behaviors: Behaviors): HookResult {
    const scope = behaviors.processing.instance(context.instance.flowScopeKey);
    if (context.element.linkTargetId && scope) behaviors.lifecycle.activateChild(context.element.linkTargetId, scope);
    return completeWithOutputs(context, behaviors);
  },
  onTerminate: terminateLeaf,
};
