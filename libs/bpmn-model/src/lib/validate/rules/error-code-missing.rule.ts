import { elementProp, idOf, isA, stringProp } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';

/**
 * An error event without an error reference is allowed (a catch-all, or an anonymous throw);
 * an error reference without an error code matches nothing specific, so it only warns.
 */
export const errorCodeMissingRule: ValidationRule = {
  id: 'error-code-missing',
  category: 'execution',
  check: (context) =>
    context.elements
      .filter((element) => isA(element, 'bpmn:ErrorEventDefinition') && context.isExecutable(element))
      .flatMap((definition) => {
        const error = elementProp(definition, 'errorRef');
        const code = error === undefined ? undefined : stringProp(error, 'errorCode');
        if (error === undefined || (code !== undefined && code.trim() !== '')) return [];
        const event = definition.$parent ?? definition;
        return [problemOf('error-code-missing', 'warning', event, `${describeElement(event)} refers to the error "${idOf(error) ?? '?'}", which has no error code; give the error a code.`)];
      }),
};
