import { join, relative } from 'node:path';
import { negativeKind } from '../camunda7-negatives';
import type { ConformanceRow, ConformanceSet } from '../conformance-set';
import { bpmnFilesUnder, readBytes, shortPath } from '../corpus-files';
import { categoryOfRule } from '@laufweg/bpmn-model';
import { checkModel, describeProblem } from '../model-check';

/** The models of an engine corpus that its tests expect to deploy. */
function positives(corpusRoot: string, corpus: 'camunda7' | 'flowable'): string[] {
  return bpmnFilesUnder(join(corpusRoot, 'bpmn')).filter((file) => negativeKind(corpus, relative(corpusRoot, file)) === undefined);
}

interface Part {
  readonly label: string;
  readonly files: readonly string[];
}

/**
 * The parse corpus: MIWG tool exports, Camunda 7 and Flowable engine test models (without the
 * tests that expect a refusal, see camunda7-negatives.ts). "Accepted" = parsed, and no `structure` rule reports an error.
 * Also counted: "runnable" (no execution or camunda7 error either: what a BPMN engine of the
 * model's own dialect needs) and "Zeebe-clean" (no error at all), which Camunda and Flowable
 * models (camunda:/activiti: extensions, JUEL) are not expected to meet.
 */
export const corpusSet: ConformanceSet = {
  name: 'corpus',
  title: 'Parse corpus (MIWG exports + Camunda 7 + Flowable)',
  async run({ root }) {
    const camundaRoot = join(root, 'camunda7');
    const parts: Part[] = [
      { label: 'MIWG tool exports', files: bpmnFilesUnder(join(root, 'miwg', 'tool-exports')) },
      { label: 'Camunda 7 (positive)', files: positives(camundaRoot, 'camunda7') },
      { label: 'Flowable (positive)', files: positives(join(root, 'flowable'), 'flowable') },
    ];
    const rows: ConformanceRow[] = [];
    const failures: string[] = [];
    let accepted = 0;
    let parsedOnly = 0;
    let clean = 0;
    let runnable = 0;
    let total = 0;
    for (const part of parts) {
      let partAccepted = 0;
      let partParsed = 0;
      let partClean = 0;
      let partRunnable = 0;
      for (const file of part.files) {
        const check = await checkModel(readBytes(file));
        if (check.parsed !== undefined) partParsed++;
        if (check.errors.length === 0) {
          partAccepted++;
          if (check.otherErrors.every((problem) => categoryOfRule(problem.rule) === 'zeebe')) partRunnable++;
          if (check.otherErrors.length === 0) partClean++;
        } else {
          failures.push(`${shortPath(root, file)}: ${check.errors.slice(0, 3).map(describeProblem).join('; ')}`);
        }
      }
      rows.push({ label: part.label, passed: partAccepted, total: part.files.length, note: `${partParsed} parse, ${partRunnable} runnable, ${partClean} Zeebe-clean` });
      accepted += partAccepted;
      parsedOnly += partParsed;
      clean += partClean;
      runnable += partRunnable;
      total += part.files.length;
    }
    rows.push({ label: 'corpus total (accepted)', passed: accepted, total });
    return {
      rows,
      fields: { corpusParsed: accepted, corpusTotal: total, corpusParseOnly: parsedOnly, corpusRunnable: runnable, corpusZeebeClean: clean },
      failures,
    };
  },
};
