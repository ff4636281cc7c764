import { evaluateFeel, type JsonValue } from '../feel/feel-expression';
import type { FeelEvaluationOptions } from '../feel/feel-runtime';
import type { HitPolicyResult } from './apply-hit-policy';
import { evaluateDecisionTable, type NoMatchBehavior } from './evaluate-decision-table';
import type { ExecutableDecision, ExecutableDecisions } from './executable-decision';

export interface EvaluateDecisionOptions extends FeelEvaluationOptions {
  /**
   * A single-hit table (UNIQUE, FIRST, PRIORITY, ANY) where no rule matches and no output has a
   * default: `null` gives the value null (DMN 1.3, Camunda 8; the default), `failure` gives a
   * failure value, for callers that need a result (a fee must never silently be null).
   */
  readonly noMatch?: NoMatchBehavior;
}

/** A rule that produced (part of) a result. Required decisions' rules come first. */
export interface MatchedRule {
  readonly decisionId: string;
  readonly ruleId: string;
  /** Position in its table, from 0. */
  readonly ruleIndex: number;
}

export type DecisionEvaluation =
  | { readonly ok: true; readonly value: JsonValue; readonly matchedRules: readonly MatchedRule[] }
  | { readonly ok: false; readonly message: string; readonly failedDecisionId: string };

/**
 * Evaluates the decision `decisionId` of a compiled set: first its required decisions (each
 * once, depth first; a result is visible to the requiring decision under the required
 * decision's `resultName`), then its own logic over the variables and those results.
 *
 * Pure and total for model content: an unknown decision, a FEEL failure, a UNIQUE table with
 * two matching rules, a value outside the allowed values come back as `{ ok: false }` with a
 * sentence for an operator, never as an exception. Time only from `options.now`.
 */
export function evaluateDecision(
  decisions: ExecutableDecisions,
  decisionId: string,
  variables: Readonly<Record<string, JsonValue>>,
  options: EvaluateDecisionOptions,
): DecisionEvaluation {
  const matchedRules: MatchedRule[] = [];
  const results = new Map<string, JsonValue>();
  const noMatch = options.noMatch ?? 'null';

  const evaluate = (id: string, path: readonly string[]): DecisionEvaluation => {
    const decision = decisions.decisions[id];
    if (decision === undefined) {
      const known = Object.keys(decisions.decisions).sort().join(', ') || 'none';
      const what = path.length === 0 ? `No decision "${id}" is deployed` : `The decision "${path[path.length - 1] ?? ''}" requires "${id}", which is not deployed`;
      return { ok: false, message: `${what} (deployed: ${known}).`, failedDecisionId: id };
    }
    const cached = results.get(id);
    if (cached !== undefined) return { ok: true, value: cached, matchedRules };
    // Compiled sets have no cycles; a set built in code might.
    if (path.includes(id)) return { ok: false, message: `The decisions ${[...path, id].join(' -> ')} require each other in a cycle.`, failedDecisionId: id };

    const context: Record<string, unknown> = { ...variables };
    for (const requiredId of decision.requiredDecisionIds) {
      const required = evaluate(requiredId, [...path, id]);
      if (!required.ok) return required;
      const requiredDecision = decisions.decisions[requiredId] as ExecutableDecision;
      context[requiredDecision.resultName] = required.value;
    }
    const own = evaluateLogic(decision, context, options, noMatch);
    if (!own.ok) return { ok: false, message: own.message, failedDecisionId: id };
    for (const outcome of own.rules) matchedRules.push({ decisionId: id, ruleId: outcome.rule.id, ruleIndex: outcome.rule.index });
    results.set(id, own.value);
    return { ok: true, value: own.value, matchedRules };
  };

  const result = evaluate(decisionId, []);
  return result.ok ? { ok: true, value: result.value, matchedRules: [...matchedRules] } : result;
}

function evaluateLogic(
  decision: ExecutableDecision,
  context: Readonly<Record<string, unknown>>,
  options: FeelEvaluationOptions,
  noMatch: NoMatchBehavior,
): HitPolicyResult {
  switch (decision.kind) {
    case 'decisionTable':
      return evaluateDecisionTable(decision, context, options, noMatch);
    case 'literalExpression': {
      const result = evaluateFeel(decision.expression, context, options);
      return result.ok
        ? { ok: true, value: result.value, rules: [] }
        : { ok: false, message: `The decision "${decision.id}" failed: ${result.message}.` };
    }
  }
}
