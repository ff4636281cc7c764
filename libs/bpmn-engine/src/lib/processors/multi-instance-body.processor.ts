import type { JsonValue, LoopDefinition } from '@laufweg/bpmn-model';
import type { Behaviors } from '../behaviors/behaviors';
import { event } from '../events/engine-event';
import type { LoopState } from '../state/engine-state';
import { terminateScope } from './activity-steps';
import { failure, type ElementContext, type HookResult, type LeftChild, type ScopeProcessor } from './element-processor';

type MultiInstance = Extract<LoopDefinition, { kind: 'multiInstance' }>;

/**
 * The body around an activity with loop characteristics. Multi-instance: evaluates the input
 * collection (or loop cardinality) once, creates the inner instances in parallel or one after
 * another with `inputElement` and `loopCounter` as locals, collects `outputElement` into
 * `outputCollection`, and stops early when the completion condition holds. Standard loop:
 * repeats while the loop condition is true (checked before or after each iteration) up to
 * loopMaximum. Boundary events belong to the body; outgoing flows are taken by the body.
 */
export const multiInstanceBodyProcessor: ScopeProcessor = {
  onActivate(context: ElementContext, behaviors: Behaviors): HookResult {
    const loop = context.element.loop;
    if (!loop) return failure('UNSUPPORTED', `Element '${context.element.id}' has no loop characteristics.`);
    const failed = behaviors.lifecycle.activated(context);
    if (failed) return failed;
    if (loop.kind === 'standardLoop') {
      updateLoop(context, behaviors, { total: loop.loopMaximum ?? -1, started: 0, completed: 0 });
      return nextIteration(context, behaviors);
    }
    const state = initialState(context, loop, behaviors);
    if (!state.ok) return state.failure;
    updateLoop(context, behaviors, state.loop);
    if (loop.outputCollection) behaviors.variables.setLocal(context.instance.key, { [loop.outputCollection]: new Array<JsonValue>(state.loop.total).fill(null) });
    if (state.loop.total === 0) {
      behaviors.lifecycle.requestComplete(context.instance.key);
      return undefined;
    }
    const count = loop.isSequential ? 1 : state.loop.total;
    for (let index = 0; index < count; index++) startInner(context, behaviors, index);
    return undefined;
  },
  onComplete(context: ElementContext, behaviors: Behaviors): HookResult {
    const loop = context.element.loop;
    if (loop?.kind === 'multiInstance' && loop.outputCollection && context.instance.flowScopeKey) {
      const collected = behaviors.variables.local(context.instance.key)[loop.outputCollection] ?? [];
      behaviors.variables.propagate(context.instance.flowScopeKey, { [loop.outputCollection]: collected });
    }
    return behaviors.lifecycle.leave(context);
  },
  onTerminate: terminateScope,
  beforeChildCompleted(body: ElementContext, child: ElementContext, behaviors: Behaviors): HookResult {
    const loop = body.element.loop;
    const state = body.instance.loop;
    if (!state || !loop) return undefined;
    if (loop.kind === 'standardLoop') {
      if (loop.testBefore || !loop.loopCondition) return undefined;
      const again = behaviors.expressions.boolean(loop.loopCondition, child.instance.key);
      if (!again.ok) return again.failure;
      updateLoop(body, behaviors, { ...state, continueLoop: again.value });
      return undefined;
    }
    if (!loop.outputCollection || !loop.outputElement) return undefined;
    const value = behaviors.expressions.evaluate(loop.outputElement, child.instance.key);
    if (!value.ok) return value.failure;
    const current = behaviors.variables.local(body.instance.key)[loop.outputCollection];
    const collection = Array.isArray(current) ? [...current] : [];
    collection[(child.instance.loopCounter ?? 1) - 1] = value.value;
    behaviors.variables.setLocal(body.instance.key, { [loop.outputCollection]: collection });
    return undefined;
  },
  onChildLeft(body: ElementContext, child: LeftChild, behaviors: Behaviors): void {
    const { instance, element } = body;
    const loop = element.loop;
    const state = instance.loop;
    if (!loop || !state || instance.state !== 'activated') {
      behaviors.lifecycle.settleScope(body);
      return;
    }
    const completed = child.outcome === 'completed' ? state.completed + 1 : state.completed;
    updateLoop(body, behaviors, { ...state, completed });
    if (loop.kind === 'standardLoop') {
      const failed = nextIteration(body, behaviors);
      if (failed) behaviors.incidents.raise(body, failed);
      return;
    }
    if (loop.completionCondition) {
      const active = behaviors.processing.childrenOf(instance.key).length;
      const done = behaviors.expressions.boolean(loop.completionCondition, instance.key, {
        numberOfInstances: state.total,
        numberOfCompletedInstances: completed,
        numberOfActiveInstances: active,
        loopCounter: child.instance.loopCounter ?? completed,
      });
      if (!done.ok) {
        behaviors.incidents.raise(body, done.failure);
        return;
      }
      if (done.value) {
        behaviors.lifecycle.terminateChildren(instance.key);
        if (active === 0) behaviors.lifecycle.requestComplete(instance.key);
        return;
      }
    }
    if (loop.isSequential && state.started < state.total) {
      startInner(body, behaviors, state.started);
      return;
    }
    behaviors.lifecycle.settleScope(body);
  },
};

function initialState(context: ElementContext, loop: MultiInstance, behaviors: Behaviors): { ok: true; loop: LoopState } | { ok: false; failure: ReturnType<typeof failure> } {
  const scopeKey = context.instance.key;
  if (loop.inputCollection) {
    const collection = behaviors.expressions.evaluate(loop.inputCollection, scopeKey);
    if (!collection.ok) return collection;
    if (!Array.isArray(collection.value)) {
      return { ok: false, failure: failure('EXTRACT_VALUE_ERROR', `The input collection '${loop.inputCollection.source}' of '${context.element.id}' is not a list: ${JSON.stringify(collection.value)}.`) };
    }
    return { ok: true, loop: { collection: collection.value, total: collection.value.length, started: 0, completed: 0 } };
  }
  const cardinality = loop.loopCardinality ? behaviors.expressions.evaluate(loop.loopCardinality, scopeKey) : undefined;
  if (cardinality && !cardinality.ok) return cardinality;
  const total = cardinality?.value;
  if (typeof total !== 'number' || !Number.isInteger(total) || total < 0) {
    return { ok: false, failure: failure('EXTRACT_VALUE_ERROR', `The loop cardinality of '${context.element.id}' must be a non-negative integer, but it was ${JSON.stringify(total ?? null)}.`) };
  }
  return { ok: true, loop: { total, started: 0, completed: 0 } };
}

function startInner(body: ElementContext, behaviors: Behaviors, index: number): void {
  const loop = body.element.loop;
  const state = behaviors.processing.instance(body.instance.key)?.loop;
  if (!state || loop?.kind !== 'multiInstance') return;
  updateLoop(body, behaviors, { ...state, started: state.started + 1 });
  const key = behaviors.lifecycle.activateChild(body.element.id, body.instance, { inner: true, loopCounter: index + 1 });
  const locals: Record<string, JsonValue> = { loopCounter: index + 1 };
  if (loop.inputElement) locals[loop.inputElement] = state.collection?.[index] ?? null;
  behaviors.variables.setLocal(key, locals);
}

/** Standard loop: start the next iteration, or complete the body. */
function nextIteration(body: ElementContext, behaviors: Behaviors): HookResult {
  const loop = body.element.loop;
  const state = behaviors.processing.instance(body.instance.key)?.loop;
  if (loop?.kind !== 'standardLoop' || !state) return undefined;
  let again = state.started === 0 ? true : (state.continueLoop ?? false);
  if (loop.testBefore && loop.loopCondition) {
    const result = behaviors.expressions.boolean(loop.loopCondition, body.instance.key, { loopCounter: state.started });
    if (!result.ok) return result.failure;
    again = result.value;
  }
  if (!loop.loopCondition) again = state.total >= 0 || state.started === 0;
  if (state.total >= 0 && state.started >= state.total) again = false;
  if (!again) {
    behaviors.lifecycle.requestComplete(body.instance.key);
    return undefined;
  }
  updateLoop(body, behaviors, { ...state, started: state.started + 1 });
  const key = behaviors.lifecycle.activateChild(body.element.id, body.instance, { inner: true, loopCounter: state.started + 1 });
  behaviors.variables.setLocal(key, { loopCounter: state.started + 1 });
  return undefined;
}

function updateLoop(body: ElementContext, behaviors: Behaviors, loop: LoopState): void {
  behaviors.processing.emit(event('LoopStateUpdated', { elementInstanceKey: body.instance.key, loop }));
}
