import { describeElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';
import { isEventSubProcess } from './rule-support';

/** An event sub-process is started by its event, never by a flow, and leads nowhere. */
export const eventSubProcessFlowsRule: ValidationRule = {
  id: 'event-subprocess-flows',
  category: 'modeling',
  check: (context) =>
    context.elements
      .filter((element) => isEventSubProcess(element) && context.incoming(element).length + context.outgoing(element).length > 0)
      .map((subProcess) =>
        problemOf('event-subprocess-flows', context.severityFor(subProcess), subProcess, `${describeElement(subProcess)} is an event sub-process with sequence flows; it must have neither incoming nor outgoing flows.`),
      ),
};
