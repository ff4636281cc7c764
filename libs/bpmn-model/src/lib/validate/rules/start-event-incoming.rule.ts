import { isA } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';

/** A start event begins a path: nothing flows into it. */
export const startEventIncomingRule: ValidationRule = {
  id: 'start-event-incoming',
  category: 'modeling',
  check: (context) =>
    context.elements
      .filter((element) => isA(element, 'bpmn:StartEvent') && context.incoming(element).length > 0)
      .map((event) =>
        problemOf('start-event-incoming', context.severityFor(event), event, `${describeElement(event)} has an incoming sequence flow; a start event cannot be the target of a flow.`),
      ),
};
