import { isA } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import type { ModelProblem } from '../../problem';
import { problemOf, type ValidationRule } from '../validation-rule';
import { isEventSubProcess } from './rule-support';

/** An executable process is started by a start event; one with only event sub-processes may be intended. */
export const processStartEventRule: ValidationRule = {
  id: 'process-start-event',
  category: 'execution',
  check: (context) =>
    context.scopes
      .filter((scope) => scope.executable && isA(scope.element, 'bpmn:Process'))
      .flatMap((scope): ModelProblem[] => {
        if (scope.flowElements.some((element) => isA(element, 'bpmn:StartEvent'))) return [];
        const nodes = scope.flowElements.filter((element) => isA(element, 'bpmn:FlowNode'));
        const onlyEventSubProcesses = nodes.length > 0 && nodes.every(isEventSubProcess);
        return [
          problemOf(
            'process-start-event',
            onlyEventSubProcesses ? 'warning' : 'error',
            scope.element,
            onlyEventSubProcesses
              ? `${describeElement(scope.element)} has only event sub-processes and no start event, so no instance of it can be started.`
              : `${describeElement(scope.element)} is executable but has no start event; add one.`,
          ),
        ];
      }),
};
