import { loadDmnModel } from './load-dmn-model';
import { evaluateDecision } from './evaluate-decision';

const document = (id: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="https://laufweg.example/dmn">
  <decision id="${id}" name="Gebühr"><literalExpression id="expr"><text>anzahl * 7</text></literalExpression></decision>
</definitions>`;

describe('parseDmn', () => {
  it('given bytes in UTF-8, when loaded, then the decision compiles as from a string', async () => {
    const loaded = await loadDmnModel(new TextEncoder().encode(document('gebuehr')));
    expect(loaded).toMatchObject({ ok: true, value: { decisions: { gebuehr: { kind: 'literalExpression', resultName: 'gebuehr' } } } });
  });

  it('given a decision id with an umlaut (a valid XML name moddle would drop), when loaded, then it is kept', async () => {
    const loaded = await loadDmnModel(document('gebührUrkunde'));
    if (!loaded.ok) throw new Error('must load');
    expect(evaluateDecision(loaded.value, 'gebührUrkunde', { anzahl: 2 }, { now: 0 })).toMatchObject({ ok: true, value: 14 });
  });

  it('given a document larger than the limit, when loaded, then it is refused before parsing', async () => {
    expect(await loadDmnModel(document('gebuehr'), { maxBytes: 100 })).toMatchObject({ ok: false, problems: [{ rule: 'xml-too-large' }] });
  });
});
