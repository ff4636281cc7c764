import type { RouteCoverage, ScenarioFailure, ScenarioSuiteReport } from '@laufweg/scenarios';

/** The summary `--json` prints as its last line. */
export interface ScenarioSummary {
  readonly scenarios: number;
  readonly passed: number;
  readonly failed: number;
  readonly routes: Record<string, { readonly nodeCoverage: number; readonly flowCoverage: number }>;
}

export function summarize(report: ScenarioSuiteReport): ScenarioSummary {
  const routes: Record<string, { nodeCoverage: number; flowCoverage: number }> = {};
  for (const route of report.routes) routes[routeKey(route, routes)] = { nodeCoverage: route.nodes.percent, flowCoverage: route.flows.percent };
  const passed = report.results.filter((result) => result.passed).length;
  return { scenarios: report.results.length, passed, failed: report.results.length - passed, routes };
}

/** The human-readable report: each scenario with its failures and path diffs, then each route's coverage. */
export function formatReport(report: ScenarioSuiteReport, relative: (file: string) => string): string {
  const lines: string[] = ['Scenarios'];
  for (const result of report.results) {
    lines.push(`  ${result.passed ? 'PASS' : 'FAIL'}  ${relative(result.file)}  ${result.name}`);
    for (const failure of result.failures) lines.push(...indent(describeFailure(failure), 8));
    if (!result.passed) for (const note of result.notes) lines.push(`        note: ${note}`);
  }
  lines.push('', 'Coverage (flow nodes entered, sequence flows taken)');
  const width = Math.max(0, ...report.routes.map((route) => route.route.length));
  for (const route of report.routes) {
    lines.push(`  ${route.route.padEnd(width)}  nodes ${percent(route.nodes)}  flows ${percent(route.flows)}  ${route.scenarios} scenario(s)`);
    if (route.nodes.missing.length > 0) lines.push(`  ${''.padEnd(width)}  nodes never entered: ${route.nodes.missing.join(', ')}`);
    if (route.flows.missing.length > 0) lines.push(`  ${''.padEnd(width)}  flows never taken: ${route.flows.missing.join(', ')}`);
  }
  const summary = summarize(report);
  lines.push('', `${summary.scenarios} scenario(s): ${summary.passed} passed, ${summary.failed} failed`);
  return `${lines.join('\n')}\n`;
}

export function describeFailure(failure: ScenarioFailure): string {
  const where = `${failure.where || '(scenario)'}${failure.line === undefined ? '' : ` (line ${failure.line})`}`;
  return failure.diff === undefined ? `${where}: ${failure.message}` : `${where}: ${failure.message}\n${failure.diff}`;
}

function percent(figure: RouteCoverage['nodes']): string {
  return `${figure.percent.toFixed(1).padStart(5)} % (${figure.covered}/${figure.total})`;
}

function indent(text: string, spaces: number): string[] {
  return text.split('\n').map((line) => `${' '.repeat(spaces)}${line}`);
}

function routeKey(route: RouteCoverage, taken: Record<string, unknown>): string {
  return route.route in taken ? route.bpmnFile : route.route;
}
