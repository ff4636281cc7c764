import { evaluateFeel, type FeelExpression, type JsonValue } from '../feel/feel-expression';
import { evaluateFeelRaw, feelValueToJson, type FeelEvaluationOptions } from '../feel/feel-runtime';
import { evaluateFeelUnaryTests, type FeelUnaryTests } from '../feel/feel-unary-tests';
import { applyHitPolicy, isSingleHit, shapeOutputs, type HitPolicyResult, type RuleOutcome } from './apply-hit-policy';
import type { DecisionTableDecision, DecisionTableOutput } from './executable-decision';

type Step<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** How a single-hit table answers when no rule matches and no output has a default. */
export type NoMatchBehavior = 'null' | 'failure';

/**
 * Evaluates one decision table against a context (variables plus the results of required
 * decisions): input expressions once each, then every rule's unary tests with the input bound
 * to `?`, then the output entries of the matching rules, then the hit policy.
 */
export function evaluateDecisionTable(
  decision: DecisionTableDecision,
  context: Readonly<Record<string, unknown>>,
  options: FeelEvaluationOptions,
  noMatch: NoMatchBehavior,
): HitPolicyResult {
  const { table } = decision;
  const inputs = evaluateInputs(decision, context, options);
  if (!inputs.ok) return inputs;
  const matched: RuleOutcome[] = [];
  for (const rule of table.rules) {
    const matches = ruleMatches(decision, rule.inputEntries, inputs.value, context, options, rule.id);
    if (!matches.ok) return matches;
    if (!matches.value) continue;
    const outputs = evaluateOutputs(decision, rule.outputEntries, context, options, `rule "${rule.id}"`);
    if (!outputs.ok) return outputs;
    matched.push({ rule, outputs: outputs.value });
    if (table.hitPolicy === 'FIRST') break;
  }
  if (matched.length > 0 || !isSingleHit(table.hitPolicy)) return applyHitPolicy(decision.id, table, matched);

  if (table.outputs.some((output) => output.defaultValue !== undefined)) {
    const defaults = evaluateOutputs(decision, table.outputs.map((output) => output.defaultValue), context, options, 'the default output');
    return defaults.ok ? { ok: true, value: shapeOutputs(table, defaults.value), rules: [] } : defaults;
  }
  if (noMatch === 'failure') {
    return { ok: false, message: `No rule of the decision "${decision.id}" matched the inputs (${describeInputs(decision, inputs.value)}), and the task needs a result.` };
  }
  return { ok: true, value: null, rules: [] };
}

function evaluateInputs(decision: DecisionTableDecision, context: Readonly<Record<string, unknown>>, options: FeelEvaluationOptions): Step<unknown[]> {
  const values: unknown[] = [];
  for (const input of decision.table.inputs) {
    const result = evaluateFeelRaw(input.expression, context, options);
    if (!result.ok) return fail(decision, `the input "${input.label}" could not be evaluated: ${result.message}`);
    const value = result.value ?? null;
    if (input.allowedValues !== undefined && value !== null) {
      const allowed = evaluateFeelUnaryTests(input.allowedValues, value, context, options);
      if (!allowed.ok) return fail(decision, `the input values of "${input.label}" could not be tested: ${allowed.message}`);
      if (!allowed.value) return fail(decision, `the input "${input.label}" is ${show(value)}, which is not one of its input values ${input.allowedValues.source}`);
    }
    values.push(value);
  }
  return { ok: true, value: values };
}

function ruleMatches(
  decision: DecisionTableDecision,
  entries: readonly (FeelUnaryTests | undefined)[],
  inputs: readonly unknown[],
  context: Readonly<Record<string, unknown>>,
  options: FeelEvaluationOptions,
  ruleId: string,
): Step<boolean> {
  for (let column = 0; column < entries.length; column++) {
    const entry = entries[column];
    if (entry === undefined) continue;
    const result = evaluateFeelUnaryTests(entry, inputs[column], context, options);
    if (!result.ok) return fail(decision, `rule "${ruleId}", column ${column + 1} ("${decision.table.inputs[column]?.label ?? '?'}"): ${result.message}`);
    if (!result.value) return { ok: true, value: false };
  }
  return { ok: true, value: true };
}

function evaluateOutputs(
  decision: DecisionTableDecision,
  entries: readonly (FeelExpression | undefined)[],
  context: Readonly<Record<string, unknown>>,
  options: FeelEvaluationOptions,
  where: string,
): Step<JsonValue[]> {
  const values: JsonValue[] = [];
  for (let column = 0; column < decision.table.outputs.length; column++) {
    const output = decision.table.outputs[column] as DecisionTableOutput;
    const entry = entries[column];
    const result = entry === undefined ? ({ ok: true, value: null } as const) : evaluateFeel(entry, context, options);
    if (!result.ok) return fail(decision, `${where}, output "${output.label}": ${result.message}`);
    if (output.allowedValues !== undefined && result.value !== null) {
      const allowed = evaluateFeelUnaryTests(output.allowedValues, result.value, context, options);
      if (!allowed.ok || !allowed.value) {
        return fail(decision, `${where} gives ${show(result.value)} for the output "${output.label}", which is not one of its output values ${output.allowedValues.source}`);
      }
    }
    values.push(result.value);
  }
  return { ok: true, value: values };
}

function fail<T>(decision: DecisionTableDecision, detail: string): Step<T> {
  return { ok: false, message: `The decision "${decision.id}" failed: ${detail}.` };
}

function describeInputs(decision: DecisionTableDecision, values: readonly unknown[]): string {
  return decision.table.inputs.map((input, index) => `${input.label} = ${show(values[index])}`).join(', ');
}

/** A value for a message, shortened: incident messages are read by people, not parsed. */
function show(value: unknown): string {
  const json = feelValueToJson(value, '');
  const text = json.ok ? JSON.stringify(json.value) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
