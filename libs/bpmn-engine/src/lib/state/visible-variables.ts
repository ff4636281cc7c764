import type { JsonObject, JsonValue } from '@laufweg/bpmn-model';
import type { ReadonlyEngineState } from './engine-state';

/**
 * The variables visible from an element instance: its own and those of every enclosing flow
 * scope up to its process instance, the innermost winning (Zeebe's scoping). What a job worker
 * is handed; the same view the engine evaluates expressions in.
 */
export function visibleVariables(state: ReadonlyEngineState, elementInstanceKey: string): JsonObject {
  const chain: string[] = [];
  let key: string | null = elementInstanceKey;
  while (key !== null) {
    const instance: ReadonlyEngineState['elementInstances'][string] | undefined = state.elementInstances[key];
    if (!instance) break;
    chain.push(key);
    key = instance.flowScopeKey;
  }
  const variables: Record<string, JsonValue> = {};
  for (const key of chain.reverse()) Object.assign(variables, structuredClone(state.variables[key] ?? {}));
  return variables;
}
