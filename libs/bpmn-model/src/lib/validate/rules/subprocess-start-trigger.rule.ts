import { isA } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';
import { eventDefinitionsOf, isEmbeddedSubProcess } from './rule-support';

/**
 * An embedded sub-process (or transaction) is entered by its parent's flow, so its start event
 * has no trigger (BPMN 2.0 §10.5.2); triggers belong to event sub-processes.
 */
export const subProcessStartTriggerRule: ValidationRule = {
  id: 'subprocess-start-trigger',
  category: 'modeling',
  check: (context) =>
    context.scopes
      .filter((scope) => isEmbeddedSubProcess(scope.element))
      .flatMap((scope) =>
        scope.flowElements
          .filter((element) => isA(element, 'bpmn:StartEvent') && eventDefinitionsOf(element).length > 0)
          .map((start) =>
            problemOf('subprocess-start-trigger', context.severityFor(start), start, `${describeElement(start)} has a trigger, but the start event of an embedded sub-process must be a plain (none) start event.`),
          ),
      ),
};
