import { categoryOfRule, parseBpmn, validateBpmn, type ModelProblem, type ParsedBpmn, type RuleCategory } from '@laufweg/bpmn-model';

/** The outcome of parse + validation for one file. */
export interface ModelCheck {
  readonly parsed: ParsedBpmn | undefined;
  /** Errors of parse, or of validation rules in the checked categories. */
  readonly errors: readonly ModelProblem[];
  /** Errors of validation rules in the other categories (reported, not counted). */
  readonly otherErrors: readonly ModelProblem[];
}

/** What makes a model unreadable, whatever its dialect: parse errors and `structure` rules. */
export const STRUCTURAL: readonly RuleCategory[] = ['structure'];

/** What a Camunda 7 engine would refuse too: everything except the Zeebe-dialect rules. */
export const DIALECT_NEUTRAL: readonly RuleCategory[] = ['structure', 'modeling', 'execution', 'camunda7'];

/** Parses and validates one document, splitting validation errors by rule category. */
export async function checkModel(input: Uint8Array | string, categories: readonly RuleCategory[] = STRUCTURAL): Promise<ModelCheck> {
  const result = await parseBpmn(input);
  if (!result.ok) return { parsed: undefined, errors: result.problems.filter(isError), otherErrors: [] };
  const errors = validateBpmn(result.value).filter(isError);
  const counted = (problem: ModelProblem): boolean => {
    const category = categoryOfRule(problem.rule);
    return category === undefined || categories.includes(category);
  };
  return { parsed: result.value, errors: errors.filter(counted), otherErrors: errors.filter((problem) => !counted(problem)) };
}

function isError(problem: ModelProblem): boolean {
  return problem.severity === 'error';
}

/** "rule@element: message" for reports. */
export function describeProblem(problem: ModelProblem): string {
  return `${problem.rule}${problem.elementId === undefined ? '' : `@${problem.elementId}`}: ${problem.message}`;
}
