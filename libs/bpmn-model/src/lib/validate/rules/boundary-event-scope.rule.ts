import { elementProp, isA } from '../../parse/moddle-element';
import { describeElement, mentionElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';

/** A boundary event is declared in the same process or sub-process as the activity it sits on. */
export const boundaryEventScopeRule: ValidationRule = {
  id: 'boundary-event-scope',
  category: 'modeling',
  check: (context) =>
    context.elements
      .filter((element) => isA(element, 'bpmn:BoundaryEvent'))
      .flatMap((event) => {
        const host = elementProp(event, 'attachedToRef');
        if (host === undefined || !isA(host, 'bpmn:Activity') || host.$parent === event.$parent) return [];
        return [
          problemOf(
            'boundary-event-scope',
            context.severityFor(event),
            event,
            `${describeElement(event)} is attached to ${mentionElement(host)}, but is declared in another process or sub-process; move it next to its activity.`,
          ),
        ];
      }),
};
