import type { ExecutableProcess } from '@laufweg/bpmn-model';
import { basename, dirname, join } from 'node:path';
import { loadScenarioFile, type LoadedScenario, type LoadScenarioOptions } from '../format/load-scenario-file';
import { formatProblem } from '../format/parse-scenario';
import { loadRouteBundleFile, loadRouteFile, type ScenarioRoute } from '../route/load-route';
import { routeCoverage, sharedProcessCoverage, type RouteCoverage } from '../route/route-coverage';
import { runScenario, type RunScenarioOptions } from './run-scenario';
import type { ScenarioResult } from './scenario-result';

/** Every scenario's result and every route's coverage. */
export interface ScenarioSuiteReport {
  readonly results: readonly ScenarioResult[];
  readonly routes: readonly RouteCoverage[];
}

export type RunSuiteOptions = LoadScenarioOptions & RunScenarioOptions;

/**
 * Loads and runs scenario files; each route is compiled once. A file that does not load, or
 * whose route does not compile, is a failed scenario (so a broken file can never pass CI).
 */
export async function runScenarioFiles(files: readonly string[], options: RunSuiteOptions = {}): Promise<ScenarioSuiteReport> {
  const results: ScenarioResult[] = [];
  const routes = new Map<string, { route: ScenarioRoute; results: ScenarioResult[] }>();
  const routeProblems = new Map<string, readonly string[]>();
  for (const file of files) {
    const loaded = loadScenarioFile(file, options);
    if (!loaded.ok) {
      results.push(broken(file, basename(file), '?', loaded.problems.map((problem) => ({ where: problem.path, ...(problem.line === undefined ? {} : { line: problem.line }), message: formatProblem(problem) }))));
      continue;
    }
    const scenario = loaded.scenario;
    const { bpmnFile, name } = scenario.route;
    if (!routes.has(bpmnFile) && !routeProblems.has(bpmnFile)) {
      const { bundleDir } = scenario.route;
      const compiled = bundleDir === undefined ? await loadRouteFile(name, bpmnFile) : await loadRouteBundleFile(bundleDir, bpmnFile);
      if (compiled.ok) routes.set(bpmnFile, { route: compiled.route, results: [] });
      else routeProblems.set(bpmnFile, compiled.problems);
    }
    const problems = routeProblems.get(bpmnFile);
    const entry = routes.get(bpmnFile);
    if (problems !== undefined || entry === undefined) {
      results.push(routeBroken(scenario, problems ?? []));
      continue;
    }
    const result = await runScenario(scenario, entry.route, options);
    entry.results.push(result);
    results.push(result);
  }
  return { results, routes: [...routes.values()].map(({ route, results: ofRoute }) => routeCoverage(route, ofRoute, sharedIds(route))).concat(sharedCoverage([...routes.values()])) };
}

/** Ids of the shared call activities a bundle route calls (covered on their own, by all routes together). */
function sharedIds(route: ScenarioRoute): Set<string> {
  return new Set((route.called ?? []).flatMap((document) => Object.keys(document.definitions.processes)));
}

function sharedCoverage(routes: readonly { route: ScenarioRoute; results: ScenarioResult[] }[]): RouteCoverage[] {
  const shared = new Map<string, { file: string; process: ExecutableProcess; results: ScenarioResult[] }>();
  for (const { route, results } of routes) {
    for (const document of route.called ?? []) {
      for (const process of Object.values(document.definitions.processes)) {
        if (!process.isExecutable) continue;
        const entry = shared.get(process.id) ?? { file: join(dirname(route.bundle?.dir ?? route.bpmnFile), document.name), process, results: [] };
        entry.results.push(...results.filter((result) => result.path.some((id) => id in process.elements)));
        shared.set(process.id, entry);
      }
    }
  }
  return [...shared.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([id, entry]) => sharedProcessCoverage(`shared/${id}`, entry.file, entry.process, entry.results));
}

function routeBroken(scenario: LoadedScenario, problems: readonly string[]): ScenarioResult {
  const located = scenario.locate(['route'], 'the route does not compile');
  const failures = problems.map((problem) => ({ where: 'route', ...(located.line === undefined ? {} : { line: located.line }), message: `the route does not compile: ${problem}` }));
  return broken(scenario.file, scenario.definition.name, scenario.route.name, failures);
}

function broken(file: string, name: string, route: string, failures: ScenarioResult['failures']): ScenarioResult {
  return { file, name, route, tenant: '', passed: false, path: [], visits: {}, flowsTaken: [], produced: {}, failures, notes: [] };
}
