import { evaluateDecision, loadDecisions, type JsonObject, type JsonValue } from '@laufweg/bpmn-model';
import Ajv2020 from 'ajv/dist/2020';
import { isDeepStrictEqual } from 'node:util';
import { parse as parseYaml } from 'yaml';
import type { RouteBundle } from './route-bundle';
import { describeError } from './route-manifest';
import { loadTenantValues } from './tenant-values';

/** `decisions/<name>.tests.yaml`: cases a designer writes for a decision, input and expected output. */
interface DecisionTestFile {
  readonly decision: string;
  /** A municipality whose values are visible as `municipality` in every case. */
  readonly tenant?: string;
  /** Evaluation time for `now()`/`today()`, ISO 8601; default 2026-01-01T00:00:00Z. */
  readonly now?: string;
  readonly cases: readonly { readonly name: string; readonly input: JsonObject; readonly output: JsonValue }[];
}

const validateFile = new Ajv2020({ allErrors: true }).compile<DecisionTestFile>({
  type: 'object',
  required: ['decision', 'cases'],
  properties: {
    decision: { type: 'string', minLength: 1 },
    tenant: { type: 'string' },
    now: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T' },
    cases: {
      type: 'array',
      minItems: 1,
      items: { type: 'object', required: ['name', 'input', 'output'], properties: { name: { type: 'string' }, input: { type: 'object' }, output: {} }, additionalProperties: false },
    },
  },
  additionalProperties: false,
});

export interface DecisionCaseResult {
  readonly file: string;
  readonly decision: string;
  readonly name: string;
  readonly passed: boolean;
  /** Why it failed: the evaluation error or expected and actual value. */
  readonly message?: string;
}

export interface DecisionTestReport {
  readonly cases: readonly DecisionCaseResult[];
  /** Rules of the route's decision tables no case reached, `decisionId#ruleId (rule n)`. */
  readonly uncoveredRules: readonly string[];
  /** Files or decisions that could not be tested at all. */
  readonly problems: readonly string[];
}

/**
 * Runs a route's DMN rule tests: every case is evaluated with the deployed semantics (hit
 * policies, required decisions, FEEL via feelin) and compared with its expected output, and
 * every rule of every decision table must be reached by at least one case.
 */
export async function runDecisionTests(bundle: RouteBundle): Promise<DecisionTestReport> {
  const problems: string[] = [];
  const cases: DecisionCaseResult[] = [];
  if (bundle.decisions.length === 0) return { cases, uncoveredRules: [], problems };
  const loaded = await loadDecisions(bundle.decisions.map((file) => file.content));
  if (!loaded.ok) return { cases, uncoveredRules: [], problems: loaded.problems.map((problem) => `${problem.elementId ?? 'decisions'}: ${problem.message}`) };
  const decisions = loaded.value;
  const reached = new Set<string>();
  for (const testFile of bundle.decisionTests) {
    const parsed: unknown = parseYaml(testFile.content);
    if (!validateFile(parsed)) {
      problems.push(...(validateFile.errors ?? []).map((error) => `${testFile.name}: ${describeError(error)}`));
      continue;
    }
    const municipality = parsed.tenant === undefined ? undefined : loadTenantValues(bundle, parsed.tenant);
    if (municipality && !municipality.ok) {
      problems.push(...municipality.problems);
      continue;
    }
    const now = Date.parse(parsed.now ?? '2026-01-01T00:00:00Z');
    for (const testCase of parsed.cases) {
      const variables = municipality?.ok ? { ...testCase.input, municipality: municipality.values } : testCase.input;
      const result = evaluateDecision(decisions, parsed.decision, variables, { now, noMatch: 'null' });
      const base = { file: testFile.name, decision: parsed.decision, name: testCase.name };
      if (!result.ok) {
        cases.push({ ...base, passed: false, message: result.message });
        continue;
      }
      for (const rule of result.matchedRules) reached.add(`${rule.decisionId}#${rule.ruleId}`);
      const passed = isDeepStrictEqual(result.value, testCase.output);
      cases.push(passed ? { ...base, passed } : { ...base, passed, message: `expected ${JSON.stringify(testCase.output)}, got ${JSON.stringify(result.value)}` });
    }
  }
  const uncoveredRules: string[] = [];
  for (const decision of Object.values(decisions.decisions)) {
    if (decision.kind !== 'decisionTable') continue;
    for (const rule of decision.table.rules) {
      if (!reached.has(`${decision.id}#${rule.id}`)) uncoveredRules.push(`${decision.id}#${rule.id} (rule ${rule.index + 1})`);
    }
  }
  return { cases, uncoveredRules, problems };
}
