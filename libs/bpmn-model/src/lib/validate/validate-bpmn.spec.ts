import files from './rules/fixtures/files.fixtures';
import { parseBpmn } from '../parse/parse-bpmn';
import type { ParsedBpmn } from '../parse/parsed-bpmn';
import { categoryOfRule, validateBpmn } from './validate-bpmn';

const fixture = (name: string): string => new TextDecoder().decode(files[name]);

async function parse(xml: string): Promise<ParsedBpmn> {
  const result = await parseBpmn(xml);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe('validateBpmn', () => {
  it('reports a modelling mistake as an error where the process runs', async () => {
    const problems = validateBpmn(await parse(fixture('start-event-incoming.invalid.bpmn')));

    expect(problems).toContainEqual(expect.objectContaining({ rule: 'start-event-incoming', elementId: 'Start', severity: 'error' }));
  });

  it('reports the same mistake as a warning in a process that only documents', async () => {
    // given the malformed model, marked not executable
    const xml = fixture('start-event-incoming.invalid.bpmn').replace('isExecutable="true"', 'isExecutable="false"');

    // when validated
    const problems = validateBpmn(await parse(xml));

    // then the designer is told, but nothing is refused, and execution rules stay silent
    expect(problems).toContainEqual(expect.objectContaining({ rule: 'start-event-incoming', severity: 'warning' }));
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('runs only the rule categories asked for', async () => {
    const model = await parse(fixture('task-definition-missing.invalid.bpmn'));

    expect(validateBpmn(model, { categories: ['structure', 'modeling', 'execution'] }).map((problem) => problem.rule)).not.toContain('task-definition-missing');
    expect(validateBpmn(model, { categories: ['zeebe'] }).map((problem) => problem.rule)).toEqual(['task-definition-missing']);
  });

  it('finds duplicate ids in a tree built in code (parsing already refuses them)', async () => {
    // given a parsed model to which a second element with an existing id is added
    const model = await parse(fixture('duplicate-id.valid.bpmn'));
    const [process] = model.definitions.get('rootElements') as { get(name: string): unknown }[];
    const flowElements = process?.get('flowElements') as unknown[];
    flowElements.push(model.moddle.create('bpmn:UserTask', { id: 'Task_1', name: 'Copy' }));

    // when validated
    const problems = validateBpmn(model);

    // then the copy is reported
    expect(problems).toContainEqual(expect.objectContaining({ rule: 'duplicate-id', elementId: 'Task_1', message: expect.stringContaining('"Copy"') }));
  });

  it('names the category of each rule id and none for parse problems', () => {
    expect(categoryOfRule('gateway-flows')).toBe('execution');
    expect(categoryOfRule('task-definition-missing')).toBe('zeebe');
    expect(categoryOfRule('xml-not-well-formed')).toBeUndefined();
  });
});
