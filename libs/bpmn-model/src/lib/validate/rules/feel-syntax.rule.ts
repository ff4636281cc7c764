import { parseFeel } from '../../feel/feel-expression';
import { elementProp, isA, stringProp, type ModdleElement } from '../../parse/moddle-element';
import { describeElement } from '../../parse/describe-element';
import type { ModelProblem } from '../../problem';
import { problemOf, type ValidationRule } from '../validation-rule';
import { conditionsOf, isFeelLanguage } from './expression-support';
import { expressionText, isFeel } from './rule-support';

const FEEL_BODIES = ['timeDate', 'timeDuration', 'timeCycle', 'loopCardinality', 'completionCondition'];

/**
 * Every FEEL expression parses: Zeebe attributes and timer, cardinality and completion values
 * that start with `=`, message names that start with `=`, and conditions in FEEL.
 */
export const feelSyntaxRule: ValidationRule = {
  id: 'feel-syntax',
  category: 'zeebe',
  check: (context) => {
    const executable = context.elements.filter((element) => context.isExecutable(element));
    const candidates: { readonly owner: ModdleElement; readonly what: string; readonly text: string }[] = [];
    for (const element of executable) {
      if (element.$type.startsWith('zeebe:')) {
        for (const property of element.$descriptor.properties ?? []) {
          const value = property.isAttr ? stringProp(element, property.name) : undefined;
          if (isFeel(value)) candidates.push({ owner: element, what: `"${property.name}"`, text: value });
        }
      }
      for (const property of FEEL_BODIES) {
        const text = element.$descriptor.propertiesByName?.[property] === undefined ? undefined : expressionText(elementProp(element, property));
        if (isFeel(text)) candidates.push({ owner: element, what: `the ${property}`, text });
      }
    }
    for (const condition of conditionsOf(executable)) {
      if (isFeelLanguage(condition.language)) candidates.push({ owner: condition.owner, what: 'the condition', text: condition.text });
    }
    for (const message of context.elements.filter((element) => isA(element, 'bpmn:Message'))) {
      const name = stringProp(message, 'name');
      if (isFeel(name)) candidates.push({ owner: message, what: 'the message name', text: name });
    }
    return candidates.flatMap(({ owner, what, text }): ModelProblem[] => {
      const parsed = parseFeel(text);
      if (parsed.ok) return [];
      const reported = reportable(owner);
      return [problemOf('feel-syntax', 'error', reported, `${describeElement(reported)} has an invalid FEEL expression in ${what}: ${parsed.message}`)];
    });
  },
};

/** The closest ancestor a designer sees: a flow element or a root element such as a message. */
function reportable(element: ModdleElement): ModdleElement {
  for (let current: ModdleElement | undefined = element; current !== undefined; current = current.$parent) {
    if (isA(current, 'bpmn:FlowElement') || (isA(current, 'bpmn:RootElement') && !isA(current, 'bpmn:EventDefinition'))) return current;
  }
  return element;
}
