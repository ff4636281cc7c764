import { isModdleElement, type ModdleElement } from '../../parse/moddle-element';
import { NAMESPACES } from '../../parse/well-known-namespaces';

/** Generic extension elements in the Camunda 7 namespace with the given local name (`in`, `executionListener`). */
export function camundaElements(elements: readonly ModdleElement[], localName: string): ModdleElement[] {
  return elements.filter((element) => element.$descriptor.isGeneric === true && element.$descriptor.ns.uri === NAMESPACES.camunda && element.$descriptor.ns.localName === localName);
}

/** The value of a Camunda 7 attribute on a known element (`camunda:asyncAfter`), if set. */
export function camundaAttribute(element: ModdleElement, localName: string): string | undefined {
  return element.$attrs?.[`camunda:${localName}`];
}

/** An attribute of a generic element, unprefixed (`source`) or in its own namespace (`camunda:source`). */
export function genericAttribute(element: ModdleElement, localName: string): string | undefined {
  const record = element as Readonly<Record<string, unknown>>;
  const value = record[localName] ?? record[`${element.$descriptor.ns.prefix}:${localName}`];
  return typeof value === 'string' ? value : undefined;
}

/** The element carrying a generic extension element (extension element -> extensionElements -> owner). */
export function extensionOwner(element: ModdleElement): ModdleElement {
  let current: ModdleElement = element;
  while (current.$parent !== undefined && (current.$descriptor.isGeneric === true || current.$type === 'bpmn:ExtensionElements')) {
    current = current.$parent;
  }
  return isModdleElement(current) ? current : element;
}
