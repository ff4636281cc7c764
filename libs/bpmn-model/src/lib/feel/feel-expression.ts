import { date, evaluate, FeelDate, FeelDateTime, FeelDuration, FeelTime, dateAndTime, parseExpression } from 'feelin';

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

/** What an evaluation may read besides variables: the engine clock (FEEL `now()`/`today()`). */
export interface FeelEvaluationOptions {
  /** Current time as epoch milliseconds; from the engine's Clock port, never the ambient clock. */
  readonly now: number;
}

/** Parses FEEL once. Accepts the source with or without the leading `=`. */
export function parseFeel(input: string): FeelParseResult {
  const source = input.trim().startsWith('=') ? input.trim().slice(1).trim() : input.trim();
  if (source === '') return { ok: false, message: 'The expression is empty.' };
  let errorAt: number | undefined;
  try {
    const tree = parseExpression(source, {}, undefined);
    tree.iterate({
      enter(node) {
        if (node.type.isError && errorAt === undefined) errorAt = node.from;
      },
    });
  } catch (error: unknown) {
    return { ok: false, message: `FEEL syntax error in '${source}': ${describe(error)}` };
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

const FAILING_WARNINGS = new Set(['NO_FUNCTION_FOUND', 'FUNCTION_INVOCATION_FAILURE', 'INVALID_ARGUMENTS']);

/** Evaluates an expression against variables; expected failures are values, never exceptions. */
export function evaluateFeel(
  expression: FeelExpression,
  variables: Readonly<Record<string, unknown>>,
  options: FeelEvaluationOptions,
): FeelEvaluation {
  const iso = new Date(options.now).toISOString();
  const context: Record<string, unknown> = {
    now: () => dateAndTime(iso),
    today: () => date(iso.slice(0, 10)),
    ...variables,
  };
  try {
    const result = evaluate(expression.source, context);
    const failing = result.warnings.find((warning) => FAILING_WARNINGS.has(warning.type));
    if (result.value === null && failing) {
      return { ok: false, message: `failed to evaluate '${expression.source}': ${failing.message}` };
    }
    return toJson(result.value, expression.source);
  } catch (error: unknown) {
    return { ok: false, message: `failed to evaluate '${expression.source}': ${describe(error)}` };
  }
}

/** Static text as is, FEEL evaluated. */
export function evaluateFeelOrStatic(
  value: FeelOrStatic,
  variables: Readonly<Record<string, unknown>>,
  options: FeelEvaluationOptions,
): FeelEvaluation {
  return value.kind === 'static' ? { ok: true, value: value.value } : evaluateFeel(value, variables, options);
}

function toJson(value: unknown, source: string): FeelEvaluation {
  if (value === null || value === undefined) return { ok: true, value: null };
  if (typeof value === 'boolean' || typeof value === 'string') return { ok: true, value };
  if (typeof value === 'number') return { ok: true, value: Number.isFinite(value) ? value : null };
  if (value instanceof FeelDate || value instanceof FeelDateTime || value instanceof FeelTime || value instanceof FeelDuration) {
    return { ok: true, value: String(value) };
  }
  if (Array.isArray(value)) {
    const items: JsonValue[] = [];
    for (const item of value) {
      const converted = toJson(item, source);
      if (!converted.ok) return converted;
      items.push(converted.value);
    }
    return { ok: true, value: items };
  }
  if (typeof value === 'object' && isPlainObject(value)) {
    const object: JsonObject = {};
    for (const [key, entry] of Object.entries(value)) {
      const converted = toJson(entry, source);
      if (!converted.ok) return converted;
      object[key] = converted.value;
    }
    return { ok: true, value: object };
  }
  return { ok: false, message: `'${source}' evaluated to a value that is not JSON (${typeof value}).` };
}

/** A plain object from any realm (test runners and structuredClone may use another one). */
function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
