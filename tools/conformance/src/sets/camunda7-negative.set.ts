import { join, relative } from 'node:path';
import { negativeKind, type NegativeKind } from '../camunda7-negatives';
import type { ConformanceSet } from '../conformance-set';
import { bpmnFilesUnder, readBytes } from '../corpus-files';
import { checkModel, describeProblem, DIALECT_NEUTRAL } from '../model-check';

/**
 * Camunda 7's negative tests must be refused by parse + validation (structure, execution and
 * Camunda 7 rules). Zeebe-dialect errors do not count: refusing a Camunda model for lacking a Zeebe job type would be right for
 * the wrong reason.
 */
export const camunda7NegativeSet: ConformanceSet = {
  name: 'camunda7-negative',
  title: 'Negative tests of Camunda 7 (and Flowable): must be refused',
  async run({ root, verbose }) {
    const counts: Record<NegativeKind, { rejected: number; total: number }> = {
      core: { rejected: 0, total: 0 },
      extended: { rejected: 0, total: 0 },
      other: { rejected: 0, total: 0 },
    };
    const failures: string[] = [];
    const reasons: string[] = [];
    const files = (['camunda7', 'flowable'] as const).flatMap((corpus) =>
      bpmnFilesUnder(join(root, corpus, 'bpmn')).map((file) => ({ file, corpus, name: relative(join(root, corpus), file) })),
    );
    for (const { file, corpus, name: relativeName } of files) {
      const kind = negativeKind(corpus, relativeName);
      const name = `${corpus}/${relativeName}`;
      if (kind === undefined) continue;
      counts[kind].total++;
      const check = await checkModel(readBytes(file), DIALECT_NEUTRAL);
      if (check.errors.length > 0) {
        counts[kind].rejected++;
        if (verbose) reasons.push(`refused ${name}: ${[...new Set(check.errors.map((problem) => problem.rule))].join(', ')}`);
      } else {
        const other = check.otherErrors.map(describeProblem).slice(0, 2).join('; ');
        failures.push(`accepted (${kind}) ${name}${other === '' ? '' : ` [only Zeebe-dialect errors: ${other}]`}`);
      }
    }
    return {
      rows: [
        { label: 'core (parse area: Invalid/ThrowsError/XXE/TTL/ParsingErrors)', passed: counts.core.rejected, total: counts.core.total },
        { label: 'extended (other areas: ParseInvalid*, InvalidProcess*, ...)', passed: counts.extended.rejected, total: counts.extended.total },
        { label: 'other refusal-expected (C7 + Flowable: *Fails, *NotAllowed, ...)', passed: counts.other.rejected, total: counts.other.total },
      ],
      fields: {
        negativeRejected: counts.core.rejected,
        negativeTotal: counts.core.total,
        negativeExtendedRejected: counts.extended.rejected,
        negativeExtendedTotal: counts.extended.total,
        negativeOtherRejected: counts.other.rejected,
        negativeOtherTotal: counts.other.total,
      },
      failures: [...failures, ...reasons],
    };
  },
};
