import type { ScenarioResult } from '@laufweg/scenarios';
import { describeFailure } from './print-report';

/** JUnit XML for CI: one test suite per route, one test case per scenario. */
export function junitReport(results: readonly ScenarioResult[], relative: (file: string) => string): string {
  const byRoute = new Map<string, ScenarioResult[]>();
  for (const result of results) byRoute.set(result.route, [...(byRoute.get(result.route) ?? []), result]);
  const failed = results.filter((result) => !result.passed).length;
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="scenarios" tests="${results.length}" failures="${failed}">`];
  for (const [route, ofRoute] of byRoute) {
    lines.push(`  <testsuite name="${xml(route)}" tests="${ofRoute.length}" failures="${ofRoute.filter((result) => !result.passed).length}">`);
    for (const result of ofRoute) {
      const head = `    <testcase classname="scenarios.${xml(route)}" name="${xml(result.name)}" file="${xml(relative(result.file))}"`;
      if (result.passed) {
        lines.push(`${head} />`);
        continue;
      }
      const text = [...result.failures.map(describeFailure), ...result.notes].join('\n\n');
      lines.push(`${head}>`, `      <failure message="${xml(result.failures[0]?.message ?? 'failed')}">${xml(text)}</failure>`, '    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
