import { elementProp, elementsProp, isA, type ModdleElement } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import type { ModelProblem } from '../../problem';
import { problemOf, type ValidationRule } from '../validation-rule';
import { eventDefinitionOf, isEventSubProcess } from './rule-support';

/**
 * An activity is undone by one compensation handler: one compensation boundary event, or, for a
 * sub-process, one compensation event sub-process inside it, never several or both. A
 * compensation event sub-process belongs in a sub-process, not at process level.
 */
export const compensationHandlerMultipleRule: ValidationRule = {
  id: 'compensation-handler-multiple',
  category: 'modeling',
  check: (context) => {
    const boundaries = new Map<ModdleElement, ModdleElement[]>();
    for (const event of context.elements.filter((element) => isA(element, 'bpmn:BoundaryEvent') && isCompensation(element))) {
      const host = elementProp(event, 'attachedToRef');
      if (host !== undefined) boundaries.set(host, [...(boundaries.get(host) ?? []), event]);
    }
    const problems: ModelProblem[] = [];
    for (const scope of context.scopes) {
      const handlers = scope.flowElements.filter((element) => isEventSubProcess(element) && startsOnCompensation(element));
      const severity = context.severityFor(scope.element);
      if (handlers.length > 0 && isA(scope.element, 'bpmn:Process')) {
        problems.push(...handlers.map((handler) => problemOf('compensation-handler-multiple', severity, handler, `${describeElement(handler)} is a compensation event sub-process at process level; it belongs inside the sub-process it undoes.`)));
      }
      const attached = boundaries.get(scope.element) ?? [];
      if (handlers.length + attached.length > 1) {
        problems.push(problemOf('compensation-handler-multiple', severity, scope.element, `${describeElement(scope.element)} has more than one compensation handler (boundary events or compensation event sub-processes); keep one.`));
      }
    }
    for (const [host, attached] of boundaries) {
      if (!isA(host, 'bpmn:SubProcess') && attached.length > 1) {
        problems.push(problemOf('compensation-handler-multiple', context.severityFor(host), host, `${describeElement(host)} has ${attached.length} compensation boundary events; keep one.`));
      }
    }
    return problems;
  },
};

function isCompensation(event: ModdleElement): boolean {
  return eventDefinitionOf(event, 'bpmn:CompensateEventDefinition') !== undefined;
}

function startsOnCompensation(subProcess: ModdleElement): boolean {
  return elementsProp(subProcess, 'flowElements').some((element) => isA(element, 'bpmn:StartEvent') && isCompensation(element));
}
