import { isA } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';

/** An end event ends a path: nothing flows out of it. */
export const endEventOutgoingRule: ValidationRule = {
  id: 'end-event-outgoing',
  category: 'modeling',
  check: (context) =>
    context.elements
      .filter((element) => isA(element, 'bpmn:EndEvent') && context.outgoing(element).length > 0)
      .map((event) =>
        problemOf('end-event-outgoing', context.severityFor(event), event, `${describeElement(event)} has an outgoing sequence flow; an end event cannot be the source of a flow.`),
      ),
};
