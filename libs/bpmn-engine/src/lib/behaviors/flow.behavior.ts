import type { ExecutableElement, ExecutableProcess } from '@laufweg/bpmn-model';
import { event } from '../events/engine-event';
import { failure, type ElementContext, type Failure } from '../processors/element-processor';
import type { Processing } from '../processing/processing';
import type { ElementInstanceRecord, EventTrigger } from '../state/engine-state';
import type { Behaviors } from './behaviors';

export type FlowSelection = { readonly ok: true; readonly flows: readonly string[] } | { readonly ok: false; readonly failure: Failure };

const reachabilityCache = new WeakMap<ExecutableProcess, Map<string, ReadonlySet<string>>>();

/**
 * Sequence flows: choosing outgoing flows by condition, taking them, and joins (parallel,
 * inclusive, complex). Tokens waiting at a join are counted per incoming flow on the scope.
 */
export class FlowBehavior {
  constructor(
    private readonly processing: Processing,
    private readonly behaviors: Behaviors,
  ) {}

  /** Outgoing flows of an activity or event: unconditional ones, true conditions, else default. */
  select(context: ElementContext, mode: 'all' | 'first' = 'all'): FlowSelection {
    const { element, instance, model } = context;
    const candidates = element.outgoing.filter((id) => id !== element.defaultFlowId);
    const taken: string[] = [];
    for (const id of candidates) {
      const condition = model.flows[id]?.condition;
      if (!condition) {
        taken.push(id);
      } else {
        const result = this.behaviors.expressions.boolean(condition, instance.key);
        if (!result.ok) return { ok: false, failure: failure('CONDITION_ERROR', `Condition of flow '${id}': ${result.failure.message}`) };
        if (result.value) taken.push(id);
      }
      if (mode === 'first' && taken.length > 0) break;
    }
    if (taken.length > 0) return { ok: true, flows: taken };
    if (element.defaultFlowId) return { ok: true, flows: [element.defaultFlowId] };
    if (element.outgoing.length === 0) return { ok: true, flows: [] };
    return { ok: false, failure: failure('CONDITION_ERROR', `No outgoing sequence flow of '${element.id}' has a condition that is true, and there is no default flow.`) };
  }

  /** Takes flows from a completed element; activates targets and fires joins that are ready. */
  take(from: ElementContext, scope: Readonly<ElementInstanceRecord>, flowIds: readonly string[], trigger?: EventTrigger): void {
    for (const flowId of flowIds) {
      const flow = from.model.flows[flowId];
      const target = flow ? from.model.elements[flow.targetId] : undefined;
      if (!flow || !target) continue;
      const join = isJoin(target);
      this.processing.emit(event('SequenceFlowTaken', { flowId, targetId: target.id, flowScopeKey: scope.key, processInstanceKey: scope.processInstanceKey, join }));
      if (!join) this.behaviors.lifecycle.activateChild(target.id, scope, trigger && trigger.elementId === target.id ? { trigger } : {});
    }
    this.checkJoins(scope);
  }

  /** Activates every join of the scope whose tokens are complete. */
  checkJoins(scope: Readonly<ElementInstanceRecord>): void {
    const model = this.processing.model(scope.processDefinitionKey);
    for (let fired = true; fired; ) {
      fired = false;
      for (const [gatewayId, tokens] of Object.entries(scope.joins ?? {})) {
        const gateway = model.elements[gatewayId];
        if (!gateway) continue;
        const consumed = this.readyToFire(gateway, scope, tokens, model);
        if (consumed) {
          this.behaviors.lifecycle.activateChild(gatewayId, scope, { consumedFlows: consumed });
          fired = true;
          break;
        }
      }
    }
  }

  private readyToFire(gateway: ExecutableElement, scope: Readonly<ElementInstanceRecord>, tokens: Readonly<Record<string, number>>, model: ExecutableProcess): string[] | undefined {
    const arrived = gateway.incoming.filter((id) => (tokens[id] ?? 0) > 0);
    if (arrived.length === 0) return undefined;
    switch (gateway.type) {
      case 'parallelGateway':
        return arrived.length === gateway.incoming.length ? arrived : undefined;
      case 'inclusiveGateway':
        return this.tokenCanStillArrive(gateway, scope, model) ? undefined : arrived;
      case 'complexGateway': {
        if (!gateway.activationCondition) return arrived.length === gateway.incoming.length ? arrived : undefined;
        const count = arrived.reduce((sum, id) => sum + (tokens[id] ?? 0), 0);
        const result = this.behaviors.expressions.boolean(gateway.activationCondition, scope.key, { activationCount: count });
        return result.ok && result.value ? arrived : undefined;
      }
      default:
        return undefined;
    }
  }

  /** Inclusive join: some token of the scope (a child, or one waiting at another join) can still reach it. */
  private tokenCanStillArrive(gateway: ExecutableElement, scope: Readonly<ElementInstanceRecord>, model: ExecutableProcess): boolean {
    const positions = this.processing.childrenOf(scope.key).map((child) => child.elementId);
    positions.push(...Object.keys(scope.joins ?? {}).filter((id) => id !== gateway.id));
    return positions.some((position) => position !== gateway.id && reachable(model, position).has(gateway.id));
  }
}

function isJoin(element: ExecutableElement): boolean {
  return (element.type === 'parallelGateway' || element.type === 'inclusiveGateway' || element.type === 'complexGateway') && element.incoming.length > 1;
}

/** Elements reachable from an element along flows, boundary events and link jumps (cached). */
export function reachable(model: ExecutableProcess, fromId: string): ReadonlySet<string> {
  let cache = reachabilityCache.get(model);
  if (!cache) reachabilityCache.set(model, (cache = new Map()));
  const cached = cache.get(fromId);
  if (cached) return cached;
  const seen = new Set<string>();
  const queue = [fromId];
  while (queue.length > 0) {
    const element = model.elements[queue.shift() ?? ''];
    if (!element) continue;
    const next = [...element.outgoing.map((id) => model.flows[id]?.targetId ?? ''), ...element.boundaryEventIds, ...(element.linkTargetId ? [element.linkTargetId] : [])];
    for (const id of next) {
      if (!seen.has(id)) {
        seen.add(id);
        queue.push(id);
      }
    }
  }
  cache.set(fromId, seen);
  return seen;
}
