/**
 * Narrow, typed reads from bpmn-moddle objects (which are untyped at this boundary).
 * The compiler reads moddle only through these helpers.
 */
export interface ModdleElement {
  readonly $type: string;
  readonly [property: string]: unknown;
}

export function isModdleElement(value: unknown): value is ModdleElement {
  return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}

export function str(element: ModdleElement | undefined, property: string): string | undefined {
  const value = element?.[property];
  return typeof value === 'string' ? value : undefined;
}

export function bool(element: ModdleElement | undefined, property: string): boolean | undefined {
  const value = element?.[property];
  return typeof value === 'boolean' ? value : undefined;
}

export function child(element: ModdleElement | undefined, property: string): ModdleElement | undefined {
  const value = element?.[property];
  return isModdleElement(value) ? value : undefined;
}

export function children(element: ModdleElement | undefined, property: string): ModdleElement[] {
  const value = element?.[property];
  return Array.isArray(value) ? value.filter(isModdleElement) : [];
}

/** The extension elements of a given type (`zeebe:TaskDefinition` ...). */
export function extensions(element: ModdleElement | undefined, type: string): ModdleElement[] {
  return children(child(element, 'extensionElements'), 'values').filter((value) => value.$type === type);
}

export function extension(element: ModdleElement | undefined, type: string): ModdleElement | undefined {
  return extensions(element, type)[0];
}

/** The text of a formal expression (`<conditionExpression>`, `<timeDuration>` ...). */
export function expressionBody(element: ModdleElement | undefined): string | undefined {
  const body = str(element, 'body');
  return body === undefined || body.trim() === '' ? undefined : body.trim();
}
