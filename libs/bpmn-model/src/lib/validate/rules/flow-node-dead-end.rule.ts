import { isA, type ModdleElement } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';
import { eventDefinitionOf, flowNodesOf, isCompensationHandler, isEventSubProcess } from './rule-support';

/**
 * Where a scope uses end events, a path that stops without one is usually a forgotten flow.
 * Zeebe ends such a path implicitly, so this is a warning.
 */
export const flowNodeDeadEndRule: ValidationRule = {
  id: 'flow-node-dead-end',
  category: 'execution',
  check: (context) =>
    context.scopes
      .filter((scope) => scope.executable && !isA(scope.element, 'bpmn:AdHocSubProcess'))
      .flatMap((scope) => {
        const nodes = flowNodesOf(scope.flowElements);
        if (!nodes.some((node) => isA(node, 'bpmn:EndEvent'))) return [];
        return nodes
          .filter((node) => needsOutgoing(node) && context.outgoing(node).length === 0)
          .map((node) =>
            problemOf('flow-node-dead-end', 'warning', node, `${describeElement(node)} has no outgoing sequence flow; end the path with an end event.`),
          );
      }),
};

function needsOutgoing(node: ModdleElement): boolean {
  if (isA(node, 'bpmn:EndEvent') || isA(node, 'bpmn:Gateway') || isA(node, 'bpmn:BoundaryEvent')) return false;
  if (isEventSubProcess(node) || isCompensationHandler(node)) return false;
  return !(isA(node, 'bpmn:IntermediateThrowEvent') && eventDefinitionOf(node, 'bpmn:LinkEventDefinition') !== undefined);
}
