import { isA } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';
import { eventDefinitionOf } from './rule-support';

/** A compensation boundary event is linked to its handler by an association, not by sequence flows. */
export const compensationBoundaryFlowRule: ValidationRule = {
  id: 'compensation-boundary-flow',
  category: 'modeling',
  check: (context) =>
    context.elements
      .filter((element) => isA(element, 'bpmn:BoundaryEvent') && eventDefinitionOf(element, 'bpmn:CompensateEventDefinition') !== undefined)
      .filter((event) => context.outgoing(event).length > 0)
      .map((event) => problemOf('compensation-boundary-flow', context.severityFor(event), event, `${describeElement(event)} is a compensation boundary event with an outgoing sequence flow; connect its handler with an association instead.`)),
};
