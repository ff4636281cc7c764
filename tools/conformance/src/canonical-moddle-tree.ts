import { isModdleElement, type ModdleElement } from '@laufweg/bpmn-model';

/** A JSON value that two parses of the same model must produce identically. */
export type CanonicalValue = null | boolean | number | string | CanonicalValue[] | { [key: string]: CanonicalValue };

const QNAME_VALUE = /^([A-Za-z_][\w.-]*):[A-Za-z_][\w.-]*$/;

/**
 * Canonical, order-stable tree of a document: {@link canonicalTree} of the root plus, for every
 * attribute value that looks like a QName (`xsd:string`), the namespace its prefix is bound to
 * at the root, so that dropped or re-bound namespace declarations are noticed.
 */
export function canonicalDocument(definitions: ModdleElement): CanonicalValue {
  const declared = new Map<string, string>();
  for (const [key, value] of Object.entries(definitions.$attrs ?? {})) {
    if (key.startsWith('xmlns:')) declared.set(key.slice(6), value);
  }
  const tree = canonicalTree(definitions);
  const bindings: { [prefix: string]: CanonicalValue } = {};
  collectStrings(tree, (value) => {
    const prefix = QNAME_VALUE.exec(value)?.[1];
    if (prefix !== undefined && declared.has(prefix)) bindings[prefix] = declared.get(prefix) ?? null;
  });
  return { tree, qnamePrefixes: sortKeys(bindings) };
}

function collectStrings(value: CanonicalValue, visit: (text: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) value.forEach((item) => collectStrings(item, visit));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) if (key !== '$type') collectStrings(item, visit);
  }
}

/**
 * Canonical, order-stable tree of a moddle element: every property that is set to a value other
 * than its default, references as the referenced id, foreign attributes with their prefixes,
 * generic extension elements with attributes, body and children. Empty collections count as
 * absent; namespace declarations and a redundant `xsi:type` are syntax, not content.
 */
export function canonicalTree(element: ModdleElement): CanonicalValue {
  const node: { [key: string]: CanonicalValue } = { $type: element.$type };
  if (element.$descriptor.isGeneric) {
    for (const [key, value] of Object.entries(element)) {
      if (!key.startsWith('$') && value !== undefined) node[`@${key}`] = scalar(value);
    }
    if (element.$body !== undefined && element.$body.trim() !== '') node.$body = element.$body;
    const children = (element.$children ?? []).filter(isModdleElement).map(canonicalTree);
    if (children.length > 0) node.$children = children;
    return node;
  }
  for (const property of element.$descriptor.properties ?? []) {
    if (property.isVirtual || !Object.hasOwn(element, property.name)) continue;
    if (element[property.name] === property.default) continue;
    const value = canonicalProperty(element[property.name], property.isReference === true);
    if (value !== undefined) node[property.name] = value;
  }
  for (const [key, value] of Object.entries(element.$attrs ?? {})) {
    if (key !== 'xmlns' && !key.startsWith('xmlns:') && key !== 'xsi:type') node[`@${key}`] = value;
  }
  return sortKeys(node);
}

function canonicalProperty(value: unknown, isReference: boolean): CanonicalValue | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    return value.map((item: unknown) => canonicalProperty(item, isReference) ?? null);
  }
  if (isModdleElement(value)) {
    if (!isReference) return canonicalTree(value);
    const id = (value as { readonly id?: unknown }).id;
    return `#ref:${typeof id === 'string' ? id : '?'}`;
  }
  return scalar(value);
}

function scalar(value: unknown): CanonicalValue {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (isModdleElement(value)) return canonicalTree(value);
  return JSON.stringify(value) ?? null;
}

function sortKeys(node: { [key: string]: CanonicalValue }): { [key: string]: CanonicalValue } {
  return Object.fromEntries(Object.entries(node).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The first path at which two canonical trees differ, or undefined when they are equal. */
export function firstDifference(left: CanonicalValue, right: CanonicalValue, path = ''): string | undefined {
  if (left === right) return undefined;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) {
    return `${path || '/'}: ${JSON.stringify(left)} != ${JSON.stringify(right)}`;
  }
  if (Array.isArray(left) !== Array.isArray(right)) return `${path}: array vs object`;
  const leftRecord = left as Record<string, CanonicalValue>;
  const rightRecord = right as Record<string, CanonicalValue>;
  const keys = new Set([...Object.keys(leftRecord), ...Object.keys(rightRecord)]);
  for (const key of keys) {
    const label = Array.isArray(left) ? `[${key}]` : `/${key}`;
    const typeHint = typeof leftRecord.$type === 'string' ? `${path}(${leftRecord.$type})` : path;
    const difference = firstDifference(leftRecord[key] ?? null, rightRecord[key] ?? null, `${typeHint}${label}`);
    if (difference !== undefined) return difference;
  }
  return undefined;
}
