import { isModdleElement, type ModdleElement } from './moddle-element';

/**
 * Visits `root` and every element it contains (depth first, document order): known properties
 * that are not references, and the children of generic extension elements. Iterative, so deep
 * documents do not exhaust the stack.
 */
export function walkElements(root: ModdleElement, visit: (element: ModdleElement) => void): void {
  const stack: ModdleElement[] = [root];
  while (stack.length > 0) {
    const element = stack.pop() as ModdleElement;
    visit(element);
    const children = containedElements(element);
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index] as ModdleElement);
  }
}

/** The elements directly contained in `element` (not the ones it refers to). */
export function containedElements(element: ModdleElement): ModdleElement[] {
  const contained: ModdleElement[] = [];
  const add = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) if (isModdleElement(item)) contained.push(item);
    } else if (isModdleElement(value)) {
      contained.push(value);
    }
  };
  if (element.$descriptor.isGeneric) {
    add(element.$children);
    return contained;
  }
  for (const property of element.$descriptor.properties ?? []) {
    if (property.isReference || property.isVirtual) continue;
    add(element[property.name]);
  }
  return contained;
}
