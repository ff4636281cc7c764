// Lets Node `require()` the workspace's TypeScript directly, for tools run outside Jest:
//   node -r ./tools/scripts/register-ts.js some-tool.ts   or   require('./register-ts') first.
// TypeScript is transpiled (not type-checked) with @swc/core using the workspace .swcrc, and the
// `@laufweg/*` path aliases of tsconfig.base.json resolve to their source. node_modules need no
// transform: Node >= 20.19 can `require()` ES modules natively.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..', '..');
const swcrc = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
const tsconfig = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));

const aliases = new Map(
  Object.entries(tsconfig.compilerOptions.paths ?? {}).map(([alias, [target]]) => [alias, path.join(root, target)]),
);

const originalResolve = Module._resolveFilename;
Module._resolveFilename = function resolveWithAliases(request, parent, isMain, options) {
  const aliased = aliases.get(request);
  if (aliased !== undefined) return originalResolve.call(this, aliased, parent, isMain, options);
  try {
    return originalResolve.call(this, request, parent, isMain, options);
  } catch (error) {
    // Extensionless relative imports of .ts files (`./parse-bpmn`).
    if (request.startsWith('.') && parent?.filename) {
      const base = path.resolve(path.dirname(parent.filename), request);
      for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) {
        if (fs.existsSync(candidate)) return candidate;
      }
    }
    throw error;
  }
};

Module._extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    ...swcrc,
    swcrc: false,
    filename,
    sourceMaps: 'inline',
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

if (!process.execArgv.includes('--enable-source-maps') && typeof process.setSourceMapsEnabled === 'function') {
  process.setSourceMapsEnabled(true);
}
