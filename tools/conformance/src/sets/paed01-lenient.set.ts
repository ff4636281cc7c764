import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBpmn } from '@laufweg/bpmn-model';
import type { ConformanceSet } from '../conformance-set';
import { bpmnFilesUnder, readBytes, shortPath } from '../corpus-files';
import { describeProblem } from '../model-check';

interface InlineEntry {
  readonly file: string;
  readonly has_js_template_interpolation?: boolean;
}

/**
 * paed01 models and inline snippets: lenient reading. Snippets with `${...}` template
 * interpolation are not BPMN as-is and are skipped; undeclared prefixes are accepted with a
 * warning (see docs/validation-rules.md).
 */
export const paed01LenientSet: ConformanceSet = {
  name: 'paed01-parse',
  title: 'paed01 models and inline snippets (lenient parse)',
  async run({ root }) {
    const base = join(root, 'paed01');
    const files: string[] = [];
    for (const repository of ['bpmn-elements', 'bpmn-engine']) {
      files.push(...bpmnFilesUnder(join(base, repository, 'resources')));
      const index = JSON.parse(readFileSync(join(base, repository, 'inline', 'index.json'), 'utf8')) as InlineEntry[];
      files.push(...index.filter((entry) => entry.has_js_template_interpolation !== true).map((entry) => join(base, repository, 'inline', entry.file)));
    }
    const failures: string[] = [];
    let parsed = 0;
    let undeclared = 0;
    for (const file of files) {
      const result = await parseBpmn(readBytes(file), { schemaViolations: 'warning' });
      if (result.ok) {
        parsed++;
        if (result.warnings.some((warning) => warning.rule === 'xml-namespace-undeclared')) undeclared++;
      } else {
        failures.push(`${shortPath(root, file)}: ${result.problems.map(describeProblem).slice(0, 2).join('; ')}`);
      }
    }
    return {
      rows: [{ label: 'parsed', passed: parsed, total: files.length, note: `${undeclared} read with undeclared prefixes` }],
      fields: { paed01Parsed: parsed, paed01ParseTotal: files.length },
      failures,
    };
  },
};
