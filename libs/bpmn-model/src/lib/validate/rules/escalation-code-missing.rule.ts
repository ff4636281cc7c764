import { elementProp, idOf, isA, stringProp } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';

/**
 * A throwing escalation event needs an escalation with a code (what catchers match on); a
 * catching one without an escalation catches every escalation.
 */
export const escalationCodeMissingRule: ValidationRule = {
  id: 'escalation-code-missing',
  category: 'execution',
  check: (context) =>
    context.elements
      .filter((element) => isA(element, 'bpmn:EscalationEventDefinition') && context.isExecutable(element))
      .flatMap((definition) => {
        const event = definition.$parent ?? definition;
        if (!isA(event, 'bpmn:ThrowEvent')) return [];
        const escalation = elementProp(definition, 'escalationRef');
        if (escalation === undefined) {
          return [problemOf('escalation-code-missing', 'error', event, `${describeElement(event)} throws an escalation but names none; choose an escalation with a code.`)];
        }
        const code = stringProp(escalation, 'escalationCode');
        if (code !== undefined && code.trim() !== '') return [];
        return [problemOf('escalation-code-missing', 'error', event, `${describeElement(event)} throws the escalation "${idOf(escalation) ?? '?'}", which has no escalation code; give it a code.`)];
      }),
};
