import { elementProp, isA, stringProp, type ModdleElement } from '../../parse/moddle-element';
import { expressionText } from './rule-support';

/** A condition written in a model: the expression element, its text, and the element it belongs to. */
export interface ModelCondition {
  readonly owner: ModdleElement;
  readonly expression: ModdleElement;
  readonly text: string;
  readonly language: string | undefined;
}

/** True when an expression's `language` leaves it to FEEL (unset, or a FEEL URI / name). */
export function isFeelLanguage(language: string | undefined): boolean {
  return language === undefined || language.trim() === '' || /feel/i.test(language);
}

/** Conditions of sequence flows and conditional events, each with the element to report on. */
export function conditionsOf(elements: readonly ModdleElement[]): ModelCondition[] {
  const conditions: ModelCondition[] = [];
  for (const element of elements) {
    const property = isA(element, 'bpmn:SequenceFlow') ? 'conditionExpression' : isA(element, 'bpmn:ConditionalEventDefinition') ? 'condition' : undefined;
    if (property === undefined) continue;
    const expression = elementProp(element, property);
    const text = expressionText(expression);
    if (expression === undefined || text === undefined) continue;
    const owner = isA(element, 'bpmn:SequenceFlow') ? element : (element.$parent ?? element);
    conditions.push({ owner, expression, text, language: stringProp(expression, 'language') });
  }
  return conditions;
}
