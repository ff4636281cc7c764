import type { Behaviors } from '../behaviors/behaviors';
import { activateWithInputs, completeWithOutputs, terminateScope } from './activity-steps';
import { failure, type ElementContext, type HookResult, type LeftChild, type ScopeProcessor } from './element-processor';

/**
 * Ad-hoc sub-processes. Activates the elements named by zeebe:adHoc activeElementsCollection,
 * or else every inner element without incoming flow. After each child, the completion condition
 * is evaluated: true completes the sub-process (terminating the rest when
 * cancelRemainingInstances); without a condition it completes when nothing is left.
 */
export const adHocSubProcessProcessor: ScopeProcessor = {
  onActivate(context: ElementContext, behaviors: Behaviors): HookResult {
    const failed = activateWithInputs(context, behaviors);
    if (failed) return failed;
    const { element, instance } = context;
    let ids: readonly string[] = element.startEventIds;
    if (element.activeElementsCollection) {
      const result = behaviors.expressions.evaluate(element.activeElementsCollection, instance.key);
      if (!result.ok) return result.failure;
      if (!Array.isArray(result.value) || !result.value.every((id) => typeof id === 'string' && element.childIds.includes(id))) {
        return failure('EXTRACT_VALUE_ERROR', `The active elements of '${element.id}' must be a list of ids of its inner elements.`);
      }
      ids = result.value as string[];
    }
    for (const id of ids) behaviors.lifecycle.activateChild(id, instance);
    if (ids.length === 0) behaviors.lifecycle.requestComplete(instance.key);
    return undefined;
  },
  onComplete: completeWithOutputs,
  onTerminate: terminateScope,
  onChildLeft(scope: ElementContext, child: LeftChild, behaviors: Behaviors): void {
    const { element, instance } = scope;
    if (instance.state === 'activated' && child.outcome === 'completed' && element.completionCondition) {
      const done = behaviors.expressions.boolean(element.completionCondition, instance.key);
      if (!done.ok) {
        behaviors.incidents.raise(scope, done.failure);
        return;
      }
      if (done.value) {
        if (element.cancelRemainingInstances !== false) behaviors.lifecycle.terminateChildren(instance.key);
        else if (behaviors.processing.childrenOf(instance.key).length > 0) return;
      }
    }
    behaviors.lifecycle.settleScope(scope);
  },
};
