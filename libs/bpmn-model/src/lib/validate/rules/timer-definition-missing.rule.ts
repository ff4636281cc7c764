import { elementProp, isA } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';
import { expressionText } from './rule-support';

/** A timer needs exactly one of a date, a duration or a cycle. */
export const timerDefinitionMissingRule: ValidationRule = {
  id: 'timer-definition-missing',
  category: 'execution',
  check: (context) =>
    context.elements
      .filter((element) => isA(element, 'bpmn:TimerEventDefinition') && context.isExecutable(element))
      .flatMap((definition) => {
        const given = ['timeDate', 'timeDuration', 'timeCycle'].filter((property) => expressionText(elementProp(definition, property)) !== undefined);
        if (given.length === 1) return [];
        const event = definition.$parent ?? definition;
        const message =
          given.length === 0
            ? `${describeElement(event)} is a timer without a date, duration or cycle; set one of them.`
            : `${describeElement(event)} is a timer with more than one of date, duration and cycle; keep exactly one.`;
        return [problemOf('timer-definition-missing', 'error', event, message)];
      }),
};
