import type { Behaviors } from '../behaviors/behaviors';
import { event } from '../events/engine-event';
import { completeWithOutputs, terminateLeaf } from './activity-steps';
import type { ElementContext, ElementProcessor, HookResult } from './element-processor';
import { activateThrowEvent } from './throw-event-steps';

/**
 * End events. None, signal, message, escalation, compensation: throw, then complete. Error:
 * caught by an enclosing boundary or event sub-process (which terminates this end event), else
 * an incident. Terminate: completes, then terminates everything else in its scope. Cancel (in a
 * transaction): compensates the transaction, then fires its cancel boundary event.
 */
export const endEventProcessor: ElementProcessor = {
  onActivate: activateThrowEvent,
  onComplete(context: ElementContext, behaviors: Behaviors): HookResult {
    const { instance, element, model } = context;
    const kind = element.eventDefinition?.kind;
    const scope = behaviors.processing.instance(instance.flowScopeKey);
    if (kind === 'cancel' && scope) {
      const cancelBoundary = behaviors.processing
        .element(scope)
        .boundaryEventIds.find((id) => model.elements[id]?.eventDefinition?.kind === 'cancel');
      if (cancelBoundary) behaviors.triggers.trigger(scope.key, cancelBoundary, true, {});
    }
    if (kind === 'terminate' && scope) {
      if (scope.joins) behaviors.processing.emit(event('JoinTokensDiscarded', { flowScopeKey: scope.key }));
      for (const sibling of behaviors.processing.childrenOf(scope.key)) {
        if (sibling.key !== instance.key) behaviors.lifecycle.terminate(sibling.key);
      }
    }
    return completeWithOutputs(context, behaviors);
  },
  onTerminate: terminateLeaf,
};
