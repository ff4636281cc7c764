import { parseExpression } from 'feelin';
import { describeError, evaluateFeelRaw, feelValueToJson, firstSyntaxError, type FeelEvaluationOptions } from './feel-runtime';

export type { FeelEvaluationOptions } from './feel-runtime';

/** A JSON value: what variables, event payloads and engine state are made of. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * A FEEL expression, parsed once when the model is compiled (a syntax error is a compile
 * problem, never a runtime surprise). `source` is the expression without the leading `=`.
 */
export interface FeelExpression {
  readonly kind: 'feel';
  readonly source: string;
}

/** A Zeebe attribute that is either a FEEL expression (`=a + 1`) or a static string (`payment`). */
export type FeelOrStatic = FeelExpression | { readonly kind: 'static'; readonly value: string };

export type FeelParseResult =
  | { readonly ok: true; readonly expression: FeelExpression }
  | { readonly ok: false; readonly message: string };

export type FeelEvaluation =
  | { readonly ok: true; readonly value: JsonValue }
  | { readonly ok: false; readonly message: string };

/** Parses FEEL once. Accepts the source with or without the leading `=`. */
export function parseFeel(input: string): FeelParseResult {
  const source = input.trim().startsWith('=') ? input.trim().slice(1).trim() : input.trim();
  if (source === '') return { ok: false, message: 'The expression is empty.' };
  let errorAt: number | undefined;
  try {
    errorAt = firstSyntaxError(parseExpression(source, {}, undefined));
  } catch (error: unknown) {
    return { ok: false, message: `FEEL syntax error in '${source}': ${describeError(error)}` };
  }
  if (errorAt !== undefined) {
    return { ok: false, message: `FEEL syntax error in '${source}' at position ${errorAt}.` };
  }
  return { ok: true, expression: { kind: 'feel', source } };
}

/** Zeebe's rule for attributes: a value starting with `=` is FEEL, anything else is static text. */
export function parseFeelOrStatic(input: string): { ok: true; value: FeelOrStatic } | { ok: false; message: string } {
  if (!input.trim().startsWith('=')) return { ok: true, value: { kind: 'static', value: input } };
  const parsed = parseFeel(input);
  return parsed.ok ? { ok: true, value: parsed.expression } : parsed;
}

/** Evaluates an expression against variables; expected failures are values, never exceptions. */
export function evaluateFeel(
  expression: FeelExpression,
  variables: Readonly<Record<string, unknown>>,
  options: FeelEvaluationOptions,
): FeelEvaluation {
  const result = evaluateFeelRaw(expression, variables, options);
  return result.ok ? feelValueToJson(result.value, expression.source) : result;
}

/** Static text as is, FEEL evaluated. */
export function evaluateFeelOrStatic(
  value: FeelOrStatic,
  variables: Readonly<Record<string, unknown>>,
  options: FeelEvaluationOptions,
): FeelEvaluation {
  return value.kind === 'static' ? { ok: true, value: value.value } : evaluateFeel(value, variables, options);
}
