import type { JsonObject } from '@laufweg/bpmn-model';

/** A connector's answer as plain JSON: `{ [name]: value }` without undefined fields. */
export function resultVariable(name: string, value: unknown): JsonObject {
  return { [name]: JSON.parse(JSON.stringify(value)) as JsonObject };
}
