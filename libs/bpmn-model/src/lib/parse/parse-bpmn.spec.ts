import { stringProp } from './moddle-element';
import files from './fixtures/files.fixtures';
import { parseBpmn } from './parse-bpmn';
import type { ParsedBpmn } from './parsed-bpmn';

const fixture = (name: string): Uint8Array => files[name];

async function parsed(input: string | Uint8Array): Promise<ParsedBpmn> {
  const result = await parseBpmn(input);
  if (!result.ok) throw new Error(`expected the fixture to parse: ${JSON.stringify(result.problems)}`);
  return result.value;
}

function nameOf(model: ParsedBpmn, id: string): string | undefined {
  const element = model.elementsById.get(id);
  return element === undefined ? undefined : stringProp(element, 'name');
}

describe('parseBpmn', () => {
  describe('encodings', () => {
    it.each([
      ['pruefung-windows-1252.bpmn'],
      ['pruefung-iso-8859-1.bpmn'],
      ['pruefung-utf-16le-bom.bpmn'],
      ['pruefung-utf-8-bom.bpmn'],
    ])('keeps umlauts of %s', async (file) => {
      // given real bytes in the encoding the XML declaration (or byte-order mark) names
      // when they are parsed
      const model = await parsed(fixture(file));

      // then "Prüfung" and friends survive
      expect(nameOf(model, 'Antrag')).toBe('Prüfung des Antrags');
      expect(nameOf(model, 'Pruefung')).toBe('Prüfung durch Sachbearbeiterin (Größe, Maß, Straße)');
    });

    it('reads the Windows-1252 characters that ISO-8859-1 lacks', async () => {
      // given a WINDOWS-1252 document with a euro sign and German quotation marks
      const model = await parsed(fixture('pruefung-windows-1252.bpmn'));

      // then they are decoded, not replaced
      expect(nameOf(model, 'Ende')).toBe('Gebühr 25 € „Eilt“');
    });

    it('reads Windows-1252 bytes in a document that claims UTF-8, with a warning', async () => {
      // given a document declared UTF-8 whose bytes are Windows-1252 (a common export mistake)
      const result = await parseBpmn(fixture('pruefung-latin1-declared-utf-8.bpmn'));

      // then it is read as Windows-1252 and the mismatch is reported
      expect(result.ok && nameOf(result.value, 'Antrag')).toBe('Prüfung des Antrags');
      expect(result.ok && result.warnings.map((warning) => warning.rule)).toEqual(['xml-encoding-mismatch']);
    });

    it('refuses an encoding it cannot decode', async () => {
      const result = await parseBpmn(fixture('unsupported-encoding.bpmn'));

      expect(result.ok ? [] : result.problems.map((problem) => problem.rule)).toEqual(['xml-encoding-unsupported']);
    });

    it('reads string input as is', async () => {
      // given the text of a document (already decoded)
      const text = new TextDecoder('windows-1252').decode(fixture('pruefung-windows-1252.bpmn'));

      // then the declared encoding is not applied twice
      expect(nameOf(await parsed(text), 'Antrag')).toBe('Prüfung des Antrags');
    });
  });

  describe('safety', () => {
    it('refuses a DOCTYPE with an external entity (XXE)', async () => {
      // given a document that declares an entity reading /etc/passwd
      const result = await parseBpmn(fixture('xxe-doctype.bpmn'));

      // then nothing is parsed and the reason is named
      expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ rule: 'xml-doctype-forbidden', severity: 'error' })] });
    });

    it('refuses documents above the size limit, counting UTF-8 bytes of strings', async () => {
      // given a 60-character string of two-byte characters (120 UTF-8 bytes)
      const text = 'ü'.repeat(60);

      // when the limit is 100 bytes
      const result = await parseBpmn(text, { maxBytes: 100 });

      // then the size is refused before parsing
      expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ rule: 'xml-too-large' })] });
    });

    it('refuses byte input above the limit', async () => {
      const bytes = fixture('pruefung-utf-8-bom.bpmn');

      expect((await parseBpmn(bytes, { maxBytes: bytes.byteLength - 1 })).ok).toBe(false);
      expect((await parseBpmn(bytes, { maxBytes: bytes.byteLength })).ok).toBe(true);
    });
  });

  describe('documents that are not BPMN', () => {
    it('names the line of malformed XML', async () => {
      const result = await parseBpmn(fixture('not-well-formed.bpmn'));

      expect(result.ok ? [] : result.problems).toEqual([expect.objectContaining({ rule: 'xml-not-well-formed', message: expect.stringContaining('line 5') })]);
    });

    it('refuses XML of another vocabulary', async () => {
      const result = await parseBpmn(fixture('not-bpmn.xml'));

      expect(result.ok ? [] : result.problems.map((problem) => problem.rule)).toEqual(['xml-not-bpmn']);
    });

    it('refuses text that is not XML at all', async () => {
      const result = await parseBpmn('Antrag auf Erteilung einer Meldebescheinigung');

      expect(result.ok ? [] : result.problems.map((problem) => problem.rule)).toEqual(['xml-not-well-formed']);
    });
  });
});
