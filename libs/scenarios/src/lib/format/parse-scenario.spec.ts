import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { formatProblem, parseScenario, SCENARIO_SCHEMA } from './parse-scenario';

const EXAMPLES = join(__dirname, '..', '..', '..', 'examples');
const DOCS = join(__dirname, '..', '..', '..', '..', '..', 'docs', 'scenarios.md');

function problemsOf(yaml: string): string[] {
  const parsed = parseScenario(yaml, 'scenario.yaml');
  if (parsed.ok) throw new Error('expected problems');
  return parsed.problems.map(formatProblem);
}

describe('scenario format: schema validation', () => {
  it('given the published schema, then it is a valid draft 2020-12 schema', () => {
    const ajv = new Ajv2020({ strict: false });
    expect(ajv.validateSchema(SCENARIO_SCHEMA)).toBe(true);
    expect(SCENARIO_SCHEMA['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('given a minimal scenario, when parsed, then it is accepted as written', () => {
    const parsed = parseScenario('name: Kurz\nroute: geburtsurkunde\n', 'kurz.yaml');
    expect(parsed).toMatchObject({ ok: true, definition: { name: 'Kurz', route: 'geburtsurkunde' } });
  });

  it('given a misspelt step key, when parsed, then the problem names file, line, YAML path and the allowed keys', () => {
    const yaml = ['name: x', 'route: r', 'steps:', '  - wait: PT1H', '  - completeUsertask: { element: review }', ''].join('\n');
    expect(problemsOf(yaml)).toEqual([expect.stringMatching(/^scenario\.yaml:5:5 steps\[1\]\.completeUsertask: unknown key 'completeUsertask' \(allowed: expectUserTask, completeUserTask, message, /)]);
  });

  it('given a step without its element, when parsed, then the missing key is named at the step', () => {
    const yaml = ['name: x', 'route: r', 'steps:', '  - completeUserTask:', '      user: carla', ''].join('\n');
    expect(problemsOf(yaml)).toEqual(["scenario.yaml:5:7 steps[0].completeUserTask: 'element' is missing"]);
  });

  it('given a step with two kinds, when parsed, then it says to give exactly one', () => {
    const yaml = ['name: x', 'route: r', 'steps:', '  - wait: PT1H', '    signal: { name: go }', ''].join('\n');
    expect(problemsOf(yaml)).toEqual([expect.stringContaining('steps[0]: has wait and signal; give exactly one of: expectUserTask')]);
  });

  it('given a wait that is neither a duration nor working days, when parsed, then the value is quoted and the forms are named', () => {
    const yaml = ['name: x', 'route: r', 'steps:', '  - wait: 10 days', ''].join('\n');
    expect(problemsOf(yaml)).toEqual(["scenario.yaml:4:11 steps[0].wait: '10 days' is neither an ISO 8601 duration (P1D, PT2H, P1M) nor 'N working days'"]);
  });

  it('given wrong types and a bad answer, when parsed, then every problem is listed with its path', () => {
    const yaml = ['name: x', 'route: r', 'land: XX', 'connectors:', '  payment.request:', '    - failure: { retries: -1 }', '    - {}', 'expect:', '  documents: { document.render: two }', ''].join('\n');
    expect(problemsOf(yaml)).toEqual([
      expect.stringMatching(/^scenario\.yaml:3:7 land: must be one of: BW, BY/),
      'scenario.yaml:6:27 connectors.payment.request[0].failure.retries: must be >= 0',
      'scenario.yaml:7:7 connectors.payment.request[1]: is empty; give one of: variables, error, failure, outage, pending',
      "scenario.yaml:9:33 expect.documents.document.render: must be integer",
    ]);
  });

  it('given a start time without offset, when parsed, then it is refused', () => {
    expect(problemsOf('name: x\nroute: r\nstartTime: 2026-03-02 09:00\n')).toEqual([
      "scenario.yaml:3:12 startTime: '2026-03-02 09:00' is not an ISO 8601 date-time with offset (2026-03-02T09:00:00+01:00)",
    ]);
  });

  it('given both application and applicationFile, when parsed, then it asks for one of them', () => {
    expect(problemsOf('name: x\nroute: r\napplication: {}\napplicationFile: a.json\n')).toEqual(['scenario.yaml:4:18 applicationFile: give either application or applicationFile, not both']);
  });

  it('given broken YAML, when parsed, then the syntax error has its line', () => {
    expect(problemsOf('name: x\nroute: [r\n')).toEqual([expect.stringMatching(/^scenario\.yaml:\d+:\d+ YAML syntax: /)]);
  });

  it('given the example scenarios and the documentation, then every YAML in them is valid', () => {
    const examples = readdirSync(EXAMPLES).filter((name) => name.endsWith('.yaml'));
    expect(examples.length).toBeGreaterThanOrEqual(6);
    for (const name of examples) expect(parseScenario(readFileSync(join(EXAMPLES, name), 'utf8'), name)).toMatchObject({ ok: true });
    const blocks = [...readFileSync(DOCS, 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
    expect(blocks.length).toBeGreaterThanOrEqual(1);
    for (const block of blocks) expect(parseScenario(block, 'docs/scenarios.md')).toMatchObject({ ok: true });
  });
});
