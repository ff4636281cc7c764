import type { ModdleImportWarning } from 'bpmn-moddle';
import { stringProp, type ModdleElement } from './moddle-element';
import { NAMESPACES } from './well-known-namespaces';

/**
 * BPMN references are QNames: `attachedToRef="tns:task_1"` points to `task_1` when `tns` is
 * bound to the document's target namespace. bpmn-moddle only resolves unprefixed ids; this
 * resolves the prefixed ones (also with the BPMN namespace's prefix, which several tools write,
 * e.g. `semantic:Message_1`) and returns the warnings that remain unresolved.
 */
export function resolveQualifiedReferences(
  definitions: ModdleElement,
  elementsById: Readonly<Record<string, ModdleElement>>,
  warnings: readonly ModdleImportWarning[],
): ModdleImportWarning[] {
  const targetNamespace = stringProp(definitions, 'targetNamespace');
  const attributes = definitions.$attrs ?? {};
  return warnings.filter((warning) => {
    const id = typeof warning.value === 'string' ? warning.value : undefined;
    const element = warning.element;
    const property = warning.property;
    if (id === undefined || element === undefined || property === undefined || !id.includes(':')) return true;
    const prefix = id.slice(0, id.indexOf(':'));
    const target = elementsById[id.slice(id.indexOf(':') + 1)];
    const namespace = attributes[`xmlns:${prefix}`];
    if (target === undefined || namespace === undefined || (namespace !== targetNamespace && namespace !== NAMESPACES.bpmn)) return true;
    const current = element.get(property);
    if (Array.isArray(current)) current.push(target);
    else element.set(property, target);
    return false;
  });
}
