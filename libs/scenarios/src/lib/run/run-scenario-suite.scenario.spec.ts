import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { givenRoute, givenScenario, SCENARIO_FIXTURES } from '../testing/given-scenario';
import { runScenario } from './run-scenario';
import { runScenarioFiles } from './run-scenario-suite';

const EXAMPLES = join(__dirname, '..', '..', '..', 'examples');
const PROCESSES = join(__dirname, '..', '..', '..', '..', '..', 'processes');
const DOCS = join(__dirname, '..', '..', '..', '..', '..', 'docs', 'scenarios.md');

describe('running scenario files', () => {
  it('given the deliberately broken scenario, when it runs, then it fails with a diff that names the first diverging element', async () => {
    const { results } = await runScenarioFiles([join(SCENARIO_FIXTURES, 'broken-path.yaml')]);
    const [result] = results;
    expect(result?.passed).toBe(false);
    expect(result?.failures[0]).toEqual({
      where: 'expect.path',
      line: 12,
      message: "path differs at element 4: expected 'fee', but the instance entered 'review' after 'decide'",
      diff: ['     1  start', '     2  check', '     3  decide', '-    4  fee', '-    5  join', '-    6  archive', '-    7  end', '+    4  review'].join('\n'),
    });
    expect(result?.path).toEqual(['start', 'check', 'decide', 'review']);
    expect(result?.visits).toEqual({ start: 1, check: 1, decide: 1, review: 1 });
  });

  it('given the example scenarios, when they run, then all pass', async () => {
    const files = readdirSync(EXAMPLES).filter((name) => name.endsWith('.yaml')).map((name) => join(EXAMPLES, name));
    const { results } = await runScenarioFiles(files);
    expect(results.filter((result) => !result.passed).map((result) => [result.file, result.failures])).toEqual([]);
    expect(results).toHaveLength(files.length);
  });

  it('given the Standesamt example of docs/scenarios.md, when it runs on the Geburtsurkunde fixture, then it passes with one document and one notification', async () => {
    const [block] = [...readFileSync(DOCS, 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
    const bpmn = join(SCENARIO_FIXTURES, 'geburtsurkunde.bpmn');
    const result = await runScenario(givenScenario(block ?? '', bpmn), await givenRoute(bpmn));
    expect(result.failures).toEqual([]);
    expect(result.produced).toEqual({ 'civil-register.lookup': 1, 'payment.request': 1, 'document.render': 1, 'portal.notify': 1 });
  });

  it('given a file that does not load and one whose route is missing, when run, then each is a failed scenario naming file and line', async () => {
    const { results, routes } = await runScenarioFiles([join(SCENARIO_FIXTURES, 'invalid-step.yaml'), join(SCENARIO_FIXTURES, 'missing-route.yaml')], { processesDir: PROCESSES });
    expect(results.map((result) => [result.passed, result.failures.map((failure) => failure.message)])).toEqual([
      [false, [expect.stringMatching(/invalid-step\.yaml:6:5 steps\[1\]\.expectUsertask: unknown key 'expectUsertask'/)]],
      [false, [expect.stringMatching(/missing-route\.yaml:2:8 route: route 'nowhere' not found: .*processes\/nowhere\/nowhere\.bpmn does not exist$/)]],
    ]);
    expect(routes).toEqual([]);
  });
});
