import type { Behaviors } from '../behaviors/behaviors';
import { completeWithOutputs, terminateScope } from './activity-steps';
import type { ElementContext, HookResult, LeftChild, ScopeProcessor } from './element-processor';

/**
 * Embedded sub-processes and transactions: a scope with input/output mappings, boundary events
 * and event sub-processes; starts at its none start event and completes when nothing is left.
 * (A transaction's cancel end event is handled by the end event processor.)
 */
export const subProcessProcessor: ScopeProcessor = {
  onActivate(context: ElementContext, behaviors: Behaviors): HookResult {
    const failed = behaviors.variables.applyInputs(context) ?? behaviors.subscriptions.openEventSubProcesses(context) ?? behaviors.lifecycle.activated(context);
    if (failed) return failed;
    for (const id of context.element.startEventIds) behaviors.lifecycle.activateChild(id, context.instance);
    if (context.element.startEventIds.length === 0) behaviors.lifecycle.requestComplete(context.instance.key);
    return undefined;
  },
  onComplete: completeWithOutputs,
  onTerminate: terminateScope,
  onChildLeft(scope: ElementContext, _child: LeftChild, behaviors: Behaviors): void {
    behaviors.lifecycle.settleScope(scope);
  },
};
