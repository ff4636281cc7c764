import { isA } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import type { ModelProblem } from '../../problem';
import { problemOf, type ValidationRule } from '../validation-rule';

/** An executable gateway is entered by a flow and leaves by one; one in and one out does nothing. */
export const gatewayFlowsRule: ValidationRule = {
  id: 'gateway-flows',
  category: 'execution',
  check: (context) =>
    context.elements
      .filter((element) => isA(element, 'bpmn:Gateway') && context.isExecutable(element))
      .flatMap((gateway): ModelProblem[] => {
        const incoming = context.incoming(gateway).length;
        const outgoing = context.outgoing(gateway).length;
        const name = describeElement(gateway);
        if (incoming === 0) return [problemOf('gateway-flows', 'error', gateway, `${name} has no incoming sequence flow; connect it.`)];
        if (outgoing === 0) return [problemOf('gateway-flows', 'error', gateway, `${name} has no outgoing sequence flow; a gateway cannot end a path.`)];
        if (isA(gateway, 'bpmn:EventBasedGateway') && outgoing < 2) {
          return [problemOf('gateway-flows', 'error', gateway, `${name} needs at least two outgoing flows, each to an event it waits for.`)];
        }
        if (incoming === 1 && outgoing === 1 && !isA(gateway, 'bpmn:EventBasedGateway')) {
          return [problemOf('gateway-flows', 'warning', gateway, `${name} has one incoming and one outgoing flow, so it neither splits nor joins; remove it.`)];
        }
        return [];
      }),
};
