import { germanBusinessCalendar } from '@laufweg/bpmn-engine';
import type { LoadedScenario } from '../format/load-scenario-file';
import { stepKind } from '../format/scenario-definition';
import { createHarnessScenarioEngine } from '../engine/harness-scenario-engine';
import type { ScenarioEngine, ScenarioEngineFactory } from '../engine/scenario-engine';
import type { ScenarioRoute } from '../route/load-route';
import { chooseProcess, reachableProcesses, unknownElementIds } from './check-references';
import { prepareBundleStart, type BundleStart } from './bundle-start';
import { ConnectorAnswerBook } from './connector-answers';
import { checkOutcome, checkPath, failure, producedByType } from './final-expectations';
import type { ScenarioFailure, ScenarioResult } from './scenario-result';
import { ScenarioRun } from './scenario-run';
import { traceInstance } from './trace-instance';

/** Where a scenario starts when it names no start time (the harness's default). */
export const DEFAULT_START_TIME = '2025-01-01T00:00:00Z';
export const DEFAULT_TENANT = 'sandbox';
export const DEFAULT_LAND = 'SN';

export interface RunScenarioOptions {
  /** The engine to run on; default the in-memory harness. */
  readonly engine?: ScenarioEngineFactory;
}

/**
 * Runs one scenario on its route: start, then the steps in order (connectors answered and due
 * timers fired after each), then the final expectations. The first failing step ends the run;
 * the path expectation is still compared, so the diff shows where the instance went instead.
 */
export async function runScenario(scenario: LoadedScenario, route: ScenarioRoute, options: RunScenarioOptions = {}): Promise<ScenarioResult> {
  const { definition, locate } = scenario;
  const tenant = definition.tenant ?? DEFAULT_TENANT;
  const base = { file: scenario.file, name: definition.name, route: route.name, bpmnFile: route.bpmnFile, tenant };
  const empty = { passed: false, path: [], visits: {}, flowsTaken: [], produced: {}, notes: [] };

  const chosen = chooseProcess(route.definitions, definition.process ?? route.bundle?.process);
  if (!chosen.ok) return { ...base, ...empty, failures: [failure(locate, [definition.process === undefined ? 'route' : 'process'], chosen.message)] };
  const processId = chosen.processId;
  const unknown = unknownElementIds(definition, reachableProcesses(route.definitions, processId));
  if (unknown.length > 0) {
    const failures = unknown.map((reference) => failure(locate, reference.segments, `'${reference.id}' is not an element of process '${processId}'`));
    return { ...base, process: processId, ...empty, failures };
  }

  if (definition.submission && !route.bundle) {
    return { ...base, process: processId, ...empty, failures: [failure(locate, ['submission'], `'submission' needs a route of processes/ with a route.yaml; '${route.name}' is a plain BPMN file (use application and startMessage)`)] };
  }
  const startTime = Date.parse(definition.startTime ?? DEFAULT_START_TIME);
  const prepared = route.bundle ? prepareBundleStart(scenario, route.bundle, startTime) : undefined;
  if (prepared && !prepared.ok) return { ...base, process: processId, ...empty, failures: [failure(locate, prepared.segments, prepared.message)] };
  const bundleStart = prepared?.start;
  const calendar = germanBusinessCalendar({ land: definition.land ?? bundleStart?.land ?? DEFAULT_LAND });
  const engine = await (options.engine ?? createHarnessScenarioEngine)({
    bpmnXml: route.xml,
    definitions: route.definitions,
    tenant,
    startTime,
    calendar,
    ...(route.dmn ? { dmn: route.dmn } : {}),
    ...(route.decisions ? { decisions: route.decisions } : {}),
    ...(route.called ? { called: route.called } : {}),
    ...(bundleStart ? { constants: bundleStart.constants } : {}),
  });
  const answers = new ConnectorAnswerBook(definition.connectors);
  const failures: ScenarioFailure[] = [];
  let rootKey: string | undefined;
  try {
    rootKey = await start(engine, scenario, processId, bundleStart);
    const run = new ScenarioRun(engine, answers, calendar, rootKey);
    const startAt = definition.submission ? ['submission'] : definition.startMessage ? ['startMessage'] : ['process'];
    failures.push(...(await guarded(locate, startAt, () => run.settle().then(() => undefined))));
    for (const [index, step] of (definition.steps ?? []).entries()) {
      if (failures.length > 0) break;
      failures.push(...(await guarded(locate, ['steps', index, stepKind(step)], () => run.step(step))));
    }
  } catch (error: unknown) {
    failures.push(failure(locate, [definition.submission ? 'submission' : definition.startMessage ? 'startMessage' : 'process'], `the instance did not start: ${messageOf(error)}`));
  }
  try {
    const trace = traceInstance(await engine.events(), rootKey ?? '');
    const stepsHeld = failures.length === 0;
    failures.push(...checkPath(definition.expect, trace, locate));
    if (stepsHeld) failures.push(...checkOutcome(definition.expect, trace, locate));
    const notes = failures.length > 0 && answers.unanswered.size > 0 ? [`jobs without an answer in 'connectors': ${[...answers.unanswered].join(', ')}`] : [];
    return { ...base, process: processId, passed: failures.length === 0, path: trace.path, visits: trace.visits, flowsTaken: trace.flows, produced: producedByType(trace), failures, notes };
  } finally {
    await engine.close();
  }
}

async function start(engine: ScenarioEngine, scenario: LoadedScenario, processId: string, bundleStart: BundleStart | undefined): Promise<string> {
  if (bundleStart?.message) return engine.startByMessage(bundleStart.message.name, bundleStart.message.correlationKey, bundleStart.message.variables);
  const message = scenario.definition.startMessage;
  if (message) return engine.startByMessage(message.name, message.correlationKey ?? '', scenario.application);
  return engine.startInstance(processId, scenario.application);
}

/** Runs a step; a difference or an error the engine raised becomes a failure at the step. */
async function guarded(locate: LoadedScenario['locate'], segments: readonly (string | number)[], action: () => Promise<string | undefined>): Promise<ScenarioFailure[]> {
  try {
    const difference = await action();
    return difference === undefined ? [] : [failure(locate, segments, difference)];
  } catch (error: unknown) {
    return [failure(locate, segments, `the engine refused: ${messageOf(error)}`)];
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
