import type { Behaviors } from '../behaviors/behaviors';
import type { ElementContext, HookResult } from './element-processor';

/** Shared first step of activities: input mappings, then ACTIVATED (opens boundary events). */
export function activateWithInputs(context: ElementContext, behaviors: Behaviors): HookResult {
  return behaviors.variables.applyInputs(context) ?? behaviors.lifecycle.activated(context);
}

/** Shared last step: output mappings, then leave along the outgoing flows. */
export function completeWithOutputs(context: ElementContext, behaviors: Behaviors): HookResult {
  return behaviors.variables.applyOutputs(context) ?? behaviors.lifecycle.leave(context);
}

/** Terminating an element without children: cancel its work and go. */
export function terminateLeaf(context: ElementContext, behaviors: Behaviors): void {
  behaviors.lifecycle.terminated(context);
}

/** Terminating a scope: terminate the children; the last one leaving finishes the scope. */
export function terminateScope(context: ElementContext, behaviors: Behaviors): void {
  behaviors.lifecycle.terminateChildren(context.instance.key);
  behaviors.lifecycle.settleScope(context);
}
