import { isA } from '../../parse/moddle-element';
import { describeElement, kindOf, withArticle } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';
import { eventDefinitionsOf } from './rule-support';

/** Error, escalation, compensation and cancel can only start event sub-processes, not processes. */
const EVENT_SUBPROCESS_ONLY = ['bpmn:ErrorEventDefinition', 'bpmn:EscalationEventDefinition', 'bpmn:CompensateEventDefinition', 'bpmn:CancelEventDefinition'];
const NEVER_ON_START = ['bpmn:LinkEventDefinition', 'bpmn:TerminateEventDefinition'];

/** Start events of a process may only have triggers that can start an instance. */
export const startEventTriggerRule: ValidationRule = {
  id: 'start-event-trigger',
  category: 'modeling',
  check: (context) =>
    context.elements
      .filter((element) => isA(element, 'bpmn:StartEvent'))
      .flatMap((start) => {
        const inProcess = start.$parent !== undefined && isA(start.$parent, 'bpmn:Process');
        const forbidden = inProcess ? [...EVENT_SUBPROCESS_ONLY, ...NEVER_ON_START] : NEVER_ON_START;
        const invalid = eventDefinitionsOf(start).find((definition) => forbidden.some((type) => isA(definition, type)));
        if (invalid === undefined) return [];
        const trigger = kindOf(invalid.$type).replace(' event definition', '');
        return [problemOf('start-event-trigger', context.severityFor(start), start, `${describeElement(start)} is ${withArticle(trigger)} start event, which cannot start ${inProcess ? 'a process; use it in an event sub-process' : 'anything'}.`)];
      }),
};
