import { date, dateAndTime, evaluate, FeelDate, FeelDateTime, FeelDuration, FeelTime, type parseExpression, type Warning } from 'feelin';
import type { FeelExpression, JsonObject, JsonValue } from './feel-expression';

/**
 * Shared plumbing of the FEEL wrappers (expressions, unary tests) over feelin. Internal to
 * bpmn-model: the values here are raw FEEL values (FeelDate ...), which only the DMN evaluator
 * passes on (an input value compared with `< date("2025-01-01")` must stay a date).
 */

/** What an evaluation may read besides variables: the engine clock (FEEL `now()`/`today()`). */
export interface FeelEvaluationOptions {
  /** Current time as epoch milliseconds; from the engine's Clock port, never the ambient clock. */
  readonly now: number;
}

export type RawFeelEvaluation = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

/** Warnings after which a null result means "failed", not "no value". */
const FAILING_WARNINGS = new Set(['NO_FUNCTION_FOUND', 'FUNCTION_INVOCATION_FAILURE', 'INVALID_ARGUMENTS']);

/** Variables plus `now()` and `today()` read from the engine clock. */
export function feelContext(variables: Readonly<Record<string, unknown>>, options: FeelEvaluationOptions): Record<string, unknown> {
  const iso = new Date(options.now).toISOString();
  return {
    now: () => dateAndTime(iso),
    today: () => date(iso.slice(0, 10)),
    ...variables,
  };
}

/** The position of the first syntax error in a feelin parse tree, or undefined. */
export function firstSyntaxError(tree: ReturnType<typeof parseExpression>): number | undefined {
  let errorAt: number | undefined;
  tree.iterate({
    enter(node) {
      if (node.type.isError && errorAt === undefined) errorAt = node.from;
    },
  });
  return errorAt;
}

/**
 * Checks a feelin result: a null value after a failing warning is a failure (`strict`: any
 * failing warning is, whatever the value; unary tests turn a failed call into `false`).
 */
export function checkResult(value: unknown, warnings: readonly Warning[], source: string, strict = false): RawFeelEvaluation {
  const failing = warnings.find((warning) => FAILING_WARNINGS.has(warning.type));
  if ((strict || value === null || value === undefined) && failing) {
    return { ok: false, message: `failed to evaluate '${source}': ${failing.message}` };
  }
  return { ok: true, value };
}

/**
 * Evaluates to the raw FEEL value (dates stay FEEL dates): the DMN evaluator compares input
 * values in unary tests before anything becomes JSON.
 */
export function evaluateFeelRaw(
  expression: FeelExpression,
  variables: Readonly<Record<string, unknown>>,
  options: FeelEvaluationOptions,
): RawFeelEvaluation {
  try {
    const result = evaluate(expression.source, feelContext(variables, options));
    return checkResult(result.value, result.warnings, expression.source);
  } catch (error: unknown) {
    return { ok: false, message: `failed to evaluate '${expression.source}': ${describeError(error)}` };
  }
}

/** A FEEL value as JSON: temporal values become ISO strings; functions and ranges fail. */
export function feelValueToJson(value: unknown, source: string): { ok: true; value: JsonValue } | { ok: false; message: string } {
  if (value === null || value === undefined) return { ok: true, value: null };
  if (typeof value === 'boolean' || typeof value === 'string') return { ok: true, value };
  if (typeof value === 'number') return { ok: true, value: Number.isFinite(value) ? value : null };
  if (value instanceof FeelDate || value instanceof FeelDateTime || value instanceof FeelTime || value instanceof FeelDuration) {
    return { ok: true, value: String(value) };
  }
  if (Array.isArray(value)) {
    const items: JsonValue[] = [];
    for (const item of value) {
      const converted = feelValueToJson(item, source);
      if (!converted.ok) return converted;
      items.push(converted.value);
    }
    return { ok: true, value: items };
  }
  if (typeof value === 'object' && isPlainObject(value)) {
    const object: JsonObject = {};
    for (const [key, entry] of Object.entries(value)) {
      const converted = feelValueToJson(entry, source);
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

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
