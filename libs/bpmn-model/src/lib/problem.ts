/**
 * A problem found in a BPMN document: by the parser, the validator or the compiler.
 *
 * Every problem names the rule it breaks (a stable id such as `gateway-outgoing-flows`), the
 * element it is about where there is one, and a sentence a process designer understands.
 * Errors reject the document; warnings are reported and the document is accepted.
 */
export interface ModelProblem {
  readonly severity: ModelProblemSeverity;
  /** Stable rule id, kebab-case, documented in docs/validation-rules.md. */
  readonly rule: string;
  /** The BPMN element id the problem is about, where there is one. */
  readonly elementId?: string;
  /** One sentence, for a designer: what is wrong and, where possible, how to fix it. */
  readonly message: string;
}

export type ModelProblemSeverity = 'error' | 'warning';

/** Expected failures are values: an operation on a model either succeeds or lists its problems. */
export type ModelResult<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly ModelProblem[] }
  | { readonly ok: false; readonly problems: readonly ModelProblem[] };

export function hasErrors(problems: readonly ModelProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
