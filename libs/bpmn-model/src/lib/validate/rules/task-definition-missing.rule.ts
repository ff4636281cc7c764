import { extensionOf, isA, stringProp, type ModdleElement } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';
import { eventDefinitionOf } from './rule-support';

/**
 * Zeebe runs service, send and message-throwing elements as jobs of a type that workers take;
 * a business rule task may call a decision instead, a script task may carry a FEEL script.
 */
export const taskDefinitionMissingRule: ValidationRule = {
  id: 'task-definition-missing',
  category: 'zeebe',
  check: (context) =>
    context.elements
      .filter((element) => context.isExecutable(element) && isJobElement(element))
      .filter((element) => !hasType(element) && !hasAlternative(element))
      .map((element) =>
        problemOf('task-definition-missing', 'error', element, `${describeElement(element)} has no job type (zeebe:taskDefinition type), so no worker would ever run it; set the type.`),
      ),
};

function isJobElement(element: ModdleElement): boolean {
  if (isA(element, 'bpmn:ServiceTask') || isA(element, 'bpmn:SendTask') || isA(element, 'bpmn:BusinessRuleTask') || isA(element, 'bpmn:ScriptTask')) {
    return true;
  }
  const throwsMessage = isA(element, 'bpmn:IntermediateThrowEvent') || isA(element, 'bpmn:EndEvent');
  return throwsMessage && eventDefinitionOf(element, 'bpmn:MessageEventDefinition') !== undefined;
}

function hasType(element: ModdleElement): boolean {
  const definition = extensionOf(element, 'zeebe:TaskDefinition');
  const type = definition === undefined ? undefined : stringProp(definition, 'type');
  return type !== undefined && type.trim() !== '';
}

function hasAlternative(element: ModdleElement): boolean {
  if (isA(element, 'bpmn:BusinessRuleTask')) {
    const decision = extensionOf(element, 'zeebe:CalledDecision');
    return decision !== undefined && (stringProp(decision, 'decisionId') ?? '').trim() !== '';
  }
  if (isA(element, 'bpmn:ScriptTask')) {
    const script = extensionOf(element, 'zeebe:Script');
    return script !== undefined && (stringProp(script, 'expression') ?? '').trim() !== '';
  }
  return false;
}
