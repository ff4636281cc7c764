import { evaluateFeel, type FeelExpression, type FeelOrStatic, type JsonValue } from '@laufweg/bpmn-model';
import { failure, type Failure } from '../processors/element-processor';
import type { Processing } from '../processing/processing';
import type { VariableBehavior } from './variable.behavior';

export type Evaluated<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: Failure };

/** FEEL evaluation in the variable scope of an element instance, with the engine clock. */
export class ExpressionBehavior {
  constructor(
    private readonly processing: Processing,
    private readonly variables: VariableBehavior,
  ) {}

  evaluate(expression: FeelExpression, scopeKey: string, extra: Readonly<Record<string, JsonValue>> = {}): Evaluated<JsonValue> {
    const context = { ...this.variables.context(scopeKey), ...extra };
    const result = evaluateFeel(expression, context, { now: this.processing.now() });
    return result.ok ? { ok: true, value: result.value } : { ok: false, failure: failure('EXTRACT_VALUE_ERROR', result.message) };
  }

  evaluateOrStatic(value: FeelOrStatic, scopeKey: string): Evaluated<JsonValue> {
    return value.kind === 'static' ? { ok: true, value: value.value } : this.evaluate(value, scopeKey);
  }

  boolean(expression: FeelExpression, scopeKey: string, extra: Readonly<Record<string, JsonValue>> = {}): Evaluated<boolean> {
    const result = this.evaluate(expression, scopeKey, extra);
    if (!result.ok) return result;
    if (typeof result.value === 'boolean') return { ok: true, value: result.value };
    return notA('boolean', expression, result.value);
  }

  string(value: FeelOrStatic, scopeKey: string): Evaluated<string> {
    const result = this.evaluateOrStatic(value, scopeKey);
    if (!result.ok) return result;
    if (typeof result.value === 'string') return { ok: true, value: result.value };
    if (typeof result.value === 'number') return { ok: true, value: String(result.value) };
    return notA('string', value, result.value);
  }

  number(value: FeelOrStatic, scopeKey: string): Evaluated<number> {
    const result = this.evaluateOrStatic(value, scopeKey);
    if (!result.ok) return result;
    const number = typeof result.value === 'string' ? Number(result.value) : result.value;
    if (typeof number === 'number' && Number.isFinite(number)) return { ok: true, value: number };
    return notA('number', value, result.value);
  }

  /** A list of strings, as FEEL list or comma-separated text (candidate groups ...). */
  stringList(value: FeelOrStatic, scopeKey: string): Evaluated<string[]> {
    const result = this.evaluateOrStatic(value, scopeKey);
    if (!result.ok) return result;
    if (typeof result.value === 'string') return { ok: true, value: result.value.split(',').map((item) => item.trim()).filter(Boolean) };
    if (Array.isArray(result.value) && result.value.every((item) => typeof item === 'string')) return { ok: true, value: result.value as string[] };
    return notA('list of strings', value, result.value);
  }
}

function notA<T>(type: string, expression: FeelOrStatic, value: JsonValue): Evaluated<T> {
  const source = expression.kind === 'feel' ? expression.source : expression.value;
  return { ok: false, failure: failure('EXTRACT_VALUE_ERROR', `Expected '${source}' to be a ${type}, but it was ${JSON.stringify(value)}.`) };
}
