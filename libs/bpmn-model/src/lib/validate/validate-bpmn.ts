import type { ParsedBpmn } from '../parse/parsed-bpmn';
import type { ModelProblem } from '../problem';
import { VALIDATION_RULES } from './rule-registry';
import { createValidationContext } from './validation-context';
import type { RuleCategory, ValidationRule } from './validation-rule';

/** Options of {@link validateBpmn}. */
export interface ValidateBpmnOptions {
  /** Run only the rules of these categories (default: all). */
  readonly categories?: readonly RuleCategory[];
  /** Run these rules instead of the built-in registry. */
  readonly rules?: readonly ValidationRule[];
}

/**
 * Checks a parsed document statically: BPMN structure, what Laufweg's Zeebe dialect needs to
 * execute, and Camunda 7 extension values. Execution rules apply to processes marked
 * `isExecutable="true"`. Errors mean the model must not be deployed; warnings are advice.
 */
export function validateBpmn(parsed: ParsedBpmn, options: ValidateBpmnOptions = {}): ModelProblem[] {
  const context = createValidationContext(parsed);
  const categories = options.categories;
  return (options.rules ?? VALIDATION_RULES)
    .filter((rule) => categories === undefined || categories.includes(rule.category))
    .flatMap((rule) => rule.check(context));
}

/** The category of a rule id, for callers that group problems (undefined for parse problems). */
export function categoryOfRule(ruleId: string): RuleCategory | undefined {
  return VALIDATION_RULES.find((rule) => rule.id === ruleId)?.category;
}
