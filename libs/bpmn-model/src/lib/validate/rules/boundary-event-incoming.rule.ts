import { isA } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';

/** A boundary event is triggered on its activity, never reached by a flow. */
export const boundaryEventIncomingRule: ValidationRule = {
  id: 'boundary-event-incoming',
  category: 'modeling',
  check: (context) =>
    context.elements
      .filter((element) => isA(element, 'bpmn:BoundaryEvent') && context.incoming(element).length > 0)
      .map((event) => problemOf('boundary-event-incoming', context.severityFor(event), event, `${describeElement(event)} has an incoming sequence flow; a boundary event cannot be the target of a flow.`)),
};
