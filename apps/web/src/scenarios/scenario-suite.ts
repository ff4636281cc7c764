import type { AppContext } from '../core/app-context';
import { ApiProblem, explainProblem } from '../core/api-problem';
import type { RouteSummary, ScenarioRunResult } from '../core/api-types';
import type { SuiteEntry } from './scenario-views';

/** What a scenario runs against: the draft of this browser (its XML) or the deployed version of a process. */
export type RunTarget = { readonly kind: 'draft'; readonly bpmnXml: string } | { readonly kind: 'deployed'; readonly processId: string };

/**
 * The body of POST /api/v1/scenario-runs. A file of a route is sent with its name, so defaults
 * derived from it (`sub-<file>`, `case-<file>`) are those of `npm run scenarios`.
 */
export function runRequest(context: AppContext, target: RunTarget, scenario: string, scenarioFile?: string): Record<string, string> {
  return {
    tenantId: context.tenantId,
    scenario,
    ...(scenarioFile ? { scenarioFile: scenarioFile.replace(/^.*\//, '') } : {}),
    ...(target.kind === 'draft' ? { bpmnXml: target.bpmnXml } : { processId: target.processId }),
  };
}

/** A scenario file of a route as written (YAML). */
export function fetchScenario(context: AppContext, route: RouteSummary, file: string): Promise<string> {
  return context.api.getText(context.tenantPath(`/routes/${encodeURIComponent(route.id)}/scenarios/${encodeURIComponent(file)}`));
}

/** The scenario's `name:` line, for lists. */
export function scenarioName(yaml: string): string {
  return /^name:\s*(.+)$/m.exec(yaml)?.[1]?.trim().replace(/^(["'])(.*)\1$/, '$2') ?? '';
}

/**
 * Runs every scenario of a route against the target, one after the other (each run is a sandbox
 * on the engine's database; in parallel they would only compete for it), reporting progress
 * before each run. A scenario the API refuses (invalid YAML, route does not compile) is a failed
 * entry with the reason; a network failure ends the suite.
 */
export async function runSuite(context: AppContext, route: RouteSummary, target: RunTarget, progress: (done: number, total: number, file: string) => void): Promise<SuiteEntry[]> {
  const entries: SuiteEntry[] = [];
  for (const [index, file] of route.scenarios.entries()) {
    progress(index, route.scenarios.length, file);
    const yaml = await fetchScenario(context, route, file);
    try {
      const result = await context.api.post<ScenarioRunResult>('/api/v1/scenario-runs', runRequest(context, target, yaml, file));
      entries.push({ file, name: scenarioName(yaml), result });
    } catch (error) {
      if (!(error instanceof ApiProblem) || error.status === 0 || error.status === 401) throw error;
      const details = (error.problem.errors ?? []).map((entry) => entry.message).join('; ');
      entries.push({ file, name: scenarioName(yaml), error: `${explainProblem(error)}${details ? ` (${details})` : ''}` });
    }
  }
  return entries;
}
