import { elementProp, isA } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';

/** A parallel gateway takes all its outgoing flows; a condition on one of them is never evaluated. */
export const parallelGatewayConditionalFlowRule: ValidationRule = {
  id: 'parallel-gateway-conditional-flow',
  category: 'modeling',
  check: (context) =>
    context.elements
      .filter((element) => isA(element, 'bpmn:SequenceFlow') && elementProp(element, 'conditionExpression') !== undefined)
      .filter((flow) => isA(elementProp(flow, 'sourceRef'), 'bpmn:ParallelGateway'))
      .map((flow) => problemOf('parallel-gateway-conditional-flow', context.severityFor(flow), flow, `${describeElement(flow)} leaves a parallel gateway but has a condition; remove the condition or use an inclusive gateway.`)),
};
