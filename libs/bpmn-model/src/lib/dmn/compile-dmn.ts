import { hasErrors, type ModelProblem, type ModelResult } from '../problem';
import { elementProp, elementsProp, idOf, isA, stringProp, type ModdleElement } from '../parse/moddle-element';
import { compileDecisionTable } from './compile-decision-table';
import { DmnCompileContext, isFeelLanguage } from './dmn-compile-context';
import type { ExecutableDecision, ExecutableDecisions } from './executable-decision';
import type { ParsedDmn } from './parse-dmn';

/**
 * Compiles the decisions of a parsed DMN 1.3 document (decision tables and literal
 * expressions) into an immutable {@link ExecutableDecisions}. Checks that every required
 * decision exists in the document and that requirements form no cycle. Other DRG elements
 * (input data, knowledge sources, business knowledge models) carry no executable logic here.
 */
export function compileDmn(parsed: ParsedDmn): ModelResult<ExecutableDecisions> {
  const context = new DmnCompileContext();
  const definitions = parsed.definitions;
  const language = stringProp(definitions, 'expressionLanguage');
  if (language !== undefined && !isFeelLanguage(language)) {
    context.error('dmn-expression-language-unsupported', idOf(definitions), `The DMN document declares the expression language "${language}"; only FEEL is evaluated, never script code.`);
  }
  const decisions: Record<string, ExecutableDecision> = {};
  for (const element of elementsProp(definitions, 'drgElement')) {
    if (!isA(element, 'dmn:Decision')) continue;
    const decision = compileDecision(element, context);
    if (decision !== undefined) decisions[decision.id] = decision;
  }
  checkRequirements(elementsProp(definitions, 'drgElement'), context);
  if (hasErrors(context.problems)) return { ok: false, problems: context.problems };
  return { ok: true, value: deepFreeze({ decisions }), warnings: context.problems };
}

/**
 * Joins the decisions of several documents deployed together (one deployment, one set), so a
 * business rule task finds any of them by id. Decision ids must be unique across the documents.
 */
export function mergeDecisions(sets: readonly ExecutableDecisions[]): ModelResult<ExecutableDecisions> {
  const decisions: Record<string, ExecutableDecision> = {};
  const problems: ModelProblem[] = [];
  for (const set of sets) {
    for (const decision of Object.values(set.decisions)) {
      if (decision.id in decisions) {
        problems.push({
          severity: 'error',
          rule: 'dmn-decision-id-duplicate',
          elementId: decision.id,
          message: `The decision id "${decision.id}" is defined in more than one DMN document of the deployment; a business rule task could not tell them apart. Rename one.`,
        });
        continue;
      }
      decisions[decision.id] = decision;
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: deepFreeze({ decisions }), warnings: [] };
}

function compileDecision(element: ModdleElement, context: DmnCompileContext): ExecutableDecision | undefined {
  const id = idOf(element);
  const name = stringProp(element, 'name')?.trim() || undefined;
  if (id === undefined) {
    context.error('dmn-decision-id-missing', undefined, `The decision "${name ?? '(unnamed)'}" has no id, so no business rule task can call it; give it an id.`);
    return undefined;
  }
  const variable = elementProp(element, 'variable');
  const base = {
    id,
    ...(name === undefined ? {} : { name }),
    resultName: (variable === undefined ? undefined : stringProp(variable, 'name')?.trim()) || id,
    requiredDecisionIds: requiredDecisionIds(element),
  };
  const logic = elementProp(element, 'decisionLogic');
  if (logic !== undefined && isA(logic, 'dmn:DecisionTable')) {
    const table = compileDecisionTable(logic, id, context);
    return table === undefined ? undefined : { ...base, kind: 'decisionTable', table };
  }
  if (logic !== undefined && isA(logic, 'dmn:LiteralExpression')) {
    const expression = context.expression(logic, 'dmn-literal-expression-invalid', id, `the literal expression of the decision "${id}"`);
    return expression === undefined ? undefined : { ...base, kind: 'literalExpression', expression };
  }
  const kind = logic === undefined ? 'no decision logic' : `a ${logic.$type.replace(/^dmn:/, '')}`;
  context.error('dmn-decision-logic-unsupported', id, `The decision "${id}" has ${kind}; Laufweg evaluates decision tables and literal expressions.`);
  return undefined;
}

/** Ids of required decisions from `informationRequirement/requiredDecision href="#id"`. */
function requiredDecisionIds(decision: ModdleElement): string[] {
  const ids: string[] = [];
  for (const requirement of elementsProp(decision, 'informationRequirement')) {
    const reference = elementProp(requirement, 'requiredDecision');
    const href = reference === undefined ? undefined : stringProp(reference, 'href');
    if (href !== undefined) ids.push(hrefId(href));
  }
  return ids;
}

/** `#id` is a decision of this document; `other.dmn#id` (a DMN import) stays as written and is reported unknown. */
function hrefId(href: string): string {
  return href.startsWith('#') ? href.slice(1) : href;
}

function checkRequirements(elements: readonly ModdleElement[], context: DmnCompileContext): void {
  const decisions = new Map<string, string[]>();
  for (const element of elements) {
    const id = idOf(element);
    if (isA(element, 'dmn:Decision') && id !== undefined) decisions.set(id, requiredDecisionIds(element));
  }
  for (const [id, required] of decisions) {
    for (const requiredId of required) {
      if (decisions.has(requiredId)) continue;
      context.error('dmn-required-decision-unknown', id, `The decision "${id}" requires the decision "${requiredId}", which this document does not define; add it or remove the requirement.`);
    }
  }
  const cycle = findCycle(decisions);
  if (cycle !== undefined) {
    context.error('dmn-requirement-cycle', cycle[0], `The decisions ${cycle.map((id) => `"${id}"`).join(' -> ')} require each other in a cycle, so none of them can be evaluated first.`);
  }
}

/** A requirement cycle as a path that starts and ends with the same id, or undefined. */
function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const done = new Set<string>();
  const visit = (id: string, path: string[]): string[] | undefined => {
    const seen = path.indexOf(id);
    if (seen !== -1) return [...path.slice(seen), id];
    if (done.has(id) || !graph.has(id)) return undefined;
    for (const next of graph.get(id) ?? []) {
      const cycle = visit(next, [...path, id]);
      if (cycle !== undefined) return cycle;
    }
    done.add(id);
    return undefined;
  };
  for (const id of graph.keys()) {
    const cycle = visit(id, []);
    if (cycle !== undefined) return cycle;
  }
  return undefined;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const entry of Object.values(value)) deepFreeze(entry);
  }
  return value;
}
