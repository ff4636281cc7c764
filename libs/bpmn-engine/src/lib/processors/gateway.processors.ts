import type { Behaviors } from '../behaviors/behaviors';
import { terminateLeaf } from './activity-steps';
import type { ElementContext, ElementProcessor, HookResult } from './element-processor';

function passThrough(context: ElementContext, behaviors: Behaviors): HookResult {
  const failed = behaviors.lifecycle.activated(context);
  if (failed) return failed;
  behaviors.lifecycle.requestComplete(context.instance.key);
  return undefined;
}

/** Exclusive gateway: the first flow whose condition is true, else the default; none: incident. */
export const exclusiveGatewayProcessor: ElementProcessor = {
  onActivate: passThrough,
  onComplete(context: ElementContext, behaviors: Behaviors): HookResult {
    const selection = behaviors.flows.select(context, 'first');
    return selection.ok ? behaviors.lifecycle.leave(context, { flows: selection.flows }) : selection.failure;
  },
  onTerminate: terminateLeaf,
};

/** Parallel gateway: fork on every outgoing flow (conditions ignored); the join is in FlowBehavior. */
export const parallelGatewayProcessor: ElementProcessor = {
  onActivate: passThrough,
  onComplete(context: ElementContext, behaviors: Behaviors): HookResult {
    return behaviors.lifecycle.leave(context, { flows: context.element.outgoing });
  },
  onTerminate: terminateLeaf,
};

/**
 * Inclusive gateway: fork on every flow whose condition is true (else the default). Its join
 * (FlowBehavior) waits until no token of the scope can still reach it.
 */
export const inclusiveGatewayProcessor: ElementProcessor = {
  onActivate: passThrough,
  onComplete(context: ElementContext, behaviors: Behaviors): HookResult {
    const selection = behaviors.flows.select(context, 'all');
    return selection.ok ? behaviors.lifecycle.leave(context, { flows: selection.flows }) : selection.failure;
  },
  onTerminate: terminateLeaf,
};

/** Complex gateway: joins when its activation condition holds (FlowBehavior), forks like inclusive. */
export const complexGatewayProcessor: ElementProcessor = inclusiveGatewayProcessor;

/**
 * Event-based gateway: subscribes to the events after it and waits; the first to fire completes
 * the gateway along its flow (the others are closed with the gateway) and the event completes.
 */
export const eventBasedGatewayProcessor: ElementProcessor = {
  onActivate(context: ElementContext, behaviors: Behaviors): HookResult {
    const failed = behaviors.lifecycle.activated(context);
    if (failed) return failed;
    for (const flowId of context.element.outgoing) {
      const target = context.model.elements[context.model.flows[flowId]?.targetId ?? ''];
      if (!target) continue;
      const opened = behaviors.subscriptions.open(context, target, true);
      if (opened) return opened;
    }
    return undefined;
  },
  onComplete(context: ElementContext, behaviors: Behaviors): HookResult {
    const trigger = context.instance.trigger;
    const flow = context.element.outgoing.find((id) => context.model.flows[id]?.targetId === trigger?.elementId);
    return behaviors.lifecycle.leave(context, { flows: flow ? [flow] : [], ...(trigger ? { trigger } : {}) });
  },
  onTerminate: terminateLeaf,
};
