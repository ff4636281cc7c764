import { booleanProp, elementProp, elementsProp, isA, stringProp, type ModdleElement } from '../../parse/moddle-element';

/** The event definitions of an event, contained or referenced (`eventDefinitionRef`); empty for a none event. */
export function eventDefinitionsOf(event: ModdleElement): readonly ModdleElement[] {
  if (event.$descriptor.propertiesByName?.eventDefinitions === undefined) return [];
  return [...elementsProp(event, 'eventDefinitions'), ...elementsProp(event, 'eventDefinitionRef')];
}

/** The first event definition of the given type (`bpmn:TimerEventDefinition`), or undefined. */
export function eventDefinitionOf(event: ModdleElement, type: string): ModdleElement | undefined {
  return eventDefinitionsOf(event).find((definition) => isA(definition, type));
}

export function isEventSubProcess(element: ModdleElement): boolean {
  return isA(element, 'bpmn:SubProcess') && booleanProp(element, 'triggeredByEvent') === true;
}

/** Embedded sub-processes and transactions (not event or ad-hoc sub-processes). */
export function isEmbeddedSubProcess(element: ModdleElement): boolean {
  return isA(element, 'bpmn:SubProcess') && !isEventSubProcess(element) && !isA(element, 'bpmn:AdHocSubProcess');
}

/** The process or sub-process whose `flowElements` hold the element. */
export function scopeOf(element: ModdleElement): ModdleElement | undefined {
  const parent = element.$parent;
  return parent !== undefined && (isA(parent, 'bpmn:Process') || isA(parent, 'bpmn:SubProcess')) ? parent : undefined;
}

/** The trimmed text of an expression element, or undefined when absent or blank. */
export function expressionText(expression: ModdleElement | undefined): string | undefined {
  if (expression === undefined) return undefined;
  const body = stringProp(expression, 'body');
  return body === undefined || body.trim() === '' ? undefined : body.trim();
}

/** The condition text of a sequence flow, or undefined when it has none. */
export function conditionOf(flow: ModdleElement): string | undefined {
  return expressionText(elementProp(flow, 'conditionExpression'));
}

/** True when the activity is a compensation handler (`isForCompensation="true"`). */
export function isCompensationHandler(element: ModdleElement): boolean {
  return booleanProp(element, 'isForCompensation') === true;
}

/** The flow nodes among a scope's flow elements. */
export function flowNodesOf(flowElements: readonly ModdleElement[]): readonly ModdleElement[] {
  return flowElements.filter((element) => isA(element, 'bpmn:FlowNode'));
}

/** True for a value that Zeebe reads as FEEL (`=...`). */
export function isFeel(value: string | undefined): value is string {
  return value !== undefined && value.trim().startsWith('=');
}
