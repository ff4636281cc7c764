import { elementsProp, isA } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import type { ModelProblem } from '../../problem';
import { problemOf, type ValidationRule } from '../validation-rule';
import { eventDefinitionsOf, isEventSubProcess } from './rule-support';

/** An event sub-process is started by exactly one start event, and that event has a trigger. */
export const eventSubProcessStartRule: ValidationRule = {
  id: 'event-subprocess-start',
  category: 'modeling',
  check: (context) =>
    context.elements
      .filter((element) => isEventSubProcess(element))
      .flatMap((subProcess): ModelProblem[] => {
        const starts = elementsProp(subProcess, 'flowElements').filter((element) => isA(element, 'bpmn:StartEvent'));
        const name = describeElement(subProcess);
        if (starts.length !== 1) {
          return [problemOf('event-subprocess-start', context.severityFor(subProcess), subProcess, `${name} is an event sub-process with ${starts.length} start events; it needs exactly one.`)];
        }
        const [start] = starts;
        if (start !== undefined && eventDefinitionsOf(start).length === 0) {
          return [problemOf('event-subprocess-start', context.severityFor(start), start, `${describeElement(start)} starts an event sub-process but has no trigger; make it a message, timer, signal, error, escalation, condition or compensation start event.`)];
        }
        return [];
      }),
};
