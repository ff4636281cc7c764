import { evaluateFeel, type IoMapping, type JsonObject, type JsonValue } from '@laufweg/bpmn-model';
import { event } from '../events/engine-event';
import { failure, type ElementContext, type HookResult } from '../processors/element-processor';
import type { Processing } from '../processing/processing';

/**
 * Variable scopes with Zeebe semantics: every element instance is a scope; reading sees the
 * whole chain (inner wins); merging ("propagation") sets each variable in the nearest scope that
 * already has it, else in the process instance.
 */
export class VariableBehavior {
  constructor(private readonly processing: Processing) {}

  /** All variables visible from a scope. */
  context(scopeKey: string): Record<string, JsonValue> {
    const chain = this.processing.scopeChain(scopeKey).reverse();
    const context: Record<string, JsonValue> = {};
    for (const scope of chain) Object.assign(context, this.processing.state.variables[scope.key] ?? {});
    return context;
  }

  local(scopeKey: string): Readonly<Record<string, JsonValue>> {
    return (this.processing.state.variables[scopeKey] ?? {}) as Readonly<Record<string, JsonValue>>;
  }

  setLocal(scopeKey: string, variables: Readonly<Record<string, JsonValue>>): void {
    const instance = this.processing.instance(scopeKey);
    if (!instance) return;
    const existing = this.local(scopeKey);
    for (const [name, value] of Object.entries(variables)) {
      if (name in existing && JSON.stringify(existing[name]) === JSON.stringify(value)) continue;
      this.processing.emit(event('VariableSet', { scopeKey, processInstanceKey: instance.processInstanceKey, name, value: structuredClone(value) }));
    }
  }

  /** Sets each variable where it already lives (starting at `scopeKey`), else at the root. */
  propagate(scopeKey: string, variables: Readonly<Record<string, JsonValue>>): void {
    const chain = this.processing.scopeChain(scopeKey);
    const root = chain[chain.length - 1];
    if (!root) return;
    for (const [name, value] of Object.entries(variables)) {
      const owner = chain.find((scope) => name in (this.processing.state.variables[scope.key] ?? {})) ?? root;
      this.setLocal(owner.key, { [name]: value });
    }
  }

  /** zeebe:ioMapping inputs, evaluated in the flow scope, set as locals of the instance. */
  applyInputs(context: ElementContext, mappings: readonly IoMapping[] = context.element.inputs): HookResult {
    if (mappings.length === 0) return undefined;
    const base = context.instance.flowScopeKey ? this.context(context.instance.flowScopeKey) : {};
    const locals: JsonObject = {};
    for (const mapping of mappings) {
      const result = evaluateFeel(mapping.source, { ...base, ...locals }, { now: this.processing.now() });
      if (!result.ok) return failure('IO_MAPPING_ERROR', `Input mapping '${mapping.target}': ${result.message}`);
      assignPath(locals, mapping.target, result.value, base);
    }
    this.setLocal(context.instance.key, locals);
    return undefined;
  }

  /** zeebe:ioMapping outputs, evaluated in the instance's scope, merged into the flow scope. */
  applyOutputs(context: ElementContext, mappings: readonly IoMapping[] = context.element.outputs): HookResult {
    if (mappings.length === 0 || !context.instance.flowScopeKey) return undefined;
    const scope = this.context(context.instance.key);
    const outer = this.context(context.instance.flowScopeKey);
    const results: JsonObject = {};
    for (const mapping of mappings) {
      const result = evaluateFeel(mapping.source, scope, { now: this.processing.now() });
      if (!result.ok) return failure('IO_MAPPING_ERROR', `Output mapping '${mapping.target}': ${result.message}`);
      assignPath(results, mapping.target, result.value, outer);
    }
    this.propagate(context.instance.flowScopeKey, results);
    return undefined;
  }

  /**
   * Variables that come with a trigger (job or user task completion, message, signal):
   * local when the element has output mappings (they pick from them), otherwise propagated.
   */
  applyTriggerVariables(context: ElementContext, variables: Readonly<Record<string, JsonValue>>): void {
    if (Object.keys(variables).length === 0) return;
    if (context.element.outputs.length > 0) this.setLocal(context.instance.key, variables);
    else this.propagate(context.instance.key, variables);
  }
}

/** `a.b.c` targets build nested objects, merged with the value the target already has. */
function assignPath(target: JsonObject, path: string, value: JsonValue, existing: Readonly<Record<string, JsonValue>>): void {
  const [head, ...rest] = path.split('.');
  if (!head) return;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const current = target[head] ?? existing[head];
  const object: JsonObject = isObject(current) ? structuredClone(current) : {};
  assignPath(object, rest.join('.'), value, isObject(current) ? current : {});
  target[head] = object;
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
