import type { ExecutableProcess } from '@laufweg/bpmn-model';
import { chooseProcess, reachableProcesses } from '../run/check-references';
import type { ScenarioResult } from '../run/scenario-result';
import type { ScenarioRoute } from './load-route';

/** How much of a route's graph its scenarios took. */
export interface CoverageFigure {
  readonly total: number;
  readonly covered: number;
  /** Percent, rounded down to one decimal (99.96 stays 99.9: only full coverage shows 100). */
  readonly percent: number;
  /** Ids never taken, in model order. */
  readonly missing: readonly string[];
}

export interface RouteCoverage {
  readonly route: string;
  readonly bpmnFile: string;
  readonly scenarios: number;
  readonly processes: readonly string[];
  readonly nodes: CoverageFigure;
  readonly flows: CoverageFigure;
}

/**
 * Flow nodes entered and sequence flows taken by all scenarios of a route, counted over the
 * compiled model of the processes they start and the processes those call (executable ones
 * only). Scenarios that failed count too: what they took was taken.
 */
export function routeCoverage(route: ScenarioRoute, results: readonly ScenarioResult[], exclude: ReadonlySet<string> = new Set()): RouteCoverage {
  const processes = new Map<string, ExecutableProcess>();
  for (const result of results) {
    const chosen = chooseProcess(route.definitions, result.process);
    if (!chosen.ok) continue;
    for (const process of reachableProcesses(route.definitions, chosen.processId)) if (!exclude.has(process.id)) processes.set(process.id, process);
  }
  return coverageOf(route.name, route.bpmnFile, [...processes.values()], results);
}

/**
 * Coverage of one shared call activity over every scenario of every route that calls it: a
 * shared process is one model, so it is covered once, by all routes together.
 */
export function sharedProcessCoverage(name: string, bpmnFile: string, process: ExecutableProcess, results: readonly ScenarioResult[]): RouteCoverage {
  return coverageOf(name, bpmnFile, [process], results);
}

function coverageOf(name: string, bpmnFile: string, processes: readonly ExecutableProcess[], results: readonly ScenarioResult[]): RouteCoverage {
  const nodeIds = processes.flatMap((process) => Object.values(process.elements).filter((element) => element.type !== 'process').map((element) => element.id));
  const flowIds = processes.flatMap((process) => Object.keys(process.flows));
  const entered = new Set(results.flatMap((result) => result.path));
  const taken = new Set(results.flatMap((result) => result.flowsTaken));
  return {
    route: name,
    bpmnFile,
    scenarios: results.length,
    processes: processes.map((process) => process.id),
    nodes: figure(nodeIds, entered),
    flows: figure(flowIds, taken),
  };
}

function figure(ids: readonly string[], covered: ReadonlySet<string>): CoverageFigure {
  const missing = ids.filter((id) => !covered.has(id));
  const hit = ids.length - missing.length;
  return { total: ids.length, covered: hit, percent: ids.length === 0 ? 100 : Math.floor((1000 * hit) / ids.length) / 10, missing };
}
