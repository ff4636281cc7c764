import type { CoverageFigure, ScenarioRunResult } from '../core/api-types';
import type { ProcessElements } from '../diagram/bpmn-diagram';

/** Shades of the heat map: 1 (few scenarios) to 4 (nearly all). */
export const HEAT_LEVELS = [1, 2, 3, 4] as const;
export type HeatLevel = (typeof HEAT_LEVELS)[number];

/**
 * What all scenarios of a route took together on the route's own process: per flow node the
 * scenarios that entered it and its visits, per sequence flow the scenarios that took it, and the
 * coverage. Computed here, not by the API: a run's coverage is per run, and a shared call
 * activity's elements are not in the route's diagram.
 */
export interface SuiteCoverage {
  /** Runs counted (failed ones included: what they took was taken, as `npm run scenarios` counts). */
  readonly runs: number;
  readonly nodeScenarios: ReadonlyMap<string, number>;
  readonly nodeVisits: ReadonlyMap<string, number>;
  readonly flowScenarios: ReadonlyMap<string, number>;
  readonly nodes: CoverageFigure;
  readonly flows: CoverageFigure;
}

export function suiteCoverage(model: ProcessElements, results: readonly ScenarioRunResult[]): SuiteCoverage {
  const nodeScenarios = new Map(model.flowNodes.map((id) => [id, 0]));
  const nodeVisits = new Map(model.flowNodes.map((id) => [id, 0]));
  const flowScenarios = new Map(model.sequenceFlows.map((id) => [id, 0]));
  for (const result of results) {
    for (const [id, visits] of Object.entries(result.visits)) {
      if (!nodeScenarios.has(id) || visits <= 0) continue;
      nodeScenarios.set(id, (nodeScenarios.get(id) ?? 0) + 1);
      nodeVisits.set(id, (nodeVisits.get(id) ?? 0) + visits);
    }
    for (const id of new Set(result.flowsTaken)) if (flowScenarios.has(id)) flowScenarios.set(id, (flowScenarios.get(id) ?? 0) + 1);
  }
  return { runs: results.length, nodeScenarios, nodeVisits, flowScenarios, nodes: figure(nodeScenarios), flows: figure(flowScenarios) };
}

/** Covered when at least one scenario took it; the percentage rounded down to one decimal (only full coverage shows 100), as the CLI reports it. */
function figure(counts: ReadonlyMap<string, number>): CoverageFigure {
  const missing = [...counts].filter(([, count]) => count === 0).map(([id]) => id);
  const covered = counts.size - missing.length;
  return { covered, total: counts.size, percent: counts.size === 0 ? 100 : Math.floor((1000 * covered) / counts.size) / 10, missing };
}

/** The shade of an element that `count` of `runs` scenarios took: quarters of the runs; undefined for none. */
export function heatLevel(count: number, runs: number): HeatLevel | undefined {
  if (count <= 0 || runs <= 0) return undefined;
  return Math.min(4, Math.max(1, Math.ceil((4 * count) / runs))) as HeatLevel;
}

/** The scenario counts each shade stands for with this many runs („1–2“, „3–5“ …); shades no count reaches are left out. */
export function heatLegend(runs: number): { level: HeatLevel; from: number; to: number }[] {
  const legend: { level: HeatLevel; from: number; to: number }[] = [];
  for (let count = 1; count <= runs; count += 1) {
    const level = heatLevel(count, runs) as HeatLevel;
    const last = legend[legend.length - 1];
    if (last?.level === level) last.to = count;
    else legend.push({ level, from: count, to: count });
  }
  return legend;
}

/**
 * The element of the diagram where a run left the expected path: the element a path failure
 * names as entered, or where the expected path broke off (a scenario that stopped early, e.g. at
 * a failed expectation, stops inside the element the instance was at). An element of a shared
 * call activity is not in the route's diagram: then the call activity that entered it.
 */
export function divergingElement(result: ScenarioRunResult, exists: (id: string) => boolean): string | undefined {
  for (const failure of result.failures) {
    if (!failure.where.startsWith('expect.path')) continue;
    const index = divergingIndex(failure.message, result.path);
    if (index === undefined) continue;
    for (let at = Math.min(index, result.path.length - 1); at >= 0; at -= 1) if (exists(result.path[at])) return result.path[at];
  }
  return undefined;
}

/** Index in the actual path where a path failure (libs/scenarios path-diff) says the run diverged. */
function divergingIndex(message: string, path: readonly string[]): number | undefined {
  const position = /at element (\d+)/.exec(message)?.[1];
  if (position !== undefined) return Number(position) - 1;
  if (!message.startsWith('path does not contain')) return undefined;
  const after = /after '([^']+)'/.exec(message)?.[1];
  return after === undefined ? 0 : path.indexOf(after) + 1;
}
