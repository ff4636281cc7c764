import { isA, stringProp } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import { problemOf, type ValidationRule } from '../validation-rule';

/** Each Zeebe input or output mapping writes to a named target variable. */
export const zeebeIoMappingIncompleteRule: ValidationRule = {
  id: 'zeebe-io-mapping-incomplete',
  category: 'zeebe',
  check: (context) =>
    context.elements
      .filter((element) => (isA(element, 'zeebe:Input') || isA(element, 'zeebe:Output')) && context.isExecutable(element))
      .filter((mapping) => (stringProp(mapping, 'target') ?? '').trim() === '')
      .map((mapping) => {
        const owner = mapping.$parent?.$parent?.$parent ?? mapping;
        const kind = isA(mapping, 'zeebe:Input') ? 'input' : 'output';
        return problemOf('zeebe-io-mapping-incomplete', 'error', owner, `${describeElement(owner)} has an ${kind} mapping without a target variable; name the target.`);
      }),
};
