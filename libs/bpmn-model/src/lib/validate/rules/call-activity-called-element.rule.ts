import { extensionOf, foreignAttribute, isA, stringProp } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';

/** A call activity names what it calls (`zeebe:calledElement processId`, `calledElement`, or Camunda 7's `camunda:caseRef`). */
export const callActivityCalledElementRule: ValidationRule = {
  id: 'call-activity-called-element',
  category: 'execution',
  check: (context) =>
    context.elements
      .filter((element) => isA(element, 'bpmn:CallActivity') && context.isExecutable(element))
      .filter((activity) => {
        const called = extensionOf(activity, 'zeebe:CalledElement');
        const candidates = [
          stringProp(activity, 'calledElement'),
          called && stringProp(called, 'processId'),
          called && stringProp(called, 'processIdExpression'),
          foreignAttribute(activity, 'camunda:caseRef'),
        ];
        return !candidates.some((value) => value !== undefined && value.trim() !== '');
      })
      .map((activity) => problemOf('call-activity-called-element', 'error', activity, `${describeElement(activity)} does not say which process to call; set the called process id.`)),
};
