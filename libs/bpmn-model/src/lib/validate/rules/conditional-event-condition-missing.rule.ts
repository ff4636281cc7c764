import { elementProp, isA } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';
import { expressionText } from './rule-support';

/** A conditional event waits for its condition to become true: it needs one. */
export const conditionalEventConditionMissingRule: ValidationRule = {
  id: 'conditional-event-condition-missing',
  category: 'execution',
  check: (context) =>
    context.elements
      .filter((element) => isA(element, 'bpmn:ConditionalEventDefinition') && context.isExecutable(element))
      .filter((definition) => expressionText(elementProp(definition, 'condition')) === undefined)
      .map((definition) => {
        const event = definition.$parent ?? definition;
        return problemOf('conditional-event-condition-missing', 'error', event, `${describeElement(event)} is a conditional event without a condition; write the condition.`);
      }),
};
