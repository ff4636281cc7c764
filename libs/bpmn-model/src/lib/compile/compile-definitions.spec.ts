import { parseBpmn } from '../parse';
import { compileDefinitions } from './compile-definitions';
import files from './fixtures/files.fixtures';

const sample = new TextDecoder().decode(files['compile-sample.bpmn']);

async function compile(xml: string) {
  const parsed = await parseBpmn(xml);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return compileDefinitions(parsed.value.definitions);
}

const wrap = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="t">
<bpmn:process id="p" isExecutable="true">${body}</bpmn:process></bpmn:definitions>`;

describe('compileDefinitions', () => {
  it('given a Camunda 8 model, when compiled, then the graph carries flows, zeebe extensions and parsed FEEL', async () => {
    const result = await compile(sample);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const process = result.value.processes['p']!;
    expect(process.scope.startEventIds).toEqual(['s']);
    expect(process.scope.eventSubProcessIds).toEqual(['esp']);
    expect(process.elements['gw']).toMatchObject({ type: 'exclusiveGateway', incoming: ['f1'], outgoing: ['f2', 'f3'], defaultFlowId: 'f3' });
    expect(process.flows['f2']?.condition).toEqual({ kind: 'feel', source: 'amount > 10' });
    expect(process.elements['work']).toMatchObject({
      type: 'serviceTask',
      boundaryEventIds: ['err'],
      job: { type: { kind: 'feel', source: '"fees." + kind' }, retries: { kind: 'static', value: '5' }, headers: { k: 'v' } },
      inputs: [{ source: { kind: 'feel', source: 'amount' }, target: 'a.b' }],
      outputs: [{ source: { kind: 'feel', source: 'r' }, target: 'result' }],
      properties: { owner: 'team-1' },
      loop: { kind: 'multiInstance', isSequential: true, inputElement: 'item', outputCollection: 'out' },
    });
    expect(process.elements['err']).toMatchObject({ attachedToId: 'work', interrupting: true, eventDefinition: { kind: 'error', errorCode: { kind: 'static', value: 'E1' } } });
    expect(process.elements['call']?.calledElement).toEqual({ processId: { kind: 'static', value: 'child' }, propagateAllChildVariables: false, propagateAllParentVariables: true });
    expect(process.elements['espStart']).toMatchObject({ interrupting: false, eventDefinition: { kind: 'message', correlationKey: { kind: 'feel', source: 'caseId' } } });
    expect(Object.isFrozen(process.elements['work'])).toBe(true);
  });

  it('given a FEEL syntax error in a condition, when compiled, then the problem names the sequence flow', async () => {
    const result = await compile(wrap(`<bpmn:startEvent id="s" /><bpmn:sequenceFlow id="bad" sourceRef="s" targetRef="e"><bpmn:conditionExpression>=amount &gt;</bpmn:conditionExpression></bpmn:sequenceFlow><bpmn:endEvent id="e" />`));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([expect.objectContaining({ severity: 'error', rule: 'feel-syntax', elementId: 'bad' })]);
  });

  it('given a service task without job type, when compiled, then the problem names the task', async () => {
    const result = await compile(wrap(`<bpmn:serviceTask id="svc" />`));
    expect(!result.ok && result.problems).toEqual([expect.objectContaining({ rule: 'task-definition', elementId: 'svc' })]);
  });

  it('given a link throw without catching link, when compiled, then the problem names the throw event', async () => {
    const result = await compile(wrap(`<bpmn:intermediateThrowEvent id="go"><bpmn:linkEventDefinition name="nowhere" /></bpmn:intermediateThrowEvent>`));
    expect(!result.ok && result.problems).toEqual([expect.objectContaining({ rule: 'link-target', elementId: 'go' })]);
  });

  it('given a FEEL syntax error in an input mapping, when compiled, then the problem names the element and the target', async () => {
    const result = await compile(wrap(`<bpmn:task id="t"><bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=a +" target="x" /></zeebe:ioMapping></bpmn:extensionElements></bpmn:task>`));
    expect(!result.ok && result.problems[0]).toMatchObject({ elementId: 't', message: expect.stringContaining("input mapping 'x'") });
  });

  it('given a script task in JavaScript, when compiled, then it becomes a script job and is never evaluated', async () => {
    const result = await compile(wrap(`<bpmn:scriptTask id="js" scriptFormat="javascript"><bpmn:script>process.exit(1)</bpmn:script></bpmn:scriptTask>`));
    expect(result.ok && result.value.processes['p']?.elements['js']).toMatchObject({
      script: { kind: 'job', format: 'javascript', script: 'process.exit(1)' },
      job: { type: { kind: 'static', value: 'script:javascript' } },
    });
  });

  it('given a timer, a loop and an ad-hoc sub-process, when compiled, then their definitions are kept', async () => {
    const result = await compile(
      wrap(`<bpmn:intermediateCatchEvent id="t"><bpmn:timerEventDefinition><bpmn:timeCycle>R3/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
      <bpmn:task id="l"><bpmn:standardLoopCharacteristics testBefore="true" loopMaximum="4"><bpmn:loopCondition>=n &lt; 3</bpmn:loopCondition></bpmn:standardLoopCharacteristics></bpmn:task>
      <bpmn:adHocSubProcess id="a"><bpmn:task id="a1" /><bpmn:task id="a2" /><bpmn:sequenceFlow id="af" sourceRef="a1" targetRef="a2" /></bpmn:adHocSubProcess>`),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const elements = result.value.processes['p']!.elements;
    expect(elements['t']?.eventDefinition).toEqual({ kind: 'timer', timer: { type: 'cycle', value: { kind: 'static', value: 'R3/PT1H' } } });
    expect(elements['l']?.loop).toEqual({ kind: 'standardLoop', testBefore: true, loopMaximum: 4, loopCondition: { kind: 'feel', source: 'n < 3' } });
    expect(elements['a']).toMatchObject({ childIds: ['a1', 'a2'], startEventIds: ['a1'], cancelRemainingInstances: true });
  });
});
