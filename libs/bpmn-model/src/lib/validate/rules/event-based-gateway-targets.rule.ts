import { elementProp, isA, type ModdleElement } from '../../parse/moddle-element';
import { describeElement, mentionElement } from '../../parse/describe-element';
import type { ModelProblem } from '../../problem';
import { problemOf, type ValidationRule } from '../validation-rule';
import { eventDefinitionsOf } from './rule-support';

const CATCHABLE = ['bpmn:MessageEventDefinition', 'bpmn:TimerEventDefinition', 'bpmn:SignalEventDefinition', 'bpmn:ConditionalEventDefinition'];

/** An event-based gateway waits for the first of at least two events (catch events or receive tasks). */
export const eventBasedGatewayTargetsRule: ValidationRule = {
  id: 'event-based-gateway-targets',
  category: 'modeling',
  check: (context) =>
    context.elements
      .filter((element) => isA(element, 'bpmn:EventBasedGateway'))
      .flatMap((gateway): ModelProblem[] => {
        const flows = context.outgoing(gateway);
        const problems: ModelProblem[] = [];
        for (const flow of flows) {
          const target = elementProp(flow, 'targetRef');
          if (target !== undefined && isWaitingTarget(target) && context.incoming(target).length > 1) {
            problems.push(problemOf('event-based-gateway-targets', context.severityFor(flow), target, `${describeElement(target)} follows an event-based gateway and must have no other incoming sequence flow.`));
          }
          if (target === undefined || isWaitingTarget(target)) continue;
          problems.push(
            problemOf('event-based-gateway-targets', context.severityFor(flow), flow, `${describeElement(flow)} leaves the event-based gateway for ${mentionElement(target)}; it must lead to an intermediate catch event (message, timer, signal, condition) or a receive task.`),
          );
        }
        return problems;
      }),
};

function isWaitingTarget(target: ModdleElement): boolean {
  if (isA(target, 'bpmn:ReceiveTask')) return true;
  if (!isA(target, 'bpmn:IntermediateCatchEvent')) return false;
  const definitions = eventDefinitionsOf(target);
  return definitions.length === 1 && CATCHABLE.some((type) => isA(definitions[0], type));
}
