import { evaluateFeel, parseFeel, type JsonValue } from '../feel/feel-expression';
import { elementProp, elementsProp, idOf, stringProp, type ModdleElement } from '../parse/moddle-element';
import { textOf, type DmnCompileContext } from './dmn-compile-context';
import type {
  CollectAggregation,
  DecisionTableInput,
  DecisionTableOutput,
  DecisionTableRule,
  ExecutableDecisionTable,
  HitPolicy,
} from './executable-decision';

const HIT_POLICIES: readonly HitPolicy[] = ['UNIQUE', 'FIRST', 'PRIORITY', 'ANY', 'COLLECT', 'RULE ORDER', 'OUTPUT ORDER'];
const AGGREGATIONS: readonly CollectAggregation[] = ['SUM', 'MIN', 'MAX', 'COUNT'];

/**
 * Compiles a `dmn:DecisionTable` of the decision `decisionId`: hit policy and aggregation
 * checked, every input expression, unary test and output entry parsed once. Problems go to the
 * context (entry problems name the DMN rule and the column); undefined when there are errors.
 */
export function compileDecisionTable(table: ModdleElement, decisionId: string, context: DmnCompileContext): ExecutableDecisionTable | undefined {
  const before = context.problems.length;
  const hitPolicy = compileHitPolicy(table, decisionId, context);
  const inputs = elementsProp(table, 'input').map((input, index) => compileInput(input, index, decisionId, context));
  const outputs = compileOutputs(table, decisionId, context);
  const aggregation = compileAggregation(table, hitPolicy, outputs.length, decisionId, context);
  if ((hitPolicy === 'PRIORITY' || hitPolicy === 'OUTPUT ORDER') && !outputs.some((output) => output?.priorities !== undefined)) {
    context.error(
      'dmn-priority-output-values-missing',
      decisionId,
      `The decision "${decisionId}" has the hit policy ${hitPolicy}, but no output lists its output values (as literals, highest priority first); the priority order is missing.`,
    );
  }
  const rules = elementsProp(table, 'rule').map((rule, index) => compileRule(rule, index, inputs, outputs, decisionId, context));
  if (context.problems.length > before || hitPolicy === undefined) return undefined;
  const id = idOf(table);
  return {
    ...(id === undefined ? {} : { id }),
    hitPolicy,
    ...(aggregation === undefined ? {} : { aggregation }),
    inputs: inputs as DecisionTableInput[],
    outputs: outputs as DecisionTableOutput[],
    rules: rules as DecisionTableRule[],
  };
}

function compileHitPolicy(table: ModdleElement, decisionId: string, context: DmnCompileContext): HitPolicy | undefined {
  const value = (stringProp(table, 'hitPolicy') ?? 'UNIQUE').trim();
  const hitPolicy = HIT_POLICIES.find((known) => known === value);
  if (hitPolicy === undefined) {
    context.error('dmn-hit-policy-unknown', decisionId, `The decision "${decisionId}" has the hit policy "${value}", which DMN 1.3 does not define; use one of ${HIT_POLICIES.join(', ')}.`);
  }
  return hitPolicy;
}

function compileAggregation(
  table: ModdleElement,
  hitPolicy: HitPolicy | undefined,
  outputCount: number,
  decisionId: string,
  context: DmnCompileContext,
): CollectAggregation | undefined {
  const value = stringProp(table, 'aggregation')?.trim();
  if (value === undefined || value === '') return undefined;
  if (hitPolicy !== undefined && hitPolicy !== 'COLLECT') {
    context.error('dmn-aggregation-outside-collect', decisionId, `The decision "${decisionId}" aggregates with ${value}, but only the hit policy COLLECT aggregates (it has ${hitPolicy}); remove the aggregation or use COLLECT.`);
    return undefined;
  }
  const aggregation = AGGREGATIONS.find((known) => known === value);
  if (aggregation === undefined) {
    context.error('dmn-aggregation-invalid', decisionId, `The decision "${decisionId}" aggregates with "${value}", which DMN 1.3 does not define; use SUM, MIN, MAX or COUNT.`);
  } else if (outputCount > 1) {
    context.error('dmn-aggregation-invalid', decisionId, `The decision "${decisionId}" aggregates with ${value} over ${outputCount} outputs; DMN aggregates a single output only. Remove the aggregation or split the table.`);
  }
  return aggregation;
}

function compileInput(input: ModdleElement, index: number, decisionId: string, context: DmnCompileContext): DecisionTableInput | undefined {
  const expressionElement = elementProp(input, 'inputExpression');
  const label = columnLabel(stringProp(input, 'label'), textOf(expressionElement), `input ${index + 1}`);
  const column = `column ${index + 1} ("${label}") of the decision "${decisionId}"`;
  const expression = context.expression(expressionElement, 'dmn-input-expression-invalid', decisionId, `the input expression of ${column}`);
  const allowedValues = context.unaryTests(elementProp(input, 'inputValues'), 'dmn-allowed-values-invalid', decisionId, `the input values of ${column}`);
  if (expression === undefined) return undefined;
  const id = idOf(input);
  return { ...(id === undefined ? {} : { id }), label, expression, ...(allowedValues === undefined ? {} : { allowedValues }) };
}

function compileOutputs(table: ModdleElement, decisionId: string, context: DmnCompileContext): (DecisionTableOutput | undefined)[] {
  const elements = elementsProp(table, 'output');
  if (elements.length === 0) {
    context.error('dmn-output-missing', decisionId, `The decision table of "${decisionId}" has no output column; add one.`);
  }
  const names = new Set<string>();
  return elements.map((output, index) => {
    const name = stringProp(output, 'name')?.trim() || undefined;
    const label = columnLabel(stringProp(output, 'label'), name, `output ${index + 1}`);
    const column = `output column ${index + 1} ("${label}") of the decision "${decisionId}"`;
    if (name === undefined && elements.length > 1) {
      context.error('dmn-output-name-missing', decisionId, `The ${column} has no name; every output of a table with several outputs needs one, it becomes the key of the result.`);
    } else if (name !== undefined && names.has(name)) {
      context.error('dmn-output-name-duplicate', decisionId, `The ${column} has the name "${name}", which another output already has; output names must be unique.`);
    }
    if (name !== undefined) names.add(name);
    const valuesElement = elementProp(output, 'outputValues');
    const allowedValues = context.unaryTests(valuesElement, 'dmn-allowed-values-invalid', decisionId, `the output values of ${column}`);
    const defaultElement = elementProp(output, 'defaultOutputEntry');
    const defaultValue = (textOf(defaultElement) ?? '').trim() === ''
      ? undefined
      : context.expression(defaultElement, 'dmn-output-entry-invalid', decisionId, `the default output entry of ${column}`);
    const priorities = allowedValues === undefined ? undefined : literalList(allowedValues.source);
    const id = idOf(output);
    return {
      ...(id === undefined ? {} : { id }),
      ...(name === undefined ? {} : { name }),
      label,
      ...(allowedValues === undefined ? {} : { allowedValues }),
      ...(priorities === undefined ? {} : { priorities }),
      ...(defaultValue === undefined ? {} : { defaultValue }),
    };
  });
}

function compileRule(
  rule: ModdleElement,
  index: number,
  inputs: readonly (DecisionTableInput | undefined)[],
  outputs: readonly (DecisionTableOutput | undefined)[],
  decisionId: string,
  context: DmnCompileContext,
): DecisionTableRule {
  const ruleId = idOf(rule) ?? `${decisionId}-rule-${index + 1}`;
  const inputEntries = elementsProp(rule, 'inputEntry');
  const outputEntries = elementsProp(rule, 'outputEntry');
  if (inputEntries.length !== inputs.length || outputEntries.length !== outputs.length) {
    context.error(
      'dmn-rule-entry-count',
      ruleId,
      `Rule ${index + 1} ("${ruleId}") of the decision "${decisionId}" has ${inputEntries.length} input and ${outputEntries.length} output entries, but the table has ${inputs.length} input and ${outputs.length} output columns; every rule needs one entry per column ("-" for any).`,
    );
  }
  const where = (kind: string, column: number, label: string | undefined): string =>
    `the ${kind} entry of rule ${index + 1} ("${ruleId}") in column ${column + 1} ("${label ?? '?'}") of the decision "${decisionId}"`;
  return {
    id: ruleId,
    index,
    inputEntries: inputEntries.map((entry, column) => context.unaryTests(entry, 'dmn-input-entry-invalid', ruleId, where('input', column, inputs[column]?.label))),
    outputEntries: outputEntries.map((entry, column) =>
      (textOf(entry) ?? '').trim() === '' ? undefined : context.expression(entry, 'dmn-output-entry-invalid', ruleId, where('output', column, outputs[column]?.label)),
    ),
  };
}

function columnLabel(label: string | undefined, fallback: string | undefined, position: string): string {
  return label?.trim() || fallback?.trim() || position;
}

/** Output values such as `"hoch","mittel","niedrig"` as a list of literals; undefined for ranges and tests. */
function literalList(source: string): readonly JsonValue[] | undefined {
  const parsed = parseFeel(`[${source}]`);
  if (!parsed.ok) return undefined;
  // Literals only: evaluated without variables, so the clock value does not matter.
  const values = evaluateFeel(parsed.expression, {}, { now: 0 });
  if (!values.ok || !Array.isArray(values.value) || values.value.some((value) => value === null || typeof value === 'object')) return undefined;
  return values.value;
}
