import { isA } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';
import { isEmbeddedSubProcess } from './rule-support';

/** An executable embedded sub-process (or transaction) is entered through exactly one start event. */
export const subProcessStartEventRule: ValidationRule = {
  id: 'subprocess-start-event',
  category: 'execution',
  check: (context) =>
    context.scopes
      .filter((scope) => scope.executable && isEmbeddedSubProcess(scope.element))
      .filter((scope) => scope.flowElements.filter((element) => isA(element, 'bpmn:StartEvent')).length !== 1)
      .map((scope) => {
        const count = scope.flowElements.filter((element) => isA(element, 'bpmn:StartEvent')).length;
        return problemOf('subprocess-start-event', 'error', scope.element, `${describeElement(scope.element)} has ${count} start events; an executable sub-process needs exactly one.`);
      }),
};
