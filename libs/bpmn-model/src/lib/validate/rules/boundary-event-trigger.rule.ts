import { elementProp, isA } from '../../parse/moddle-element';
import { describeElement, kindOf, withArticle } from '../../parse/describe-element';
import type { ModelProblem } from '../../problem';
import { problemOf, type ValidationRule } from '../validation-rule';
import { eventDefinitionsOf } from './rule-support';

const NOT_ON_BOUNDARY = ['bpmn:LinkEventDefinition', 'bpmn:TerminateEventDefinition'];

/** A boundary event reacts to exactly one trigger that can interrupt an activity. */
export const boundaryEventTriggerRule: ValidationRule = {
  id: 'boundary-event-trigger',
  category: 'modeling',
  check: (context) =>
    context.elements
      .filter((element) => isA(element, 'bpmn:BoundaryEvent'))
      .flatMap((event): ModelProblem[] => {
        const definitions = eventDefinitionsOf(event);
        const name = describeElement(event);
        if (definitions.length === 0) {
          return [problemOf('boundary-event-trigger', context.severityFor(event), event, `${name} has no trigger; a boundary event must be a timer, message, error, signal, escalation, condition, compensation or cancel event.`)];
        }
        const invalid = definitions.find((definition) => NOT_ON_BOUNDARY.some((type) => isA(definition, type)));
        if (invalid !== undefined) {
          return [problemOf('boundary-event-trigger', context.severityFor(event), event, `${name} is ${withArticle(kindOf(invalid.$type).replace(' event definition', ''))} event, which cannot be attached to an activity.`)];
        }
        const host = elementProp(event, 'attachedToRef');
        const cancels = definitions.some((definition) => isA(definition, 'bpmn:CancelEventDefinition'));
        if (cancels && host !== undefined && !isA(host, 'bpmn:Transaction')) {
          return [problemOf('boundary-event-trigger', context.severityFor(event), event, `${name} is a cancel event, which may only be attached to a transaction.`)];
        }
        const escalates = definitions.some((definition) => isA(definition, 'bpmn:EscalationEventDefinition'));
        if (escalates && host !== undefined && !isA(host, 'bpmn:SubProcess') && !isA(host, 'bpmn:CallActivity')) {
          return [problemOf('boundary-event-trigger', context.severityFor(event), event, `${name} catches an escalation, which only a sub-process or a call activity can raise; attach it to one.`)];
        }
        return [];
      }),
};
