import type { FeelExpression, JsonValue } from '../feel/feel-expression';
import type { FeelUnaryTests } from '../feel/feel-unary-tests';

/**
 * Executable DMN decisions: an immutable (deep-frozen), JSON-serializable set compiled once
 * from one or more DMN 1.3 documents. Every FEEL expression and unary test in it has been
 * parsed; every required decision exists and the requirements have no cycle. The engine and
 * {@link evaluateDecision} read only this, never moddle objects.
 */
export interface ExecutableDecisions {
  readonly decisions: Readonly<Record<string, ExecutableDecision>>;
}

export type ExecutableDecision = DecisionTableDecision | LiteralExpressionDecision;

interface DecisionBase {
  readonly id: string;
  readonly name?: string;
  /**
   * The name under which a requiring decision sees this decision's result: the decision's
   * `variable` name, else its id (as Camunda 8 does).
   */
  readonly resultName: string;
  /** Decisions evaluated first, their results bound by `resultName`; document order. */
  readonly requiredDecisionIds: readonly string[];
}

export interface DecisionTableDecision extends DecisionBase {
  readonly kind: 'decisionTable';
  readonly table: ExecutableDecisionTable;
}

export interface LiteralExpressionDecision extends DecisionBase {
  readonly kind: 'literalExpression';
  readonly expression: FeelExpression;
}

/** DMN 1.3 hit policies (UNIQUE is the default). */
export type HitPolicy = 'UNIQUE' | 'FIRST' | 'PRIORITY' | 'ANY' | 'COLLECT' | 'RULE ORDER' | 'OUTPUT ORDER';

/** COLLECT aggregations; none collects the outputs into a list. */
export type CollectAggregation = 'SUM' | 'MIN' | 'MAX' | 'COUNT';

export interface ExecutableDecisionTable {
  readonly id?: string;
  readonly hitPolicy: HitPolicy;
  readonly aggregation?: CollectAggregation;
  readonly inputs: readonly DecisionTableInput[];
  readonly outputs: readonly DecisionTableOutput[];
  readonly rules: readonly DecisionTableRule[];
}

export interface DecisionTableInput {
  readonly id?: string;
  /** The column heading: the label, else the input expression. */
  readonly label: string;
  readonly expression: FeelExpression;
  /** `inputValues`: an input value outside them is an evaluation failure. */
  readonly allowedValues?: FeelUnaryTests;
}

export interface DecisionTableOutput {
  readonly id?: string;
  /** The output name; optional only for a table with a single output. */
  readonly name?: string;
  /** The column heading: the label, else the name, else "output N". */
  readonly label: string;
  /** `outputValues`: an output value outside them is an evaluation failure. */
  readonly allowedValues?: FeelUnaryTests;
  /** `outputValues` as a list of literals, highest priority first (PRIORITY, OUTPUT ORDER). */
  readonly priorities?: readonly JsonValue[];
  /** `defaultOutputEntry`: the value of a single-hit table when no rule matches. */
  readonly defaultValue?: FeelExpression;
}

export interface DecisionTableRule {
  readonly id: string;
  /** Position in the table, from 0. */
  readonly index: number;
  /** One per input; undefined for `-` or an empty cell (matches anything). */
  readonly inputEntries: readonly (FeelUnaryTests | undefined)[];
  /** One per output; undefined for an empty cell (the value null). */
  readonly outputEntries: readonly (FeelExpression | undefined)[];
}
