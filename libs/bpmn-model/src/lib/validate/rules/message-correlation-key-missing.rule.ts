import { elementProp, extensionOf, isA, stringProp, type ModdleElement } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';
import { eventDefinitionOf, isEventSubProcess } from './rule-support';

/**
 * A running instance receives a message by name and correlation key; only a start event that
 * creates a new instance needs no key. The key lives on the message (`zeebe:subscription`).
 */
export const messageCorrelationKeyMissingRule: ValidationRule = {
  id: 'message-correlation-key-missing',
  category: 'zeebe',
  check: (context) =>
    context.elements
      .filter((element) => context.isExecutable(element) && waitsInInstance(element))
      .flatMap((element) => {
        const holder = isA(element, 'bpmn:ReceiveTask') ? element : eventDefinitionOf(element, 'bpmn:MessageEventDefinition');
        const message = holder === undefined ? undefined : elementProp(holder, 'messageRef');
        if (message === undefined) return [];
        const subscription = extensionOf(message, 'zeebe:Subscription');
        const key = subscription === undefined ? undefined : stringProp(subscription, 'correlationKey');
        if (key !== undefined && key.trim() !== '') return [];
        return [problemOf('message-correlation-key-missing', 'error', element, `${describeElement(element)} waits for a message in a running instance, but its message has no correlation key (zeebe:subscription); set one.`)];
      }),
};

function waitsInInstance(element: ModdleElement): boolean {
  if (isA(element, 'bpmn:ReceiveTask')) return true;
  if (eventDefinitionOf(element, 'bpmn:MessageEventDefinition') === undefined) return false;
  if (isA(element, 'bpmn:IntermediateCatchEvent') || isA(element, 'bpmn:BoundaryEvent')) return true;
  return isA(element, 'bpmn:StartEvent') && element.$parent !== undefined && isEventSubProcess(element.$parent);
}
