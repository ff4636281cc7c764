import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { EngineEvent } from '@laufweg/bpmn-engine';
import { createHarnessScenarioEngine } from '../engine/harness-scenario-engine';
import type { ScenarioEngine, ScenarioEngineFactory } from '../engine/scenario-engine';
import type { LoadedScenario } from '../format/load-scenario-file';
import { formatProblem, parseScenario } from '../format/parse-scenario';
import { compileRoute, type ScenarioRoute } from '../route/load-route';
import { runScenario } from '../run/run-scenario';
import type { ScenarioResult } from '../run/scenario-result';

/** Test helpers of this library's specs (not exported from the package). */
export const SCENARIO_FIXTURES = join(__dirname, '..', 'fixtures');
export const ENGINE_FIXTURES = join(__dirname, '..', '..', '..', '..', 'engine-testing', 'src', 'scenarios', 'fixtures');

export async function givenRoute(bpmnFile: string): Promise<ScenarioRoute> {
  const compiled = await compileRoute(basename(bpmnFile, '.bpmn'), bpmnFile, readFileSync(bpmnFile, 'utf8'));
  if (!compiled.ok) throw new Error(compiled.problems.join('; '));
  return compiled.route;
}

/** A scenario from YAML text (its `route` is ignored: the given route file is used). */
export function givenScenario(yaml: string, bpmnFile: string, file = 'inline.yaml'): LoadedScenario {
  const parsed = parseScenario(yaml, file);
  if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
  const { definition, locate } = parsed;
  return { file, definition, locate, route: { name: basename(bpmnFile, '.bpmn'), bpmnFile }, application: definition.application ?? {} };
}

/** Runs YAML on a route and also returns the engine's event log (the harness keeps it after close). */
export async function whenRun(yaml: string, bpmnFile: string): Promise<{ result: ScenarioResult; events: readonly EngineEvent[] }> {
  let engine: ScenarioEngine | undefined;
  const factory: ScenarioEngineFactory = async (setup) => (engine = await createHarnessScenarioEngine(setup));
  const result = await runScenario(givenScenario(yaml, bpmnFile), await givenRoute(bpmnFile), { engine: factory });
  return { result, events: engine ? await engine.events() : [] };
}
