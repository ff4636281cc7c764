import { isA, type ModdleElement } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';
import { eventDefinitionOf, flowNodesOf, isCompensationHandler, isEventSubProcess } from './rule-support';

/**
 * BPMN 2.0 §10.5.2: where a scope has a start event, every other flow node needs an incoming
 * flow, except boundary events, event sub-processes, compensation handlers and link catches.
 * Gateways are checked by `gateway-flows`. An unreachable activity is an error; an unreachable
 * event only warns (Camunda 7 and Zeebe deploy it; it never fires).
 */
export const flowNodeUnreachableRule: ValidationRule = {
  id: 'flow-node-unreachable',
  category: 'execution',
  check: (context) =>
    context.scopes
      .filter((scope) => scope.executable && !isA(scope.element, 'bpmn:AdHocSubProcess'))
      .flatMap((scope) => {
        const nodes = flowNodesOf(scope.flowElements);
        if (!nodes.some((node) => isA(node, 'bpmn:StartEvent'))) return [];
        return nodes
          .filter((node) => needsIncoming(node) && context.incoming(node).length === 0)
          .map((node) =>
            problemOf(
              'flow-node-unreachable',
              isA(node, 'bpmn:Activity') ? 'error' : 'warning',
              node,
              `${describeElement(node)} has no incoming sequence flow, so it can never be reached; connect it.`,
            ),
          );
      }),
};

function needsIncoming(node: ModdleElement): boolean {
  if (isA(node, 'bpmn:StartEvent') || isA(node, 'bpmn:BoundaryEvent') || isA(node, 'bpmn:Gateway')) return false;
  if (isEventSubProcess(node) || isCompensationHandler(node)) return false;
  return !(isA(node, 'bpmn:IntermediateCatchEvent') && eventDefinitionOf(node, 'bpmn:LinkEventDefinition') !== undefined);
}
