import { elementProp, isA } from '../../parse/moddle-element';
import { describeElement, mentionElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';
import { conditionOf } from './rule-support';

/**
 * An exclusive or inclusive split with several flows picks by condition; a flow without one that
 * is not the default is almost always a forgotten condition.
 */
export const gatewayUnconditionalFlowRule: ValidationRule = {
  id: 'gateway-unconditional-flow',
  category: 'execution',
  check: (context) =>
    context.elements
      .filter((element) => (isA(element, 'bpmn:ExclusiveGateway') || isA(element, 'bpmn:InclusiveGateway')) && context.isExecutable(element))
      .flatMap((gateway) => {
        const flows = context.outgoing(gateway);
        if (flows.length < 2 || elementProp(gateway, 'default') !== undefined) return [];
        return flows
          .filter((flow) => conditionOf(flow) === undefined)
          .map((flow) => problemOf('gateway-unconditional-flow', 'warning', flow, `${describeElement(flow)} leaves ${mentionElement(gateway)} without a condition and is not its default flow; add a condition or mark it as default.`));
      }),
};
