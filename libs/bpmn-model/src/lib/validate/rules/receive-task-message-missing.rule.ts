import { elementProp, isA } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';

/** Zeebe completes a receive task only by correlating a message: it must name one. */
export const receiveTaskMessageMissingRule: ValidationRule = {
  id: 'receive-task-message-missing',
  category: 'zeebe',
  check: (context) =>
    context.elements
      .filter((element) => isA(element, 'bpmn:ReceiveTask') && context.isExecutable(element) && elementProp(element, 'messageRef') === undefined)
      .map((task) => problemOf('receive-task-message-missing', 'error', task, `${describeElement(task)} waits for a message but names none; choose a message.`)),
};
