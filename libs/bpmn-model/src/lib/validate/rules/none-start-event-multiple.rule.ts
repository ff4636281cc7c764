import { isA } from '../../parse/moddle-element';
import { describeElement, mentionElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';
import { eventDefinitionsOf } from './rule-support';

/** Zeebe starts a process "plainly" through its one none start event; two would be ambiguous. */
export const noneStartEventMultipleRule: ValidationRule = {
  id: 'none-start-event-multiple',
  category: 'zeebe',
  check: (context) =>
    context.scopes
      .filter((scope) => scope.executable)
      .flatMap((scope) => {
        const plain = scope.flowElements.filter((element) => isA(element, 'bpmn:StartEvent') && eventDefinitionsOf(element).length === 0);
        return plain
          .slice(1)
          .map((start) => problemOf('none-start-event-multiple', 'error', start, `${describeElement(start)} is a second plain start event in ${mentionElement(scope.element)}; keep one, or give the others a trigger.`));
      }),
};
