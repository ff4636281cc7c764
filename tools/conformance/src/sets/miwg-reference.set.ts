import { join } from 'node:path';
import { parseBpmn, toXml } from '@laufweg/bpmn-model';
import { canonicalDocument, firstDifference } from '../canonical-moddle-tree';
import type { ConformanceSet } from '../conformance-set';
import { bpmnFilesUnder, readBytes, shortPath } from '../corpus-files';
import { describeProblem } from '../model-check';

/** The 21 MIWG reference models: each parses without errors and survives parse -> toXml -> parse unchanged. */
export const miwgReferenceSet: ConformanceSet = {
  name: 'miwg-reference',
  title: 'MIWG reference models (parse, deep round-trip)',
  async run({ root }) {
    const files = bpmnFilesUnder(join(root, 'miwg', 'reference'));
    const failures: string[] = [];
    let parsed = 0;
    let roundTripped = 0;
    let withWarnings = 0;
    for (const file of files) {
      const name = shortPath(root, file);
      const first = await parseBpmn(readBytes(file));
      if (!first.ok) {
        failures.push(`${name}: ${first.problems.map(describeProblem).join('; ')}`);
        continue;
      }
      parsed++;
      if (first.warnings.length > 0) withWarnings++;
      const second = await parseBpmn(await toXml(first.value));
      if (!second.ok) {
        failures.push(`${name}: re-parse failed: ${second.problems.map(describeProblem).join('; ')}`);
        continue;
      }
      const difference = firstDifference(canonicalDocument(first.value.definitions), canonicalDocument(second.value.definitions));
      if (difference === undefined) roundTripped++;
      else failures.push(`${name}: round-trip differs at ${difference}`);
    }
    return {
      rows: [
        { label: 'parsed without errors', passed: parsed, total: files.length, note: `${withWarnings} with warnings` },
        { label: 'deep round-trip identical', passed: roundTripped, total: files.length },
      ],
      fields: { miwgReferenceParsed: parsed, miwgReferenceRoundTrip: roundTripped, miwgReferenceTotal: files.length },
      failures,
    };
  },
};
