import type { RawModdleElement } from 'bpmn-moddle';

/**
 * An element of a parsed BPMN document: a bpmn-moddle element, known (`bpmn:Task`,
 * `zeebe:TaskDefinition`) or generic (an unknown extension element such as `camunda:in`).
 *
 * Its properties are `unknown` on purpose; read them through the typed helpers below.
 */
export type ModdleElement = RawModdleElement;

/** True when `value` is a moddle element (has a `$type`). */
export function isModdleElement(value: unknown): value is ModdleElement {
  return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}

/** True when `element` is an instance of the moddle `type` (`bpmn:Activity` matches a task). */
export function isA(element: ModdleElement | undefined, type: string): boolean {
  return element !== undefined && element.$instanceOf(type);
}

/** A string property, or undefined when absent or not a string. */
export function stringProp(element: ModdleElement, name: string): string | undefined {
  const value = element.get(name);
  return typeof value === 'string' ? value : undefined;
}

/** A boolean property (including a type default), or undefined. */
export function booleanProp(element: ModdleElement, name: string): boolean | undefined {
  const value = element.get(name);
  return typeof value === 'boolean' ? value : undefined;
}

/** A single contained or referenced element, or undefined. */
export function elementProp(element: ModdleElement, name: string): ModdleElement | undefined {
  const value = element.get(name);
  return isModdleElement(value) ? value : undefined;
}

/** A many-valued contained or referenced property, as elements (empty when absent). */
export function elementsProp(element: ModdleElement, name: string): readonly ModdleElement[] {
  const value = element.get(name);
  return Array.isArray(value) ? value.filter(isModdleElement) : [];
}

/** The element's own id, if it has one. */
export function idOf(element: ModdleElement): string | undefined {
  const value = (element as { readonly id?: unknown }).id;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The id of the element or of its closest ancestor that has one. */
export function nearestId(element: ModdleElement | undefined): string | undefined {
  for (let current = element; current !== undefined; current = current.$parent) {
    const id = idOf(current);
    if (id !== undefined) return id;
  }
  return undefined;
}

/** Children of `bpmn:extensionElements` of the given moddle type (`zeebe:TaskDefinition`). */
export function extensionsOf(element: ModdleElement, type: string): readonly ModdleElement[] {
  const container = elementProp(element, 'extensionElements');
  if (container === undefined) return [];
  return elementsProp(container, 'values').filter((value) => value.$type === type || value.$instanceOf(type));
}

/** The first extension element of the given type, or undefined. */
export function extensionOf(element: ModdleElement, type: string): ModdleElement | undefined {
  return extensionsOf(element, type)[0];
}

/** Foreign (namespaced) attributes kept by moddle in `$attrs`, or the generic element's own ones. */
export function foreignAttribute(element: ModdleElement, qualifiedName: string): string | undefined {
  const attrs = element.$descriptor.isGeneric ? (element as Readonly<Record<string, unknown>>) : element.$attrs;
  const value = attrs?.[qualifiedName];
  return typeof value === 'string' ? value : undefined;
}
