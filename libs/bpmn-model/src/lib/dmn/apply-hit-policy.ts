import type { JsonObject, JsonValue } from '../feel/feel-expression';
import type { DecisionTableRule, ExecutableDecisionTable, HitPolicy } from './executable-decision';

/** A rule whose input entries all matched, with its evaluated output entries (one per output). */
export interface RuleOutcome {
  readonly rule: DecisionTableRule;
  readonly outputs: readonly JsonValue[];
}

export type HitPolicyResult =
  | { readonly ok: true; readonly value: JsonValue; readonly rules: readonly RuleOutcome[] }
  | { readonly ok: false; readonly message: string };

const SINGLE_HIT: ReadonlySet<HitPolicy> = new Set(['UNIQUE', 'FIRST', 'PRIORITY', 'ANY']);

export function isSingleHit(hitPolicy: HitPolicy): boolean {
  return SINGLE_HIT.has(hitPolicy);
}

/**
 * The result of a table from its matched rules (in rule order, at least one for single-hit
 * policies: no match is decided by the caller). A single output gives its value, several give
 * a context keyed by output name; multiple-hit policies give a list of those, or an aggregate.
 */
export function applyHitPolicy(decisionId: string, table: ExecutableDecisionTable, matched: readonly RuleOutcome[]): HitPolicyResult {
  const shape = (outcome: RuleOutcome): JsonValue => shapeOutputs(table, outcome.outputs);
  switch (table.hitPolicy) {
    case 'UNIQUE':
      if (matched.length > 1) {
        return { ok: false, message: `The decision "${decisionId}" has the hit policy UNIQUE, but ${matched.length} rules matched: ${ruleList(matched)}.` };
      }
      return single(matched, shape);
    case 'FIRST':
      return single(matched, shape);
    case 'ANY': {
      const values = matched.map(shape);
      const first = JSON.stringify(values[0]);
      if (values.some((value) => JSON.stringify(value) !== first)) {
        return { ok: false, message: `The decision "${decisionId}" has the hit policy ANY, but the matching rules ${ruleList(matched)} give different outputs.` };
      }
      return single(matched, shape);
    }
    case 'PRIORITY':
      return single(byPriority(table, matched), shape);
    case 'OUTPUT ORDER': {
      const ordered = byPriority(table, matched);
      return { ok: true, value: ordered.map(shape), rules: ordered };
    }
    case 'RULE ORDER':
      return { ok: true, value: matched.map(shape), rules: matched };
    case 'COLLECT':
      return table.aggregation === undefined ? { ok: true, value: matched.map(shape), rules: matched } : aggregate(decisionId, table, matched);
  }
}

/** One output: its value; several: a context of name -> value. */
export function shapeOutputs(table: ExecutableDecisionTable, outputs: readonly JsonValue[]): JsonValue {
  if (table.outputs.length === 1) return outputs[0] ?? null;
  const context: JsonObject = {};
  table.outputs.forEach((output, index) => {
    context[output.name ?? `output${index + 1}`] = outputs[index] ?? null;
  });
  return context;
}

function single(matched: readonly RuleOutcome[], shape: (outcome: RuleOutcome) => JsonValue): HitPolicyResult {
  const first = matched[0];
  return first === undefined ? { ok: true, value: null, rules: [] } : { ok: true, value: shape(first), rules: [first] };
}

/**
 * Orders by the outputs' priority lists (output values, highest first), the first output with
 * a list deciding first; values not in a list rank last; ties keep rule order (stable sort).
 */
function byPriority(table: ExecutableDecisionTable, matched: readonly RuleOutcome[]): RuleOutcome[] {
  const rank = (outcome: RuleOutcome): number[] =>
    table.outputs.flatMap((output, index) => {
      if (output.priorities === undefined) return [];
      const value = JSON.stringify(outcome.outputs[index] ?? null);
      const position = output.priorities.findIndex((candidate) => JSON.stringify(candidate) === value);
      return [position === -1 ? output.priorities.length : position];
    });
  const compare = (a: RuleOutcome, b: RuleOutcome): number => {
    const [left, right] = [rank(a), rank(b)];
    for (let index = 0; index < left.length; index++) {
      const difference = (left[index] ?? 0) - (right[index] ?? 0);
      if (difference !== 0) return difference;
    }
    return 0;
  };
  return [...matched].sort(compare);
}

/** COLLECT with SUM, MIN, MAX or COUNT over the single output; null outputs are left out. */
function aggregate(decisionId: string, table: ExecutableDecisionTable, matched: readonly RuleOutcome[]): HitPolicyResult {
  const values = matched.map((outcome) => outcome.outputs[0] ?? null).filter((value) => value !== null);
  const done = (value: JsonValue): HitPolicyResult => ({ ok: true, value, rules: matched });
  switch (table.aggregation) {
    case 'COUNT':
      return done(values.length);
    case 'SUM': {
      if (values.length === 0) return done(null);
      if (!values.every((value) => typeof value === 'number')) return notAggregatable(decisionId, 'SUM', 'numbers', values);
      // Fees are decimal: rounded to 9 places, 0.1 + 0.2 sums to 0.3 (FEEL numbers are decimals).
      return done(roundSum(values as number[]));
    }
    case 'MIN':
    case 'MAX': {
      if (values.length === 0) return done(null);
      const numbers = values.every((value) => typeof value === 'number');
      const strings = values.every((value) => typeof value === 'string');
      if (!numbers && !strings) return notAggregatable(decisionId, table.aggregation, 'numbers or texts of one kind', values);
      const sorted = [...(values as (number | string)[])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return done((table.aggregation === 'MIN' ? sorted[0] : sorted[sorted.length - 1]) ?? null);
    }
    case undefined:
      return done(values);
  }
}

function roundSum(values: readonly number[]): number {
  const sum = values.reduce((total, value) => total + value, 0);
  return Math.round(sum * 1e9) / 1e9;
}

function notAggregatable(decisionId: string, aggregation: string, expected: string, values: readonly JsonValue[]): HitPolicyResult {
  return {
    ok: false,
    message: `The decision "${decisionId}" aggregates with ${aggregation}, which needs ${expected}, but the matching rules gave ${JSON.stringify(values).slice(0, 200)}.`,
  };
}

function ruleList(matched: readonly RuleOutcome[]): string {
  return matched.map((outcome) => `"${outcome.rule.id}"`).join(', ');
}
