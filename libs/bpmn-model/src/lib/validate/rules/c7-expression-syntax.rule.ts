import { describeElement } from '../../parse/describe-element';
import type { ModdleElement } from '../../parse/moddle-element';
import { NAMESPACES } from '../../parse/well-known-namespaces';
import type { ModelProblem } from '../../problem';
import { problemOf, type ValidationRule } from '../validation-rule';
import { extensionOwner } from './camunda-support';

/** Camunda 7 attribute values may embed JUEL `${...}` / `#{...}`; an unclosed one fails at deployment. */
export const c7ExpressionSyntaxRule: ValidationRule = {
  id: 'c7-expression-syntax',
  category: 'camunda7',
  check: (context) =>
    context.elements.flatMap((element): ModelProblem[] =>
      camundaValues(element)
        .filter(([, value]) => !juelBalanced(value))
        .map(([name, value]) => {
          const owner = extensionOwner(element);
          return problemOf('c7-expression-syntax', 'error', owner, `${describeElement(owner)} has the Camunda expression "${value}" in "${name}", which is not closed; end it with "}".`);
        }),
    ),
};

/** [name, value] of the Camunda 7 attributes of an element. */
function camundaValues(element: ModdleElement): [string, string][] {
  if (element.$descriptor.isGeneric === true) {
    if (element.$descriptor.ns.uri !== NAMESPACES.camunda) return [];
    return Object.entries(element).filter((entry): entry is [string, string] => !entry[0].startsWith('$') && typeof entry[1] === 'string');
  }
  return Object.entries(element.$attrs ?? {}).filter(([name]) => name.startsWith('camunda:'));
}

/** Every `${` or `#{` is closed by a matching `}` (braces inside quoted strings ignored). */
function juelBalanced(value: string): boolean {
  let depth = 0;
  let quote: string | undefined;
  for (let index = 0; index < value.length; index++) {
    const char = value.charAt(index);
    if (depth > 0 && quote !== undefined) {
      if (char === quote) quote = undefined;
    } else if (depth > 0 && (char === '"' || char === "'")) {
      quote = char;
    } else if ((char === '$' || char === '#') && value.charAt(index + 1) === '{') {
      depth++;
      index++;
    } else if (depth > 0 && char === '{') {
      depth++;
    } else if (depth > 0 && char === '}') {
      depth--;
    }
  }
  return depth === 0;
}
