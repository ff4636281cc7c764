import { elementProp, elementsProp, foreignAttribute, stringProp, type ModdleElement } from '../parse/moddle-element';
import { parseBpmn } from '../parse/parse-bpmn';
import type { ParsedBpmn } from '../parse/parsed-bpmn';
import files from './fixtures/files.fixtures';
import { toXml } from './to-xml';

const source = new TextDecoder().decode(files['foreign-extensions.bpmn']);

async function parse(xml: string): Promise<ParsedBpmn> {
  const result = await parseBpmn(xml);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

function processOf(model: ParsedBpmn): ModdleElement {
  const [process] = elementsProp(model.definitions, 'rootElements');
  if (process === undefined) throw new Error('no process');
  return process;
}

function metadataOf(model: ParsedBpmn): ModdleElement {
  const values = elementsProp(elementProp(processOf(model), 'extensionElements') ?? processOf(model), 'values');
  const metadata = values.find((value) => value.$type === 'kommune:metadata');
  if (metadata === undefined) throw new Error('no kommune:metadata');
  return metadata;
}

describe('toXml', () => {
  it('keeps the prefix of attributes that share their extension element\'s namespace', async () => {
    // given a vendor element whose attributes are in its own namespace (plain bpmn-moddle drops the prefix)
    const model = await parse(source);

    // when it is written
    const xml = await toXml(model);

    // then the attributes keep their prefix; an unprefixed attribute stays unprefixed
    expect(xml).toContain('<kommune:metadata kommune:version="3" kommune:gueltigAb="2025-01-01" status="aktiv">');
    expect(xml).toContain('<kommune:rechtsgrundlage kommune:paragraph="18">Bundesmeldegesetz</kommune:rechtsgrundlage>');
    expect(xml).toContain('<fachverfahren:mapping fachverfahren:feld="wohnort" kommune:quelle="antrag.adresse" />');
  });

  it('round-trips foreign attributes, extension elements, Zeebe extensions, documentation and DI', async () => {
    // given the model read, written and read again
    const again = await parse(await toXml(await parse(source)));
    const process = processOf(again);
    const task = again.elementsById.get('Pruefung');

    // then everything is still there
    expect(foreignAttribute(again.definitions, 'kommune:schluessel')).toBe('05315000');
    expect(foreignAttribute(process, 'kommune:zustaendig')).toBe('Bürgeramt');
    expect(task && foreignAttribute(task, 'kommune:frist')).toBe('P5D');
    expect(elementsProp(process, 'documentation').map((doc) => stringProp(doc, 'text'))).toEqual(['Prüft den Antrag & stellt die Bescheinigung aus (§ 18 BMG).']);
    expect(foreignAttribute(metadataOf(again), 'kommune:version')).toBe('3');
    expect(again.elementsById.get('Flow_1_di')?.get('waypoint')).toEqual([expect.objectContaining({ x: 188, y: 120 }), expect.objectContaining({ x: 240, y: 120 })]);
    expect(again.elementsById.get('Eingang_di')?.get('label')).toEqual(expect.objectContaining({ bounds: expect.objectContaining({ width: 80 }) }));
    const gateway = again.elementsById.get('Entscheidung');
    expect(gateway && elementProp(gateway, 'default')).toBe(again.elementsById.get('Flow_4'));
    expect(task && elementProp(task, 'extensionElements')?.get('values')).toEqual([expect.objectContaining({ $type: 'zeebe:AssignmentDefinition', candidateGroups: 'buergeramt' })]);
  });

  it('is stable: writing the re-read model gives the same text', async () => {
    const once = await toXml(await parse(source));
    const twice = await toXml(await parse(once));

    expect(twice).toBe(once);
  });

  it('leaves the tree it wrote unchanged, attribute order included', async () => {
    const model = await parse(source);
    const before = Object.keys(metadataOf(model));

    await toXml(model);

    expect(Object.keys(metadataOf(model))).toEqual(before);
    expect(foreignAttribute(metadataOf(model), 'kommune:version')).toBe('3');
  });

  it('writes compact XML on request', async () => {
    const xml = await toXml(await parse(source), { format: false });

    expect(xml).toContain('<bpmn:definitions');
    expect(xml).not.toContain('\n  <bpmn:process');
    expect(xml.split('\n')).toHaveLength(2);
  });
});
