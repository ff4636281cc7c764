import { elementProp, elementsProp, foreignAttribute, stringProp } from './moddle-element';
import files from './fixtures/files.fixtures';
import { parseBpmn } from './parse-bpmn';

const fixture = (name: string): Uint8Array => files[name];

describe('parseBpmn leniency', () => {
  it('reads a snippet with undeclared prefixes, a raw "&&" and spaces around "=" (paed01 style)', async () => {
    // given an inline test snippet as paed01's tests write them
    const result = await parseBpmn(fixture('lenient-snippet.bpmn'));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const task = result.value.elementsById.get('task');
    const flow = result.value.elementsById.get('flow2');

    // then it is accepted, each liberty is a warning (xsi is predeclared), and no attribute is lost
    expect(result.warnings.map((warning) => warning.rule).sort()).toEqual(['xml-bare-ampersand', 'xml-namespace-undeclared', 'xml-namespace-undeclared']);
    expect(task && foreignAttribute(task, 'camunda:formKey')).toBe('review');
    expect(task && foreignAttribute(task, 'js:result')).toBe('reviewed');
    const loop = task && elementProp(task, 'loopCharacteristics');
    expect(loop && foreignAttribute(loop, 'camunda:collection')).toBe('${environment.variables.list}');
    const condition = flow && elementProp(flow, 'conditionExpression');
    expect(condition?.$type).toBe('bpmn:FormalExpression');
    expect(condition && stringProp(condition, 'body')).toBe('next(null, this.environment.variables.a && this.environment.variables.b)');
    expect(result.value.definitions.get('rootElements')).toEqual([expect.objectContaining({ isExecutable: true })]);
  });

  it('reads an extension element whose prefix is undeclared (bpmn-moddle alone refuses it)', async () => {
    const result = await parseBpmn(fixture('undeclared-element-prefix.bpmn'));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const start = result.value.elementsById.get('start');
    const extensions = start === undefined ? [] : elementsProp(elementProp(start, 'extensionElements') ?? start, 'values');

    expect(extensions.map((extension) => extension.$type)).toEqual(['camunda:properties']);
    expect(result.warnings).toEqual([expect.objectContaining({ rule: 'xml-namespace-undeclared', message: expect.stringContaining('http://camunda.org/schema/1.0/bpmn') })]);
  });

  it('keeps elements whose ids bpmn-moddle would drop: padded, non-ASCII and not-XML-name ids', async () => {
    // given ids "Eingang " (trailing space), "Prüfung" (valid XML, refused by moddle) and "6729bd01-f475" (digit first)
    const result = await parseBpmn(fixture('unusual-ids.bpmn'));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const flow = result.value.elementsById.get('Flow_2');

    // then every element is there under its (collapsed) id, references resolve, and only the invalid name warns
    expect([...result.value.elementsById.keys()]).toEqual(expect.arrayContaining(['Eingang', 'Prüfung', '6729bd01-f475']));
    expect(flow && elementProp(flow, 'sourceRef')).toBe(result.value.elementsById.get('Prüfung'));
    expect(flow && elementProp(flow, 'targetRef')).toBe(result.value.elementsById.get('6729bd01-f475'));
    expect(result.warnings).toEqual([expect.objectContaining({ rule: 'bpmn-invalid-id', elementId: '6729bd01-f475' })]);
  });

  it('resolves a reference written as a QName of the target namespace', async () => {
    const result = await parseBpmn(fixture('qualified-reference.bpmn'));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const flow = result.value.elementsById.get('Flow_1');

    expect(flow && elementProp(flow, 'targetRef')).toBe(result.value.elementsById.get('Task_1'));
    expect(result.warnings).toEqual([]);
  });

  it('reads the BPMN 2.0 beta namespace with a warning', async () => {
    const result = await parseBpmn(fixture('legacy-namespace.bpmn'));

    expect(result.ok && result.warnings.map((warning) => warning.rule)).toEqual(['bpmn-legacy-namespace']);
    expect(result.ok && result.value.elementsById.get('Start')?.$type).toBe('bpmn:StartEvent');
  });
});

describe('parseBpmn import problems', () => {
  it('refuses an unresolved reference to a flow node where the process runs', async () => {
    const result = await parseBpmn(fixture('unresolved-flow-reference.bpmn'));

    expect(result.ok ? [] : result.problems).toEqual([expect.objectContaining({ rule: 'reference-unresolved', elementId: 'Flow_1', severity: 'error' })]);
  });

  it('only warns about it in a process that documents and does not run', async () => {
    const result = await parseBpmn(fixture('unresolved-flow-reference-documentation-only.bpmn'));

    expect(result.ok && result.warnings).toEqual([expect.objectContaining({ rule: 'reference-unresolved', elementId: 'Flow_1', severity: 'warning' })]);
  });

  it('refuses a duplicate id, naming it', async () => {
    const result = await parseBpmn(fixture('duplicate-id.bpmn'));

    expect(result.ok ? [] : result.problems).toEqual([expect.objectContaining({ rule: 'duplicate-id', elementId: 'Start', message: expect.stringContaining('line 5') })]);
  });

  it('refuses an attribute the BPMN schema does not define (a typo would silently change meaning)', async () => {
    const result = await parseBpmn(fixture('unknown-attribute.bpmn'));

    expect(result.ok ? [] : result.problems).toEqual([
      expect.objectContaining({ rule: 'bpmn-unknown-attribute', elementId: 'Process_1', message: expect.stringContaining('isExecutible') }),
    ]);
  });

  it('only warns about it when asked to be lenient with schema violations', async () => {
    const result = await parseBpmn(fixture('unknown-attribute.bpmn'), { schemaViolations: 'warning' });

    expect(result.ok && result.warnings.map((warning) => [warning.rule, warning.severity])).toEqual([['bpmn-unknown-attribute', 'warning']]);
  });
});
