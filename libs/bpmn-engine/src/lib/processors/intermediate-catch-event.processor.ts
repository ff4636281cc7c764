import type { Behaviors } from '../behaviors/behaviors';
import { completeWithOutputs, terminateLeaf } from './activity-steps';
import type { ElementContext, ElementProcessor, HookResult } from './element-processor';

/**
 * Intermediate catch events: message, timer, signal and conditional events subscribe and wait;
 * a link catch passes through; reached from an event-based gateway the event has already fired
 * and completes with the trigger's variables.
 */
export const intermediateCatchEventProcessor: ElementProcessor = {
  onActivate(context: ElementContext, behaviors: Behaviors): HookResult {
    const { instance, element } = context;
    const passThrough = instance.trigger || element.eventDefinition?.kind === 'link' || element.eventDefinition?.kind === 'none';
    const failed = behaviors.variables.applyInputs(context) ?? (passThrough ? undefined : behaviors.subscriptions.open(context, element, true)) ?? behaviors.lifecycle.activated(context);
    if (failed || !passThrough) return failed;
    behaviors.variables.applyTriggerVariables(context, instance.trigger?.variables ?? {});
    behaviors.lifecycle.requestComplete(instance.key);
    return undefined;
  },
  onComplete: completeWithOutputs,
  onTerminate: terminateLeaf,
};
