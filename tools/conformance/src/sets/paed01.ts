import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileDefinitions, parseBpmn, type JsonObject } from '@laufweg/bpmn-model';
import { EngineHarness } from '@laufweg/engine-testing';
import type { ConformanceRow, ConformanceSet } from '../conformance-set';
import { compareOutcome, completedActivities, multiInstanceIterations, type RunOutcome } from './paed01-compare';
import { autoCompleteJobs, drive } from './paed01-driver';
import { adaptModel, type Paed01Case, type Paed01Run } from './paed01-model-adapter';

const GROUPS = [
  ['standard', 'Standard', 'paed01Standard'],
  ['paed01-dead-path', 'Dead-path (paed01 fires joins after skipped branches)', 'paed01DeadPath'],
  ['paed01-specific', 'paed01-specific choices', 'paed01Specific'],
  ['js-specific', 'JavaScript-specific', 'paed01JsSpecific'],
  ['implementation-defined', 'Implementation-defined', 'paed01ImplementationDefined'],
] as const;

export interface Paed01Result {
  readonly rows: ConformanceRow[];
  readonly json: Record<string, number>;
  readonly failures: string[];
}

/**
 * paed01 execution conformance: every run of expectations.json driven through the engine
 * harness and compared with its `expected`. Scored: the `standard` runs; the other groups are
 * reported separately (their semantics differ from BPMN 2.0 on purpose, see the README there).
 */
export async function runPaed01(root: string): Promise<Paed01Result> {
  const file = JSON.parse(readFileSync(join(root, 'paed01', 'expectations.json'), 'utf8')) as { cases: Paed01Case[] };
  const tally = new Map<string, { passed: number; total: number }>();
  const failures: string[] = [];
  const deadlocks = { passed: 0, total: 0 };
  for (const testCase of file.cases) {
    for (const run of testCase.runs) {
      const { problems, endState } = await runOne(root, testCase, run);
      if (run.semantics === 'paed01-dead-path' && /deadlock/i.test(String(run.standard_bpmn_expectation ?? ''))) {
        deadlocks.total++;
        if (endState === 'waiting') deadlocks.passed++;
      }
      const entry = tally.get(run.semantics) ?? { passed: 0, total: 0 };
      entry.total++;
      if (problems.length === 0) entry.passed++;
      else failures.push(`[${run.semantics}] ${testCase.id} / ${run.name}: ${problems.join('; ')}`);
      tally.set(run.semantics, entry);
    }
  }
  const rows: ConformanceRow[] = [];
  const json: Record<string, number> = {};
  rows.push({ label: 'Dead-path runs that deadlock as BPMN 2.0 says (standard_bpmn_expectation)', passed: deadlocks.passed, total: deadlocks.total });
  json['paed01DeadPathDeadlockPassed'] = deadlocks.passed;
  json['paed01DeadPathDeadlockTotal'] = deadlocks.total;
  for (const [semantics, label, field] of GROUPS) {
    const entry = tally.get(semantics) ?? { passed: 0, total: 0 };
    rows.push({ label, passed: entry.passed, total: entry.total, ...(semantics === 'standard' ? {} : { note: 'reported, not scored' }) });
    json[`${field}Passed`] = entry.passed;
    json[`${field}Total`] = entry.total;
  }
  return { rows, json, failures };
}

/** The set for `npm run conformance` (register it in sets/index.ts). */
export const paed01ExecutionSet: ConformanceSet = {
  name: 'paed01-execution',
  title: 'paed01 execution expectations (engine harness)',
  async run({ root }) {
    const result = await runPaed01(root);
    return { rows: result.rows, fields: result.json, failures: result.failures };
  },
};

export interface RunReport {
  readonly problems: readonly string[];
  readonly endState?: RunOutcome['endState'];
}

export async function runOne(root: string, testCase: Paed01Case, run: Paed01Run): Promise<RunReport> {
  // `implementation=""` on a process is not BPMN; paed01 tools write it.
  const xml = readFileSync(join(root, 'paed01', testCase.model), 'utf8').replace(/(<(?:bpmn:)?process\b[^>]*?)\s+implementation=""/g, '$1');
  const parsed = await parseBpmn(xml);
  if (!parsed.ok) return { problems: [`does not parse: ${parsed.problems.map((problem) => problem.message).join(' ')}`] };
  adaptModel(parsed.value, testCase, run);
  const compiled = compileDefinitions(parsed.value.definitions);
  if (!compiled.ok) return { problems: [`does not compile: ${compiled.problems.filter((problem) => problem.severity === 'error').map((problem) => `${problem.elementId ?? ''}: ${problem.message}`).join(' ')}`] };
  const process = compiled.value.processes[testCase.process_id];
  if (!process) return { problems: [`no process ${testCase.process_id}`] };
  try {
    const engine = new EngineHarness();
    engine.deploy(compiled.value);
    const driven = new Set(testCase.runs.flatMap((other) => other.interactions ?? []).map((interaction) => String(interaction['activity'] ?? '')));
    autoCompleteJobs(engine, driven);
    const variables = decodeVariables((run.variables ?? {}) as JsonObject);
    const conditionalStart = process.scope.childIds.find((id) => process.elements[id]?.type === 'startEvent' && process.elements[id]?.eventDefinition?.kind === 'conditional');
    let instance =
      process.scope.startEventIds.length > 0
        ? engine.createInstance(testCase.process_id, variables)
        : conditionalStart
          ? engine.createInstance(testCase.process_id, variables, conditionalStart)
          : undefined;
    for (const interaction of run.interactions ?? []) {
      drive(engine, parsed.value, instance ?? '', interaction);
      instance ??= firstInstanceOf(engine, testCase.process_id);
    }
    instance ??= firstInstanceOf(engine, testCase.process_id);
    if (!instance) return { problems: ['no instance was started'] };
    const isStandardLoop = (id: string): boolean => process.elements[id]?.loop?.kind === 'standardLoop';
    const incident = engine.incidents()[0];
    const outcome: RunOutcome = {
      endState: engine.isCompleted(instance) ? 'completed' : incident ? 'errored' : 'waiting',
      completed: completedActivities(engine.records.events, instance, isStandardLoop),
      started: new Set(engine.records.activated(instance)),
      iterations: multiInstanceIterations(engine.records.events, instance),
      ...(incident ? { erroredActivity: incident.elementId } : {}),
    };
    const problems = compareOutcome(outcome, run.expected);
    return { problems: problems.length > 0 && incident ? [...problems, `incident at ${incident.elementId}: ${incident.message}`] : problems, endState: outcome.endState };
  } catch (error: unknown) {
    return { problems: [`threw: ${error instanceof Error ? error.message : String(error)}`] };
  }
}

function firstInstanceOf(engine: EngineHarness, processId: string): string | undefined {
  return engine.records.ofType('ElementActivating').find((record) => record.elementType === 'process' && record.processId === processId)?.key;
}

/** The expectations write long lists as `[{idx:0} .. {idx:100}]`; expand them. */
function decodeVariables(variables: JsonObject): JsonObject {
  const decoded: JsonObject = {};
  for (const [name, value] of Object.entries(variables)) {
    const range = typeof value === 'string' ? /^\[\{(\w+):(\d+)\} \.\. \{\w+:(\d+)\}\]$/.exec(value) : null;
    if (!range) {
      decoded[name] = value;
      continue;
    }
    const [, key = 'idx', from = '0', to = '0'] = range;
    decoded[name] = Array.from({ length: Number(to) - Number(from) + 1 }, (_, index) => ({ [key]: Number(from) + index }));
  }
  return decoded;
}
