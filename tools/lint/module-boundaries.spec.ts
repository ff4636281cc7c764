import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The pure core must not import a framework or I/O (ARCHITECTURE.md). These tests lint small
 * sources as if they were files of the libraries, with the workspace's own configuration, and
 * expect the rules to refuse them. All probes go to one ESLint process (see lint-as.mjs).
 */
interface Probe {
  readonly name: string;
  readonly file: string;
  readonly code: string;
}

const probes: Probe[] = [
  { name: 'nest in engine', file: 'libs/bpmn-engine/src/lint-probe.ts', code: `import { Injectable } from '@nestjs/common';\nexport const probe = Injectable;\n` },
  { name: 'typeorm in engine', file: 'libs/bpmn-engine/src/lint-probe.ts', code: `import { DataSource } from 'typeorm';\nexport const probe = DataSource;\n` },
  { name: 'pg in model', file: 'libs/bpmn-model/src/lint-probe.ts', code: `import { Client } from 'pg';\nexport const probe = Client;\n` },
  { name: 'fs in model', file: 'libs/bpmn-model/src/lint-probe.ts', code: `import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n` },
  { name: 'fs in a spec of model', file: 'libs/bpmn-model/src/lint-probe.spec.ts', code: `import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n` },
  { name: 'http in engine', file: 'libs/bpmn-engine/src/lint-probe.ts', code: `import { request } from 'node:http';\nexport const probe = request;\n` },
  { name: 'data lib in engine', file: 'libs/bpmn-engine/src/lint-probe.ts', code: `import { migrations } from '@laufweg/migrations';\nexport const probe = migrations;\n` },
  { name: 'clock in engine', file: 'libs/bpmn-engine/src/lint-probe.ts', code: `export const a = Date.now();\nexport const b = new Date();\nexport const c = Math.random();\n` },
  { name: 'nest in app', file: 'apps/engine/src/lint-probe.ts', code: `import { Injectable } from '@nestjs/common';\nexport const probe = Injectable;\n` },
  { name: 'pure to pure', file: 'libs/bpmn-engine/src/lint-probe.ts', code: `import { hasErrors } from '@laufweg/bpmn-model';\nexport const probe = hasErrors;\n` },
];

let results: Map<string, string[]>;

beforeAll(() => {
  const output = execFileSync(process.execPath, [join(__dirname, 'lint-as.mjs')], {
    input: JSON.stringify(probes),
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  const messages = JSON.parse(output) as string[][];
  results = new Map(probes.map((probe, index) => [probe.name, messages[index]]));
});

describe('module boundaries', () => {
  it.each([
    ['nest in engine', '@nestjs/common'],
    ['typeorm in engine', 'typeorm'],
    ['pg in model', 'pg'],
  ])('refuses a framework or database import: %s', (name, module) => {
    expect(results.get(name)).toEqual(
      expect.arrayContaining([`@nx/enforce-module-boundaries: A project tagged with "type:pure" is not allowed to import "${module}"`]),
    );
  });

  it.each([
    ['fs in model', 'node:fs'],
    // Specs too: their fixtures arrive as modules (tools/jest/fixture-directory-transform.cjs).
    ['fs in a spec of model', 'node:fs'],
    ['http in engine', 'node:http'],
  ])('refuses a built-in I/O module: %s', (name, module) => {
    expect(results.get(name)).toEqual([`no-restricted-imports: '${module}' import is restricted from being used. The pure core does no I/O; go through a port.`]);
  });

  it('refuses a pure library importing a data library', () => {
    expect(results.get('data lib in engine')).toEqual([expect.stringContaining('@nx/enforce-module-boundaries: A project tagged with "type:pure" can only depend on libs tagged with "type:pure"')]);
  });

  it('refuses the clock and randomness in the pure core', () => {
    expect(results.get('clock in engine')).toEqual([
      'no-restricted-properties: \'Date.now\' is restricted from being used. Use the Clock port.',
      'no-restricted-syntax: Use the Clock port.',
      'no-restricted-properties: \'Math.random\' is restricted from being used. Use the IdGenerator port.',
    ]);
  });

  it('allows the same framework import in the engine app', () => {
    expect(results.get('nest in app')).toEqual([]);
  });

  it('allows a pure library to import another pure library', () => {
    expect(results.get('pure to pure')).toEqual([]);
  });
});
