import { parseUnaryTests, unaryTest } from 'feelin';
import { checkResult, describeError, feelContext, firstSyntaxError, type FeelEvaluationOptions } from './feel-runtime';

/**
 * FEEL unary tests (a DMN input entry or allowed values: `"A","B"`, `[1..5]`, `>= 18`, `not("x")`,
 * `-`, or any boolean expression over `?`), parsed once when the decision is compiled.
 * `source` is the text as written, trimmed.
 */
export interface FeelUnaryTests {
  readonly kind: 'unaryTests';
  readonly source: string;
}

export type FeelUnaryTestsParseResult =
  | { readonly ok: true; readonly tests: FeelUnaryTests }
  | { readonly ok: false; readonly message: string };

export type FeelUnaryTestsEvaluation = { readonly ok: true; readonly value: boolean } | { readonly ok: false; readonly message: string };

/** Parses unary tests once; the empty text is not a test (DMN tables read it as `-` themselves). */
export function parseFeelUnaryTests(input: string): FeelUnaryTestsParseResult {
  const source = input.trim();
  if (source === '') return { ok: false, message: 'The unary tests are empty.' };
  let errorAt: number | undefined;
  try {
    errorAt = firstSyntaxError(parseUnaryTests(source, {}, undefined));
  } catch (error: unknown) {
    return { ok: false, message: `FEEL syntax error in the unary tests '${source}': ${describeError(error)}` };
  }
  if (errorAt !== undefined) {
    return { ok: false, message: `FEEL syntax error in the unary tests '${source}' at position ${errorAt}.` };
  }
  return { ok: true, tests: { kind: 'unaryTests', source } };
}

/**
 * Tests `input` (a raw FEEL or JSON value, bound to `?`) against the unary tests. A test that
 * yields null (incomparable values, a missing variable) does not match; a call to an unknown
 * function or a failed built-in is a failure value. Never throws for model content.
 */
export function evaluateFeelUnaryTests(
  tests: FeelUnaryTests,
  input: unknown,
  variables: Readonly<Record<string, unknown>>,
  options: FeelEvaluationOptions,
): FeelUnaryTestsEvaluation {
  try {
    const result = unaryTest(tests.source, { ...feelContext(variables, options), '?': input ?? null });
    const checked = checkResult(result.value, result.warnings, tests.source, true);
    if (!checked.ok) return checked;
    return { ok: true, value: checked.value === true };
  } catch (error: unknown) {
    return { ok: false, message: `failed to evaluate the unary tests '${tests.source}': ${describeError(error)}` };
  }
}
