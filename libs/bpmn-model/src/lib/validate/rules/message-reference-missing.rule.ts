import { elementProp, idOf, isA, stringProp, type ModdleElement } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import type { ModelProblem } from '../../problem';
import { problemOf, type ValidationRule } from '../validation-rule';
import { eventDefinitionOf } from './rule-support';

const CATCHING = ['bpmn:StartEvent', 'bpmn:IntermediateCatchEvent', 'bpmn:BoundaryEvent'];

/**
 * A message catch event names the message it waits for, and that message has a name. A receive
 * task may do without a message in BPMN (Camunda 7 signals it); if it names one, it must have a
 * name (Zeebe's need for one is `receive-task-message-missing`).
 */
export const messageReferenceMissingRule: ValidationRule = {
  id: 'message-reference-missing',
  category: 'execution',
  check: (context) =>
    context.elements.filter((element) => context.isExecutable(element)).flatMap((element): ModelProblem[] => {
      const holder = messageHolder(element);
      if (holder === undefined) return [];
      const message = elementProp(holder, 'messageRef');
      if (message === undefined && isA(element, 'bpmn:ReceiveTask')) return [];
      if (message === undefined) {
        return [problemOf('message-reference-missing', 'error', element, `${describeElement(element)} waits for a message but names none; choose a message.`)];
      }
      const name = stringProp(message, 'name');
      if (name === undefined || name.trim() === '') {
        return [problemOf('message-reference-missing', 'error', element, `${describeElement(element)} waits for the message "${idOf(message) ?? '?'}", which has no name; give the message a name.`)];
      }
      return [];
    }),
};

function messageHolder(element: ModdleElement): ModdleElement | undefined {
  if (isA(element, 'bpmn:ReceiveTask')) return element;
  if (!CATCHING.some((type) => isA(element, type))) return undefined;
  return eventDefinitionOf(element, 'bpmn:MessageEventDefinition');
}
