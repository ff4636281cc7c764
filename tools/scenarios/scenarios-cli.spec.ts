import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const CLI = join(__dirname, 'run.js');
const BROKEN = join(ROOT, 'libs', 'scenarios', 'src', 'lib', 'fixtures', 'broken-path.yaml');

function whenRun(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run scenarios', () => {
  it('given the default run with --json, then every scenario passes, the example routes are fully covered, and the last line is the summary', () => {
    const { status, stdout } = whenRun('--json');
    const summary = JSON.parse(stdout.trimEnd().split('\n').at(-1) ?? '') as { scenarios: number; passed: number; routes: Record<string, unknown> };
    expect(Object.keys(summary)).toEqual(['scenarios', 'passed', 'failed', 'routes']);
    expect(summary).toMatchObject({ failed: 0, passed: summary.scenarios });
    expect(summary.scenarios).toBeGreaterThanOrEqual(8);
    expect(summary.routes).toMatchObject({
      events: { nodeCoverage: 100, flowCoverage: 100 },
      'order-basics': { nodeCoverage: 100, flowCoverage: 100 },
      'working-day-deadline': { nodeCoverage: 100, flowCoverage: 100 },
    });
    expect(stdout).toContain('  PASS  libs/scenarios/examples/order-auto-fee.yaml');
    expect(status).toBe(0);
  });

  it('given the broken scenario, then it exits 1, prints the diff naming the first diverging element and the ids never taken, and writes JUnit', () => {
    const junit = join(mkdtempSync(join(tmpdir(), 'laufweg-scenarios-')), 'scenarios.xml');
    const { status, stdout } = whenRun(BROKEN, '--json', '--junit', junit);
    expect(status).toBe(1);
    expect(stdout).toContain("expect.path (line 12): path differs at element 4: expected 'fee', but the instance entered 'review' after 'decide'");
    expect(stdout).toContain('        -    4  fee\n');
    expect(stdout).toContain('        +    4  review\n');
    expect(stdout).toContain('flows never taken: toAuto, f3, f4, f5, f6');
    expect(JSON.parse(stdout.trimEnd().split('\n').at(-1) ?? '')).toEqual({ scenarios: 1, passed: 0, failed: 1, routes: { 'order-basics': { nodeCoverage: 50, flowCoverage: 37.5 } } });
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toContain('<testsuite name="order-basics" tests="1" failures="1">');
    expect(xml).toContain(`<failure message="path differs at element 4: expected 'fee', but the instance entered 'review' after 'decide'">`);
  });

  it('given a route name, then only that route runs; given an unknown option, then it exits 2', () => {
    const { status, stdout } = whenRun('working-day-deadline', '--json');
    expect(status).toBe(0);
    expect(JSON.parse(stdout.trimEnd().split('\n').at(-1) ?? '')).toMatchObject({ scenarios: 2, routes: { 'working-day-deadline': { flowCoverage: 100 } } });
    expect(whenRun('--jsn').status).toBe(2);
  });
});
