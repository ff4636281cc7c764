// Lints sources as if they were files at the given workspace paths, with the workspace's own
// ESLint configuration, and prints the messages as JSON. Input on stdin: [{ file, code }].
// Used by module-boundaries.spec.ts (ESLint loads its configuration with a dynamic import,
// which Jest's module system cannot do in-process).
import { createProjectGraphAsync } from '@nx/devkit';
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const workspace = join(import.meta.dirname, '..', '..');
const probes = JSON.parse(readFileSync(0, 'utf8'));
// The module-boundary rule reads the cached Nx project graph; without one it silently skips.
await createProjectGraphAsync({ exitOnError: true });
const eslint = new ESLint({
  cwd: workspace,
  // The probes do not exist on disk, and these rules need no type information.
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  ruleFilter: ({ ruleId }) =>
    ['@nx/enforce-module-boundaries', 'no-restricted-properties', 'no-restricted-syntax', 'no-restricted-imports'].includes(ruleId),
});
const results = [];
for (const { file, code } of probes) {
  const [result] = await eslint.lintText(code, { filePath: join(workspace, file) });
  results.push(result.messages.map((message) => `${message.ruleId ?? 'parse'}: ${message.message}`));
}
process.stdout.write(JSON.stringify(results));
