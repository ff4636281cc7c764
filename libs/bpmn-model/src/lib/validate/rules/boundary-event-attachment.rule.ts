import { elementProp, isA } from '../../parse/moddle-element';
import { describeElement, mentionElement } from '../../parse/describe-element';
import type { ModelProblem } from '../../problem';
import { problemOf, type ValidationRule } from '../validation-rule';

/** A boundary event sits on an activity. */
export const boundaryEventAttachmentRule: ValidationRule = {
  id: 'boundary-event-attachment',
  category: 'structure',
  check: (context) =>
    context.elements
      .filter((element) => isA(element, 'bpmn:BoundaryEvent'))
      .flatMap((event): ModelProblem[] => {
        const host = elementProp(event, 'attachedToRef');
        const name = describeElement(event);
        if (host === undefined) {
          return [problemOf('boundary-event-attachment', context.severityFor(event), event, `${name} is not attached to an activity; attach it or use an intermediate event.`)];
        }
        if (!isA(host, 'bpmn:Activity')) {
          return [problemOf('boundary-event-attachment', context.severityFor(event), event, `${name} is attached to ${mentionElement(host)}, which is not an activity.`)];
        }
        return [];
      }),
};
