import type { Behaviors } from '../behaviors/behaviors';
import { completeWithOutputs, terminateLeaf } from './activity-steps';
import type { ElementContext, ElementProcessor, HookResult } from './element-processor';

/**
 * Start events (none, message, timer, signal, conditional, error, escalation of event
 * sub-processes). The trigger that started the scope is already on the instance: its variables
 * are applied, then the start event completes at once. A process started explicitly at a
 * conditional start event waits there until its condition holds.
 */
export const startEventProcessor: ElementProcessor = {
  onActivate(context: ElementContext, behaviors: Behaviors): HookResult {
    const { element } = context;
    if (element.eventDefinition?.kind === 'conditional' && element.flowScopeId === context.model.id) {
      // A process started at its conditional start event waits until the condition holds.
      return behaviors.subscriptions.open(context, element, true) ?? behaviors.lifecycle.activated(context);
    }
    const failed = behaviors.lifecycle.activated(context);
    if (failed) return failed;
    behaviors.variables.applyTriggerVariables(context, context.instance.trigger?.variables ?? {});
    behaviors.lifecycle.requestComplete(context.instance.key);
    return undefined;
  },
  onComplete: completeWithOutputs,
  onTerminate: terminateLeaf,
};
