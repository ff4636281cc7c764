import { parseBpmn, type ParsedBpmn } from '@laufweg/bpmn-model';
import { canonicalDocument, firstDifference } from './canonical-moddle-tree';

const model = (task: string, namespaces = ''): string => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:v="http://vendor.example"${namespaces} id="D" targetNamespace="http://t">
  <bpmn:process id="P" isExecutable="false">${task}</bpmn:process>
</bpmn:definitions>`;

async function parse(xml: string): Promise<ParsedBpmn> {
  const result = await parseBpmn(xml);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

async function difference(left: string, right: string): Promise<string | undefined> {
  return firstDifference(canonicalDocument((await parse(left)).definitions), canonicalDocument((await parse(right)).definitions));
}

describe('canonical moddle tree', () => {
  it('treats an explicit default and namespace declarations as the same content', async () => {
    expect(await difference(model('<bpmn:task id="T" completionQuantity="1" />'), model('<bpmn:task id="T" />', ' xmlns:unused="http://unused"'))).toBeUndefined();
  });

  it('sees an extension attribute that lost its prefix', async () => {
    const left = model('<bpmn:task id="T"><bpmn:extensionElements><v:x v:a="1" /></bpmn:extensionElements></bpmn:task>');
    const right = model('<bpmn:task id="T"><bpmn:extensionElements><v:x a="1" /></bpmn:extensionElements></bpmn:task>');

    expect(await difference(left, right)).toContain('@v:a');
  });

  it('sees a changed reference', async () => {
    const flows = (target: string): string =>
      `<bpmn:startEvent id="S" /><bpmn:task id="A" /><bpmn:task id="B" /><bpmn:sequenceFlow id="F" sourceRef="S" targetRef="${target}" />`;

    expect(await difference(model(flows('A')), model(flows('B')))).toContain('#ref:A');
  });
});
